/**
 * The data layer: transports that answer availability queries, the booking link client, their
 * typed errors, and the helpers controllers use to keep only the latest request.
 */
export type { AvailabilityResult, RequestOptions, Transport } from './transport.js';
export {
  SchedulingError,
  abortError,
  errorDetail,
  errorFromResponse,
  fieldErrorsFromBody,
  isAbortError,
  type SchedulingErrorDetail,
  type SchedulingErrorOptions,
} from './errors.js';
export { HttpTransport, type HttpTransportOptions } from './http.js';
export { retryAfterSeconds } from './retry.js';
export { LocalTransport, demoTransport, type LocalTransportOptions } from './local.js';
export { LatestRequest } from './latest.js';
export { RateLimiter, API_RATE_LIMITS, sharedRateLimiter, type RateLimits } from './rate-limit.js';
export { ExpiringLruCache } from './cache.js';
export {
  availabilityResultFromBody,
  instantFromIso,
  isoFromInstant,
  MAX_RESPONSE_ITEMS,
} from './validate.js';
export { systemClock, timerSleep, untilAborted, type Clock, type Sleep } from './timing.js';
export {
  RtsClient,
  RtsConflictError,
  RtsLinkClosedError,
  rtsBookingFromBody,
  rtsLinkFromBody,
  rtsSlotsFromBody,
  type RtsApi,
  type RtsBooking,
  type RtsBookingRequest,
  type RtsClientOptions,
  type RtsLink,
  type RtsRecipient,
  type RtsRequestOptions,
} from './rts.js';
