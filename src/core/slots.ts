/**
 * Availability results laid onto a grid page, selection sets, and free-select painting.
 *
 * Contract:
 * - Input slots are availability results (`ApiAvailableSlot`, UTC ISO instants) sorted by start,
 *   as transports deliver them; `timedSlotsOf` turns them into `TimedSlot`s (UTC epoch ms).
 *   Everything else here works in epoch ms and never reads the host's zone.
 * - A cell is available when a whole `durationMinutes` block starting at the cell's first
 *   instant is free: with `periods` results, some period covers `[row.start, row.start +
 *   duration)`; with `slots` / `overlapping_slots` results, a slot starts inside the row (the
 *   earliest such slot is the cell's block). Zero-length (`nonexistent`) cells are never available.
 * - `free` is the number of participants free for the cell's block; `overlapping_slots` results
 *   name any subset of members, so `free` of the query's member count gives the "N of M" shade.
 * - Selections are lists of `TimedSlot`s sorted by start; two slots are the same slot when they
 *   have the same start and end. Free-select periods are normalised interval lists (sorted,
 *   merged where they overlap or touch).
 * - Every mapping is a single sweep over cells and slots in time order: O(cells + slots).
 */
import { gapsWithin, intersectedIntervals, normalisedIntervals } from './intervals.js';
import type { GridPage, GridRow } from './grid.js';
import type { ApiAvailableSlot, Interval, NormalisedQuery, ResponseFormat } from './types.js';

const MS_PER_MINUTE = 60_000;

/** An available period or slot in epoch ms, with the subs free for it. */
export interface TimedSlot extends Interval {
  participants: readonly string[];
}

/** What one cell of a page shows. */
export interface CellAvailability {
  /** A whole required duration starting at the cell is free. */
  available: boolean;
  /** Participants free for the cell's block (0 when the cell is not available). */
  free: number;
  /** The block a pick at this cell selects; absent when the cell is not available. */
  slot?: TimedSlot;
}

/** A page's cells' availability, `cells[column][row]` aligned with `GridPage.columns`. */
export interface PageAvailability {
  cells: CellAvailability[][];
  /** How many cells are available. */
  availableCount: number;
}

/** A cell's place on a page: column (day) index and row (label) index. */
export interface CellPosition {
  column: number;
  row: number;
}

/** The result of toggling a slot in a selection. */
export interface SelectionToggle {
  /** The selection afterwards, sorted by start. */
  slots: TimedSlot[];
  added?: TimedSlot;
  removed?: TimedSlot;
  /** Why nothing changed: the selection already holds `maxCount` slots. */
  refused?: 'max_selection_count';
}

const UNAVAILABLE: CellAvailability = Object.freeze({ available: false, free: 0 });

/** Results in epoch ms; throws a `RangeError` naming the entry when an instant does not parse. */
export function timedSlotsOf(slots: readonly ApiAvailableSlot[]): TimedSlot[] {
  return slots.map((slot, i) => {
    const start = Date.parse(slot.start);
    const end = Date.parse(slot.end);
    if (!Number.isFinite(start) || !Number.isFinite(end) || end <= start) {
      throw new RangeError(
        `Slot ${i} has an invalid period: ${JSON.stringify({ start: slot.start, end: slot.end })}`,
      );
    }
    return { start, end, participants: slot.participants.map((p) => p.sub) };
  });
}

/** The number of distinct members a query names across its groups: the M of "N of M free". */
export function memberCountOf(query: Pick<NormalisedQuery, 'participants'>): number {
  const subs = new Set<string>();
  for (const group of query.participants) for (const member of group.members) subs.add(member.sub);
  return subs.size;
}

/** The page's cells with their first instants, in time order (columns are consecutive days). */
function cellsInTimeOrder(page: GridPage): { cell: GridRow; column: number; row: number }[] {
  const order: { cell: GridRow; column: number; row: number }[] = [];
  page.columns.forEach((column, c) =>
    column.cells.forEach((cell, r) => order.push({ cell, column: c, row: r })),
  );
  let sorted = true;
  for (let i = 1; i < order.length && sorted; i++)
    sorted = order[i - 1]!.cell.start <= order[i]!.cell.start;
  if (!sorted) order.sort((a, b) => a.cell.start - b.cell.start);
  return order;
}

/** The availability of every cell of `page` under `slots` (sorted by start) of the given format. */
export function pageAvailability(
  page: GridPage,
  slots: readonly TimedSlot[],
  format: ResponseFormat,
  durationMinutes: number,
): PageAvailability {
  if (!(durationMinutes > 0)) {
    throw new RangeError(`Invalid duration: ${durationMinutes} (expected minutes > 0)`);
  }
  const duration = durationMinutes * MS_PER_MINUTE;
  const cells = page.columns.map((column) => column.cells.map(() => UNAVAILABLE));
  let availableCount = 0;
  let next = 0;
  // Periods: the added period reaching furthest is the one that can cover a block from here.
  let reach: TimedSlot | undefined;
  for (const { cell, column, row } of cellsInTimeOrder(page)) {
    if (cell.end <= cell.start) continue;
    let block: TimedSlot | undefined;
    if (format === 'periods') {
      while (next < slots.length && slots[next]!.start <= cell.start) {
        if (!reach || slots[next]!.end > reach.end) reach = slots[next];
        next += 1;
      }
      if (reach && reach.end >= cell.start + duration) {
        block = { start: cell.start, end: cell.start + duration, participants: reach.participants };
      }
    } else {
      while (next < slots.length && slots[next]!.start < cell.start) next += 1;
      const slot = slots[next];
      if (slot && slot.start < cell.end) block = slot;
    }
    if (block) {
      cells[column]![row] = { available: true, free: block.participants.length, slot: block };
      availableCount += 1;
    }
  }
  return { cells, availableCount };
}

