/**
 * Parses, validates and normalises an availability query, and turns it back into the wire shape.
 *
 * Contract: `parseQuery` takes any value (parsed JSON or junk) and never throws. It returns a
 * `NormalisedQuery` (instants as UTC epoch ms, durations in whole minutes, defaults applied,
 * query periods and members' periods sorted and merged, query slots sorted and deduplicated,
 * calendar ids sorted and deduplicated) or every problem found, in the API's 422 shape keyed by
 * field path (`participants[0].members[1].sub`, `query_periods[2].end`). Instants on the wire
 * must carry `Z` or a UTC offset; a date or a local time alone is ambiguous and rejected.
 * Limits are in `QUERY_LIMITS`.
 */
import { normalisedIntervals } from './intervals.js';
import type {
  ApiDuration,
  ApiFieldErrors,
  ApiMember,
  ApiPeriod,
  AvailabilityQuery,
  Interval,
  NormalisedGroup,
  NormalisedMember,
  NormalisedQuery,
  QueryParseResult,
  ResponseFormat,
} from './types.js';

/** Bounds every query must respect: the API's documented ones, and caps that keep a query cheap. */
export const QUERY_LIMITS = {
  /** Query periods (or `available_periods`) per query, as the API allows. */
  maxQueryPeriods: 50,
  /** Entries of `query_slots` per query. */
  maxQuerySlots: 50,
  /** Working-hours periods per member. */
  maxMemberPeriods: 50,
  /** Participant groups per query. */
  maxGroups: 10,
  /** Members per participant group. */
  maxMembers: 50,
  /** Longest `required_duration`, in minutes (one day). */
  maxDurationMinutes: 24 * 60,
  /** Longest buffer before or after a slot, in minutes (one day). */
  maxBufferMinutes: 24 * 60,
  /** The `start_interval` values the API accepts, in minutes. */
  startIntervals: [5, 10, 15, 20, 30, 60] as readonly number[],
  /**
   * Longest reach of one request, from its first query period's start (or query slot) to its
   * last end, in days: the work of answering grows with it. `parseQuery` leaves it to
   * `querySpanErrors`, since the viewer asks a long query one page at a time.
   */
  maxSpanDays: 366,
  /** Range and default of `max_results`. */
  minResults: 1,
  maxResults: 512,
  defaultMaxResults: 20,
} as const;

const RESPONSE_FORMATS: readonly ResponseFormat[] = ['periods', 'slots', 'overlapping_slots'];
const QUERY_FIELDS = [
  'participants',
  'required_duration',
  'query_periods',
  'available_periods',
  'query_slots',
  'buffer',
  'start_interval',
  'max_results',
  'response_format',
  'include_member_statuses',
];
const GROUP_FIELDS = ['members', 'required'];
const MEMBER_FIELDS = ['sub', 'calendar_ids', 'available_periods'];
const PERIOD_FIELDS = ['start', 'end'];
const SLOT_FIELDS = ['start'];
const DURATION_FIELDS = ['hours', 'minutes'];
const BUFFER_FIELDS = ['before', 'after'];

const MINUTE = 60_000;
const DAY = 86_400_000;
/** 0001-01-01T00:00:00Z and 10000-01-01T00:00:00Z: instants outside print without a 4-digit year. */
const EARLIEST = -62_135_596_800_000;
const LATEST = 253_402_300_800_000;
const EXAMPLE_INSTANT = '2026-12-01T09:00:00Z';

const INSTANT =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?(Z|[+-]\d{2}(?::?\d{2})?)?$/;
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

type Fields = Record<string, unknown>;

/** Appends one error to `errors[path]`. */
function addError(errors: ApiFieldErrors, path: string, key: string, description: string): void {
  (errors[path] ??= []).push({ key, description });
}

/** `value` as a plain record, or undefined for null, arrays and primitives. */
function asFields(value: unknown): Fields | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Fields)
    : undefined;
}

/** Own property `key` of `fields`, so inherited names like `constructor` never count as given. */
function own(fields: Fields, key: string): unknown {
  return Object.prototype.hasOwnProperty.call(fields, key) ? fields[key] : undefined;
}

/** The path of `key` inside the object at `path`. */
function child(path: string, key: string): string {
  return path === '' ? key : `${path}.${key}`;
}

