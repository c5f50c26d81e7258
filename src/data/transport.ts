/**
 * The interface every data source implements, whether it talks HTTP or answers locally.
 *
 * Contract: a transport takes a validated `NormalisedQuery` and resolves with an
 * `AvailabilityResult` whose slots are validated, sorted by start, de-duplicated and clipped to
 * the query's periods; it rejects with a `SchedulingError`, or with an `AbortError` when the
 * caller's signal aborts. One method per API endpoint: further endpoints (booking links) are
 * added as further methods taking the same `RequestOptions`.
 */
import type {
  ApiAvailableSlot,
  ApiMemberStatus,
  NormalisedQuery,
  ResponseFormat,
} from '../core/types.js';

/** Options every transport request accepts. */
export interface RequestOptions {
  /** Aborting it rejects this caller with an `AbortError`. */
  signal?: AbortSignal;
  /** Skip any cached answer and ask again (what `refresh()` uses); a request in flight is still shared. */
  fresh?: boolean;
}

/** An availability answer, validated and normalised. */
export interface AvailabilityResult {
  /** Available periods or slots (per `format`), sorted by start, without duplicates, inside the query. */
  slots: readonly ApiAvailableSlot[];
  /** The shape of `slots`: merged periods, fixed slots, or slots for subsets of members. */
  format: ResponseFormat;
  /** Members' calendar sync statuses; empty unless the query asked for them. */
  memberStatuses: readonly ApiMemberStatus[];
  /** Whether some member's calendars are not up to date, so the answer may be stale. */
  stale: boolean;
}

/** A source of availability: the HTTP API, the local engine, or anything a host page injects. */
export interface Transport {
  /** Available slots or periods for `query`. */
  availability(query: NormalisedQuery, options?: RequestOptions): Promise<AvailabilityResult>;
}
