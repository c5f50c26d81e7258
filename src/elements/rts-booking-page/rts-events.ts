/**
 * The event `<rts-booking-page>` fires before leaving the page for the organiser's redirect
 * URL: cancelable, so a host page can stay (and navigate its own way).
 */
import type { RtsBooking } from '../../data/rts.js';

/** Detail of `booking-redirect`. */
export interface BookingRedirectDetail {
  /** The validated `http(s)` URL the booking response named. */
  url: string;
  booking: RtsBooking;
}

/**
 * The page is about to call `location.assign(url)` after a booking; `preventDefault()` stops it.
 */
export class BookingRedirectEvent extends CustomEvent<BookingRedirectDetail> {
  constructor(detail: BookingRedirectDetail) {
    super('booking-redirect', { bubbles: true, composed: true, cancelable: true, detail });
  }
}

declare global {
  interface HTMLElementEventMap {
    'booking-redirect': BookingRedirectEvent;
  }
}
