/**
 * Data sources for the stories, all answered in the page with no server, so the static
 * Storybook behaves like the dev one: the demo engine, a calendar where everyone is busy, demo
 * calendars with an out-of-date member, a request that never answers, and an HTTP transport
 * over a canned `fetch` for each failure kind (the real data layer maps status to kind).
 *
 * Contract: `transportFor(name)` returns the same transport for the same name, so re-rendering
 * a story after a control change keeps its requests and cache; `undefined` for `demo`, which
 * stories express with the element's own `demo` attribute instead.
 */
import { parseQuery, toApiQuery } from '../../src/core/query.js';
import type { AvailabilityQuery, CalendarSource, NormalisedQuery } from '../../src/core/types.js';
import { SchedulingError, abortError } from '../../src/data/errors.js';
import { HttpTransport } from '../../src/data/http.js';
import { LocalTransport, demoTransport } from '../../src/data/local.js';
import type { AvailabilityResult, RequestOptions, Transport } from '../../src/data/transport.js';
import { demoCalendarSource } from '../../src/data/demo-calendars.js';

/** Where a story's availability comes from. */
export type SourceName =
  | 'demo'
  | 'local'
  | 'never'
  | 'empty'
  | 'nights'
  | 'stale'
  | 'auth'
  | 'forbidden'
  | 'not_found'
  | 'invalid_query'
  | 'rate_limited'
  | 'server'
  | 'network'
  | 'bad_response';

/** Every source, for the `source` control. */
export const SOURCE_NAMES: readonly SourceName[] = [
  'demo',
  'local',
  'never',
  'empty',
  'nights',
  'stale',
  'auth',
  'forbidden',
  'not_found',
  'invalid_query',
  'rate_limited',
  'server',
  'network',
  'bad_response',
];

/** What each source does, for the docs. */
export const SOURCE_DESCRIPTIONS: Readonly<Record<SourceName, string>> = {
  demo: 'the `demo` attribute: the built-in demo calendars, no network',
  local:
    '`.transport`: a LocalTransport over the demo calendars that first checks each query as the API does (422 for what the API would refuse)',
  never: 'a transport whose request never answers (the loading state)',
  empty: 'a LocalTransport where every member is busy all the time',
  nights:
    'a LocalTransport where every member is busy from 07:00 to 19:00 UTC every day: free only at night',
  stale: "demo calendars where one member's calendars are still syncing",
  auth: 'HTTP 401 from the API',
  forbidden: 'HTTP 403 from the API',
  not_found: 'HTTP 404 from the API',
  invalid_query: 'HTTP 422 with field errors from the API',
  rate_limited: 'HTTP 429 from the API',
  server: 'HTTP 500 from the API',
  network: 'the request fails before any response',
  bad_response: 'HTTP 200 with a body that is not the API shape',
};

/** A transport whose requests never answer; an abort still ends them. */
class NeverTransport implements Transport {
  availability(_query: unknown, { signal }: RequestOptions = {}): Promise<AvailabilityResult> {
    return new Promise((_, reject) => {
      signal?.addEventListener('abort', () => reject(abortError()), { once: true });
    });
  }
}

/**
 * The demo calendars behind the API's own query check: a query the element sends that the
 * API would refuse (say, with no query periods) fails here too, as `invalid_query`.
 */
class CheckedLocalTransport implements Transport {
  private readonly local = demoTransport();

  availability(query: NormalisedQuery, options?: RequestOptions): Promise<AvailabilityResult> {
    const checked = parseQuery(toApiQuery(query));
    if (!checked.ok) {
      return Promise.reject(
        new SchedulingError('invalid_query', 'HTTP 422: the API rejected the request', {
          status: 422,
          errors: checked.errors,
        }),
      );
    }
    return this.local.availability(query, options);
  }
}

/** Calendars where every member is busy for the whole of any window. */
const allBusy: CalendarSource = {
  busy: (_sub, _calendarIds, window) => [window],
  status: () => 'active',
};

const HOUR = 3_600_000;

/** Busy from 07:00 to 19:00 UTC every day, so free only at night. */
const daytimeBusy: CalendarSource = {
  busy: (_sub, _calendarIds, window) => {
    const out = [];
    for (
      let day = Math.floor(window.start / (24 * HOUR)) * 24 * HOUR;
      day < window.end;
      day += 24 * HOUR
    ) {
      out.push({ start: day + 7 * HOUR, end: day + 19 * HOUR });
    }
    return out;
  },
  status: () => 'active',
};

/** The sub whose calendars the `stale` source reports as still syncing. */
export const SYNCING_SUB = 'acc_demo_bruno';

/** Demo calendars, with one member's sync still pending. */
function staleCalendars(): CalendarSource {
  const demo = demoCalendarSource();
  return {
    busy: (sub, calendarIds, window) => demo.busy(sub, calendarIds, window),
    status: (sub) => (sub === SYNCING_SUB ? 'pending' : 'active'),
  };
}

const JSON_HEADERS = { 'Content-Type': 'application/json' };