/** Reports every own field of `fields` not in `allowed`. */
function checkFieldNames(
  errors: ApiFieldErrors,
  path: string,
  fields: Fields,
  allowed: readonly string[],
): void {
  for (const key of Object.keys(fields)) {
    if (!allowed.includes(key)) {
      addError(
        errors,
        child(path, key),
        'errors.not_allowed',
        `${key} is not a known field here; allowed: ${allowed.join(', ')}`,
      );
    }
  }
}

/** Days from 1970-01-01 to the proleptic Gregorian date, with no `Date` involved (years 0-99 included). */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra =
    yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

/** Days in `month` (1-12) of `year`. */
function daysInMonth(year: number, month: number): number {
  if (month !== 2) return [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]!;
  return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
}

/** The UTC epoch ms of an ISO 8601 instant at `path`, or undefined after reporting why not. */
function parseInstant(errors: ApiFieldErrors, path: string, name: string, value: unknown) {
  if (value === undefined) {
    addError(errors, path, 'errors.required', `${name} is required`);
    return undefined;
  }
  const invalid = (description: string) => {
    addError(errors, path, 'errors.invalid', description);
    return undefined;
  };
  if (typeof value !== 'string') {
    return invalid(`${name} must be an ISO 8601 string such as ${EXAMPLE_INSTANT}`);
  }
  if (DATE_ONLY.test(value)) {
    return invalid(`${name} is a date without a time; give an instant such as ${value}T09:00:00Z`);
  }
  const match = INSTANT.exec(value);
  if (!match) return invalid(`${name} is not an ISO 8601 instant such as ${EXAMPLE_INSTANT}`);
  const [, y, mo, d, h, mi, s = '0', fraction = '', zone] = match;
  if (zone === undefined) {
    return invalid(
      `${name} has no UTC offset, so its time zone is ambiguous; add Z or an offset such as +01:00`,
    );
  }
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  const offsetHours = zone === 'Z' ? 0 : Number(zone.slice(1, 3));
  const offsetMinutes = zone.length > 3 ? Number(zone.slice(-2)) : 0;
  if (
    month < 1 ||
    month > 12 ||
    day < 1 ||
    day > daysInMonth(year, month) ||
    Number(h) > 23 ||
    Number(mi) > 59 ||
    Number(s) > 59 ||
    offsetHours > 23 ||
    offsetMinutes > 59
  ) {
    return invalid(`${name} is not a real date and time`);
  }
  const offset = (zone.startsWith('-') ? -1 : 1) * (offsetHours * 60 + offsetMinutes) * MINUTE;
  const instant =
    daysFromCivil(year, month, day) * DAY +
    (Number(h) * 60 + Number(mi)) * MINUTE +
    Number(s) * 1000 +
    Number((fraction + '00').slice(0, 3)) -
    offset;
  if (instant < EARLIEST || instant >= LATEST) {
    addError(
      errors,
      path,
      'errors.out_of_range',
      `${name} must fall within the years 0001 to 9999`,
    );
    return undefined;
  }
  return instant;
}

/**
 * Checks that `value` is an array of 1..`max` items, reporting otherwise; `what` names one item.
 * Returns the array when its items should be checked one by one.
 */
function parseList(
  errors: ApiFieldErrors,
  path: string,
  value: unknown,
  max: number,
  what: string,
): unknown[] | undefined {
  const name = path.replace(/^.*\./, '');
  if (value === undefined) {
    addError(errors, path, 'errors.required', `${name} is required`);
    return undefined;
  }
  if (!Array.isArray(value)) {
    addError(errors, path, 'errors.invalid', `${name} must be an array of ${what}s`);
    return undefined;
  }
  if (value.length === 0) {
    addError(errors, path, 'errors.required', `${name} must list at least one ${what}`);
    return undefined;
  }
  if (value.length > max) {
    addError(
      errors,
      path,
      'errors.too_many',
      `${name} lists ${value.length} ${what}s; at most ${max} are allowed`,
    );
    return undefined;
  }
  return value;
}

/** `value` as a record of allowed fields, or undefined after reporting what it should be. */
function parseObject(
  errors: ApiFieldErrors,
  path: string,
  value: unknown,
  allowed: readonly string[],
  what: string,
): Fields | undefined {
  const fields = asFields(value);
  if (!fields) addError(errors, path, 'errors.invalid', `${what} must be an object`);
  else checkFieldNames(errors, path, fields, allowed);
  return fields;
}

