/**
 * The week grid: pages of seven day keys, and the rows (time cells) of each day in a zone.
 *
 * Contract:
 * - Days are `YYYY-MM-DD` keys; row instants are UTC epoch ms; `wallMinutes` count wall-clock
 *   minutes from the date's midnight in the grid's zone.
 * - Rows follow the wall clock: one row per `interval` minutes from `startTime` to `endTime`,
 *   labelled `HH:mm` on the interval grid counted from midnight. `startTime` is rounded down and
 *   `endTime` up to a multiple of the interval, so the requested hours are always visible and
 *   row starts line up with slots that start on the interval; `endTime` `00:00` (or `24:00`)
 *   means the end of the day. `startTime` at or after `endTime` is a `GridConfigError`.
 * - A row lasts from its wall clock to the next row boundary in time, so consecutive rows tile
 *   the visible hours of the day without gaps or overlaps.
 * - DST: a row whose wall clock is skipped (spring-forward gap) has status `nonexistent` and
 *   zero length (`start === end`, at the instant the clocks jump); a row only partly skipped
 *   (Lord Howe's 30-minute jump at a 60-minute interval) is `normal` and shorter than the
 *   interval. A wall clock that happens twice (fall-back overlap) gives two rows,
 *   `repeated-first` and `repeated-second`, in time order, with the offset in their label
 *   (`01:00 GMT-4`, `01:00 GMT-5`). When the overlap starts mid-row (Lord Howe's 30-minute
 *   fall-back at a 20- or 60-minute interval), the row it starts in repeats too: its second
 *   occurrence begins at the transition and covers only the repeated part.
 * - Bad options throw `GridConfigError` whose `field` names the attribute (`start-time`,
 *   `end-time`, `interval`, `week-start-day`; `range` for a date range that ends before it starts).
 * - `gridPage` lines columns up: `labels` is the union of every column's rows in time order and
 *   every column has exactly one cell per label; a column that lacks a row gets a zero-length
 *   `nonexistent` placeholder at the point in time where the row would be.
 */
import type { WeekDayName } from './types.js';
import {
  InvalidTimeOfDayError,
  addDays,
  compareDayKeys,
  daysBetween,
  endOfDay,
  formatHHmm,
  firstInstantAtOrAfter,
  instantsOf,
  offsetLabel,
  offsetMinutes,
  parseDayKey,
  wallClockOf,
  parseHHmm,
  startOfDay,
  weekdayOf,
} from './time.js';

/** The attribute a grid configuration error is about. */
export type GridConfigField = 'start-time' | 'end-time' | 'interval' | 'week-start-day' | 'range';

/** Thrown for an invalid grid configuration; `field` names the attribute at fault. */
export class GridConfigError extends Error {
  /** The attribute at fault. */
  readonly field: GridConfigField;

  constructor(field: GridConfigField, message: string) {
    super(`${field}: ${message}`);
    this.name = 'GridConfigError';
    this.field = field;
  }
}

/** Week days in `Date`/`weekdayOf` order, 0 = Sunday. */
export const WEEK_DAY_NAMES: readonly WeekDayName[] = [
  'sunday',
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
];

/** The grid's options as attributes give them. */
export interface GridOptions {
  /** `HH:mm`; default `09:00`. */
  startTime?: string;
  /** `HH:mm`, `00:00` or `24:00` meaning the end of the day; default `17:00`. */
  endTime?: string;
  /** Minutes per row, a whole divisor of 1440 (5, 10, 12, 15, 20, 30, 60, 120 ...); default 15. */
  interval?: number;
}

/** Validated grid options: the visible wall-clock window and row length, in minutes. */
export interface GridConfig {
  /** Wall minutes of the first row, a multiple of `interval`. */
  startMinutes: number;
  /** Wall minutes where the last row ends, a multiple of `interval`, at most 1440. */
  endMinutes: number;
  interval: number;
}

/** How a row relates to the wall clock on its day. */
export type RowStatus = 'normal' | 'nonexistent' | 'repeated-first' | 'repeated-second';

/** One row of one day: a wall-clock time and the instants it covers. */
export interface GridRow {
  /** Identifies the row across the columns of a page: `HH:mm`, `HH:mm#2` for a repeated row's second pass. */
  key: string;
  /** The wall-clock time, `HH:mm`. */
  time: string;
  /** `time`, plus the offset for repeated rows (`01:00 GMT-4`). */
  label: string;
  /** Wall-clock minutes from midnight. */
  wallMinutes: number;
  /** First instant of the row (UTC ms). */
  start: number;
  /** Instant the row ends (exclusive); equals `start` for a `nonexistent` row. */
  end: number;
  status: RowStatus;
  /** The zone's offset during the row, on repeated rows (`GMT-4`). */
  offsetLabel?: string;
}

