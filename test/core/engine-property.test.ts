import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { computeAvailability, DEFAULT_START_INTERVAL_MINUTES } from '../../src/core/engine.js';
import type {
  ApiAvailableSlot,
  CalendarSource,
  Interval,
  NormalisedGroup,
  NormalisedQuery,
  ResponseFormat,
} from '../../src/core/types.js';

/**
 * The engine against a brute-force oracle that decides everything minute by minute on a small
 * grid: who is free in each minute, whether a candidate result keeps every group satisfied
 * (buffers included), and which candidates are maximal. It shares no code with the engine.
 */

const T0 = Date.UTC(2026, 11, 1, 0, 0);
const HORIZON = 240;
/** Minutes of the grid before 0 and after HORIZON that buffers and late query slots can reach. */
const LOW = -30;
const HIGH = HORIZON + 100;

type Span = [number, number];

interface Scenario {
  groups: { subs: string[]; required: 'all' | number }[];
  busy: Record<string, Span[]>;
  working: Record<string, Span[] | undefined>;
  queryPeriods: Span[];
  querySlots: number[] | undefined;
  duration: number;
  before: number;
  after: number;
  startInterval: number | undefined;
  maxResults: number;
  format: ResponseFormat;
  /** Whether the source hands busy time over sorted by start, as stores usually do. */
  sortedSource: boolean;
}

const toMs = (minute: number) => T0 + minute * 60_000;
const spanArb = (from: number, to: number, maxLength: number) =>
  fc
    .tuple(fc.integer({ min: from, max: to - 1 }), fc.integer({ min: 1, max: maxLength }))
    .map(([s, len]): Span => [s, Math.min(to, s + len)]);

/** Sorted, merged spans, as `NormalisedMember.availablePeriods` promises. */
function mergedSpans(spans: Span[]): Span[] {
  const out: Span[] = [];
  for (const [s, e] of [...spans].sort((a, b) => a[0] - b[0])) {
    const last = out[out.length - 1];
    if (last && s <= last[1]) last[1] = Math.max(last[1], e);
    else out.push([s, e]);
  }
  return out;
}

/** `arb` in about a quarter of cases, else undefined. */
const sometimes = <T>(arb: fc.Arbitrary<T>) =>
  fc.oneof({ weight: 3, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: arb });

const scenarioArb: fc.Arbitrary<Scenario> = fc
  .array(fc.integer({ min: 1, max: 3 }), { minLength: 1, maxLength: 2 })
  .chain((sizes) => {
    let next = 0;
    const groupSubs = sizes.map((n) => Array.from({ length: n }, () => `m${next++}`));
    const subs = groupSubs.flat();
    const perSub = <T>(arb: fc.Arbitrary<T>) =>
      fc
        .tuple(...subs.map(() => arb))
        .map((values) => Object.fromEntries(subs.map((s, i) => [s, values[i]!])));
    return fc.record({
      groups: fc.tuple(
        ...groupSubs.map((members) =>
          fc.record({
            subs: fc.constant(members),
            required: fc.oneof(
              fc.constant('all' as const),
              fc.integer({ min: 1, max: members.length }),
            ),
          }),
        ),
      ),
      busy: perSub(fc.array(spanArb(LOW, HIGH, 40), { maxLength: 3 })),
      working: perSub(
        sometimes(
          fc.array(spanArb(LOW, HIGH, 240), { minLength: 1, maxLength: 3 }).map(mergedSpans),
        ),
      ),
      queryPeriods: fc
        .array(spanArb(0, HORIZON, 180), { minLength: 1, maxLength: 3 })
        .map((ps) => [...ps].sort((a, b) => a[0] - b[0]))
        .chain((ps) => fc.constantFrom(ps, ps, ps, [])),
      querySlots: sometimes(
        fc.array(fc.integer({ min: 0, max: HORIZON }), { minLength: 1, maxLength: 8 }),
      ),
      duration: fc.integer({ min: 1, max: 45 }),
      before: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 15 })),
      after: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 15 })),
      startInterval: fc.option(fc.integer({ min: 1, max: 45 }), { nil: undefined }),
      maxResults: fc.integer({ min: 1, max: 30 }),
      format: fc.constantFrom<ResponseFormat>('periods', 'slots', 'overlapping_slots'),
      sortedSource: fc.boolean(),
    });
  });

function queryOf(s: Scenario): NormalisedQuery {
  const participants: NormalisedGroup[] = s.groups.map((g) => ({
    required: g.required,
    members: g.subs.map((sub) => {
      const working = s.working[sub];
      return working
        ? { sub, availablePeriods: working.map(([a, b]) => ({ start: toMs(a), end: toMs(b) })) }
        : { sub };
    }),
  }));
  return {
    participants,
    requiredDuration: s.duration,
    queryPeriods: s.queryPeriods.map(([a, b]) => ({ start: toMs(a), end: toMs(b) })),
    ...(s.querySlots ? { querySlots: [...s.querySlots].sort((a, b) => a - b).map(toMs) } : {}),
    buffer: { before: s.before, after: s.after },
    ...(s.startInterval !== undefined ? { startInterval: s.startInterval } : {}),
    maxResults: s.maxResults,
    responseFormat: s.format,
    includeMemberStatuses: false,
  };
}