/** Periods at `path`, merged into a normalised list, or undefined after reporting problems. */
function parsePeriods(errors: ApiFieldErrors, path: string, value: unknown, max: number) {
  const items = parseList(errors, path, value, max, 'period');
  if (!items) return undefined;
  const periods: Interval[] = [];
  let valid = true;
  for (const [i, item] of items.entries()) {
    const itemPath = `${path}[${i}]`;
    const fields = parseObject(errors, itemPath, item, PERIOD_FIELDS, 'each period');
    const start =
      fields && parseInstant(errors, `${itemPath}.start`, 'start', own(fields, 'start'));
    const end = fields && parseInstant(errors, `${itemPath}.end`, 'end', own(fields, 'end'));
    if (start === undefined || end === undefined) {
      valid = false;
    } else if (end <= start) {
      addError(errors, `${itemPath}.end`, 'errors.invalid', 'end must be after start');
      valid = false;
    } else {
      periods.push({ start, end });
    }
  }
  return valid ? normalisedIntervals(periods) : undefined;
}

/** Whole minutes of a `{hours?, minutes?}` duration within `[min, max]`, or undefined after reporting. */
function parseDuration(
  errors: ApiFieldErrors,
  path: string,
  value: unknown,
  min: number,
  max: number,
): number | undefined {
  const fields = parseObject(errors, path, value, DURATION_FIELDS, path);
  if (!fields) return undefined;
  let total = 0;
  let valid = true;
  for (const [unit, factor] of [
    ['hours', 60],
    ['minutes', 1],
  ] as const) {
    const amount = own(fields, unit);
    if (amount === undefined) continue;
    if (typeof amount !== 'number' || !Number.isInteger(amount) || amount < 0) {
      addError(
        errors,
        `${path}.${unit}`,
        'errors.invalid',
        `${unit} must be a whole number of 0 or more`,
      );
      valid = false;
    } else {
      total += amount * factor;
    }
  }
  if (!valid) return undefined;
  if (total < min || total > max) {
    addError(
      errors,
      path,
      'errors.out_of_range',
      `${path} must be from ${min} to ${max} minutes, not ${total}`,
    );
    return undefined;
  }
  return total;
}

/** A member at `path`, or undefined after reporting problems; `subs` collects the group's subs. */
function parseMember(
  errors: ApiFieldErrors,
  path: string,
  value: unknown,
  subs: Set<string>,
): NormalisedMember | undefined {
  const fields = parseObject(errors, path, value, MEMBER_FIELDS, 'each member');
  if (!fields) return undefined;
  let valid = true;
  const sub = own(fields, 'sub');
  if (sub === undefined) {
    addError(errors, `${path}.sub`, 'errors.required', 'sub is required');
    valid = false;
  } else if (typeof sub !== 'string' || sub.trim() === '') {
    addError(errors, `${path}.sub`, 'errors.invalid', 'sub must be a non-empty string');
    valid = false;
  } else if (subs.has(sub)) {
    addError(errors, `${path}.sub`, 'errors.invalid', `${sub} is already a member of this group`);
    valid = false;
  } else {
    subs.add(sub);
  }
  const member = { sub } as NormalisedMember;
  const calendarIds = own(fields, 'calendar_ids');
  if (calendarIds !== undefined) {
    const idsPath = `${path}.calendar_ids`;
    const ids = parseList(errors, idsPath, calendarIds, Infinity, 'calendar id');
    if (!ids) valid = false;
    ids?.forEach((id, i) => {
      if (typeof id !== 'string' || id.trim() === '') {
        addError(
          errors,
          `${idsPath}[${i}]`,
          'errors.invalid',
          'each calendar id must be a non-empty string',
        );
        valid = false;
      }
    });
    if (valid) member.calendarIds = [...new Set(ids as string[])].sort();
  }
  const periods = own(fields, 'available_periods');
  if (periods !== undefined) {
    const parsed = parsePeriods(
      errors,
      `${path}.available_periods`,
      periods,
      QUERY_LIMITS.maxMemberPeriods,
    );
    if (parsed) member.availablePeriods = parsed;
    else valid = false;
  }
  return valid ? member : undefined;
}

