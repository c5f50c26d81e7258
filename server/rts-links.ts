/**
 * Real-time scheduling links: validation of `POST /v1/real_time_scheduling`, the link's window,
 * expiry and free slots, and the views handed to the organiser and to the recipient.
 *
 * Contract: `rtsLinkOf` turns a request body into a stored link or throws a 422 `ApiError`
 * naming every offending field (`event.summary`, `availability.query_periods[0].end`,
 * `target_calendars[1].calendar_id`, ...). A link's window is its query's reach (first period
 * start to last period end, or first query slot to last slot end). Bookable times start no
 * earlier than `now + minimum_notice`; a link is expired once no time in its window can start
 * that late (`expires_at` = window end - duration - minimum notice). Slots are the engine's answer
 * to the link's own query with `overlapping_slots` (or `slots` when the query asked for them), at
 * most 512, inside the window a caller may narrow but never widen. The public view holds no
 * secret: no token, subs, calendar ids or callback URLs.
 */
import { randomBytes } from 'node:crypto';
import { computeAvailability } from '../src/core/engine.js';
import {
  clipQueryPeriods,
  parseQuery,
  QUERY_LIMITS,
  querySpanErrors,
  toApiQuery,
} from '../src/core/query.js';
import { isValidZone, zoneName } from '../src/core/time.js';
import type {
  ApiAvailableSlot,
  ApiFieldErrors,
  Interval,
  IsoInstant,
  NormalisedQuery,
} from '../src/core/types.js';
import { addFieldError, ApiError, fieldError, isRecord } from './http.js';
import type { RtsFieldRule, RtsRecipient, Store, StoredRtsLink } from './store.js';

const MINUTE = 60_000;
/** Longest minimum notice: a year. */
const MAX_NOTICE_MINUTES = 365 * 24 * 60;
const MAX_TARGET_CALENDARS = 20;
const FIELD_RULES: readonly RtsFieldRule[] = ['required', 'optional', 'off'];
const FIELD_NAMES = ['name', 'email', 'note'] as const;
/** Recipient fields asked for when the request does not say. */
export const DEFAULT_RECIPIENT_FIELDS: StoredRtsLink['fields'] = {
  name: 'required',
  email: 'required',
  note: 'optional',
};
/** Longest accepted recipient values, in characters. */
export const RECIPIENT_LIMITS = { name: 200, email: 254, note: 2000 } as const;
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Where a link stands; `expired` follows from the clock and is never stored. */
export type RtsLinkStatus = 'open' | 'completed' | 'disabled' | 'expired';

/** `ms` as an ISO 8601 UTC instant, without milliseconds when they are zero. */
export function isoOf(ms: number): IsoInstant {
  return new Date(ms).toISOString().replace('.000Z', 'Z');
}

/** UTC epoch ms of an ISO instant carrying `Z` or an offset, or undefined. */
export function instantOf(value: unknown): number | undefined {
  if (typeof value !== 'string' || !INSTANT.test(value)) return undefined;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? undefined : ms;
}

/** An absolute http(s) URL without credentials, or undefined. */
function httpUrlOf(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  try {
    const url = new URL(value);
    if (!/^https?:$/.test(url.protocol) || url.username || url.password) return undefined;
    return url.href;
  } catch {
    return undefined;
  }
}

/** A string of 1..max characters after trimming, recording errors on `field`. */
function textField(
  errors: ApiFieldErrors,
  field: string,
  value: unknown,
  max: number,
  required: boolean,
): string | undefined {
  if (value === undefined || value === null) {
    if (required) addFieldError(errors, field, 'errors.required', 'required');
    return undefined;
  }
  if (typeof value !== 'string') {
    addFieldError(errors, field, 'errors.invalid', 'must be a string');
    return undefined;
  }
  const text = value.trim();
  if (!text) {
    if (required) addFieldError(errors, field, 'errors.required', 'must not be empty');
    return undefined;
  }
  if (text.length > max) {
    addFieldError(errors, field, 'errors.too_long', `must be at most ${max} characters`);
    return undefined;
  }
  return text;
}

