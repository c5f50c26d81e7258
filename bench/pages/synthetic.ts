/**
 * Synthetic, deterministic availability for the browser benchmarks, served through transports
 * that answer at once (a resolved promise), so only the elements' own work is timed.
 *
 * Answers go through `availabilityResultFromBody`, the validation every real transport applies,
 * and are memoised per query key before timing starts (warm-up rounds ask every query once).
 */
import { queryKey } from '../../src/core/query.js';
import type { ApiAvailableSlot, NormalisedQuery } from '../../src/core/types.js';
import { demoTransport } from '../../src/data/local.js';
import type { AvailabilityResult, RequestOptions, Transport } from '../../src/data/transport.js';
import { availabilityResultFromBody } from '../../src/data/validate.js';
import { choose, iso, prng } from './paint.js';

const MINUTE = 60_000;

/** Builds the slots of the API response answering one query. */
export type SlotsFor = (query: NormalisedQuery) => ApiAvailableSlot[];

/** A transport that answers every request at once from `slotsFor`, recording when it answered. */
export class InstantTransport implements Transport {
  /** Requests received. */
  calls = 0;
  /** `performance.now()` when the last answer was handed over. */
  answeredAt = 0;
  private readonly answers = new Map<string, AvailabilityResult>();

  constructor(private readonly slotsFor: SlotsFor) {}

  availability(query: NormalisedQuery): Promise<AvailabilityResult> {
    this.calls += 1;
    const key = queryKey(query);
    let result = this.answers.get(key);
    if (!result) {
      result = availabilityResultFromBody({ available_slots: this.slotsFor(query) }, query);
      this.answers.set(key, result);
    }
    this.answeredAt = performance.now();
    return Promise.resolve(result);
  }
}

/**
 * `count` slots of `durationMin` minutes for `query`: starts on the quarter hour inside its
 * periods, chosen by a PRNG seeded with the first period's start; each slot names a non-empty
 * subset of `members` (all of them when `allMembers`).
 */
export function syntheticSlots(
  query: NormalisedQuery,
  count: number,
  members: readonly string[],
  allMembers: boolean,
  hours?: { from: number; to: number },
): ApiAvailableSlot[] {
  const duration = query.requiredDuration * MINUTE;
  const starts: number[] = [];
  for (const period of query.queryPeriods) {
    for (let s = period.start; s + duration <= period.end; s += 15 * MINUTE) {
      const hour = new Date(s).getUTCHours();
      if (!hours || (hour >= hours.from && hour < hours.to)) starts.push(s);
    }
  }
  const random = prng(query.queryPeriods[0]?.start ?? 1);
  return choose(starts.length, count, random).map((i) => {
    const start = starts[i]!;
    const subset = allMembers ? [...members] : members.filter(() => random() < 0.6);
    const chosen = subset.length > 0 ? subset : [members[Math.floor(random() * members.length)]!];
    return {
      start: iso(start),
      end: iso(start + duration),
      participants: chosen.map((sub) => ({ sub })),
    };
  });
}

/** A transport over the demo calendars that counts requests and when they started. */
export class CountingTransport implements Transport {
  /** `performance.now()` of every request, in order. */
  readonly requests: number[] = [];
  private readonly inner = demoTransport();

  availability(query: NormalisedQuery, options?: RequestOptions): Promise<AvailabilityResult> {
    this.requests.push(performance.now());
    return this.inner.availability(query, options);
  }
}
