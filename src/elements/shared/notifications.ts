/**
 * Notifications in the shape the reference's `callback(notification)` receives, so apps that
 * listen that way today keep working: `{notification: {type, ...}}` with UTC ISO instants.
 */
import type { ApiFieldErrors, AvailabilityQuery } from '../../core/types.js';
import type { Slot } from './events.js';

/** Every notification type the elements send. */
export type Notification =
  | { notification: { type: 'slot_selected'; slot: Slot } }
  | { notification: { type: 'slot_added'; slot: Slot }; slots: Slot[] }
  | { notification: { type: 'slot_removed'; slot: Slot }; slots: Slot[] }
  | {
      notification: {
        type: 'displayed_dates_changed';
        firstDay: string;
        lastDay: string;
        hasNext: boolean;
        hasPrev: boolean;
      };
    }
  | { notification: { type: 'visible_slots' } }
  | { notification: { type: 'no_visible_slots' } }
  | { notification: { type: 'no_slots_found'; query: AvailabilityQuery } }
  | {
      notification: {
        type: 'query_periods_edited';
        query_periods: { start: string; end: string }[];
      };
    }
  | {
      notification: {
        type: 'error';
        element: string;
        message: string;
        errors?: ApiFieldErrors;
      };
    }
  | { notification: { type: 'warning'; element: string; message: string } }
  | { notification: { type: 'booking_confirmed'; booking: unknown } };

/** The function apps pass as `.callback`. */
export type NotificationCallback = (notification: Notification) => void;
