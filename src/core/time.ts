/**
 * Zone arithmetic: UTC instants, wall clocks read in an explicit IANA zone, and calendar days.
 *
 * Contract:
 * - An instant is a UTC epoch millisecond number. Nothing here reads the host's zone: every
 *   wall-clock value is computed for the zone passed in, through `Intl.DateTimeFormat`
 *   (one cached formatter per zone) and UTC-only `Date` arithmetic.
 * - A wall clock is `{year, month (1-12), day, hour (0-23), minute}` in some zone.
 * - A day key is a calendar date `YYYY-MM-DD` with no zone; day-key arithmetic works on the
 *   proleptic Gregorian calendar, never on instants.
 * - A zone id is anything `Intl` accepts (`UTC`, `europe/berlin`, `US/Eastern`); it is
 *   resolved to Intl's canonical spelling. An unknown zone throws `InvalidTimeZoneError`;
 *   there is never a fallback zone.
 * - Offsets are whole seconds (historic local mean times such as Monrovia's GMT-0:44:30 until
 *   1972 have seconds), so `offsetMinutes` may be fractional for those.
 *
 * DST policy for wall clock -> instant:
 * - A nonexistent wall clock (in a spring-forward gap) resolves forward by the gap's length,
 *   as if the clock had not moved yet: 02:30 on Berlin's spring-forward night is 03:30 CEST.
 *   `instantsOf` returns no instant for it.
 * - An ambiguous wall clock (in a fall-back overlap) has two instants: `instantsOf` returns
 *   both, earlier first; `instantOf` picks the earlier unless asked for `'later'`.
 * - The start of a day is the first instant whose wall clock falls on that date: local
 *   midnight, or the end of the gap when midnight does not exist (America/Santiago). The end of
 *   a day is the start of the next, so days last 23, 24, 25 (or, around date-line moves, 0 to
 *   48) hours.
 */

/** A time of day on a calendar date, read in some zone; plain numbers, month 1-12. */
export interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
}

/** A calendar date, month 1-12. */
export interface CalendarDate {
  year: number;
  month: number;
  day: number;
}

/** Which instant an ambiguous wall clock (fall-back overlap) resolves to. */
export type Disambiguation = 'earlier' | 'later';

/** Thrown for a zone id that `Intl` does not know. */
export class InvalidTimeZoneError extends Error {
  /** The zone id as given. */
  readonly tzid: string;

  constructor(tzid: unknown) {
    super(
      `Unknown time zone: ${JSON.stringify(tzid)} (expected an IANA zone such as "Europe/Berlin")`,
    );
    this.name = 'InvalidTimeZoneError';
    this.tzid = String(tzid);
  }
}

/** Thrown for a string that is not a valid `YYYY-MM-DD` calendar date. */
export class InvalidDayKeyError extends Error {
  /** The value as given. */
  readonly value: string;

  constructor(value: unknown) {
    super(`Invalid date: ${JSON.stringify(value)} (expected an existing date as YYYY-MM-DD)`);
    this.name = 'InvalidDayKeyError';
    this.value = String(value);
  }
}

/** Thrown for a string that is not a valid `HH:mm` time of day. */
export class InvalidTimeOfDayError extends Error {
  /** The value as given. */
  readonly value: string;

  constructor(value: unknown, detail = 'expected HH:mm from 00:00 to 23:59') {
    super(`Invalid time of day: ${JSON.stringify(value)} (${detail})`);
    this.name = 'InvalidTimeOfDayError';
    this.value = String(value);
  }
}

const MS_PER_MINUTE = 60_000;
const MS_PER_DAY = 86_400_000;
/** Offset lookups kept per zone before the cache is dropped (it refills in microseconds). */
const OFFSET_CACHE_LIMIT = 50_000;

interface ZoneRecord {
  id: string;
  format: Intl.DateTimeFormat;
  /** Offset in ms by whole epoch second. */
  offsets: Map<number, number>;
}

const zoneRecords = new Map<string, ZoneRecord>();
const recordsByCanonical = new Map<string, ZoneRecord>();