function zoneField(
  errors: ApiFieldErrors,
  field: string,
  value: unknown,
  required: boolean,
): string | undefined {
  if (value === undefined) {
    if (required) addFieldError(errors, field, 'errors.required', 'required');
    return undefined;
  }
  if (typeof value !== 'string' || !isValidZone(value)) {
    const description = 'must be an IANA time zone such as Europe/London';
    addFieldError(errors, field, 'errors.invalid_tzid', description);
    return undefined;
  }
  // Stored and shown as the zone's own name, however it was cased or aliased.
  return zoneName(value);
}

function urlField(errors: ApiFieldErrors, field: string, value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  const url = httpUrlOf(value);
  if (!url) addFieldError(errors, field, 'errors.invalid_url', 'must be an absolute http(s) URL');
  return url;
}

/** Minutes of `{hours?, minutes?}`, recording errors on `field`. */
function noticeMinutes(errors: ApiFieldErrors, field: string, value: unknown): number {
  if (value === undefined) return 0;
  if (!isRecord(value) || (value.hours === undefined && value.minutes === undefined)) {
    addFieldError(errors, field, 'errors.invalid', 'must be {"hours": N} and/or {"minutes": N}');
    return 0;
  }
  let total = 0;
  for (const [unit, factor] of [
    ['hours', 60],
    ['minutes', 1],
  ] as const) {
    const n = value[unit];
    if (n === undefined) continue;
    if (typeof n !== 'number' || !Number.isInteger(n) || n < 0) {
      addFieldError(errors, `${field}.${unit}`, 'errors.invalid', 'must be a whole number >= 0');
      continue;
    }
    total += n * factor;
  }
  if (total > MAX_NOTICE_MINUTES) {
    addFieldError(errors, field, 'errors.too_large', 'must be at most a year');
  }
  return total;
}

/** 422 field errors for unknown subs and calendars of a query body, on `availability.` paths. */
function memberErrors(errors: ApiFieldErrors, availability: unknown, store: Store): void {
  const groups =
    isRecord(availability) && Array.isArray(availability.participants)
      ? availability.participants
      : [];
  groups.forEach((group: unknown, g) => {
    const members = isRecord(group) && Array.isArray(group.members) ? group.members : [];
    members.forEach((member: unknown, m) => {
      if (!isRecord(member) || typeof member.sub !== 'string') return;
      const field = `availability.participants[${g}].members[${m}]`;
      if (!store.account(member.sub)) {
        addFieldError(errors, `${field}.sub`, 'errors.unknown_sub', `no account ${member.sub}`);
        return;
      }
      if (!Array.isArray(member.calendar_ids)) return;
      const own = new Set(store.calendarsOf(member.sub).map((c) => c.id));
      member.calendar_ids.forEach((id: unknown, c) => {
        if (typeof id === 'string' && !own.has(id)) {
          const description = `${member.sub} has no calendar ${id}`;
          addFieldError(
            errors,
            `${field}.calendar_ids[${c}]`,
            'errors.unknown_calendar',
            description,
          );
        }
      });
    });
  });
}

/** A random id with `prefix`: 24 hex digits, as the compatible API's ids. */
export function newId(prefix: string): string {
  return `${prefix}_${randomBytes(12).toString('hex')}`;
}

/**
 * The link a `POST /v1/real_time_scheduling` body asks for (status open, fresh id and token);
 * throws a 422 `ApiError` listing every invalid field.
 */
