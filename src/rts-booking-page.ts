/**
 * Entry `scheduling-elements/rts-booking-page`: the `<rts-booking-page>` class, its client and
 * types; importing it registers the tag (only if no element holds it yet).
 */
import './elements/rts-booking-page/define.js';

export { RtsBookingPage } from './elements/rts-booking-page/rts-booking-page.js';
export {
  BookingRedirectEvent,
  type BookingRedirectDetail,
} from './elements/rts-booking-page/rts-events.js';
export {
  RtsClient,
  RtsConflictError,
  RtsLinkClosedError,
  type RtsApi,
  type RtsBookedTime,
  type RtsBooking,
  type RtsBookingRequest,
  type RtsClientOptions,
  type RtsFieldName,
  type RtsFieldRule,
  type RtsLink,
  type RtsLinkStatus,
  type RtsOrganizer,
  type RtsRecipient,
  type RtsRequestOptions,
} from './data/rts.js';
export * from './shared-exports.js';