function zoneRecordOf(tzid: string): ZoneRecord {
  const cached = zoneRecords.get(tzid);
  if (cached) return cached;
  if (typeof tzid !== 'string' || tzid.trim() === '') throw new InvalidTimeZoneError(tzid);
  let id: string;
  try {
    id = new Intl.DateTimeFormat('en-US', { timeZone: tzid }).resolvedOptions().timeZone;
  } catch {
    throw new InvalidTimeZoneError(tzid);
  }
  // Newer engines also take a bare offset (`+02:00`): not an IANA zone, and blind to DST.
  if (!/^[A-Za-z]/.test(id)) throw new InvalidTimeZoneError(tzid);
  let record = recordsByCanonical.get(id);
  if (!record) {
    record = {
      id,
      format: new Intl.DateTimeFormat('en-US', {
        timeZone: id,
        hourCycle: 'h23',
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: 'numeric',
        minute: 'numeric',
        second: 'numeric',
      }),
      offsets: new Map(),
    };
    recordsByCanonical.set(id, record);
  }
  zoneRecords.set(tzid, record);
  return record;
}

/** The canonical spelling of a zone id (as `Intl` resolves it); throws `InvalidTimeZoneError`. */
export function canonicalZone(tzid: string): string {
  return zoneRecordOf(tzid).id;
}

/**
 * Current IANA names of zones that `Intl` (following CLDR) still spells the old way, so that
 * a visitor finds and reads "Asia/Kolkata", not "Asia/Calcutta".
 */
const RENAMED_ZONES: Readonly<Record<string, string>> = {
  'Africa/Asmera': 'Africa/Asmara',
  'America/Buenos_Aires': 'America/Argentina/Buenos_Aires',
  'America/Catamarca': 'America/Argentina/Catamarca',
  'America/Coral_Harbour': 'America/Atikokan',
  'America/Cordoba': 'America/Argentina/Cordoba',
  'America/Godthab': 'America/Nuuk',
  'America/Indianapolis': 'America/Indiana/Indianapolis',
  'America/Jujuy': 'America/Argentina/Jujuy',
  'America/Louisville': 'America/Kentucky/Louisville',
  'America/Mendoza': 'America/Argentina/Mendoza',
  'Asia/Calcutta': 'Asia/Kolkata',
  'Asia/Katmandu': 'Asia/Kathmandu',
  'Asia/Rangoon': 'Asia/Yangon',
  'Asia/Saigon': 'Asia/Ho_Chi_Minh',
  'Atlantic/Faeroe': 'Atlantic/Faroe',
  'Europe/Kiev': 'Europe/Kyiv',
  'Pacific/Enderbury': 'Pacific/Kanton',
  'Pacific/Ponape': 'Pacific/Pohnpei',
  'Pacific/Truk': 'Pacific/Chuuk',
};

/** `id` under its current IANA name when `Intl` still lists it by an old one (no validation). */
export function currentZoneName(id: string): string {
  return RENAMED_ZONES[id] ?? id;
}

/**
 * The name to show and store for a valid zone id, however it was spelled or cased: the
 * canonical zone under its current IANA name (`europe/berlin` -> `Europe/Berlin`, `Asia/Calcutta`
 * -> `Asia/Kolkata`, `US/Eastern` -> `America/New_York`). Throws `InvalidTimeZoneError`.
 */
export function zoneName(tzid: string): string {
  const canonical = canonicalZone(tzid);
  const current = currentZoneName(canonical);
  return current !== canonical && isValidZone(current) ? current : canonical;
}

/** Whether `Intl` knows the zone id. */
export function isValidZone(tzid: string): boolean {
  try {
    zoneRecordOf(tzid);
    return true;
  } catch {
    return false;
  }
}

/** UTC epoch ms of the given UTC fields, for any year from 1 to 9999. */
function utcMsOf(
  year: number,
  month: number,
  day: number,
  hour = 0,
  minute = 0,
  second = 0,
): number {
  if (year >= 100) return Date.UTC(year, month - 1, day, hour, minute, second);
  // Date.UTC maps years 0-99 to 1900-1999.
  const date = new Date(Date.UTC(2000, month - 1, day, hour, minute, second));
  date.setUTCFullYear(year, month - 1, day);
  return date.getTime();
}