/** A participant group at `path`, or undefined after reporting problems. */
function parseGroup(
  errors: ApiFieldErrors,
  path: string,
  value: unknown,
): NormalisedGroup | undefined {
  const fields = parseObject(errors, path, value, GROUP_FIELDS, 'each participant group');
  if (!fields) return undefined;
  const membersPath = `${path}.members`;
  const items = parseList(
    errors,
    membersPath,
    own(fields, 'members'),
    QUERY_LIMITS.maxMembers,
    'member',
  );
  const subs = new Set<string>();
  const members = items?.map((item, i) => parseMember(errors, `${membersPath}[${i}]`, item, subs));
  const requiredInput = own(fields, 'required');
  const required = requiredInput === undefined ? 'all' : requiredInput;
  const requiredPath = `${path}.required`;
  if (required !== 'all') {
    if (typeof required !== 'number' || !Number.isInteger(required)) {
      addError(
        errors,
        requiredPath,
        'errors.invalid',
        'required must be "all" or a whole number of members',
      );
      return undefined;
    }
    if (required < 1 || (items && required > items.length)) {
      const most = items ? ` and at most the ${items.length} members of this group` : '';
      addError(errors, requiredPath, 'errors.out_of_range', `required must be at least 1${most}`);
      return undefined;
    }
  }
  if (!members || members.some((m) => m === undefined)) return undefined;
  return { members: members as NormalisedMember[], required: required as 'all' | number };
}

/** `value` if it is one of `allowed`, else `fallback` when absent, else undefined after reporting. */
function parseChoice<T>(
  errors: ApiFieldErrors,
  path: string,
  value: unknown,
  allowed: readonly T[],
  fallback: T,
  description: string,
): T | undefined {
  if (value === undefined) return fallback;
  if (allowed.includes(value as T)) return value as T;
  addError(errors, path, 'errors.invalid', description);
  return undefined;
}

/** The checked query built from the record `input`, collecting every problem into `errors`. */
function normalisedQuery(input: Fields, errors: ApiFieldErrors): NormalisedQuery | undefined {
  checkFieldNames(errors, '', input, QUERY_FIELDS);
  const groupItems = parseList(
    errors,
    'participants',
    own(input, 'participants'),
    QUERY_LIMITS.maxGroups,
    'participant group',
  );
  const participants = groupItems?.map((g, i) => parseGroup(errors, `participants[${i}]`, g));

  const durationInput = own(input, 'required_duration');
  let requiredDuration: number | undefined;
  if (durationInput === undefined) {
    addError(errors, 'required_duration', 'errors.required', 'required_duration is required');
  } else {
    requiredDuration = parseDuration(
      errors,
      'required_duration',
      durationInput,
      1,
      QUERY_LIMITS.maxDurationMinutes,
    );
  }

  const queryPeriodsInput = own(input, 'query_periods');
  const legacyPeriodsInput = own(input, 'available_periods');
  const slotsInput = own(input, 'query_slots');
  const periodsField = queryPeriodsInput === undefined ? 'available_periods' : 'query_periods';
  const periodsInput = queryPeriodsInput ?? legacyPeriodsInput;
  if (queryPeriodsInput !== undefined && legacyPeriodsInput !== undefined) {
    addError(
      errors,
      'available_periods',
      'errors.not_allowed',
      'available_periods is the older name of query_periods; send one of them, not both',
    );
    parsePeriods(errors, 'available_periods', legacyPeriodsInput, QUERY_LIMITS.maxQueryPeriods);
  }
  if (periodsInput !== undefined && slotsInput !== undefined) {
    addError(
      errors,
      'query_slots',
      'errors.not_allowed',
      `query_slots cannot be combined with ${periodsField}; send one or the other`,
    );
  }
  if (periodsInput === undefined && slotsInput === undefined) {
    addError(
      errors,
      'query_periods',
      'errors.required',
      'query_periods is required (or its older name available_periods, or query_slots)',
    );
  }
  const queryPeriods =
    periodsInput === undefined
      ? []
      : parsePeriods(errors, periodsField, periodsInput, QUERY_LIMITS.maxQueryPeriods);

  let querySlots: number[] | undefined;
  if (slotsInput !== undefined) {
    const items = parseList(errors, 'query_slots', slotsInput, QUERY_LIMITS.maxQuerySlots, 'slot');
    const starts = items?.map((item, i) => {
      const fields = parseObject(errors, `query_slots[${i}]`, item, SLOT_FIELDS, 'each slot');
      return (
        fields && parseInstant(errors, `query_slots[${i}].start`, 'start', own(fields, 'start'))
      );
    });
    if (starts?.every((s) => s !== undefined)) {
      querySlots = [...new Set(starts as number[])].sort((a, b) => a - b);
    }
  }

  const buffer = { before: 0, after: 0 };
  const bufferInput = own(input, 'buffer');
  if (bufferInput !== undefined) {
    const fields = parseObject(errors, 'buffer', bufferInput, BUFFER_FIELDS, 'buffer');
    for (const side of ['before', 'after'] as const) {
      const value = fields && own(fields, side);
      if (value === undefined) continue;
      const minutes = parseDuration(
        errors,
        `buffer.${side}`,
        value,
        0,
        QUERY_LIMITS.maxBufferMinutes,
      );
      if (minutes !== undefined) buffer[side] = minutes;
    }
  }

  const intervalInput = own(input, 'start_interval');
  let startInterval: number | undefined;
  if (intervalInput !== undefined) {
    startInterval = parseDuration(errors, 'start_interval', intervalInput, 0, Infinity);
    if (startInterval !== undefined && !QUERY_LIMITS.startIntervals.includes(startInterval)) {
      addError(
        errors,
        'start_interval',
        'errors.invalid',
        `start_interval must be 5, 10, 15, 20, 30 or 60 minutes, not ${startInterval}`,
      );
    }
  }

  const resultsInput = own(input, 'max_results');
  const maxResultsInput =
    resultsInput === undefined ? QUERY_LIMITS.defaultMaxResults : resultsInput;
  const { minResults, maxResults: mostResults } = QUERY_LIMITS;
  const resultsRange = `max_results must be a whole number from ${minResults} to ${mostResults}`;
  if (typeof maxResultsInput !== 'number' || !Number.isInteger(maxResultsInput)) {
    addError(errors, 'max_results', 'errors.invalid', resultsRange);
  } else if (maxResultsInput < minResults || maxResultsInput > mostResults) {
    addError(errors, 'max_results', 'errors.out_of_range', resultsRange);
  }

  const responseFormat = parseChoice(
    errors,
    'response_format',
    own(input, 'response_format'),
    RESPONSE_FORMATS,
    'periods',
    'response_format must be periods, slots or overlapping_slots',
  );
  const includeMemberStatuses = parseChoice(
    errors,
    'include_member_statuses',
    own(input, 'include_member_statuses'),
    [true, false],
    false,
    'include_member_statuses must be true or false',
  );

  if (Object.keys(errors).length > 0) return undefined;
  const query: NormalisedQuery = {
    participants: participants as NormalisedGroup[],
    requiredDuration: requiredDuration!,
    queryPeriods: queryPeriods!,
    buffer,
    maxResults: maxResultsInput as number,
    responseFormat: responseFormat!,
    includeMemberStatuses: includeMemberStatuses!,
  };
  if (querySlots) query.querySlots = querySlots;
  if (startInterval !== undefined) query.startInterval = startInterval;
  return query;
}