export function rtsLinkOf(
  body: unknown,
  store: Store,
  now: number,
  publicOrigin: string,
): StoredRtsLink {
  if (!isRecord(body)) {
    throw fieldError(422, 'body', 'errors.invalid_type', 'the body must be a JSON object');
  }
  const errors: ApiFieldErrors = {};

  const tzid = zoneField(errors, 'tzid', body.tzid, true);

  // event
  const event = body.event;
  let eventId: string | undefined;
  let summary: string | undefined;
  let description: string | undefined;
  let location: string | undefined;
  let eventZone: string | undefined;
  if (!isRecord(event)) {
    if (event === undefined) addFieldError(errors, 'event', 'errors.required', 'required');
    else addFieldError(errors, 'event', 'errors.invalid', 'must be an object');
  } else {
    eventId = textField(errors, 'event.event_id', event.event_id, 200, true);
    summary = textField(errors, 'event.summary', event.summary, 500, true);
    description = textField(errors, 'event.description', event.description, 10_000, false);
    // The compatible API sends a location as {"description": "..."}; a plain string works too.
    const place = isRecord(event.location) ? event.location.description : event.location;
    const placeField = isRecord(event.location) ? 'event.location.description' : 'event.location';
    location = textField(errors, placeField, place, 1000, false);
    eventZone = zoneField(errors, 'event.tzid', event.tzid, false);
  }

  // availability
  let query: NormalisedQuery | undefined;
  if (body.availability === undefined) {
    addFieldError(errors, 'availability', 'errors.required', 'required');
  } else {
    const parsed = parseQuery(body.availability);
    const tooLong = parsed.ok ? querySpanErrors(parsed.query) : undefined;
    if (tooLong) {
      for (const [field, list] of Object.entries(tooLong)) {
        for (const e of list) addFieldError(errors, `availability.${field}`, e.key, e.description);
      }
    } else if (parsed.ok) {
      query = parsed.query;
      memberErrors(errors, body.availability, store);
      if (query.includeMemberStatuses) query = { ...query, includeMemberStatuses: false };
    } else {
      for (const [field, list] of Object.entries(parsed.errors)) {
        const path = field === 'query' ? 'availability' : `availability.${field}`;
        for (const e of list) addFieldError(errors, path, e.key, e.description);
      }
    }
  }

  // target_calendars
  const targets: { sub: string; calendar_id: string }[] = [];
  const rawTargets = body.target_calendars;
  if (rawTargets === undefined) {
    addFieldError(errors, 'target_calendars', 'errors.required', 'required');
  } else if (
    !Array.isArray(rawTargets) ||
    rawTargets.length === 0 ||
    rawTargets.length > MAX_TARGET_CALENDARS
  ) {
    const description = `must be an array of 1 to ${MAX_TARGET_CALENDARS} {sub, calendar_id}`;
    addFieldError(errors, 'target_calendars', 'errors.invalid', description);
  } else {
    const seen = new Set<string>();
    rawTargets.forEach((target: unknown, i) => {
      const field = `target_calendars[${i}]`;
      if (!isRecord(target)) {
        addFieldError(errors, field, 'errors.invalid', 'must be {sub, calendar_id}');
        return;
      }
      const sub = textField(errors, `${field}.sub`, target.sub, 200, true);
      const calendarId = textField(errors, `${field}.calendar_id`, target.calendar_id, 200, true);
      if (!sub || !calendarId) return;
      if (!store.account(sub)) {
        addFieldError(errors, `${field}.sub`, 'errors.unknown_sub', `no account ${sub}`);
      } else if (!store.calendarsOf(sub).some((c) => c.id === calendarId)) {
        const description = `${sub} has no calendar ${calendarId}`;
        addFieldError(errors, `${field}.calendar_id`, 'errors.unknown_calendar', description);
      } else if (seen.has(calendarId)) {
        addFieldError(errors, `${field}.calendar_id`, 'errors.duplicate', 'named twice');
      } else {
        seen.add(calendarId);
        targets.push({ sub, calendar_id: calendarId });
      }
    });
  }

  // callbacks and redirect
  const callbackUrls: StoredRtsLink['callback_urls'] = {};
  if (body.callback_url !== undefined && body.callback_urls !== undefined) {
    const description = 'give callback_url or callback_urls, not both';
    addFieldError(errors, 'callback_url', 'errors.exclusive', description);
  } else if (body.callback_url !== undefined) {
    const url = urlField(errors, 'callback_url', body.callback_url);
    if (url) callbackUrls.completed_url = url;
  } else if (body.callback_urls !== undefined) {
    if (!isRecord(body.callback_urls)) {
      addFieldError(errors, 'callback_urls', 'errors.invalid', 'must be an object');
    } else {
      for (const key of ['completed_url', 'no_times_suitable_url', 'no_times_displayed_url']) {
        const url = urlField(errors, `callback_urls.${key}`, body.callback_urls[key]);
        if (url) callbackUrls[key as keyof StoredRtsLink['callback_urls']] = url;
      }
    }
  }
  const redirectUrls: StoredRtsLink['redirect_urls'] = {};
  if (body.redirect_urls !== undefined) {
    if (!isRecord(body.redirect_urls)) {
      addFieldError(errors, 'redirect_urls', 'errors.invalid', 'must be an object');
    } else {
      const url = urlField(errors, 'redirect_urls.completed_url', body.redirect_urls.completed_url);
      if (url) redirectUrls.completed_url = url;
    }
  }

  const notice = noticeMinutes(errors, 'minimum_notice', body.minimum_notice);

  const creation = body.event_creation ?? 'default';
  if (creation !== 'default' && creation !== 'single') {
    addFieldError(errors, 'event_creation', 'errors.invalid', 'must be "default" or "single"');
  }

  const fields = { ...DEFAULT_RECIPIENT_FIELDS };
  if (body.recipient_fields !== undefined) {
    if (!isRecord(body.recipient_fields)) {
      const description = 'must be {"name"?, "email"?, "note"?} of required | optional | off';
      addFieldError(errors, 'recipient_fields', 'errors.invalid', description);
    } else {
      for (const [key, rule] of Object.entries(body.recipient_fields)) {
        const field = `recipient_fields.${key}`;
        if (!(FIELD_NAMES as readonly string[]).includes(key)) {
          const description = `unknown field; ask for ${FIELD_NAMES.join(', ')}`;
          addFieldError(errors, field, 'errors.unknown_field', description);
        } else if (!FIELD_RULES.includes(rule as RtsFieldRule)) {
          addFieldError(errors, field, 'errors.invalid', `must be ${FIELD_RULES.join(' | ')}`);
        } else {
          fields[key as (typeof FIELD_NAMES)[number]] = rule as RtsFieldRule;
        }
      }
    }
  }

  if (Object.keys(errors).length) throw new ApiError(422, errors);
  const organiser = store.account(targets[0].sub)!;
  const token = `rts_${randomBytes(24).toString('base64url')}`;
  return {
    id: newId('sch'),
    token,
    // A fragment: the token never reaches server logs or a Referer header.
    url: `${publicOrigin}/rts/#token=${token}`,
    created_at: isoOf(now),
    status: 'open',
    event: {
      event_id: eventId!,
      summary: summary!,
      description: description ?? null,
      location: location ?? null,
      tzid: eventZone ?? tzid!,
    },
    availability: toApiQuery(query!),
    target_calendars: targets,
    callback_urls: callbackUrls,
    redirect_urls: redirectUrls,
    minimum_notice_minutes: notice,
    event_creation: creation as 'default' | 'single',
    tzid: tzid!,
    fields,
    organizer: { name: organiser.name, tzid: tzid! },
    display_message: null,
    booking: null,
    signals_sent: [],
  };
}