/** The six numbers (month, day, year, hour, minute, second) of the en-US h23 formatter output. */
function wallSecondsOf(record: ZoneRecord, second: number): number {
  const text = record.format.format(second * 1000);
  const fields = [0, 0, 0, 0, 0, 0];
  let n = 0;
  let inDigits = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i) - 48;
    if (c >= 0 && c <= 9) {
      if (!inDigits) {
        if (n === 6) return wallSecondsFromParts(record, second);
        inDigits = true;
        n++;
      }
      fields[n - 1] = fields[n - 1]! * 10 + c;
    } else {
      inDigits = false;
    }
  }
  if (n !== 6) return wallSecondsFromParts(record, second);
  const [month, day, year, hour, minute, sec] = fields as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  return utcMsOf(year, month, day, hour, minute, sec) / 1000;
}

/** Slow path of `wallSecondsOf` for formatter output in an unexpected shape. */
function wallSecondsFromParts(record: ZoneRecord, second: number): number {
  const f: Record<string, number> = {};
  for (const part of record.format.formatToParts(second * 1000)) {
    if (part.type !== 'literal') f[part.type] = Number(part.value);
  }
  return utcMsOf(f.year!, f.month!, f.day!, f.hour!, f.minute!, f.second!) / 1000;
}

function offsetMsOf(record: ZoneRecord, instant: number): number {
  const second = Math.floor(instant / 1000);
  let offset = record.offsets.get(second);
  if (offset === undefined) {
    offset = (wallSecondsOf(record, second) - second) * 1000;
    if (record.offsets.size >= OFFSET_CACHE_LIMIT) record.offsets.clear();
    record.offsets.set(second, offset);
  }
  return offset;
}

function assertInstant(instant: number): void {
  if (!Number.isFinite(instant))
    throw new RangeError(`Invalid instant: ${instant} (expected epoch ms)`);
}

/** The zone's UTC offset at the instant, in minutes east of UTC (fractional only for old LMT). */
export function offsetMinutes(instant: number, zone: string): number {
  assertInstant(instant);
  return offsetMsOf(zoneRecordOf(zone), instant) / MS_PER_MINUTE;
}

/** A `GMT±h[:mm[:ss]]` label for an offset in ms, `GMT` for zero. */
function labelOfOffsetMs(offsetMs: number): string {
  if (offsetMs === 0) return 'GMT';
  const total = Math.abs(offsetMs) / 1000;
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = total % 60;
  let label = `GMT${offsetMs < 0 ? '-' : '+'}${hours}`;
  if (minutes || seconds) label += `:${pad2(minutes)}`;
  if (seconds) label += `:${pad2(seconds)}`;
  return label;
}

/** The zone's offset at the instant as `GMT+1`, `GMT+5:30`, `GMT-3:30`, `GMT+12:45` or `GMT`. */
export function offsetLabel(instant: number, zone: string): string {
  assertInstant(instant);
  return labelOfOffsetMs(offsetMsOf(zoneRecordOf(zone), instant));
}

/** The wall clock shown in the zone at the instant (seconds dropped). */
export function wallClockOf(instant: number, zone: string): WallClock {
  assertInstant(instant);
  const shifted = new Date(instant + offsetMsOf(zoneRecordOf(zone), instant));
  return {
    year: shifted.getUTCFullYear(),
    month: shifted.getUTCMonth() + 1,
    day: shifted.getUTCDate(),
    hour: shifted.getUTCHours(),
    minute: shifted.getUTCMinutes(),
  };
}

function assertWallClock(wall: WallClock): void {
  const { year, month, day, hour, minute } = wall;
  const ok =
    Number.isInteger(year) &&
    year >= 1 &&
    year <= 9999 &&
    Number.isInteger(month) &&
    month >= 1 &&
    month <= 12 &&
    Number.isInteger(day) &&
    day >= 1 &&
    day <= daysInMonth(year, month) &&
    Number.isInteger(hour) &&
    hour >= 0 &&
    hour <= 23 &&
    Number.isInteger(minute) &&
    minute >= 0 &&
    minute <= 59;
  if (!ok) throw new RangeError(`Invalid wall clock: ${JSON.stringify(wall)}`);
}

/** A wall clock encoded as if it were UTC: the "local ms" the resolvers work on. */
function localMsOf(wall: WallClock): number {
  assertWallClock(wall);
  return utcMsOf(wall.year, wall.month, wall.day, wall.hour, wall.minute);
}