/** One entry of a page's shared row-label column. */
export interface GridLabel {
  key: string;
  time: string;
  label: string;
  wallMinutes: number;
  /** Whether this is the first or second pass of a repeated wall-clock time, on some day of the page. */
  repeated?: 'first' | 'second';
  offsetLabel?: string;
}

/** One day column of a page: one cell per page label, aligned by index. */
export interface GridColumn {
  dayKey: string;
  cells: GridRow[];
}

/** A page of the grid ready to render. */
export interface GridPage {
  labels: GridLabel[];
  columns: GridColumn[];
}

/** A week of the date range. */
export interface WeekPage {
  /** Position among the range's pages, from 0. */
  index: number;
  /** Seven day keys, the first on the week start day. */
  days: string[];
  firstDay: string;
  lastDay: string;
  hasPrev: boolean;
  hasNext: boolean;
}

/** Defaults when an option is absent, as the reference viewer has them. */
export const GRID_DEFAULTS = {
  startTime: '09:00',
  endTime: '17:00',
  interval: 15,
  weekStartDay: 'sunday',
} as const satisfies Required<GridOptions> & { weekStartDay: WeekDayName };

function minutesOf(field: 'start-time' | 'end-time', text: string): number {
  try {
    return parseHHmm(text, { allow2400: field === 'end-time' });
  } catch (error) {
    if (error instanceof InvalidTimeOfDayError) throw new GridConfigError(field, error.message);
    throw error;
  }
}

/** Validates and normalises grid options; throws `GridConfigError` naming the attribute at fault. */
export function gridConfig(options: GridOptions = {}): GridConfig {
  const interval = options.interval ?? GRID_DEFAULTS.interval;
  if (!Number.isInteger(interval) || interval < 1 || 1440 % interval !== 0) {
    throw new GridConfigError(
      'interval',
      `${Number.isNaN(interval) ? 'the value' : JSON.stringify(interval)} is not a whole number of minutes that divides a day (5, 10, 15, 20, 30, 60 ...)`,
    );
  }
  const start = minutesOf('start-time', options.startTime ?? GRID_DEFAULTS.startTime);
  const rawEnd = minutesOf('end-time', options.endTime ?? GRID_DEFAULTS.endTime);
  const end = rawEnd === 0 ? 1440 : rawEnd;
  if (start >= end) {
    throw new GridConfigError(
      'start-time',
      `start time ${options.startTime ?? GRID_DEFAULTS.startTime} must be before end time ${options.endTime ?? GRID_DEFAULTS.endTime}`,
    );
  }
  return {
    startMinutes: Math.floor(start / interval) * interval,
    endMinutes: Math.min(1440, Math.ceil(end / interval) * interval),
    interval,
  };
}

/** The index (0 = Sunday) of a week start day name; throws `GridConfigError` for anything else. */
export function weekStartIndex(name: WeekDayName | string): number {
  const index = WEEK_DAY_NAMES.indexOf(String(name).toLowerCase() as WeekDayName);
  if (index < 0) {
    throw new GridConfigError(
      'week-start-day',
      `${JSON.stringify(name)} is not a day name (${WEEK_DAY_NAMES.join(', ')})`,
    );
  }
  return index;
}

/** The first day of the week containing `key`, for weeks starting on `weekStartDay`. */
export function weekStartOf(key: string, weekStartDay: WeekDayName): string {
  const back = (weekdayOf(key) - weekStartIndex(weekStartDay) + 7) % 7;
  return addDays(key, -back);
}

/** The week pages covering `firstDay`..`lastDay` (inclusive), each aligned to `weekStartDay`. */
export function weekPages(
  firstDay: string,
  lastDay: string,
  weekStartDay: WeekDayName,
): WeekPage[] {
  if (compareDayKeys(firstDay, lastDay) > 0) {
    throw new GridConfigError('range', `the range starts (${firstDay}) after it ends (${lastDay})`);
  }
  const first = weekStartOf(firstDay, weekStartDay);
  const count = Math.floor(daysBetween(first, lastDay) / 7) + 1;
  const pages: WeekPage[] = [];
  for (let index = 0; index < count; index++) {
    const days = Array.from({ length: 7 }, (_, i) => addDays(first, index * 7 + i));
    pages.push({
      index,
      days,
      firstDay: days[0]!,
      lastDay: days[6]!,
      hasPrev: index > 0,
      hasNext: index < count - 1,
    });
  }
  return pages;
}

/** The index of the page that shows `key`, or -1 when no page does. */
export function pageIndexOf(pages: readonly WeekPage[], key: string): number {
  parseDayKey(key);
  return pages.findIndex((page) => page.firstDay <= key && key <= page.lastDay);
}

