/**
 * The availability engine: answers a validated availability query from members' busy time.
 * Pure (no DOM, no I/O beyond the `CalendarSource` it is given); runs in browsers and Node.
 *
 * Contract. Input is a `NormalisedQuery` (already validated, minutes for durations, UTC epoch
 * ms for instants) and a `CalendarSource`; output is an `AvailabilityResponse` in the wire
 * shape, instants as `YYYY-MM-DDTHH:mm:ssZ`. Semantics, all intervals half-open `[start, end)`:
 * - Free: a member is free at an instant inside their `availablePeriods` (when given) and
 *   outside every busy interval the source returns for them (and their `calendarIds`).
 * - Buffers: a result `[s, e)` needs each member it names free over `[s - before, e + after)`;
 *   buffer time may fall outside the query periods, result time may not.
 * - Groups: a result needs, in every group, `required` of its members (`"all"` = every member)
 *   free for the whole result. `participants` lists every member free for the whole result
 *   (buffers included), in query order, each sub once; that may be more than `required`.
 * - Query periods are merged where they overlap or touch; no result crosses a gap between them.
 * - `periods`: the maximal intervals throughout which enough of the same members stay free to
 *   satisfy every group, at least `requiredDuration` long. With N-of-M groups two such periods
 *   may overlap (the satisfying members change part-way); each is a distinct result with its
 *   own participants.
 * - `overlapping_slots`: a slot of `requiredDuration` at every candidate start where the
 *   requirement holds. `slots`: the same candidates taken greedily from the earliest so that
 *   returned slots never overlap (the next slot starts at or after the previous one's end).
 * - Candidate starts: every `startInterval` minutes (default `DEFAULT_START_INTERVAL_MINUTES`)
 *   from the first instant at or after each merged query period's start that lies a whole
 *   number of intervals after the top of that UTC hour, while the slot ends inside the period.
 *   With `querySlots` the candidates are exactly those starts (deduplicated), always answered
 *   as `available_slots` with no overlap rule; if query periods are also given a query slot
 *   must lie inside one of them.
 * - Order: by start, then end, then participants; starts are unique in every format, so the
 *   engine emits results in order and stops at `maxResults`.
 * - Busy time: `calendars.busy` is asked once per distinct (sub, calendarIds), for the window
 *   from the earliest result start minus `before` to the latest result end plus `after`.
 * - `member_statuses` (with `includeMemberStatuses`): one entry per distinct sub in query
 *   order, from `calendars.status`, `active` when the source has no status.
 * Cost: each member's busy time is fetched once for the window the query can touch, sorted
 * and merged once; the answer is one sweep over the sorted boundaries of members' free time
 * (periods) or over the candidate starts (slots), never a per-minute loop.
 */
import { gapSpans, intersectedSpans, shrunkSpans, spansOf } from './intervals.js';
import type {
  ApiAvailableSlot,
  AvailabilityResponse,
  CalendarSource,
  Interval,
  NormalisedQuery,
} from './types.js';

/** Minutes between candidate slot starts when the query gives no `startInterval` (the viewer's default grid). */
export const DEFAULT_START_INTERVAL_MINUTES = 15;

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const NO_SPANS = new Float64Array(0);

/** One member of one group, with the times a result may occupy (buffers already applied). */
interface Seat {
  sub: string;
  /** Span list: a result inside one of its spans has this member free, buffers included. */
  usable: Float64Array;
  /** Index into `usable` of the start of the first span that may still matter to the sweep. */
  cursor: number;
}

interface SeatGroup {
  seats: Seat[];
  required: number;
}

