/**
 * The recipient side of a real-time scheduling (booking) link: its public view, its free slots,
 * booking one of them, and the two "no times" signals.
 *
 * Contract: every request carries `Authorization: Bearer <link token>` (never the token in a URL
 * or an error message) and goes to `{apiBase}/v1/rts/...`. Every response body is validated:
 * a wrong shape rejects with a `SchedulingError` of kind `bad_response` naming the offending
 * path. Failures reuse the data layer's kinds (`auth` 401, `gone` 410, `conflict` 409,
 * `invalid_query` 422, `network`, `server`...); a 409 on booking is an `RtsConflictError`
 * carrying the fresh slots (and the link's view when another booking on the same link won), a
 * 410 an `RtsLinkClosedError` carrying the link's public view when the server sent it. The two
 * reads (`link`, `slots`) are retried after network failures, 429 and 5xx like the availability
 * transport's requests (`retry.ts`); a booking and the two signals are sent once, since a lost
 * answer may hide a request the server carried out. A caller's abort rejects with an
 * `AbortError`, not a failure.
 */
import { QUERY_LIMITS } from '../core/query.js';
import { isValidZone } from '../core/time.js';
import type { ApiAvailableSlot } from '../core/types.js';
import { requestBase } from './api-base.js';
import { SchedulingError, abortError, errorFromResponse } from './errors.js';
import { retryAfterOf, retrying, type RetryPolicy } from './retry.js';
import { timerSleep, type Sleep } from './timing.js';
import { instantFromIso, isoFromInstant } from './validate.js';

/** Where a link stands: bookable, already booked, switched off by the organiser, or past its window. */
export type RtsLinkStatus = 'open' | 'completed' | 'disabled' | 'expired';

/** Whether the booking form asks for a field, and whether it must be filled. */
export type RtsFieldRule = 'required' | 'optional' | 'off';

/** The recipient fields a link may ask for. */
export type RtsFieldName = 'name' | 'email' | 'note';

/** The organiser as the link shows them. */
export interface RtsOrganizer {
  name: string;
  /** IANA zone the organiser works in. */
  tzid: string;
}

/** The time a completed link was booked for (UTC ISO instants). */
export interface RtsBookedTime {
  start: string;
  end: string;
}

/** A booking link's public view, as `GET /v1/rts/link` returns it. */
export interface RtsLink {
  id: string;
  status: RtsLinkStatus;
  summary: string;
  description: string | null;
  location: string | null;
  duration_minutes: number;
  organizer: RtsOrganizer;
  fields: Record<RtsFieldName, RtsFieldRule>;
  /** The range bookable times lie in (UTC ISO instants). */
  window: { start: string; end: string };
  /** The organiser's message for a disabled link. */
  display_message: string | null;
  /** The booked time of a completed link. */
  booking: RtsBookedTime | null;
}

/** What the recipient typed; fields the link does not ask for are left out. */
export interface RtsRecipient {
  name?: string;
  email?: string;
  note?: string;
}

/** The body of `POST /v1/rts/bookings`. */
export interface RtsBookingRequest {
  slot: { start: string; end: string };
  recipient: RtsRecipient;
}

/** A made booking, as `POST /v1/rts/bookings` returns it (UTC ISO instants). */
export interface RtsBooking {
  event_id: string;
  summary: string;
  start: string;
  end: string;
  /** The event's zone (the organiser's). */
  tzid: string;
  organizer: RtsOrganizer;
  recipient: RtsRecipient;
  /** Where the organiser wants the recipient sent after booking, if anywhere. */
  redirect_url: string | null;
}

/** Options every request accepts. */
export interface RtsRequestOptions {
  /** Aborting it rejects the request with an `AbortError`. */
  signal?: AbortSignal;
}