/** The link's validated query (it was validated when the link was made). */
export function queryOf(link: StoredRtsLink): NormalisedQuery {
  const parsed = parseQuery(link.availability);
  if (!parsed.ok) throw new Error(`link ${link.id} holds an invalid query`);
  return parsed.query;
}

/** The span bookable times lie in: the query's reach. */
export function windowOf(query: NormalisedQuery): Interval {
  const duration = query.requiredDuration * MINUTE;
  if (query.querySlots?.length) {
    return {
      start: query.querySlots[0],
      end: query.querySlots[query.querySlots.length - 1] + duration,
    };
  }
  const periods = query.queryPeriods;
  return {
    start: Math.min(...periods.map((p) => p.start)),
    end: Math.max(...periods.map((p) => p.end)),
  };
}

/** The instant after which nothing in the link's window can be booked any more. */
export function expiresAtOf(link: StoredRtsLink, query = queryOf(link)): number {
  return (
    windowOf(query).end - query.requiredDuration * MINUTE - link.minimum_notice_minutes * MINUTE
  );
}

/** The link's status at `now`: its stored one, or `expired` for an open link past its window. */
export function statusOf(link: StoredRtsLink, now: number): RtsLinkStatus {
  if (link.status !== 'open') return link.status;
  return now > expiresAtOf(link) ? 'expired' : 'open';
}

