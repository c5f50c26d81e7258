/**
 * The viewer's pure decisions: which days each page shows, what each page asks the API, how
 * many columns fit a width, and slots in the wire shape listeners receive.
 *
 * Contract: no DOM. Day keys are `YYYY-MM-DD` in the viewer's zone; instants are UTC epoch ms.
 * Seven-column pages are weeks aligned to the week start day; narrower pages are runs of
 * `count` days from the query's first day. A page query is the viewer's query clipped to the
 * page's visible hours (query slots: to the page's span), asking for slots every `interval`
 * minutes when the query names no start interval, and for as many results as the API allows.
 */
import { rowsForDay, weekPages, type GridConfig, type WeekPage } from '../../core/grid.js';
import { normalisedIntervals } from '../../core/intervals.js';
import { QUERY_LIMITS, clipQueryPeriods, queryKey, withQueryPeriods } from '../../core/query.js';
import { clippedPeriods, type TimedSlot } from '../../core/slots.js';
import { addDays, daysBetween, dayKey } from '../../core/time.js';
import type { Interval, NormalisedQuery, WeekDayName } from '../../core/types.js';
import { isoFromInstant } from '../../data/validate.js';
import type { Slot } from '../shared/events.js';
import type { PageQuery } from './page-data-controller.js';

/** Start intervals the API accepts, in minutes. */
const START_INTERVALS = new Set([5, 10, 15, 20, 30, 60]);

/** The first and last day (in `zone`) the query can have results on, or undefined when it asks about nothing. */
export function queryDays(
  query: NormalisedQuery,
  zone: string,
): { firstDay: string; lastDay: string } | undefined {
  const starts = query.querySlots ?? query.queryPeriods.map((p) => p.start);
  if (starts.length === 0) return undefined;
  const end = query.querySlots
    ? Math.max(...query.querySlots) + query.requiredDuration * 60_000
    : Math.max(...query.queryPeriods.map((p) => p.end));
  return { firstDay: dayKey(Math.min(...starts), zone), lastDay: dayKey(end - 1, zone) };
}

/** The pages covering `firstDay`..`lastDay`: weeks for 7 columns, else runs of `count` days. */
export function dayPages(
  firstDay: string,
  lastDay: string,
  count: number,
  weekStartDay: WeekDayName,
): WeekPage[] {
  if (count >= 7) return weekPages(firstDay, lastDay, weekStartDay);
  const total = Math.floor(daysBetween(firstDay, lastDay) / count) + 1;
  return Array.from({ length: total }, (_, index) => {
    const days = Array.from({ length: count }, (_, i) => addDays(firstDay, index * count + i));
    return {
      index,
      days,
      firstDay: days[0]!,
      lastDay: days[days.length - 1]!,
      hasPrev: index > 0,
      hasNext: index < total - 1,
    };
  });
}

/** The page that shows `day`, clamped to the first or last page when it lies outside them. */
export function pageIndexFor(pages: readonly WeekPage[], day: string): number {
  if (pages.length === 0) return 0;
  if (day < pages[0]!.firstDay) return 0;
  const index = pages.findIndex((page) => day <= page.lastDay);
  return index < 0 ? pages.length - 1 : index;
}

/** Day columns for an element `width` pixels wide: 7, 3 on medium widths, 1 on narrow ones. */
export function columnsForWidth(width: number): 1 | 3 | 7 {
  if (width >= 600) return 7;
  return width >= 340 ? 3 : 1;
}

/** The viewer query in the shape one page asks: slots on the grid's rows, as many as allowed. */
function pageShaped(query: NormalisedQuery, interval: number): NormalisedQuery {
  const shaped: NormalisedQuery = { ...query, maxResults: 512 };
  if (shaped.startInterval === undefined && START_INTERVALS.has(interval)) {
    shaped.startInterval = interval;
  }
  return shaped;
}

