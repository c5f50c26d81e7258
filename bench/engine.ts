/**
 * Benchmark of the availability engine (`npm run bench:engine`).
 *
 * Data: 50 members, each with 400 busy events over 4 weeks (1x), drawn from a seeded PRNG so
 * every run sees the same calendars: starts on the quarter hour anywhere in the span, lengths
 * 15 to 120 minutes, unsorted and sometimes overlapping. Scaling grows the busy data, not the
 * team: at 4x and 16x each member has 4x / 16x the events over 4x / 16x the weeks (same
 * density), and the query covers the whole span. n = total busy events (20,000 at 1x).
 * Queries: one group of the 50 with `required: "all"` and with `required: 3`, 30 minutes,
 * `start_interval` 15, `max_results` 512, as `overlapping_slots` and as `periods`.
 * Method: warm up, then time each call with `performance.now()`; print median and p90 and the
 * growth of the median against n log n.
 */
import { cpus } from 'node:os';
import { computeAvailability } from '../src/core/engine.js';
import type {
  CalendarSource,
  Interval,
  NormalisedQuery,
  ResponseFormat,
} from '../src/core/types.js';

const MEMBERS = 50;
const EVENTS_PER_MEMBER = 400;
const WEEKS = 4;
const SCALES = [1, 4, 16];
const MINUTE = 60_000;
const QUARTER = 15 * MINUTE;
const SPAN_START = Date.UTC(2026, 11, 7);

/** A seeded 32-bit PRNG (mulberry32) returning floats in [0, 1). */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Busy calendars for `MEMBERS` members at `scale` times the 1x data. */
function calendarsAt(scale: number): { source: CalendarSource; span: Interval; events: number } {
  const random = prng(0x5eed + scale);
  const span = { start: SPAN_START, end: SPAN_START + scale * WEEKS * 7 * 24 * 60 * MINUTE };
  const quarters = (span.end - span.start) / QUARTER;
  const busy = new Map<string, Interval[]>();
  for (let m = 0; m < MEMBERS; m++) {
    const events: Interval[] = [];
    for (let e = 0; e < EVENTS_PER_MEMBER * scale; e++) {
      const start = span.start + Math.floor(random() * quarters) * QUARTER;
      events.push({ start, end: start + (1 + Math.floor(random() * 8)) * QUARTER });
    }
    busy.set(`acc_${m}`, events);
  }
  const source: CalendarSource = { busy: (sub) => busy.get(sub) ?? [] };
  return { source, span, events: MEMBERS * EVENTS_PER_MEMBER * scale };
}

function queryFor(
  span: Interval,
  required: 'all' | number,
  format: ResponseFormat,
): NormalisedQuery {
  return {
    participants: [
      { members: Array.from({ length: MEMBERS }, (_, m) => ({ sub: `acc_${m}` })), required },
    ],
    requiredDuration: 30,
    queryPeriods: [span],
    buffer: { before: 0, after: 0 },
    startInterval: 15,
    maxResults: 512,
    responseFormat: format,
    includeMemberStatuses: false,
  };
}

/**
 * Sorted milliseconds of `rounds` timed calls of each function after `warmup` untimed rounds.
 * Every round calls each function once, rotating which goes first, so that load from other
 * processes on the machine falls on all scales alike instead of skewing one of them.
 */
function interleavedTimings(calls: (() => unknown)[], warmup: number, rounds: number): number[][] {
  const times = calls.map((): number[] => []);
  for (let round = 0; round < warmup + rounds; round++) {
    for (let k = 0; k < calls.length; k++) {
      const index = (round + k) % calls.length;
      const t0 = performance.now();
      calls[index]!();
      if (round >= warmup) times[index]!.push(performance.now() - t0);
    }
  }
  return times.map((t) => t.sort((a, b) => a - b));
}

const quantile = (sorted: number[], q: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
const nLogN = (n: number) => n * Math.log2(n);
const fmt = (x: number, digits = 2) => x.toFixed(digits).padStart(8);

console.log(
  `engine bench: node ${process.version}, ${cpus()[0]?.model ?? 'unknown CPU'} x${cpus().length}`,
);
console.log(
  `${MEMBERS} members, ${EVENTS_PER_MEMBER} busy events each per ${WEEKS} weeks; scale grows events and weeks together`,
);
console.log('');
console.log(
  'format             required  scale  busy events  results  median ms   p90 ms  runs  growth  n log n',
);

const WARMUP = 5;
const ROUNDS = 31;
const data = SCALES.map((scale) => ({ scale, ...calendarsAt(scale) }));
for (const format of ['overlapping_slots', 'periods'] as const) {
  for (const required of ['all', 3] as const) {
    const answers = data.map(({ source, span }) => {
      const query = queryFor(span, required, format);
      return () => computeAvailability(query, source);
    });
    const times = interleavedTimings(answers, WARMUP, ROUNDS);
    const base = data[0]!;
    const baseMedian = quantile(times[0]!, 0.5);
    data.forEach(({ scale, events }, k) => {
      const response = answers[k]!();
      const results = (response.available_slots ?? response.available_periods ?? []).length;
      const median = quantile(times[k]!, 0.5);
      const cells = [
        format.padEnd(18),
        String(required).padEnd(8),
        `${scale}x`.padStart(6),
        String(events).padStart(12),
        String(results).padStart(8),
        fmt(median),
        fmt(quantile(times[k]!, 0.9)),
        String(ROUNDS).padStart(5),
        fmt(median / baseMedian, 1),
        fmt(nLogN(events) / nLogN(base.events), 1),
      ];
      console.log(cells.join(' '));
    });
  }
}
console.log('');
console.log('growth = median / median at 1x; n log n = the same ratio for n log n in busy events.');
