/**
 * The booked event as a calendar entry: the `CalendarEvent` the `.ics` file and the
 * add-to-calendar links describe, and a controller owning the file's Blob URL.
 *
 * Contract: the event's uid is the booking's `event_id` under `@scheduling-elements`; its
 * description and location come from the link's public view; the recipient, when they gave an
 * email, is its attendee. Nothing of the link's token goes into the file or the links. The Blob
 * URL is revoked when the booking changes and when the host disconnects.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { icsOf, type CalendarEvent } from '../../core/ics.js';
import type { RtsBooking, RtsLink } from '../../data/rts.js';

/** The calendar entry for `booking` made on `link`. */
export function calendarEventOf(booking: RtsBooking, link: RtsLink | undefined): CalendarEvent {
  const { email, name } = booking.recipient;
  return {
    uid: `${booking.event_id}@scheduling-elements`,
    start: Date.parse(booking.start),
    end: Date.parse(booking.end),
    summary: booking.summary,
    ...(link?.description ? { description: link.description } : {}),
    ...(link?.location ? { location: link.location } : {}),
    ...(email ? { attendees: [name ? { email, name } : { email }] } : {}),
  };
}

/** The Blob URL of one booking's `.ics` file, made on demand and revoked when no longer shown. */
export class IcsFileController implements ReactiveController {
  private url = '';
  private booking: RtsBooking | undefined;

  constructor(host: ReactiveControllerHost) {
    host.addController(this);
  }

  /** The file's URL for `booking` (a new one when the booking changed). */
  urlFor(booking: RtsBooking, link: RtsLink | undefined): string {
    if (booking !== this.booking) {
      this.revoke();
      this.booking = booking;
      const file = new Blob([icsOf(calendarEventOf(booking, link))], {
        type: 'text/calendar;charset=utf-8',
      });
      this.url = URL.createObjectURL(file);
    }
    return this.url;
  }

  hostDisconnected(): void {
    this.revoke();
  }

  private revoke(): void {
    if (this.url) URL.revokeObjectURL(this.url);
    this.url = '';
    this.booking = undefined;
  }
}