/**
 * The error of a query that reaches further than `QUERY_LIMITS.maxSpanDays` in one request
 * (keyed like `parseQuery`'s errors), or undefined when it does not. The API and the local
 * engine answer such a query with this 422 rather than compute centuries of free time.
 */
export function querySpanErrors(query: NormalisedQuery): ApiFieldErrors | undefined {
  const slots = query.querySlots;
  const field = slots?.length ? 'query_slots' : 'query_periods';
  const first = slots?.length ? slots[0]! : query.queryPeriods[0]?.start;
  const last = slots?.length
    ? slots[slots.length - 1]! + query.requiredDuration * MINUTE
    : query.queryPeriods[query.queryPeriods.length - 1]?.end;
  if (first === undefined || last === undefined) return undefined;
  const days = (last - first) / DAY;
  if (days <= QUERY_LIMITS.maxSpanDays) return undefined;
  return {
    [field]: [
      {
        key: 'errors.out_of_range',
        description: `${field} reach ${Math.ceil(days)} days from the first start to the last end; one request may reach at most ${QUERY_LIMITS.maxSpanDays} days`,
      },
    ],
  };
}

/** The normalised query for `input` (any value, typically parsed JSON), or all of its field errors; never throws. */
export function parseQuery(input: unknown): QueryParseResult {
  const fields = asFields(input);
  if (!fields) {
    return {
      ok: false,
      errors: {
        query: [{ key: 'errors.invalid', description: 'the query must be a JSON object' }],
      },
    };
  }
  // No prototype, so an unknown field named `__proto__` is recorded like any other.
  const errors: ApiFieldErrors = Object.create(null);
  try {
    const query = normalisedQuery(fields, errors);
    return query ? { ok: true, query } : { ok: false, errors };
  } catch {
    // Only a hostile object (a throwing getter or proxy handed in from code) gets here.
    return {
      ok: false,
      errors: { query: [{ key: 'errors.invalid', description: 'the query could not be read' }] },
    };
  }
}