/** The block picking `cell` selects when it is not available (unrestricted selection): `durationMinutes` from its start, nobody free. */
export function unavailableBlockAt(cell: GridRow, durationMinutes: number): TimedSlot {
  return {
    start: cell.start,
    end: cell.start + durationMinutes * MS_PER_MINUTE,
    participants: [],
  };
}

/** The index after the last row of `cells` (one column) that overlaps `[cells[row].start, end)`: the rows a block starting at `row` covers. */
export function rowEndOf(cells: readonly GridRow[], row: number, end: number): number {
  let last = row + 1;
  while (last < cells.length && cells[last]!.start < end) last += 1;
  return last;
}

/** Whether two slots are the same slot (same start and end). */
export function isSameSlot(a: Interval, b: Interval): boolean {
  return a.start === b.start && a.end === b.end;
}

/** The index of `slot` in `selection`, or -1. */
export function selectionIndexOf(selection: readonly Interval[], slot: Interval): number {
  return selection.findIndex((s) => isSameSlot(s, slot));
}

/** `selection` with `slot` added (when absent and `maxCount` allows) or removed (when present). */
export function toggledSelection(
  selection: readonly TimedSlot[],
  slot: TimedSlot,
  maxCount?: number,
): SelectionToggle {
  const at = selectionIndexOf(selection, slot);
  if (at >= 0) {
    return { slots: selection.filter((_, i) => i !== at), removed: selection[at] };
  }
  if (maxCount !== undefined && selection.length >= maxCount) {
    return { slots: [...selection], refused: 'max_selection_count' };
  }
  const slots = [...selection, slot].sort((a, b) => a.start - b.start || a.end - b.end);
  return { slots, added: slot };
}

/**
 * The selected slots still valid after new results for `windows` arrived: slots outside the
 * windows are kept (nothing new is known about them); slots inside are kept when some result
 * (sorted by start) covers them whole.
 */
export function stillValidSelection(
  selection: readonly TimedSlot[],
  results: readonly TimedSlot[],
  windows: readonly Interval[],
): TimedSlot[] {
  const known = normalisedIntervals(windows);
  const sorted = [...selection].sort((a, b) => a.start - b.start);
  const kept: TimedSlot[] = [];
  let next = 0;
  // The contiguous run of results [runStart, reach) reaching furthest from before the slot.
  let runStart = Infinity;
  let reach = -Infinity;
  let w = 0;
  for (const slot of sorted) {
    while (w < known.length && known[w]!.end <= slot.start) w += 1;
    const window = known[w];
    const inside = window !== undefined && window.start <= slot.start && slot.end <= window.end;
    if (!inside) {
      kept.push(slot);
      continue;
    }
    while (next < results.length) {
      const result = results[next]!;
      if (result.start > slot.start && (result.start > reach || reach >= slot.end)) break;
      if (result.start > reach) runStart = result.start;
      reach = Math.max(reach, result.end);
      next += 1;
    }
    if (runStart <= slot.start && reach >= slot.end) kept.push(slot);
  }
  return kept;
}

/** The intervals a drag or Shift+arrow extension from `from` to `to` paints: in each column between them, the rows between them. */
export function paintedIntervals(page: GridPage, from: CellPosition, to: CellPosition): Interval[] {
  const [c0, c1] = from.column <= to.column ? [from.column, to.column] : [to.column, from.column];
  const [r0, r1] = from.row <= to.row ? [from.row, to.row] : [to.row, from.row];
  const out: Interval[] = [];
  for (let c = c0; c <= c1; c++) {
    const cells = page.columns[c]?.cells;
    if (!cells || !cells[r0] || !cells[r1]) {
      throw new RangeError(`Cell out of range: column ${c}, rows ${r0} to ${r1}`);
    }
    out.push({ start: cells[r0].start, end: cells[r1].end });
  }
  return normalisedIntervals(out);
}

/** Free-select periods after painting `intervals` free (added, merged with neighbours) or busy (cut out). */
export function paintedPeriods(
  periods: readonly Interval[],
  intervals: readonly Interval[],
  paint: 'free' | 'busy',
): Interval[] {
  if (paint === 'free') return normalisedIntervals([...periods, ...intervals]);
  const cut = normalisedIntervals(intervals);
  return normalisedIntervals(periods).flatMap((period) => gapsWithin(cut, period));
}

/** Whether the whole of `interval` lies inside the normalised list `periods`. */
export function isCovered(periods: readonly Interval[], interval: Interval): boolean {
  return periods.some((p) => p.start <= interval.start && interval.end <= p.end);
}

/** The visible hours of each column of `page` as a normalised list: from its first row's start to its last row's end. */
export function visibleWindows(page: GridPage): Interval[] {
  const windows: Interval[] = [];
  for (const { cells } of page.columns) {
    if (cells.length > 0)
      windows.push({ start: cells[0]!.start, end: cells[cells.length - 1]!.end });
  }
  return normalisedIntervals(windows);
}

/** `periods` clipped to `windows` (both any order): the parts of the query a page can show. */
export function clippedPeriods(
  periods: readonly Interval[],
  windows: readonly Interval[],
): Interval[] {
  return intersectedIntervals(normalisedIntervals(periods), normalisedIntervals(windows));
}