/** What a canned `fetch` answers for each failure source. */
const CANNED: Partial<Record<SourceName, () => Promise<Response>>> = {
  auth: async () =>
    new Response(JSON.stringify({ errors: { token: [{ key: 'errors.unauthorized' }] } }), {
      status: 401,
      headers: JSON_HEADERS,
    }),
  forbidden: async () => new Response('{}', { status: 403, headers: JSON_HEADERS }),
  not_found: async () => new Response('{}', { status: 404, headers: JSON_HEADERS }),
  invalid_query: async () =>
    new Response(
      JSON.stringify({
        errors: {
          required_duration: [
            { key: 'errors.too_long', description: 'must be at most 1440 minutes' },
          ],
        },
      }),
      { status: 422, headers: JSON_HEADERS },
    ),
  rate_limited: async () =>
    new Response('{}', { status: 429, headers: { ...JSON_HEADERS, 'Retry-After': '3600' } }),
  server: async () => new Response('Internal Server Error', { status: 500 }),
  network: () => Promise.reject(new TypeError('Failed to fetch')),
  bad_response: async () =>
    new Response('<!doctype html><title>Welcome</title>', {
      status: 200,
      headers: { 'Content-Type': 'text/html' },
    }),
};

/** An HTTP transport whose `fetch` gives the canned answer of `name`, without retrying. */
function failingTransport(name: SourceName, answer: () => Promise<Response>): Transport {
  return new HttpTransport({
    apiBase: 'https://api.example.invalid',
    // A token per source, so each has its own rate limiter.
    token: `et_story_${name}`,
    fetch: () => answer(),
    retries: 0,
  });
}

const transports = new Map<SourceName, Transport | undefined>();

function createTransport(name: SourceName): Transport | undefined {
  switch (name) {
    case 'demo':
      return undefined;
    case 'local':
      return new CheckedLocalTransport();
    case 'never':
      return new NeverTransport();
    case 'empty':
      return new LocalTransport({ calendars: allBusy });
    case 'nights':
      return new LocalTransport({ calendars: daytimeBusy });
    case 'stale':
      return new LocalTransport({ calendars: staleCalendars() });
    default: {
      const answer = CANNED[name];
      if (!answer) throw new Error(`No story source named "${name}".`);
      return failingTransport(name, answer);
    }
  }
}

/** The transport of source `name`: the same instance every time; undefined for `demo`. */
export function transportFor(name: SourceName): Transport | undefined {
  if (!transports.has(name)) transports.set(name, createTransport(name));
  return transports.get(name);
}

const MINUTE = 60_000;
const DAY = 86_400_000;

/** 00:00 UTC of the Monday after `nowMs`: the start of a week that lies wholly ahead. */
export function nextMonday(nowMs = Date.now()): number {
  const today = Math.floor(nowMs / DAY) * DAY;
  // 1970-01-01 was a Thursday: day 0 of the epoch is weekday 4 (Sunday = 0).
  const weekday = (Math.floor(nowMs / DAY) + 4) % 7;
  return today + ((8 - weekday) % 7 || 7) * DAY;
}

/** `ms` as an API instant without milliseconds. */
export function isoOf(ms: number): string {
  return new Date(ms).toISOString().replace('.000Z', 'Z');
}

/** Options of `demoQuery`. */
export interface DemoQueryOptions {
  /** Demo people's subs; Ada, Bruno and Dagny by default. */
  subs?: readonly string[];
  /** How many of them must be free: `all` or a number. */
  required?: 'all' | number;
  /** First instant, epoch ms; the next quarter hour by default. */
  start?: number;
  /** Days covered. */
  days?: number;
  /** Minutes per slot. */
  minutes?: number;
  /** `slots`, `periods` or `overlapping_slots`. */
  responseFormat?: AvailabilityQuery['response_format'];
  /** Ask for members' calendar sync statuses. */
  memberStatuses?: boolean;
  /** Most results the answer may hold. */
  maxResults?: number;
}

/** A query over the demo people (any sub gets demo calendars). */
export function demoQuery(options: DemoQueryOptions = {}): AvailabilityQuery {
  const start = options.start ?? Math.ceil(Date.now() / (15 * MINUTE)) * 15 * MINUTE;
  const days = options.days ?? 14;
  const query: AvailabilityQuery = {
    participants: [
      {
        members: (options.subs ?? ['acc_demo_ada', 'acc_demo_bruno', 'acc_demo_dagny']).map(
          (sub) => ({ sub }),
        ),
        required: options.required ?? 'all',
      },
    ],
    required_duration: { minutes: options.minutes ?? 30 },
    query_periods: [{ start: isoOf(start), end: isoOf(start + days * DAY) }],
  };
  if (options.responseFormat) query.response_format = options.responseFormat;
  if (options.memberStatuses) query.include_member_statuses = true;
  if (options.maxResults !== undefined) query.max_results = options.maxResults;
  return query;
}

/** The library's locales. */
export const LOCALES = ['en', 'de', 'es', 'fr', 'it', 'nl'] as const;

/** Zones the stories and the toolbar offer: DST in both hemispheres, half-hour offsets, Lord Howe's half-hour DST. */
export const ZONES = [
  'Europe/Berlin',
  'America/New_York',
  'Asia/Kolkata',
  'Australia/Lord_Howe',
  'Europe/London',
  'Asia/Tokyo',
  'Pacific/Chatham',
  'UTC',
] as const;