/** The value of the JSON text `text`, or the field error of unparseable JSON on `query`. */
export function queryInputOfJson(
  text: string,
): { ok: true; input: unknown } | { ok: false; errors: ApiFieldErrors } {
  try {
    return { ok: true, input: JSON.parse(text) };
  } catch (error) {
    // The parser's words say where: "Expected ',' or '}' after property value ... at position 42".
    const why = error instanceof Error ? `: ${error.message}` : '';
    const description = `the query is not valid JSON${why}`;
    return { ok: false, errors: { query: [{ key: 'errors.invalid', description }] } };
  }
}

/** The normalised query for the JSON text `text`, reporting unparseable JSON on the field `query`. */
export function parseQueryJson(text: string): QueryParseResult {
  const json = queryInputOfJson(text);
  return json.ok ? parseQuery(json.input) : json;
}

/** `ms` as an ISO 8601 UTC string, without milliseconds when they are zero. */
function isoInstant(ms: number): string {
  return new Date(ms).toISOString().replace('.000Z', 'Z');
}

/** `interval` on the wire. */
function apiPeriod({ start, end }: Interval): ApiPeriod {
  return { start: isoInstant(start), end: isoInstant(end) };
}

/** `minutes` on the wire. */
function apiDuration(minutes: number): ApiDuration {
  return { minutes };
}

/** `q` in the wire shape for `POST /v1/availability`, always naming its periods `query_periods`. */
export function toApiQuery(q: NormalisedQuery): AvailabilityQuery {
  const wire: AvailabilityQuery = {
    participants: q.participants.map((group) => ({
      members: group.members.map((m) => {
        const member: ApiMember = { sub: m.sub };
        if (m.calendarIds) member.calendar_ids = [...m.calendarIds];
        if (m.availablePeriods) member.available_periods = m.availablePeriods.map(apiPeriod);
        return member;
      }),
      required: group.required,
    })),
    required_duration: apiDuration(q.requiredDuration),
  };
  if (q.querySlots) wire.query_slots = q.querySlots.map((start) => ({ start: isoInstant(start) }));
  else wire.query_periods = q.queryPeriods.map(apiPeriod);
  if (q.buffer.before > 0 || q.buffer.after > 0) {
    wire.buffer = { before: apiDuration(q.buffer.before), after: apiDuration(q.buffer.after) };
  }
  if (q.startInterval !== undefined) wire.start_interval = apiDuration(q.startInterval);
  wire.max_results = q.maxResults;
  wire.response_format = q.responseFormat;
  if (q.includeMemberStatuses) wire.include_member_statuses = true;
  return wire;
}

/** Intervals flattened to `[start, end, start, end, ...]` for a compact key. */
function flatIntervals(intervals: readonly Interval[] | undefined): number[] | null {
  return intervals ? intervals.flatMap((i) => [i.start, i.end]) : null;
}

/** A stable string naming what `q` asks, equal for queries that mean the same, for caching. */
export function queryKey(q: NormalisedQuery): string {
  return JSON.stringify([
    q.participants.map((g) => [
      g.required === g.members.length ? 'all' : g.required,
      g.members.map((m) => [m.sub, m.calendarIds ?? null, flatIntervals(m.availablePeriods)]),
    ]),
    q.requiredDuration,
    flatIntervals(normalisedIntervals(q.queryPeriods)),
    q.querySlots ? [...new Set(q.querySlots)].sort((a, b) => a - b) : null,
    q.buffer.before,
    q.buffer.after,
    q.startInterval ?? null,
    q.maxResults,
    q.responseFormat,
    q.includeMemberStatuses,
  ]);
}

/** `q` asking about `periods` (merged and sorted) instead of its own periods or slots. */
export function withQueryPeriods(
  q: NormalisedQuery,
  periods: readonly Interval[],
): NormalisedQuery {
  const next: NormalisedQuery = { ...q, queryPeriods: normalisedIntervals(periods) };
  delete next.querySlots;
  return next;
}

/** `q` with its query periods cut to `window` and its query slots limited to those starting inside it. */
export function clipQueryPeriods(q: NormalisedQuery, window: Interval): NormalisedQuery {
  const next: NormalisedQuery = { ...q, queryPeriods: [] };
  for (const { start, end } of q.queryPeriods) {
    const clipped = { start: Math.max(start, window.start), end: Math.min(end, window.end) };
    if (clipped.end > clipped.start) next.queryPeriods.push(clipped);
  }
  if (q.querySlots) {
    next.querySlots = q.querySlots.filter((s) => s >= window.start && s < window.end);
  }
  return next;
}