/** A row boundary: where a wall-clock time begins (a row) or where the visible window stops. */
interface Boundary {
  wallMinutes: number;
  instant: number;
  status: RowStatus | 'stop';
}

const MS_PER_MINUTE = 60_000;

function isUniformDay(zone: string, dayStart: number, dayEnd: number): boolean {
  return (
    dayEnd - dayStart === 1440 * MS_PER_MINUTE &&
    offsetMinutes(dayStart, zone) === offsetMinutes(dayEnd - 1000, zone) &&
    // Midnight exists (the day starts at 00:00) and no pair of transitions cancels out midday.
    offsetMinutes(dayStart + 720 * MS_PER_MINUTE, zone) === offsetMinutes(dayStart, zone)
  );
}

/** Boundaries of one wall-clock time on a non-uniform day, in time order. */
function boundariesAt(key: string, wallMinutes: number, zone: string, stop: boolean): Boundary[] {
  if (wallMinutes === 1440) return [{ wallMinutes, instant: endOfDay(key, zone), status: 'stop' }];
  const { year, month, day } = parseDayKey(key);
  const wall = { year, month, day, hour: Math.floor(wallMinutes / 60), minute: wallMinutes % 60 };
  const found = instantsOf(wall, zone);
  if (found.length === 0) {
    // The clocks skip this time: it sits where they land.
    const instant = firstInstantAtOrAfter(wall, zone);
    return [{ wallMinutes, instant, status: stop ? 'stop' : 'nonexistent' }];
  }
  if (found.length === 1)
    return [{ wallMinutes, instant: found[0]!, status: stop ? 'stop' : 'normal' }];
  return [
    { wallMinutes, instant: found[0]!, status: stop ? 'stop' : 'repeated-first' },
    { wallMinutes, instant: found[1]!, status: stop ? 'stop' : 'repeated-second' },
  ];
}

function rowOf(boundary: Boundary, end: number, zone: string): GridRow {
  const time = formatHHmm(boundary.wallMinutes);
  // A row whose own time is skipped but whose span is not (a gap that is not a whole number of
  // rows) still holds real time, so it is a normal row that starts where the clocks land.
  const status =
    boundary.status === 'nonexistent' && end > boundary.instant
      ? 'normal'
      : (boundary.status as RowStatus);
  const second = status === 'repeated-second';
  const row: GridRow = {
    key: second ? `${time}#2` : time,
    time,
    label: time,
    wallMinutes: boundary.wallMinutes,
    start: boundary.instant,
    end,
    status,
  };
  if (second || status === 'repeated-first') {
    row.offsetLabel = offsetLabel(boundary.instant, zone);
    row.label = `${time} ${row.offsetLabel}`;
  }
  return row;
}

/**
 * Adds a `repeated-second` boundary where a fall-back transition sets the clocks back to a time
 * inside a row (not onto a row boundary, which `boundariesAt` already finds twice), and marks
 * that row's first occurrence `repeated-first`. Returns whether it added any.
 */
function addMidRowRepeats(boundaries: Boundary[], zone: string, config: GridConfig): boolean {
  const { startMinutes, endMinutes, interval } = config;
  const added: Boundary[] = [];
  for (let i = 0; i < boundaries.length - 1; i++) {
    const from = boundaries[i]!.instant;
    const to = boundaries[i + 1]!.instant;
    if (to - from < 2000) continue;
    const before = offsetMinutes(from, zone);
    if (offsetMinutes(to - 1000, zone) >= before) continue;
    // Binary search, to the second, for the first instant with the later (smaller) offset.
    let lo = from;
    let hi = to - 1000;
    while (hi - lo > 1000) {
      const mid = lo + Math.floor((hi - lo) / 2000) * 1000;
      if (offsetMinutes(mid, zone) === before) lo = mid;
      else hi = mid;
    }
    const wall = wallClockOf(hi, zone);
    const minutes = wall.hour * 60 + wall.minute;
    if (minutes < startMinutes || minutes >= endMinutes) continue;
    const rowMinutes = startMinutes + Math.floor((minutes - startMinutes) / interval) * interval;
    if (rowMinutes === minutes) continue;
    added.push({ wallMinutes: rowMinutes, instant: hi, status: 'repeated-second' });
    const first = boundaries.find((b) => b.wallMinutes === rowMinutes && b.instant < hi);
    if (first && first.status === 'normal') first.status = 'repeated-first';
  }
  boundaries.push(...added);
  return added.length > 0;
}

