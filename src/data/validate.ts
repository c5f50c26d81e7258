/**
 * Strict validation of an availability response body, shared by every transport.
 *
 * Contract: input is any parsed JSON value and the normalised query it answers; output is an
 * `AvailabilityResult` built from fresh, frozen objects, or a thrown `SchedulingError` of kind
 * `bad_response` whose message names the offending path (`available_slots[3].end is not a valid
 * instant`). Malformed data is never dropped silently: it fails the whole response; that
 * includes a slot whose length is not the required duration, or a period shorter than it. Data
 * that is well-formed but untidy is normalised: slots are sorted by start, exact duplicates
 * removed, periods clipped to the query's periods, merged where they overlap for the same
 * participants and left out when clipping makes them too short, and fixed slots that do not fit
 * inside a query period left out.
 */
import type {
  ApiAvailableSlot,
  ApiMemberStatus,
  AvailabilityResponse,
  Interval,
  NormalisedQuery,
  ResponseFormat,
  SyncStatus,
} from '../core/types.js';
import { normalisedIntervals } from '../core/intervals.js';
import { SchedulingError } from './errors.js';
import type { AvailabilityResult } from './transport.js';

/** The most entries accepted in one response array; more is treated as a broken response. */
export const MAX_RESPONSE_ITEMS = 10_000;

const SYNC_STATUSES: readonly SyncStatus[] = ['active', 'pending', 'disconnected'];

const ISO_INSTANT =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(?:Z|[+-](\d{2}):(\d{2}))$/;

/** A slot as parsed: epoch-ms bounds, its participants' subs, and a key for its participant set. */
interface ParsedSlot {
  start: number;
  end: number;
  subs: string[];
  group: string;
}