/** The span a recipient may book in at `now`: the window from `now + minimum_notice`. */
export function bookableWindowOf(
  link: StoredRtsLink,
  now: number,
  query = queryOf(link),
): Interval {
  const window = windowOf(query);
  const earliest = now + link.minimum_notice_minutes * MINUTE;
  return { start: Math.max(window.start, earliest), end: window.end };
}

/**
 * Free slots of the link at `now`, inside `narrow` when given (clipped to the bookable window,
 * never widened), computed from the store's current busy time.
 */
export function slotsOf(
  link: StoredRtsLink,
  store: Store,
  now: number,
  narrow: Partial<Interval> = {},
): ApiAvailableSlot[] {
  const query = queryOf(link);
  const bookable = bookableWindowOf(link, now, query);
  const window = {
    start: Math.max(bookable.start, narrow.start ?? -Infinity),
    end: Math.min(bookable.end, narrow.end ?? Infinity),
  };
  if (window.end <= window.start) return [];
  const clipped = clipQueryPeriods(query, window);
  if (!clipped.queryPeriods.length && !clipped.querySlots?.length) return [];
  const asked: NormalisedQuery = {
    ...clipped,
    responseFormat: query.responseFormat === 'slots' ? 'slots' : 'overlapping_slots',
    maxResults: QUERY_LIMITS.maxResults,
    includeMemberStatuses: false,
  };
  const answer = computeAvailability(asked, store.calendarSource());
  return answer.available_slots ?? [];
}

/** The offered slot `[start, end)` of the link when it is free at `now`, else undefined. */
export function freeSlotOf(
  link: StoredRtsLink,
  store: Store,
  now: number,
  slot: Interval,
): ApiAvailableSlot | undefined {
  const query = queryOf(link);
  const bookable = bookableWindowOf(link, now, query);
  if (slot.start < bookable.start || slot.end > bookable.end) return undefined;
  const clipped = clipQueryPeriods(query, slot);
  if (!clipped.queryPeriods.length && !clipped.querySlots?.length) return undefined;
  const asked: NormalisedQuery = {
    ...clipped,
    // Every start on the link's grid counts, whichever format the listing uses.
    responseFormat: 'overlapping_slots',
    maxResults: 1,
    includeMemberStatuses: false,
  };
  const found = computeAvailability(asked, store.calendarSource()).available_slots ?? [];
  return found.find((s) => Date.parse(s.start) === slot.start && Date.parse(s.end) === slot.end);
}

/** The booked time as the recipient sees it. */
export interface PublicBooking {
  start: IsoInstant;
  end: IsoInstant;
  tzid: string;
  summary: string;
}

/** A link's public view (`GET /v1/rts/link`): nothing secret. */
export interface PublicLink {
  id: string;
  status: RtsLinkStatus;
  summary: string;
  description: string | null;
  location: string | null;
  duration_minutes: number;
  organizer: { name: string; tzid: string };
  fields: StoredRtsLink['fields'];
  window: { start: IsoInstant; end: IsoInstant };
  display_message: string | null;
  booking: PublicBooking | null;
}

/** The public view of `link` at `now`. */
export function publicViewOf(link: StoredRtsLink, now: number): PublicLink {
  const query = queryOf(link);
  const full = windowOf(query);
  const bookable = bookableWindowOf(link, now, query);
  // Past its window (expired) the view keeps the whole window, so it stays a valid range.
  const start = bookable.start < full.end ? bookable.start : full.start;
  return {
    id: link.id,
    status: statusOf(link, now),
    summary: link.event.summary,
    description: link.event.description,
    location: link.event.location,
    duration_minutes: query.requiredDuration,
    organizer: { ...link.organizer },
    fields: { ...link.fields },
    window: { start: isoOf(start), end: isoOf(full.end) },
    display_message: link.status === 'disabled' ? link.display_message : null,
    booking: link.booking && {
      start: link.booking.start,
      end: link.booking.end,
      tzid: link.event.tzid,
      summary: link.event.summary,
    },
  };
}