/** Every instant whose wall clock equals `local` (as local ms), earlier first: 0, 1 or 2. */
function instantsAtLocal(record: ZoneRecord, local: number): number[] {
  // Offsets a day either side bracket any transition near this wall clock.
  const before = offsetMsOf(record, local - MS_PER_DAY);
  const after = offsetMsOf(record, local + MS_PER_DAY);
  const found: number[] = [];
  for (const offset of before === after ? [before] : [before, after]) {
    const candidate = local - offset;
    if (offsetMsOf(record, candidate) === offset) found.push(candidate);
  }
  if (found.length === 0 && before === after) {
    // Two transitions within two days: try the offset in force at the naive candidate.
    const offset = offsetMsOf(record, local - before);
    if (offsetMsOf(record, local - offset) === offset) found.push(local - offset);
  }
  return found.length === 2 && found[0]! > found[1]! ? [found[1]!, found[0]!] : found;
}

/**
 * The first instant whose wall clock reads `local` or later; `local` lies in a gap, so this is
 * the transition that skips it.
 */
function gapEndAfter(record: ZoneRecord, local: number): number {
  const before = offsetMsOf(record, local - MS_PER_DAY);
  const after = offsetMsOf(record, local + MS_PER_DAY);
  // wall(x) = x + offset(x) crosses `local` between these two seconds; when both offsets agree
  // (two transitions within two days) search the whole neighbourhood.
  const spread = before === after ? MS_PER_DAY : 0;
  let lo = Math.floor((local - Math.max(before, after) - spread) / 1000);
  let hi = Math.ceil((local - Math.min(before, after) + spread) / 1000);
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (mid * 1000 + offsetMsOf(record, mid * 1000) >= local) hi = mid;
    else lo = mid;
  }
  return hi * 1000;
}

/** Resolves local ms to an instant under the module's DST policy. */
function instantAtLocal(record: ZoneRecord, local: number, disambiguation: Disambiguation): number {
  const found = instantsAtLocal(record, local);
  if (found.length > 0) return disambiguation === 'later' ? found[found.length - 1]! : found[0]!;
  const transition = gapEndAfter(record, local);
  return local - offsetMsOf(record, transition - 1000);
}

/** Every instant at which the zone's clocks read `wall`, earlier first: none in a gap, two in an overlap. */
export function instantsOf(wall: WallClock, zone: string): number[] {
  return instantsAtLocal(zoneRecordOf(zone), localMsOf(wall));
}

/**
 * The instant at which the zone's clocks read `wall`: a nonexistent wall clock moves forward
 * by the gap's length; an ambiguous one is the earlier instant unless `disambiguation` is `'later'`.
 */
export function instantOf(
  wall: WallClock,
  zone: string,
  options: { disambiguation?: Disambiguation } = {},
): number {
  return instantAtLocal(zoneRecordOf(zone), localMsOf(wall), options.disambiguation ?? 'earlier');
}

/**
 * The first instant at which the zone's clocks read `wall` or later: the earlier instant of an
 * ambiguous wall clock, or the end of the gap for a nonexistent one.
 */
export function firstInstantAtOrAfter(wall: WallClock, zone: string): number {
  return firstInstantAtOrAfterLocal(zoneRecordOf(zone), localMsOf(wall));
}

function firstInstantAtOrAfterLocal(record: ZoneRecord, local: number): number {
  const found = instantsAtLocal(record, local);
  return found.length > 0 ? found[0]! : gapEndAfter(record, local);
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

function daysInMonth(year: number, month: number): number {
  return month === 2
    ? year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0)
      ? 29
      : 28
    : [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]!;
}