function fail(message: string): never {
  throw new SchedulingError('bad_response', message);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function daysInMonth(year: number, month: number): number {
  return month === 2
    ? (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0
      ? 29
      : 28
    : [4, 6, 9, 11].includes(month)
      ? 30
      : 31;
}

/** Epoch ms of an ISO 8601 instant with an explicit offset, or undefined when it is not one. */
export function instantFromIso(value: unknown): number | undefined {
  if (typeof value !== 'string') return undefined;
  const m = ISO_INSTANT.exec(value);
  if (!m) return undefined;
  const [year, month, day, hour, minute, second = 0, offHour = 0, offMinute = 0] = m
    .slice(1)
    .map((part) => (part === undefined ? undefined : Number(part))) as number[];
  const fieldsValid =
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= daysInMonth(year, month) &&
    hour <= 23 &&
    minute <= 59 &&
    second <= 59 &&
    offHour <= 23 &&
    offMinute <= 59;
  if (!fieldsValid) return undefined;
  const ms = Date.parse(value);
  return Number.isFinite(ms) ? ms : undefined;
}

/** The canonical wire form of an epoch-ms instant: UTC, `Z`, milliseconds only when non-zero. */
export function isoFromInstant(ms: number): string {
  const iso = new Date(ms).toISOString();
  return iso.endsWith('.000Z') ? `${iso.slice(0, -5)}Z` : iso;
}

function parsedArray(value: unknown, path: string): unknown[] {
  if (!Array.isArray(value)) fail(`${path} must be an array`);
  if (value.length > MAX_RESPONSE_ITEMS) {
    fail(`${path} has ${value.length} entries, more than the ${MAX_RESPONSE_ITEMS} accepted`);
  }
  return value;
}

function parsedSlot(value: unknown, path: string): ParsedSlot {
  if (!isRecord(value)) fail(`${path} must be an object`);
  const start = instantFromIso(value.start);
  if (start === undefined) fail(`${path}.start is not a valid instant`);
  const end = instantFromIso(value.end);
  if (end === undefined) fail(`${path}.end is not a valid instant`);
  if (end <= start) fail(`${path}.end must be after ${path}.start`);
  const subs: string[] = [];
  parsedArray(value.participants, `${path}.participants`).forEach((p, i) => {
    const sub = isRecord(p) ? p.sub : undefined;
    if (typeof sub !== 'string' || sub === '') {
      fail(`${path}.participants[${i}].sub must be a non-empty string`);
    }
    if (!subs.includes(sub)) subs.push(sub);
  });
  return { start, end, subs, group: [...subs].sort().join('\n') };
}

function parsedMemberStatus(value: unknown, path: string): ApiMemberStatus {
  if (!isRecord(value)) fail(`${path} must be an object`);
  if (typeof value.sub !== 'string' || value.sub === '') {
    fail(`${path}.sub must be a non-empty string`);
  }
  const status = value.sync_status;
  if (!SYNC_STATUSES.includes(status as SyncStatus)) {
    fail(`${path}.sync_status must be one of ${SYNC_STATUSES.join(', ')}`);
  }
  return Object.freeze({ sub: value.sub, sync_status: status as SyncStatus });
}

function byStartEndGroup(a: ParsedSlot, b: ParsedSlot): number {
  return a.start - b.start || a.end - b.end || (a.group < b.group ? -1 : a.group > b.group ? 1 : 0);
}

/** Where results may lie: the query periods, else the query slots' spans, else anywhere. */
function queryWindows(query: NormalisedQuery): Interval[] {
  const durationMs = query.requiredDuration * 60_000;
  const windows = normalisedIntervals(
    query.queryPeriods.length > 0
      ? query.queryPeriods
      : (query.querySlots ?? []).map((start) => ({ start, end: start + durationMs })),
  );
  return windows.length > 0 ? windows : [{ start: -Infinity, end: Infinity }];
}

/** Index of the first window ending after `instant` (windows sorted and disjoint). */
function firstWindowEndingAfter(windows: readonly Interval[], instant: number): number {
  let lo = 0;
  let hi = windows.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (windows[mid].end <= instant) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Periods cut to the windows, merged where they overlap or touch for the same participants, and kept when still long enough. */
function clippedPeriods(
  periods: readonly ParsedSlot[],
  windows: readonly Interval[],
  minLengthMs: number,
): ParsedSlot[] {
  const clipped: ParsedSlot[] = [];
  for (const p of periods) {
    for (let i = firstWindowEndingAfter(windows, p.start); i < windows.length; i++) {
      const w = windows[i];
      if (w.start >= p.end) break;
      clipped.push({ ...p, start: Math.max(p.start, w.start), end: Math.min(p.end, w.end) });
    }
  }
  clipped.sort((a, b) => (a.group < b.group ? -1 : a.group > b.group ? 1 : a.start - b.start));
  const merged: ParsedSlot[] = [];
  for (const p of clipped) {
    const last = merged[merged.length - 1];
    if (last && last.group === p.group && p.start <= last.end) last.end = Math.max(last.end, p.end);
    else merged.push(p);
  }
  return merged.filter((p) => p.end - p.start >= minLengthMs).sort(byStartEndGroup);
}

/** Slots lying wholly inside a window, sorted, with exact duplicates removed. */
function containedSlots(slots: readonly ParsedSlot[], windows: readonly Interval[]): ParsedSlot[] {
  const inside = slots.filter((s) => {
    const w = windows[firstWindowEndingAfter(windows, s.start)];
    return w !== undefined && w.start <= s.start && s.end <= w.end;
  });
  inside.sort(byStartEndGroup);
  return inside.filter((s, i) => i === 0 || byStartEndGroup(inside[i - 1], s) !== 0);
}

function wireSlot(slot: ParsedSlot): ApiAvailableSlot {
  const participants = slot.subs.map((sub) => Object.freeze({ sub }));
  Object.freeze(participants);
  return Object.freeze({
    start: isoFromInstant(slot.start),
    end: isoFromInstant(slot.end),
    participants,
  });
}

/** The shape of the answer to `query`: query slots are always answered as fixed slots. */
function resultFormat(query: NormalisedQuery): ResponseFormat {
  return query.querySlots !== undefined && query.responseFormat === 'periods'
    ? 'slots'
    : query.responseFormat;
}

/** The validated, normalised result for a response `body` answering `query`; throws `bad_response`. */
export function availabilityResultFromBody(
  body: unknown,
  query: NormalisedQuery,
): AvailabilityResult {
  if (!isRecord(body)) fail('the response body must be a JSON object');
  const format = resultFormat(query);
  const field: keyof AvailabilityResponse =
    format === 'periods' ? 'available_periods' : 'available_slots';
  if (!(field in body)) {
    const other = format === 'periods' ? 'available_slots' : 'available_periods';
    fail(
      other in body
        ? `${field} is missing (the response has ${other}, but ${field} answers this query)`
        : `${field} is missing`,
    );
  }
  const parsed = parsedArray(body[field], field).map((s, i) => parsedSlot(s, `${field}[${i}]`));
  const durationMs = query.requiredDuration * 60_000;
  parsed.forEach((slot, i) => {
    const length = slot.end - slot.start;
    if (format === 'periods' ? length < durationMs : length !== durationMs) {
      const relation = format === 'periods' ? 'less than' : 'not';
      fail(
        `${field}[${i}] lasts ${length / 60_000} minutes, ${relation} the required ${query.requiredDuration}`,
      );
    }
  });
  const memberStatuses =
    body.member_statuses === undefined
      ? []
      : parsedArray(body.member_statuses, 'member_statuses').map((s, i) =>
          parsedMemberStatus(s, `member_statuses[${i}]`),
        );
  const windows = queryWindows(query);
  const normalised =
    format === 'periods'
      ? clippedPeriods(parsed, windows, durationMs)
      : containedSlots(parsed, windows);
  return Object.freeze({
    slots: Object.freeze(normalised.map(wireSlot)),
    format,
    memberStatuses: Object.freeze(memberStatuses),
    stale: memberStatuses.some((s) => s.sync_status !== 'active'),
  });
}