/** The availability answer to `query`, computed from the busy time in `calendars`. */
export function computeAvailability(
  query: NormalisedQuery,
  calendars: CalendarSource,
): AvailabilityResponse {
  const before = query.buffer.before * MINUTE;
  const after = query.buffer.after * MINUTE;
  const duration = query.requiredDuration * MINUTE;
  const queryPeriods = spansOf(query.queryPeriods);
  const querySlots = query.querySlots && [...new Set(query.querySlots)].sort((a, b) => a - b);
  const reach = reachOf(queryPeriods, querySlots, duration);

  const response: AvailabilityResponse = {};
  let results: ApiAvailableSlot[] = [];
  if (reach !== undefined) {
    const window = { start: reach.start - before, end: reach.end + after };
    // Without query slots the window is the query periods' reach plus buffers, so time shrunk
    // by the buffers already lies inside it: only gaps between several periods need cutting.
    const clipTo = querySlots || queryPeriods.length > 2 ? queryPeriods : NO_SPANS;
    const groups = seatGroupsFor(query, calendars, window, before, after, clipTo);
    if (querySlots) {
      results = availableSlots(groups, querySlots, duration, false, query.maxResults);
    } else if (query.responseFormat === 'periods') {
      results = availablePeriods(groups, duration, query.maxResults);
    } else {
      const interval = (query.startInterval ?? DEFAULT_START_INTERVAL_MINUTES) * MINUTE;
      const starts = gridStarts(queryPeriods, interval, duration);
      const nonOverlapping = query.responseFormat === 'slots';
      results = availableSlots(groups, starts, duration, nonOverlapping, query.maxResults);
    }
  }
  if (query.responseFormat === 'periods' && !querySlots) response.available_periods = results;
  else response.available_slots = results;

  if (query.includeMemberStatuses) {
    response.member_statuses = distinctSubs(query).map((sub) => ({
      sub,
      sync_status: calendars.status?.(sub) ?? 'active',
    }));
  }
  return response;
}

/** The span results may occupy, or undefined when the query leaves nothing to search. */
function reachOf(
  queryPeriods: Float64Array,
  querySlots: readonly number[] | undefined,
  duration: number,
): Interval | undefined {
  if (querySlots) {
    if (querySlots.length === 0) return undefined;
    return { start: querySlots[0]!, end: querySlots[querySlots.length - 1]! + duration };
  }
  if (queryPeriods.length === 0) return undefined;
  return { start: queryPeriods[0]!, end: queryPeriods[queryPeriods.length - 1]! };
}

/** Every member of every group with the spans a result may occupy for them. */
function seatGroupsFor(
  query: NormalisedQuery,
  calendars: CalendarSource,
  window: Interval,
  before: number,
  after: number,
  clipTo: Float64Array,
): SeatGroup[] {
  // A sub named in several groups (with the same calendars) is fetched and merged once.
  const freeBySource = new Map<string, Float64Array>();
  return query.participants.map((group) => ({
    required: group.required === 'all' ? group.members.length : group.required,
    seats: group.members.map((member) => {
      const key = `${member.sub}\u0000${member.calendarIds?.join('\u0000') ?? '*'}`;
      let free = freeBySource.get(key);
      if (free === undefined) {
        free = gapSpans(spansOf(calendars.busy(member.sub, member.calendarIds, window)), window);
        freeBySource.set(key, free);
      }
      if (member.availablePeriods) free = intersectedSpans(free, spansOf(member.availablePeriods));
      let usable = shrunkSpans(free, before, after);
      if (clipTo.length > 0) usable = intersectedSpans(usable, clipTo);
      return { sub: member.sub, usable, cursor: 0 };
    }),
  }));
}

/** Candidate slot starts in each query period on the hour-aligned `interval` grid. */
function gridStarts(queryPeriods: Float64Array, interval: number, duration: number): number[] {
  const starts: number[] = [];
  for (let k = 0; k < queryPeriods.length; k += 2) {
    const start = queryPeriods[k]!;
    const end = queryPeriods[k + 1]!;
    const hour = Math.floor(start / HOUR) * HOUR;
    const first = hour + Math.ceil((start - hour) / interval) * interval;
    for (let s = first; s + duration <= end; s += interval) starts.push(s);
  }
  return starts;
}

/** Moves `seat.cursor` to its first usable span ending after `instant`; false when none is left. */
function seekSeat(seat: Seat, instant: number): boolean {
  const { usable } = seat;
  while (seat.cursor < usable.length && usable[seat.cursor + 1]! <= instant) seat.cursor += 2;
  return seat.cursor < usable.length;
}

/** Whether `seat`, sought to `start`, is free over `[start, end)`. */
function seatFree(seat: Seat, start: number, end: number): boolean {
  return seat.usable[seat.cursor]! <= start && seat.usable[seat.cursor + 1]! >= end;
}