/** What `<rts-booking-page>` needs from the API; implement it to inject a fake in tests. */
export interface RtsApi {
  /** The link's public view. */
  link(options?: RtsRequestOptions): Promise<RtsLink>;
  /** Free slots, optionally within `[start, end)` (UTC ISO instants), sorted by start. */
  slots(
    range?: { start?: string; end?: string },
    options?: RtsRequestOptions,
  ): Promise<ApiAvailableSlot[]>;
  /** Books a slot; rejects with `RtsConflictError` when it was just taken. */
  book(request: RtsBookingRequest, options?: RtsRequestOptions): Promise<RtsBooking>;
  /** Tells the organiser none of the offered times suit the recipient. */
  noTimesSuitable(options?: RtsRequestOptions): Promise<void>;
  /** Tells the organiser the link was opened with no times to offer. */
  noTimesDisplayed(options?: RtsRequestOptions): Promise<void>;
}

/**
 * The slot was taken between showing and booking; `availableSlots` are the fresh times. When
 * another booking on the same link won, `link` is the link's view (completed, with its time).
 */
export class RtsConflictError extends SchedulingError {
  /** The times still free, validated and sorted. */
  readonly availableSlots: ApiAvailableSlot[];
  /** The link's current public view, when the server included it. */
  readonly link: RtsLink | undefined;

  constructor(
    message: string,
    availableSlots: ApiAvailableSlot[],
    status = 409,
    link: RtsLink | undefined = undefined,
  ) {
    super('conflict', message, { status });
    this.name = 'RtsConflictError';
    this.availableSlots = availableSlots;
    this.link = link;
  }
}

/** The link is no longer open (completed, disabled or expired); `link` is its view when sent. */
export class RtsLinkClosedError extends SchedulingError {
  /** The link's current public view, when the server included it. */
  readonly link: RtsLink | undefined;

  constructor(message: string, link: RtsLink | undefined, status = 410) {
    super('gone', message, { status });
    this.name = 'RtsLinkClosedError';
    this.link = link;
  }
}

/** How to reach the API. */
export interface RtsClientOptions {
  /** URL the API lives under (a trailing slash is ignored); the page's origin when empty. */
  apiBase?: string;
  /** The booking link's token, sent as `Authorization: Bearer`. */
  token: string;
  /** The `fetch` to use; the global one by default. */
  fetch?: typeof fetch;
  /** Milliseconds a request may take before it counts as a network failure. */
  timeoutMs?: number;
  /** Retries of `link` and `slots` after 429, 5xx, timeouts and network failures (default 3). */
  retries?: number;
  /** Source of jitter in [0, 1) for the waits between retries. */
  random?: () => number;
  /** How to wait between retries. */
  sleep?: Sleep;
}

const STATUSES: readonly RtsLinkStatus[] = ['open', 'completed', 'disabled', 'expired'];
const RULES: readonly RtsFieldRule[] = ['required', 'optional', 'off'];
const FIELD_NAMES: readonly RtsFieldName[] = ['name', 'email', 'note'];
const MAX_SLOTS = 10_000;

