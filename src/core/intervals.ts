/**
 * Set operations on lists of half-open UTC intervals, used by the availability engine.
 *
 * Contract: an `Interval` is `[start, end)` in UTC epoch milliseconds. A "normalised" list is
 * sorted by start, has no empty intervals and no two intervals that overlap or touch. Every
 * function here returns a new normalised list and never mutates its input; all run in time
 * linear in their input except `normalisedIntervals`, which sorts.
 */
import type { Interval } from './types.js';

/** The union of `intervals` (any order, possibly overlapping) as a normalised list; empty and non-finite intervals are dropped. */
export function normalisedIntervals(intervals: readonly Interval[]): Interval[] {
  // A union depends only on the multisets of starts and ends, so each is sorted on its own as
  // a typed array (a native numeric sort, several times faster than sorting objects).
  const starts = new Float64Array(intervals.length);
  const ends = new Float64Array(intervals.length);
  let count = 0;
  for (const { start, end } of intervals) {
    if (Number.isFinite(start) && Number.isFinite(end) && end > start) {
      starts[count] = start;
      ends[count] = end;
      count += 1;
    }
  }
  const sortedStarts = starts.subarray(0, count).sort();
  const sortedEnds = ends.subarray(0, count).sort();
  const merged: Interval[] = [];
  let depth = 0;
  let open = 0;
  for (let i = 0, j = 0; j < count;) {
    // Starts go first on ties, so touching intervals merge.
    if (i < count && sortedStarts[i]! <= sortedEnds[j]!) {
      if (depth === 0) open = sortedStarts[i]!;
      depth += 1;
      i += 1;
    } else {
      depth -= 1;
      if (depth === 0) merged.push({ start: open, end: sortedEnds[j]! });
      j += 1;
    }
  }
  return merged;
}

/** The parts of `window` not covered by the normalised list `covered`. */
export function gapsWithin(covered: readonly Interval[], window: Interval): Interval[] {
  const gaps: Interval[] = [];
  let cursor = window.start;
  for (const { start, end } of covered) {
    if (end <= cursor) continue;
    if (start >= window.end) break;
    if (start > cursor) gaps.push({ start: cursor, end: start });
    cursor = end;
  }
  if (cursor < window.end) gaps.push({ start: cursor, end: window.end });
  return gaps;
}

/** The intersection of two normalised lists. */
export function intersectedIntervals(a: readonly Interval[], b: readonly Interval[]): Interval[] {
  const out: Interval[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const x = a[i]!;
    const y = b[j]!;
    const start = Math.max(x.start, y.start);
    const end = Math.min(x.end, y.end);
    if (end > start) out.push({ start, end });
    if (x.end < y.end) i += 1;
    else j += 1;
  }
  return out;
}

/** Each interval of a normalised list shrunk by `before` ms at its start and `after` ms at its end, dropping those that vanish. */
export function shrunkIntervals(
  intervals: readonly Interval[],
  before: number,
  after: number,
): Interval[] {
  const out: Interval[] = [];
  for (const { start, end } of intervals) {
    if (end - after > start + before) out.push({ start: start + before, end: end - after });
  }
  return out;
}