function dayKeyOfFields(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${pad2(month)}-${pad2(day)}`;
}

/** The calendar date (`YYYY-MM-DD`) in the zone at the instant. */
export function dayKey(instant: number, zone: string): string {
  const { year, month, day } = wallClockOf(instant, zone);
  return dayKeyOfFields(year, month, day);
}

const DAY_KEY_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The date of a `YYYY-MM-DD` key; throws `InvalidDayKeyError` for anything else or a date that does not exist. */
export function parseDayKey(key: string): CalendarDate {
  const match = typeof key === 'string' ? DAY_KEY_PATTERN.exec(key) : null;
  if (!match) throw new InvalidDayKeyError(key);
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (year < 1 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    throw new InvalidDayKeyError(key);
  }
  return { year, month, day };
}

/** Whether the value is a valid `YYYY-MM-DD` key of an existing date. */
export function isDayKey(key: unknown): key is string {
  try {
    parseDayKey(key as string);
    return true;
  } catch {
    return false;
  }
}

/** Days from 1970-01-01 to the key's date. */
function epochDayOf(key: string): number {
  const { year, month, day } = parseDayKey(key);
  return Math.round(utcMsOf(year, month, day) / MS_PER_DAY);
}

function dayKeyOfEpochDay(epochDay: number): string {
  const date = new Date(epochDay * MS_PER_DAY);
  return dayKeyOfFields(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate());
}

/** The key `n` calendar days after `key` (before it for negative `n`). */
export function addDays(key: string, n: number): string {
  if (!Number.isInteger(n)) throw new RangeError(`Invalid day count: ${n} (expected an integer)`);
  return dayKeyOfEpochDay(epochDayOf(key) + n);
}

/** The day of the week of the key's date, 0 = Sunday ... 6 = Saturday. */
export function weekdayOf(key: string): number {
  // 1970-01-01 was a Thursday.
  return (((epochDayOf(key) + 4) % 7) + 7) % 7;
}

/** Calendar days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return epochDayOf(to) - epochDayOf(from);
}

/** Negative, zero or positive as `a` is before, equal to or after `b`; validates both keys. */
export function compareDayKeys(a: string, b: string): number {
  parseDayKey(a);
  parseDayKey(b);
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Local ms of the key's midnight. */
function localMidnightOf(key: string): number {
  const { year, month, day } = parseDayKey(key);
  return utcMsOf(year, month, day);
}

/** The first instant of the date in the zone: local midnight, or the end of a gap that swallows it. */
export function startOfDay(key: string, zone: string): number {
  return firstInstantAtOrAfterLocal(zoneRecordOf(zone), localMidnightOf(key));
}

/** The instant the date ends in the zone (exclusive): the start of the next date. */
export function endOfDay(key: string, zone: string): number {
  return startOfDay(addDays(key, 1), zone);
}

/** How long the date lasts in the zone, in minutes: usually 1440, 1380 or 1500 on DST days. */
export function dayLengthMinutes(key: string, zone: string): number {
  return (endOfDay(key, zone) - startOfDay(key, zone)) / MS_PER_MINUTE;
}

/** The instant the zone's clocks read `minutes` after midnight on the date, under the module's DST policy. */
export function instantOfDayMinutes(
  key: string,
  minutes: number,
  zone: string,
  disambiguation: Disambiguation = 'earlier',
): number {
  return instantAtLocal(
    zoneRecordOf(zone),
    localMidnightOf(key) + minutes * MS_PER_MINUTE,
    disambiguation,
  );
}

const HHMM_PATTERN = /^([01]?\d|2[0-4]):([0-5]\d)$/;

/**
 * Minutes after midnight of an `HH:mm` (or `H:mm`) time; `24:00` (= 1440) only with
 * `allow2400`. Throws `InvalidTimeOfDayError`.
 */
export function parseHHmm(text: string, options: { allow2400?: boolean } = {}): number {
  const match = typeof text === 'string' ? HHMM_PATTERN.exec(text.trim()) : null;
  if (!match) throw new InvalidTimeOfDayError(text);
  const minutes = Number(match[1]) * 60 + Number(match[2]);
  if (minutes > 1440 || (minutes === 1440 && !options.allow2400)) {
    throw new InvalidTimeOfDayError(
      text,
      options.allow2400 ? 'expected 00:00 to 24:00' : undefined,
    );
  }
  return minutes;
}

/** An `HH:mm` label for minutes after midnight (0..1440; 1440 is `24:00`). */
export function formatHHmm(minutes: number): string {
  if (!Number.isInteger(minutes) || minutes < 0 || minutes > 1440) {
    throw new RangeError(`Invalid minutes after midnight: ${minutes} (expected 0 to 1440)`);
  }
  return `${pad2(Math.floor(minutes / 60))}:${pad2(minutes % 60)}`;
}