function sourceOf(s: Scenario): CalendarSource {
  return {
    busy: (sub, _ids, window: Interval) =>
      (s.busy[sub] ?? [])
        .map(([a, b]) => ({ start: toMs(a), end: toMs(b) }))
        .filter((i) => i.end > window.start && i.start < window.end)
        .sort((a, b) => (s.sortedSource ? a.start - b.start : 0)),
  };
}

interface Expected {
  key: 'available_periods' | 'available_slots';
  results: string[];
}

/** The answer computed minute by minute. */
function oracle(s: Scenario): Expected {
  const subs = [...new Set(s.groups.flatMap((g) => g.subs))];
  // busyBefore[sub][m - LOW] = number of unfree minutes in [LOW, m).
  const busyBefore = new Map<string, number[]>();
  for (const sub of subs) {
    const counts = [0];
    for (let m = LOW; m < HIGH; m++) {
      const working = s.working[sub];
      const inWorking = !working || working.some(([a, b]) => a <= m && m < b);
      const busy = s.busy[sub]!.some(([a, b]) => a <= m && m < b);
      counts.push(counts[counts.length - 1]! + (inWorking && !busy ? 0 : 1));
    }
    busyBefore.set(sub, counts);
  }
  const freeOver = (sub: string, a: number, b: number) => {
    const counts = busyBefore.get(sub)!;
    const from = Math.max(a - s.before, LOW);
    const to = Math.min(b + s.after, HIGH);
    // Minutes outside the grid are never needed: the grid spans every reachable buffer.
    return counts[to - LOW]! - counts[from - LOW]! === 0;
  };
  const satisfied = (a: number, b: number) =>
    s.groups.every((g) => {
      const need = g.required === 'all' ? g.subs.length : g.required;
      return g.subs.filter((sub) => freeOver(sub, a, b)).length >= need;
    });
  const line = (a: number, b: number) =>
    `${a}-${b} ${subs.filter((sub) => freeOver(sub, a, b)).join(',')}`;

  const inQuery = (m: number) => s.queryPeriods.some(([a, b]) => a <= m && m < b);
  const results: [number, number, string][] = [];
  if (s.querySlots) {
    for (const a of [...new Set(s.querySlots)].sort((x, y) => x - y)) {
      const b = a + s.duration;
      let inside = true;
      if (s.queryPeriods.length > 0) for (let m = a; m < b; m++) inside &&= inQuery(m);
      if (inside && satisfied(a, b)) results.push([a, b, line(a, b)]);
    }
  } else if (s.format === 'periods') {
    for (let a = 0; a < HORIZON; a++) {
      if (!inQuery(a)) continue;
      for (let b = a + 1; b <= HORIZON && inQuery(b - 1) && satisfied(a, b); b++) {
        const extendsRight = b < HORIZON && inQuery(b) && satisfied(a, b + 1);
        const extendsLeft = a > 0 && inQuery(a - 1) && satisfied(a - 1, b);
        if (!extendsRight && !extendsLeft && b - a >= s.duration) results.push([a, b, line(a, b)]);
      }
    }
  } else {
    const interval = s.startInterval ?? DEFAULT_START_INTERVAL_MINUTES;
    let earliest = -Infinity;
    for (let blockStart = 0; blockStart < HORIZON; blockStart++) {
      if (!inQuery(blockStart) || (blockStart > 0 && inQuery(blockStart - 1))) continue;
      let blockEnd = blockStart;
      while (blockEnd < HORIZON && inQuery(blockEnd)) blockEnd++;
      const hour = Math.floor(blockStart / 60) * 60;
      for (
        let a = hour + Math.ceil((blockStart - hour) / interval) * interval;
        a + s.duration <= blockEnd;
        a += interval
      ) {
        const b = a + s.duration;
        if (a < earliest || !satisfied(a, b)) continue;
        results.push([a, b, line(a, b)]);
        if (s.format === 'slots') earliest = b;
      }
    }
  }
  results.sort((x, y) => x[0] - y[0] || x[1] - y[1] || (x[2] < y[2] ? -1 : x[2] > y[2] ? 1 : 0));
  return {
    key: s.format === 'periods' && !s.querySlots ? 'available_periods' : 'available_slots',
    results: results.slice(0, s.maxResults).map((r) => r[2]),
  };
}

/** Engine results in the oracle's `from-to subs` minute notation. */
function linesOf(results: ApiAvailableSlot[] | undefined): string[] {
  const minute = (iso: string) => (Date.parse(iso) - T0) / 60_000;
  return (results ?? []).map(
    (r) => `${minute(r.start)}-${minute(r.end)} ${r.participants.map((p) => p.sub).join(',')}`,
  );
}

describe('computeAvailability against a minute-by-minute oracle', () => {
  it('agrees on random calendars for every format, requirement, buffer and limit', () => {
    fc.assert(
      fc.property(scenarioArb, (s) => {
        const expected = oracle(s);
        const response = computeAvailability(queryOf(s), sourceOf(s));
        expect(Object.keys(response)).to.deep.equal([expected.key]);
        expect(linesOf(response[expected.key])).to.deep.equal(expected.results);
      }),
      { numRuns: 500 },
    );
  });
});
