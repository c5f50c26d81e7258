/**
 * The events every element fires: one typed `CustomEvent` subclass per event name of the
 * design's table, all bubbling and composed so they cross shadow roots, declared in
 * `HTMLElementEventMap` so `addEventListener('slot-selected', e => e.detail.slot)` is typed.
 *
 * Contract: events fire for user actions and data outcomes only, never for property sets from
 * code. Slots in details carry UTC ISO instants (`2026-12-01T10:00:00Z`).
 */
import type {
  ApiAvailableSlot,
  ApiFieldErrors,
  AvailabilityQuery,
  SchedulingErrorKind,
} from '../../core/types.js';

/** A slot as handed to listeners: UTC ISO instants, participants, and whether it was bookable. */
export type Slot = ApiAvailableSlot;

const init = { bubbles: true, composed: true } as const;

/** Detail of `slot-selected`. */
export interface SlotSelectedDetail {
  slot: Slot;
}

/** A single slot was chosen (on Confirm in `confirm` mode). */
export class SlotSelectedEvent extends CustomEvent<SlotSelectedDetail> {
  constructor(detail: SlotSelectedDetail) {
    super('slot-selected', { ...init, detail });
  }
}

/** Detail of `selection-change`. */
export interface SelectionChangeDetail {
  slots: Slot[];
  added?: Slot;
  removed?: Slot;
}

/** A multi or free selection changed. */
export class SelectionChangeEvent extends CustomEvent<SelectionChangeDetail> {
  constructor(detail: SelectionChangeDetail) {
    super('selection-change', { ...init, detail });
  }
}

/** Detail of `week-change`: the shown days as `YYYY-MM-DD` in the element's zone. */
export interface WeekChangeDetail {
  firstDay: string;
  lastDay: string;
  hasPrev: boolean;
  hasNext: boolean;
}

/** The viewer shows another week. */
export class WeekChangeEvent extends CustomEvent<WeekChangeDetail> {
  constructor(detail: WeekChangeDetail) {
    super('week-change', { ...init, detail });
  }
}

/** Detail of `no-slots-found`. */
export interface NoSlotsFoundDetail {
  query: AvailabilityQuery;
}

/** Nothing is bookable in the whole query range. */
export class NoSlotsFoundEvent extends CustomEvent<NoSlotsFoundDetail> {
  constructor(detail: NoSlotsFoundDetail) {
    super('no-slots-found', { ...init, detail });
  }
}

/** Detail of `booking-confirmed`. */
export interface BookingConfirmedDetail<B = unknown> {
  booking: B;
}

/** The booking page booked a slot. */
export class BookingConfirmedEvent<B = unknown> extends CustomEvent<BookingConfirmedDetail<B>> {
  constructor(detail: BookingConfirmedDetail<B>) {
    super('booking-confirmed', { ...init, detail });
  }
}

/** Detail of `scheduling-error`. */
export interface SchedulingErrorDetail {
  kind: SchedulingErrorKind;
  status?: number;
  message: string;
  errors?: ApiFieldErrors;
  /** The attribute at fault, for `config` errors. */
  attribute?: string;
}

/** Any failure: configuration, auth, query, rate limit, network, server, conflict. */
export class SchedulingErrorEvent extends CustomEvent<SchedulingErrorDetail> {
  constructor(detail: SchedulingErrorDetail) {
    super('scheduling-error', { ...init, detail });
  }
}

/** Detail of `scheduling-warning`. */
export interface SchedulingWarningDetail {
  message: string;
  attribute?: string;
}

/** Something was accepted with a fallback (an unsupported locale, an ignored option). */
export class SchedulingWarningEvent extends CustomEvent<SchedulingWarningDetail> {
  constructor(detail: SchedulingWarningDetail) {
    super('scheduling-warning', { ...init, detail });
  }
}

declare global {
  interface HTMLElementEventMap {
    'slot-selected': SlotSelectedEvent;
    'selection-change': SelectionChangeEvent;
    'week-change': WeekChangeEvent;
    'no-slots-found': NoSlotsFoundEvent;
    'booking-confirmed': BookingConfirmedEvent;
    'scheduling-error': SchedulingErrorEvent;
    'scheduling-warning': SchedulingWarningEvent;
  }
}