/** Slots `[s, s + duration)` at the given sorted starts where every group is satisfied. */
function availableSlots(
  groups: SeatGroup[],
  starts: readonly number[],
  duration: number,
  nonOverlapping: boolean,
  maxResults: number,
): ApiAvailableSlot[] {
  const results: ApiAvailableSlot[] = [];
  let earliest = -Infinity;
  const free: Seat[] = [];
  for (const start of starts) {
    if (results.length >= maxResults) break;
    if (start < earliest) continue;
    const end = start + duration;
    free.length = 0;
    let satisfied = true;
    for (const group of groups) {
      let count = 0;
      let missing = group.seats.length - group.required;
      for (const seat of group.seats) {
        if (seekSeat(seat, start) && seatFree(seat, start, end)) {
          count += 1;
          free.push(seat);
        } else if (--missing < 0) {
          break;
        }
      }
      if (count < group.required) {
        satisfied = false;
        break;
      }
    }
    if (!satisfied) continue;
    results.push(resultOf(start, end, free));
    if (nonOverlapping) earliest = end;
  }
  return results;
}

/** The maximal periods, at least `duration` long, over which every group is satisfied. */
function availablePeriods(
  groups: SeatGroup[],
  duration: number,
  maxResults: number,
): ApiAvailableSlot[] {
  // A maximal period starts where some member's usable time starts, so those are the only
  // candidate starts; from each, the period runs to the earliest instant where some group
  // loses its required-th member. One found from an earlier start covering it is not maximal.
  let total = 0;
  for (const group of groups) for (const seat of group.seats) total += seat.usable.length / 2;
  const starts = new Float64Array(total);
  let size = 0;
  for (const group of groups) {
    for (const seat of group.seats) {
      for (let k = 0; k < seat.usable.length; k += 2) starts[size++] = seat.usable[k]!;
    }
  }
  starts.sort();
  const results: ApiAvailableSlot[] = [];
  const ends: number[] = [];
  let coveredUntil = -Infinity;
  for (let c = 0; c < starts.length; c++) {
    const start = starts[c]!;
    if (c > 0 && start === starts[c - 1]) continue;
    if (results.length >= maxResults) break;
    let end = Infinity;
    for (const group of groups) {
      ends.length = 0;
      let missing = group.seats.length - group.required;
      for (const seat of group.seats) {
        if (seekSeat(seat, start) && seat.usable[seat.cursor]! <= start) {
          ends.push(seat.usable[seat.cursor + 1]!);
        } else if (--missing < 0) {
          break;
        }
      }
      if (ends.length < group.required) {
        end = -Infinity;
        break;
      }
      if (group.required > 0) end = Math.min(end, requiredThLargest(ends, group.required));
    }
    if (end <= coveredUntil) continue;
    coveredUntil = end;
    if (end - start < duration) continue;
    const free: Seat[] = [];
    for (const group of groups) {
      for (const seat of group.seats) {
        if (seat.cursor < seat.usable.length && seatFree(seat, start, end)) free.push(seat);
      }
    }
    results.push(resultOf(start, end, free));
  }
  return results;
}

/** The `k`-th largest of `values` (1-based, `k <= values.length`); may reorder `values`. */
function requiredThLargest(values: number[], k: number): number {
  if (k === values.length) {
    let min = Infinity;
    for (const v of values) if (v < min) min = v;
    return min;
  }
  if (k > 8) {
    values.sort((a, b) => b - a);
    return values[k - 1]!;
  }
  // Small k (the usual "2 of 5"): keep the k largest in descending order in the array's head.
  for (let i = 1; i < values.length; i++) {
    const v = values[i]!;
    if (i >= k && v <= values[k - 1]!) continue;
    let j = Math.min(i, k - 1);
    while (j > 0 && values[j - 1]! < v) {
      values[j] = values[j - 1]!;
      j -= 1;
    }
    values[j] = v;
  }
  return values[k - 1]!;
}

/** A result in the wire shape naming each free member's sub once, in query order. */
function resultOf(start: number, end: number, free: readonly Seat[]): ApiAvailableSlot {
  const subs = [...new Set(free.map((seat) => seat.sub))];
  return {
    start: isoInstant(start),
    end: isoInstant(end),
    participants: subs.map((sub) => ({ sub })),
  };
}

/** Every sub in the query once, in query order. */
function distinctSubs(query: NormalisedQuery): string[] {
  return [...new Set(query.participants.flatMap((g) => g.members.map((m) => m.sub)))];
}

/** `ms` as `YYYY-MM-DDTHH:mm:ssZ` (whole seconds, as the API writes instants). */
function isoInstant(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}