/** The rows of one day in the zone, in time order, per the module's DST rules. */
export function rowsForDay(key: string, zone: string, config: GridConfig): GridRow[] {
  const { startMinutes, endMinutes, interval } = config;
  const dayStart = startOfDay(key, zone);
  const dayEnd = endOfDay(key, zone);
  const rows: GridRow[] = [];
  if (isUniformDay(zone, dayStart, dayEnd)) {
    for (let w = startMinutes; w < endMinutes; w += interval) {
      const time = formatHHmm(w);
      rows.push({
        key: time,
        time,
        label: time,
        wallMinutes: w,
        start: dayStart + w * MS_PER_MINUTE,
        end: dayStart + (w + interval) * MS_PER_MINUTE,
        status: 'normal',
      });
    }
    return rows;
  }
  const boundaries: Boundary[] = [];
  for (let w = startMinutes; w <= endMinutes; w += interval) {
    boundaries.push(...boundariesAt(key, w, zone, w === endMinutes));
  }
  // Time order; at one instant (a gap's landing) skipped rows come first, then the row or stop there.
  const byTime = (a: Boundary, b: Boundary) =>
    a.instant - b.instant || a.wallMinutes - b.wallMinutes;
  boundaries.sort(byTime);
  if (addMidRowRepeats(boundaries, zone, config)) boundaries.sort(byTime);
  for (let i = 0; i < boundaries.length - 1; i++) {
    const boundary = boundaries[i]!;
    if (boundary.status !== 'stop') rows.push(rowOf(boundary, boundaries[i + 1]!.instant, zone));
  }
  return rows;
}

/**
 * The shared row labels of several day columns: the union of their rows' keys in time order
 * (each column's order is kept; ties go to the earlier wall clock).
 */
export function timeLabels(columns: readonly (readonly GridRow[])[]): GridLabel[] {
  const positions = columns.map((rows) => new Map(rows.map((row, i) => [row.key, i])));
  const heads = columns.map(() => 0);
  const labels: GridLabel[] = [];
  const emitted = new Set<string>();
  for (;;) {
    let best: GridRow | undefined;
    for (let c = 0; c < columns.length; c++) {
      const row = columns[c]![heads[c]!];
      if (!row || (best && orderOf(row) >= orderOf(best))) continue;
      // A row can go next only if no column still has it further down.
      const ready = positions.every((pos, other) => {
        const at = pos.get(row.key);
        return at === undefined || at <= heads[other]!;
      });
      if (ready) best = row;
    }
    if (!best) break;
    const key = best.key;
    emitted.add(key);
    const label: GridLabel = {
      key,
      time: best.time,
      label: best.time,
      wallMinutes: best.wallMinutes,
    };
    for (let c = 0; c < columns.length; c++) {
      const row = columns[c]![heads[c]!];
      if (row?.key !== key) continue;
      heads[c]! += 1;
      if (row.status === 'repeated-first' || row.status === 'repeated-second') {
        label.repeated ??= row.status === 'repeated-first' ? 'first' : 'second';
        label.offsetLabel ??= row.offsetLabel;
        label.label = row.label;
      }
    }
    labels.push(label);
  }
  if (columns.some((rows, c) => heads[c] !== rows.length)) {
    // Columns disagree on order (only possible with contradictory DST data): fall back to wall order.
    const all = new Map<string, GridRow>();
    for (const rows of columns)
      for (const row of rows) if (!emitted.has(row.key)) all.set(row.key, row);
    for (const row of [...all.values()].sort((a, b) => orderOf(a) - orderOf(b))) {
      labels.push({ key: row.key, time: row.time, label: row.label, wallMinutes: row.wallMinutes });
    }
  }
  return labels;
}

function orderOf(row: GridRow): number {
  return row.wallMinutes * 2 + (row.status === 'repeated-second' ? 1 : 0);
}

/** A page of day columns in the zone: shared labels and one aligned cell per label in every column. */
export function gridPage(days: readonly string[], zone: string, config: GridConfig): GridPage {
  const dayRows = days.map((key) => rowsForDay(key, zone, config));
  const labels = timeLabels(dayRows);
  const columns = days.map((dayKey, c) => {
    const byKey = new Map(dayRows[c]!.map((row) => [row.key, row]));
    const rows = dayRows[c]!;
    let cursor = rows.length > 0 ? rows[0]!.start : startOfDay(dayKey, zone);
    const cells = labels.map((label): GridRow => {
      const row = byKey.get(label.key);
      if (row) {
        cursor = row.end;
        return row;
      }
      return {
        key: label.key,
        time: label.time,
        label: label.label,
        wallMinutes: label.wallMinutes,
        start: cursor,
        end: cursor,
        status: 'nonexistent',
      };
    });
    return { dayKey, cells };
  });
  return { labels, columns };
}
