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
import { SchedulingError } from './errors.js';

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

/**
 * `result` when it has the `AvailabilityResult` shape the elements read, else a `bad_response`
 * failure naming what is wrong. The library's transports validate their answers already; this
 * guards the elements against an injected transport that answers something else.
 */
export function checkedResult(result: unknown): AvailabilityResult {
  const fail = (what: string): never => {
    throw new SchedulingError('bad_response', `The transport's answer ${what}.`);
  };
  if (typeof result !== 'object' || result === null) return fail('is not an object');
  const { slots, memberStatuses, stale } = result as Partial<AvailabilityResult>;
  if (!Array.isArray(slots)) return fail('has no slots array');
  slots.forEach((slot: Partial<ApiAvailableSlot> | null, i) => {
    const instant = (value: unknown) =>
      typeof value === 'string' && Number.isFinite(Date.parse(value));
    if (
      typeof slot !== 'object' ||
      slot === null ||
      !instant(slot.start) ||
      !instant(slot.end) ||
      !Array.isArray(slot.participants)
    ) {
      fail(`has slots[${i}] that is not {start, end, participants} with ISO instants`);
    }
  });
  if (memberStatuses !== undefined && !Array.isArray(memberStatuses)) {
    fail('has memberStatuses that is not an array');
  }
  if (stale !== undefined && typeof stale !== 'boolean')
    fail('has stale that is not true or false');
  return result as AvailabilityResult;
}

/**
 * `transport`'s checked answer for `query`; a transport that throws instead of rejecting, or
 * answers a wrong shape, becomes a rejection the elements report like any other failure.
 */
export function askTransport(
  transport: Transport,
  query: NormalisedQuery,
  options?: RequestOptions,
): Promise<AvailabilityResult> {
  return new Promise<AvailabilityResult>((resolve) =>
    resolve(transport.availability(query, options)),
  ).then(checkedResult);
}