function fail(message: string): never {
  throw new SchedulingError('bad_response', message);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function record(value: unknown, path: string): Record<string, unknown> {
  if (!isRecord(value)) fail(`${path} must be an object`);
  return value;
}

function text(value: unknown, path: string): string {
  if (typeof value !== 'string') fail(`${path} must be a string`);
  return value;
}

function nonEmpty(value: unknown, path: string): string {
  const s = text(value, path);
  if (s === '') fail(`${path} must not be empty`);
  return s;
}

/** A string or null; an absent key counts as null. */
function nullableText(value: unknown, path: string): string | null {
  return value === undefined || value === null ? null : text(value, path);
}

/** An instant in its canonical wire form (UTC, `Z`). */
function instant(value: unknown, path: string): string {
  const ms = instantFromIso(value);
  if (ms === undefined) fail(`${path} is not a valid instant`);
  return isoFromInstant(ms);
}

function zone(value: unknown, path: string): string {
  const tzid = nonEmpty(value, path);
  if (!isValidZone(tzid)) fail(`${path} "${tzid}" is not an IANA time zone`);
  return tzid;
}

function range(value: unknown, path: string): { start: string; end: string } {
  const r = record(value, path);
  const start = instant(r.start, `${path}.start`);
  const end = instant(r.end, `${path}.end`);
  if (Date.parse(end) <= Date.parse(start)) fail(`${path}.end must be after ${path}.start`);
  return { start, end };
}

function organizer(value: unknown, path: string): RtsOrganizer {
  const o = record(value, path);
  return { name: text(o.name, `${path}.name`), tzid: zone(o.tzid, `${path}.tzid`) };
}

/** A link's public view from any parsed JSON value. */
export function rtsLinkFromBody(value: unknown, path = 'link'): RtsLink {
  const l = record(value, path);
  const status = l.status as RtsLinkStatus;
  if (!STATUSES.includes(status)) fail(`${path}.status must be one of ${STATUSES.join(', ')}`);
  const duration = l.duration_minutes;
  if (typeof duration !== 'number' || !Number.isInteger(duration) || duration <= 0) {
    fail(`${path}.duration_minutes must be a positive whole number`);
  }
  const rawFields = record(l.fields, `${path}.fields`);
  const fields = {} as Record<RtsFieldName, RtsFieldRule>;
  for (const name of FIELD_NAMES) {
    const rule = rawFields[name] ?? 'off';
    if (!RULES.includes(rule as RtsFieldRule)) {
      fail(`${path}.fields.${name} must be one of ${RULES.join(', ')}`);
    }
    fields[name] = rule as RtsFieldRule;
  }
  return {
    id: nonEmpty(l.id, `${path}.id`),
    status,
    summary: text(l.summary, `${path}.summary`),
    description: nullableText(l.description, `${path}.description`),
    location: nullableText(l.location, `${path}.location`),
    duration_minutes: duration,
    organizer: organizer(l.organizer, `${path}.organizer`),
    fields,
    window: range(l.window, `${path}.window`),
    display_message: nullableText(l.display_message, `${path}.display_message`),
    booking:
      l.booking === undefined || l.booking === null ? null : range(l.booking, `${path}.booking`),
  };
}

/** Free slots from any parsed JSON value: validated, sorted by start, exact duplicates dropped. */
export function rtsSlotsFromBody(value: unknown, path = 'available_slots'): ApiAvailableSlot[] {
  if (!Array.isArray(value)) fail(`${path} must be an array`);
  if (value.length > MAX_SLOTS) fail(`${path} has more than ${MAX_SLOTS} entries`);
  const seen = new Set<string>();
  const slots: ApiAvailableSlot[] = [];
  value.forEach((item, i) => {
    const at = `${path}[${i}]`;
    const s = record(item, at);
    const { start, end } = range(s, at);
    if (!Array.isArray(s.participants)) fail(`${at}.participants must be an array`);
    const participants = s.participants.map((p, j) => ({
      sub: nonEmpty(record(p, `${at}.participants[${j}]`).sub, `${at}.participants[${j}].sub`),
    }));
    const key = `${start}/${end}/${participants.map((p) => p.sub).join(',')}`;
    if (seen.has(key)) return;
    seen.add(key);
    slots.push({ start, end, participants });
  });
  return slots.sort((a, b) => Date.parse(a.start) - Date.parse(b.start));
}

function recipient(value: unknown, path: string): RtsRecipient {
  const r = value === undefined || value === null ? {} : record(value, path);
  const result: RtsRecipient = {};
  for (const name of FIELD_NAMES) {
    if (r[name] !== undefined && r[name] !== null) result[name] = text(r[name], `${path}.${name}`);
  }
  return result;
}

/** A made booking from any parsed JSON value. */
export function rtsBookingFromBody(value: unknown, path = 'booking'): RtsBooking {
  const b = record(value, path);
  const { start, end } = range(b, path);
  return {
    event_id: nonEmpty(b.event_id, `${path}.event_id`),
    summary: text(b.summary, `${path}.summary`),
    start,
    end,
    tzid: zone(b.tzid, `${path}.tzid`),
    organizer: organizer(b.organizer, `${path}.organizer`),
    recipient: recipient(b.recipient, `${path}.recipient`),
    redirect_url: nullableText(b.redirect_url, `${path}.redirect_url`),
  };
}

/** One answer of the API. */
interface Answer {
  status: number;
  body: unknown;
  /** Seconds a 429 or 503 asked to wait, when it said. */
  retryAfter: number | undefined;
}

/** `RtsApi` over `fetch` against the embedded API or any service speaking the same contract. */
export class RtsClient implements RtsApi {
  private readonly apiBase: string;
  private readonly token: string;
  private readonly fetch: typeof fetch;
  private readonly timeoutMs: number;
  private readonly retryPolicy: RetryPolicy;

  constructor(options: RtsClientOptions) {
    this.apiBase = (options.apiBase ?? '').trim().replace(/\/+$/, '');
    this.token = options.token;
    this.fetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
    this.timeoutMs = options.timeoutMs ?? 15_000;
    this.retryPolicy = {
      retries: options.retries ?? 3,
      random: options.random ?? Math.random,
      sleep: options.sleep ?? timerSleep,
    };
  }

  /** The link's public view. */
  link(options: RtsRequestOptions = {}): Promise<RtsLink> {
    return this.read(async () => {
      const answer = await this.request('GET', '/v1/rts/link', undefined, options);
      if (answer.status !== 200) throw this.failure(answer);
      return rtsLinkFromBody(record(answer.body, 'body').link);
    }, options);
  }

  /**
   * Free slots, optionally within `[start, end)`. The API answers at most `QUERY_LIMITS.maxResults`
   * a request, so a full page is followed by a request for the times after it (after the last
   * slot's end when the slots do not overlap, else after its start), up to `MAX_SLOTS` in all.
   */
  async slots(
    range: { start?: string; end?: string } = {},
    options: RtsRequestOptions = {},
  ): Promise<ApiAvailableSlot[]> {
    const all: ApiAvailableSlot[] = [];
    let from = range.start;
    for (;;) {
      const page = await this.slotsPage({ ...range, start: from }, options);
      const after = from === undefined ? -Infinity : Date.parse(from);
      const fresh = page.filter((s) => Date.parse(s.start) >= after);
      all.push(...fresh);
      if (page.length < QUERY_LIMITS.maxResults || fresh.length === 0 || all.length >= MAX_SLOTS) {
        return all.slice(0, MAX_SLOTS);
      }
      const last = page[page.length - 1]!;
      const overlapping = page.some((s, i) => i > 0 && s.start < page[i - 1]!.end);
      // Candidate starts are whole minutes apart: a minute after the last start skips only it.
      from = overlapping ? isoFromInstant(Date.parse(last.start) + 60_000) : last.end;
    }
  }

  /** One answer of `POST /v1/rts/slots`. */
  private slotsPage(
    range: { start?: string | undefined; end?: string | undefined },
    options: RtsRequestOptions,
  ): Promise<ApiAvailableSlot[]> {
    const payload: { start?: string; end?: string } = {};
    if (range.start !== undefined) payload.start = range.start;
    if (range.end !== undefined) payload.end = range.end;
    return this.read(async () => {
      const answer = await this.request('POST', '/v1/rts/slots', payload, options);
      if (answer.status === 410) throw this.closed(answer.status, answer.body);
      if (answer.status !== 200) throw this.failure(answer);
      return rtsSlotsFromBody(record(answer.body, 'body').available_slots);
    }, options);
  }

  /** Books `request.slot` for `request.recipient`. */
  async book(request: RtsBookingRequest, options: RtsRequestOptions = {}): Promise<RtsBooking> {
    const answer = await this.request('POST', '/v1/rts/bookings', request, options);
    const { status, body } = answer;
    if (status === 409) {
      const slots = isRecord(body) ? rtsSlotsFromBody(body.available_slots) : [];
      const link =
        isRecord(body) && body.link !== undefined ? rtsLinkFromBody(body.link) : undefined;
      throw new RtsConflictError('HTTP 409: the time was just taken', slots, status, link);
    }
    if (status === 410) throw this.closed(status, body);
    if (status !== 201 && status !== 200) throw this.failure(answer);
    return rtsBookingFromBody(record(body, 'body').booking);
  }

  /** Tells the organiser none of the times suit. */
  async noTimesSuitable(options: RtsRequestOptions = {}): Promise<void> {
    await this.signal('/v1/rts/no_times_suitable', options);
  }

  /** Tells the organiser no times were offered. */
  async noTimesDisplayed(options: RtsRequestOptions = {}): Promise<void> {
    await this.signal('/v1/rts/no_times_displayed', options);
  }

  private async signal(path: string, options: RtsRequestOptions): Promise<void> {
    const answer = await this.request('POST', path, {}, options);
    if (answer.status === 410) throw this.closed(answer.status, answer.body);
    if (answer.status < 200 || answer.status > 299) throw this.failure(answer);
  }

  /** `attempt`, run again after retryable failures (reads only: they change nothing on the server). */
  private read<T>(attempt: () => Promise<T>, { signal }: RtsRequestOptions): Promise<T> {
    return retrying(attempt, this.retryPolicy, signal);
  }

  /** The typed failure of a non-2xx answer, with the wait a 429 or 503 asked for. */
  private failure({ status, body, retryAfter }: Answer): SchedulingError {
    return errorFromResponse(status, body, retryAfter);
  }

  /** The typed failure of a 410, with the link's view when the body holds a valid one. */
  private closed(status: number, body: unknown): RtsLinkClosedError {
    const link = isRecord(body) && body.link !== undefined ? rtsLinkFromBody(body.link) : undefined;
    const key = isRecord(body) && isRecord(body.errors) ? body.errors.link : undefined;
    const first = Array.isArray(key) && isRecord(key[0]) ? key[0] : undefined;
    const reason =
      typeof first?.description === 'string' && first.description.trim() !== ''
        ? first.description
        : typeof first?.key === 'string'
          ? first.key
          : 'the link is no longer open';
    return new RtsLinkClosedError(`HTTP ${status}: ${reason}`, link, status);
  }

  /** The full URL of `path`, or a `config` error when the API base is not a usable http(s) URL. */
  private url(path: string): string {
    return `${requestBase(this.apiBase)}${path}`;
  }

  /** One request: its status, parsed JSON body (undefined when empty or not JSON) and `Retry-After`. */
  private async request(
    method: 'GET' | 'POST',
    path: string,
    payload: unknown,
    { signal }: RtsRequestOptions,
  ): Promise<Answer> {
    if (signal?.aborted) throw abortError();
    const url = this.url(path);
    const controller = new AbortController();
    const onAbort = () => controller.abort();
    signal?.addEventListener('abort', onAbort, { once: true });
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, this.timeoutMs);
    const headers: Record<string, string> = { Accept: 'application/json' };
    if (this.token !== '') headers.Authorization = `Bearer ${this.token}`;
    if (payload !== undefined) headers['Content-Type'] = 'application/json';
    let response: Response;
    let raw: string;
    try {
      response = await this.fetch(url, {
        method,
        headers,
        credentials: 'omit',
        signal: controller.signal,
        ...(payload !== undefined ? { body: JSON.stringify(payload) } : {}),
      });
      raw = await response.text();
    } catch (error) {
      if (signal?.aborted) throw abortError();
      const reason = timedOut
        ? `timed out after ${this.timeoutMs} ms`
        : error instanceof Error
          ? error.message
          : String(error);
      throw new SchedulingError('network', `${method} ${url} failed: ${reason}`, { cause: error });
    } finally {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
    }
    let body: unknown;
    if (raw.trim() !== '') {
      try {
        body = JSON.parse(raw);
      } catch {
        if (response.ok) {
          throw new SchedulingError(
            'bad_response',
            `${method} ${url} answered ${response.status} with a body that is not JSON`,
            { status: response.status },
          );
        }
      }
    }
    return { status: response.status, body, retryAfter: retryAfterOf(response, Date.now()) };
  }
}