/** The visible hours of `days` in `zone` as a normalised list, without building a whole page. */
export function windowsOfDays(
  days: readonly string[],
  zone: string,
  config: GridConfig,
): Interval[] {
  const windows: Interval[] = [];
  for (const day of days) {
    const rows = rowsForDay(day, zone, config);
    if (rows.length > 0) windows.push({ start: rows[0]!.start, end: rows[rows.length - 1]!.end });
  }
  return normalisedIntervals(windows);
}

/** What a page with visible hours `windows` asks the API: the query clipped to them, keyed for the cache. */
export function pageQueryFor(
  query: NormalisedQuery,
  windows: readonly Interval[],
  interval: number,
): PageQuery {
  const shaped = pageShaped(query, interval);
  const clipped = query.querySlots
    ? clipQueryPeriods(shaped, spanOf(windows))
    : withQueryPeriods(shaped, clippedPeriods(query.queryPeriods, windows));
  return { key: queryKey(clipped), query: clipped };
}

/** The first result (if any) of the query within `window` (beyond an empty page), or undefined when the query asks nothing there. */
export function lookAheadQueryFor(query: NormalisedQuery, window: Interval): PageQuery | undefined {
  const rest = clipQueryPeriods({ ...query, maxResults: 1 }, window);
  if (rest.queryPeriods.length === 0 && !(rest.querySlots && rest.querySlots.length > 0)) {
    return undefined;
  }
  return { key: queryKey(rest), query: rest };
}

/**
 * Look-ahead queries for the first slot inside the visible hours `windows` (of the days after an
 * empty page, ascending): the query clipped to them with `max_results` 1, split into requests of
 * at most the API's number of query periods, earliest first. A slot found so lies where the grid
 * shows it, so "Jump to next availability" never lands on a week that looks empty.
 */
export function visibleLookAheads(
  query: NormalisedQuery,
  windows: readonly Interval[],
): PageQuery[] {
  const single: NormalisedQuery = { ...query, maxResults: 1 };
  if (windows.length === 0) return [];
  if (query.querySlots) {
    const clipped = clipQueryPeriods(single, spanOf(windows));
    clipped.querySlots = clipped.querySlots!.filter((at) =>
      windows.some((w) => at >= w.start && at < w.end),
    );
    return clipped.querySlots.length > 0 ? [{ key: queryKey(clipped), query: clipped }] : [];
  }
  const out: PageQuery[] = [];
  let chunk: Interval[] = [];
  const flush = () => {
    if (chunk.length === 0) return;
    const q = withQueryPeriods(single, chunk);
    out.push({ key: queryKey(q), query: q });
    chunk = [];
  };
  for (const window of windows) {
    const parts = clippedPeriods(query.queryPeriods, [window]).slice(
      0,
      QUERY_LIMITS.maxQueryPeriods,
    );
    if (chunk.length + parts.length > QUERY_LIMITS.maxQueryPeriods) flush();
    chunk.push(...parts);
  }
  flush();
  return out;
}

/** Whether a page query asks about any time at all. */
export function asksAnything(page: PageQuery): boolean {
  return page.query.querySlots
    ? page.query.querySlots.length > 0
    : page.query.queryPeriods.length > 0;
}

function spanOf(windows: readonly Interval[]): Interval {
  if (windows.length === 0) return { start: 0, end: 0 };
  return { start: windows[0]!.start, end: windows[windows.length - 1]!.end };
}

/** A slot as events and notifications carry it: UTC ISO instants, participants, whether it was free. */
export function wireSlot(slot: TimedSlot, available: boolean): Slot {
  return {
    available,
    start: isoFromInstant(slot.start),
    end: isoFromInstant(slot.end),
    participants: slot.participants.map((sub) => ({ sub })),
  };
}

/** A wire slot back in epoch ms, or undefined when its instants do not parse. */
export function timedSlotOf(slot: Slot): TimedSlot | undefined {
  const start = Date.parse(slot.start);
  const end = Date.parse(slot.end);
  if (!Number.isFinite(start) || !Number.isFinite(end) || end <= start) return undefined;
  return { start, end, participants: (slot.participants ?? []).map((p) => p.sub) };
}
