/**
 * Shapes of the Availability API as it travels over the wire (snake_case, ISO 8601 UTC strings)
 * and the normalised form the engine and the elements work with (camelCase, epoch milliseconds).
 *
 * Contract: every instant in a wire shape is an ISO 8601 string with an explicit offset (`Z`
 * in responses); every instant in a normalised shape is a UTC epoch millisecond number. Durations
 * are whole minutes once normalised.
 */

/** An ISO 8601 instant, e.g. `2026-12-01T10:00:00Z`. */
export type IsoInstant = string;

/** A half-open period `[start, end)` on the wire. */
export interface ApiPeriod {
  start: IsoInstant;
  end: IsoInstant;
}

/** A duration on the wire: `{minutes}` or `{hours, minutes}`. */
export interface ApiDuration {
  hours?: number;
  minutes?: number;
}

/** One member of a participant group. */
export interface ApiMember {
  sub: string;
  calendar_ids?: string[];
  /** The member's own working hours: they are only available inside these periods. */
  available_periods?: ApiPeriod[];
}

/** A group of members of whom `required` must be free (`"all"` or a count). */
export interface ApiParticipantGroup {
  members: ApiMember[];
  required?: 'all' | number;
}

/** How results are returned: merged periods, fixed slots, or slots for any subset of members. */
export type ResponseFormat = 'periods' | 'slots' | 'overlapping_slots';

/** A start instant for `query_slots`. */
export interface ApiQuerySlot {
  start: IsoInstant;
}

/** An availability query as sent to `POST /v1/availability`. */
export interface AvailabilityQuery {
  participants: ApiParticipantGroup[];
  required_duration: ApiDuration;
  query_periods?: ApiPeriod[];
  /** Older name of `query_periods`; never both. */
  available_periods?: ApiPeriod[];
  query_slots?: ApiQuerySlot[];
  buffer?: { before?: ApiDuration; after?: ApiDuration };
  start_interval?: ApiDuration;
  max_results?: number;
  response_format?: ResponseFormat;
  include_member_statuses?: boolean;
}

/** A participant named on a result. */
export interface ApiParticipant {
  sub: string;
}

/** An available period or slot in a response. */
export interface ApiAvailableSlot {
  start: IsoInstant;
  end: IsoInstant;
  participants: ApiParticipant[];
  /** Present on slots handed to `callback` notifications, as the reference does. */
  available?: boolean;
}

/** Whether a member's calendars are in sync; anything but `active` means the answer may be stale. */
export type SyncStatus = 'active' | 'pending' | 'disconnected';

/** A member's calendar sync status, with `include_member_statuses: true`. */
export interface ApiMemberStatus {
  sub: string;
  sync_status: SyncStatus;
}

/** The response of `POST /v1/availability`. */
export interface AvailabilityResponse {
  available_periods?: ApiAvailableSlot[];
  available_slots?: ApiAvailableSlot[];
  member_statuses?: ApiMemberStatus[];
}

/** One error on one field, in the API's 422 shape. */
export interface ApiFieldError {
  key: string;
  description: string;
}

/** Field errors keyed by field path (`query_periods[0].end`). */
export type ApiFieldErrors = Record<string, ApiFieldError[]>;

/** The body of an API error response. */
export interface ApiErrorBody {
  errors: ApiFieldErrors;
}

/** A half-open interval `[start, end)` in UTC epoch milliseconds. */
export interface Interval {
  start: number;
  end: number;
}

/** A member after validation. */
export interface NormalisedMember {
  sub: string;
  calendarIds?: string[];
  /** Working hours, sorted and merged; absent means always available. */
  availablePeriods?: Interval[];
}

/** A participant group after validation; `required` is `"all"` or a count in 1..members. */
export interface NormalisedGroup {
  members: NormalisedMember[];
  required: 'all' | number;
}

/** A validated query with defaults applied. */
export interface NormalisedQuery {
  participants: NormalisedGroup[];
  /** Minutes, > 0. */
  requiredDuration: number;
  /** Sorted by start; empty when the query uses `querySlots` only. */
  queryPeriods: Interval[];
  /** Start instants of `query_slots`, sorted; absent when not given. */
  querySlots?: number[];
  /** Minutes of buffer required before and after a slot. */
  buffer: { before: number; after: number };
  /** Minutes between slot starts; absent means the API's default. */
  startInterval?: number;
  /** 1..512, default 20. */
  maxResults: number;
  responseFormat: ResponseFormat;
  includeMemberStatuses: boolean;
}

/** Result of parsing a query: the normalised query or field errors in the 422 shape. */
export type QueryParseResult =
  { ok: true; query: NormalisedQuery } | { ok: false; errors: ApiFieldErrors };

/** The kinds of failure every element reports in `scheduling-error`. */
export type SchedulingErrorKind =
  | 'config'
  | 'auth'
  | 'forbidden'
  | 'not_found'
  | 'invalid_query'
  | 'rate_limited'
  | 'server'
  | 'network'
  | 'bad_response'
  | 'conflict'
  | 'gone';

/** Names of the days a week may start on. */
export type WeekDayName =
  'sunday' | 'monday' | 'tuesday' | 'wednesday' | 'thursday' | 'friday' | 'saturday';

/** Where the engine reads members' busy time from: a store, demo calendars, a test table. */
export interface CalendarSource {
  /**
   * Busy intervals of `sub` that touch `window`, in any order, possibly overlapping.
   * `calendarIds` narrows to those calendars; absent means all of the member's calendars.
   */
  busy(
    sub: string,
    calendarIds: readonly string[] | undefined,
    window: Interval,
  ): readonly Interval[];
  /** Sync status of the member's calendars; `active` when the source does not report one. */
  status?(sub: string): SyncStatus;
}
