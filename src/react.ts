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
import type {
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