/** The booking as `POST /v1/rts/bookings` returns it. */
export function bookingViewOf(link: StoredRtsLink) {
  const booking = link.booking!;
  return {
    event_id: link.event.event_id,
    summary: link.event.summary,
    start: booking.start,
    end: booking.end,
    tzid: link.event.tzid,
    organizer: { ...link.organizer },
    recipient: { ...booking.recipient },
    redirect_url: link.redirect_urls.completed_url ?? null,
  };
}

/** The event in the compatible callback shape (`start`/`end` as `{time, tzid}` once booked). */
export function eventViewOf(link: StoredRtsLink) {
  const { event, booking } = link;
  return {
    event_id: event.event_id,
    summary: event.summary,
    description: event.description,
    location: event.location && { description: event.location },
    tzid: event.tzid,
    ...(booking
      ? {
          start: { time: booking.start, tzid: event.tzid },
          end: { time: booking.end, tzid: event.tzid },
        }
      : {}),
  };
}

/** The organiser's view (`GET /v1/real_time_scheduling/{id}`). */
export function organiserViewOf(link: StoredRtsLink, now: number, url: string) {
  return {
    real_time_scheduling: {
      real_time_scheduling_id: link.id,
      url,
      status: link.status,
      expired: statusOf(link, now) === 'expired',
      expires_at: isoOf(expiresAtOf(link)),
      created_at: link.created_at,
      event: eventViewOf(link),
      target_calendars: link.target_calendars.map((t) => ({ ...t })),
      event_creation: link.event_creation,
      tzid: link.tzid,
      recipient_fields: { ...link.fields },
      display_message: link.display_message,
      participants: link.booking ? link.booking.participants.map((p) => ({ ...p })) : null,
      recipient: link.booking ? { ...link.booking.recipient } : null,
      booked_at: link.booking?.booked_at ?? null,
    },
  };
}

/** Control characters and bidirectional overrides, which a name or an email never needs. */
// eslint-disable-next-line no-control-regex -- the point is to find them
const LINE_CONTROLS = new RegExp('[\\u0000-\\u001f\\u007f-\\u009f\\u202a-\\u202e\\u2066-\\u2069]');
/** The same, but a note may hold tabs and line breaks. */
const NOTE_CONTROLS = new RegExp(
  // eslint-disable-next-line no-control-regex -- the point is to find them
  '[\\u0000-\\u0008\\u000b\\u000c\\u000e-\\u001f\\u007f-\\u009f\\u202a-\\u202e\\u2066-\\u2069]',
);

/**
 * The recipient's fields from a booking body, checked against the link's rules (required ones
 * present, lengths, an email that looks like one, no control characters); fields the link does not ask for are dropped.
 */
export function recipientOf(
  link: StoredRtsLink,
  value: unknown,
  errors: ApiFieldErrors,
): RtsRecipient {
  const recipient: RtsRecipient = {};
  if (value !== undefined && value !== null && !isRecord(value)) {
    addFieldError(errors, 'recipient', 'errors.invalid', 'must be an object');
    return recipient;
  }
  const given = value ?? {};
  for (const name of FIELD_NAMES) {
    const rule = link.fields[name];
    if (rule === 'off') continue;
    const field = `recipient.${name}`;
    const text = textField(errors, field, given[name], RECIPIENT_LIMITS[name], rule === 'required');
    if (text === undefined) continue;
    if ((name === 'note' ? NOTE_CONTROLS : LINE_CONTROLS).test(text)) {
      const says =
        name === 'note'
          ? 'must not contain control characters other than tabs and line breaks'
          : 'must not contain control characters or line breaks';
      addFieldError(errors, field, 'errors.invalid', says);
      continue;
    }
    if (name === 'email' && !EMAIL.test(text)) {
      addFieldError(errors, field, 'errors.invalid_email', 'must be an email address');
      continue;
    }
    recipient[name] = text;
  }
  return recipient;
}
