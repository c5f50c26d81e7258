/**
 * Entry `scheduling-elements/react`: React components for the elements, made with `@lit/react`,
 * for React 18 and earlier (which pass every prop as an attribute and cannot listen to custom
 * events). Props set the element's properties (`query`, `mode`, `callback`, ...); `onSlotSelected`
 * and the other `on*` props listen to the element's events. React 19 can use the tags directly.
 * Importing this entry registers the elements; `react` must be installed by the app.
 */
import { createComponent, type EventName } from '@lit/react';
import * as React from 'react';
import { AvailabilityViewer as AvailabilityViewerElement } from './availability-viewer.js';
import {
  RtsBookingPage as RtsBookingPageElement,
  type BookingRedirectEvent,
} from './rts-booking-page.js';
import type {
  BookingConfirmedEvent,
  NoSlotsFoundEvent,
  SchedulingErrorEvent,
  SchedulingWarningEvent,
  SelectionChangeEvent,
  SlotSelectedEvent,
  WeekChangeEvent,
} from './shared-exports.js';
import { SlotPicker as SlotPickerElement } from './slot-picker.js';

const commonEvents = {
  onNoSlotsFound: 'no-slots-found' as EventName<NoSlotsFoundEvent>,
  onSchedulingError: 'scheduling-error' as EventName<SchedulingErrorEvent>,
  onSchedulingWarning: 'scheduling-warning' as EventName<SchedulingWarningEvent>,
  onSlotSelected: 'slot-selected' as EventName<SlotSelectedEvent>,
};

/** `<availability-viewer>` as a React component. */
export const AvailabilityViewer = createComponent({
  tagName: 'availability-viewer',
  elementClass: AvailabilityViewerElement,
  react: React,
  events: {
    ...commonEvents,
    onSelectionChange: 'selection-change' as EventName<SelectionChangeEvent>,
    onWeekChange: 'week-change' as EventName<WeekChangeEvent>,
  },
  displayName: 'AvailabilityViewer',
});

/** `<slot-picker>` as a React component. */
export const SlotPicker = createComponent({
  tagName: 'slot-picker',
  elementClass: SlotPickerElement,
  react: React,
  events: commonEvents,
  displayName: 'SlotPicker',
});

/** `<rts-booking-page>` as a React component. */
export const RtsBookingPage = createComponent({
  tagName: 'rts-booking-page',
  elementClass: RtsBookingPageElement,
  react: React,
  events: {
    onBookingConfirmed: 'booking-confirmed' as EventName<BookingConfirmedEvent>,
    onBookingRedirect: 'booking-redirect' as EventName<BookingRedirectEvent>,
    onSchedulingError: 'scheduling-error' as EventName<SchedulingErrorEvent>,
    onSchedulingWarning: 'scheduling-warning' as EventName<SchedulingWarningEvent>,
  },
  displayName: 'RtsBookingPage',
});
