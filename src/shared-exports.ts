/**
 * What every entry shares: the base class, the typed events and notifications, transports and
 * their errors, and the Availability API types. Side-effect free.
 */
export { SchedulingElement } from './elements/shared/scheduling-element.js';
export {
  BookingConfirmedEvent,
  NoSlotsFoundEvent,
  SchedulingErrorEvent,
  SchedulingWarningEvent,
  SelectionChangeEvent,
  SlotSelectedEvent,
  WeekChangeEvent,
  type BookingConfirmedDetail,
  type NoSlotsFoundDetail,
  type SchedulingErrorDetail,
  type SchedulingWarningDetail,
  type SelectionChangeDetail,
  type Slot,
  type SlotSelectedDetail,
  type WeekChangeDetail,
} from './elements/shared/events.js';
export type { Notification, NotificationCallback } from './elements/shared/notifications.js';
export type { AvailabilityResult, RequestOptions, Transport } from './data/transport.js';
export { HttpTransport, type HttpTransportOptions } from './data/http.js';
export { LocalTransport, demoTransport, type LocalTransportOptions } from './data/local.js';
export { SchedulingError } from './data/errors.js';
export type { Translations } from './i18n/localize.js';
export type { SupportedLocale } from './i18n/locale.js';
export type {
  ApiAvailableSlot,
  ApiDuration,
  ApiErrorBody,
  ApiFieldError,
  ApiFieldErrors,
  ApiMember,
  ApiMemberStatus,
  ApiParticipant,
  ApiParticipantGroup,
  ApiPeriod,
  ApiQuerySlot,
  AvailabilityQuery,
  AvailabilityResponse,
  IsoInstant,
  ResponseFormat,
  SchedulingErrorKind,
  SyncStatus,
  WeekDayName,
} from './core/types.js';
