/**
 * A booking-link client for the `<rts-booking-page>` stories, answered in the page: the link's
 * view, free times from the demo engine for one demo person, bookings that succeed (or are
 * refused once as just taken), and the failures a real link can meet.
 *
 * Contract: implements `RtsApi` exactly as the element uses it; the same scenario name gives a
 * fresh client per render, so a story always starts unbooked; every answer arrives after a
 * short delay, as over a network, and an abort rejects with an `AbortError`.
 */
import { parseQuery } from '../../src/core/query.js';
import type { ApiAvailableSlot } from '../../src/core/types.js';
import { SchedulingError, abortError } from '../../src/data/errors.js';
import { demoTransport } from '../../src/data/local.js';
import {
  RtsConflictError,
  type RtsApi,
  type RtsBooking,
  type RtsBookingRequest,
  type RtsLink,
  type RtsRequestOptions,
} from '../../src/data/rts.js';
import { isoOf, nextMonday } from './sources.js';

/** What the story's link does. */
export type RtsScenario =
  | 'open'
  | 'conflict'
  | 'never'
  | 'no_times'
  | 'completed'
  | 'disabled'
  | 'expired'
  | 'invalid'
  | 'network'
  | 'server';

/** Every scenario, for the `scenario` control. */
export const RTS_SCENARIOS: readonly RtsScenario[] = [
  'open',
  'conflict',
  'never',
  'no_times',
  'completed',
  'disabled',
  'expired',
  'invalid',
  'network',
  'server',
];

const DAY = 86_400_000;
const LATENCY_MS = 150;
const ORGANIZER = { name: 'Ada Okonkwo', tzid: 'Europe/London' };

/** The link's public view: an intro call with Ada over the next two whole weeks. */
function linkView(status: RtsLink['status']): RtsLink {
  const start = nextMonday();
  return {
    id: 'rts_story',
    status,
    summary: 'Introductory call',
    description: 'Thirty minutes to talk through your project and next steps.',
    location: 'Video call (the link follows by email)',
    duration_minutes: 30,
    organizer: ORGANIZER,
    fields: { name: 'required', email: 'required', note: 'optional' },
    window: { start: isoOf(start), end: isoOf(start + 14 * DAY) },
    display_message:
      status === 'disabled' ? 'I am away until next month; please write to me instead.' : null,
    booking:
      status === 'completed'
        ? {
            start: isoOf(start + 2 * DAY + 10 * 3_600_000),
            end: isoOf(start + 2 * DAY + 10.5 * 3_600_000),
          }
        : null,
  };
}

/** Ada's free half hours in the link's window, from the demo engine. */
async function demoSlots(link: RtsLink): Promise<ApiAvailableSlot[]> {
  const parsed = parseQuery({
    participants: [{ members: [{ sub: 'acc_demo_ada' }], required: 'all' }],
    required_duration: { minutes: link.duration_minutes },
    query_periods: [link.window],
    response_format: 'slots',
    max_results: 512,
  });
  if (!parsed.ok) throw new Error('The story query is invalid.');
  const result = await demoTransport().availability(parsed.query);
  return [...result.slots];
}

/** `value` (or the failure `value` makes) after the simulated network delay. */
function later<T>(value: () => T | Promise<T>, options: RtsRequestOptions = {}): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const { signal } = options;
    if (signal?.aborted) return reject(abortError());
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      Promise.resolve().then(value).then(resolve, reject);
    }, LATENCY_MS);
    const onAbort = () => {
      clearTimeout(timer);
      reject(abortError());
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/** A request that never answers; an abort still ends it. */
function never<T>(options: RtsRequestOptions = {}): Promise<T> {
  return new Promise<T>((_, reject) => {
    options.signal?.addEventListener('abort', () => reject(abortError()), { once: true });
  });
}

/** An in-page booking link client playing `scenario`. */
export class StoryRtsClient implements RtsApi {
  private bookings = 0;
  private taken = new Set<string>();

  constructor(private readonly scenario: RtsScenario) {}

  link(options?: RtsRequestOptions): Promise<RtsLink> {
    switch (this.scenario) {
      case 'never':
        return never(options);
      case 'invalid':
        return later(() => {
          throw new SchedulingError('auth', 'HTTP 401: the credentials were not accepted', {
            status: 401,
          });
        }, options);
      case 'network':
        return later(() => {
          throw new SchedulingError('network', 'The request failed: Failed to fetch');
        }, options);
      case 'server':
        return later(() => {
          throw new SchedulingError('server', 'HTTP 500: the server failed', { status: 500 });
        }, options);
      case 'completed':
      case 'disabled':
      case 'expired':
        return later(() => linkView(this.scenario as RtsLink['status']), options);
      default:
        return later(() => linkView('open'), options);
    }
  }

  slots(_range?: unknown, options?: RtsRequestOptions): Promise<ApiAvailableSlot[]> {
    if (this.scenario === 'no_times') return later(() => [], options);
    return later(async () => {
      const slots = await demoSlots(linkView('open'));
      return slots.filter((s) => !this.taken.has(s.start));
    }, options);
  }

  book(request: RtsBookingRequest, options?: RtsRequestOptions): Promise<RtsBooking> {
    this.bookings += 1;
    if (this.scenario === 'conflict' && this.bookings === 1) {
      // Someone else booked this time a moment ago: the page gets the remaining times.
      this.taken.add(request.slot.start);
      return later(async () => {
        const fresh = await demoSlots(linkView('open'));
        throw new RtsConflictError(
          'HTTP 409: the time was just taken',
          fresh.filter((s) => !this.taken.has(s.start)),
        );
      }, options);
    }
    return later(
      () => ({
        event_id: `evt_story_${this.bookings}`,
        summary: 'Introductory call',
        start: request.slot.start,
        end: request.slot.end,
        tzid: ORGANIZER.tzid,
        organizer: ORGANIZER,
        recipient: request.recipient,
        redirect_url: null,
      }),
      options,
    );
  }

  noTimesSuitable(options?: RtsRequestOptions): Promise<void> {
    return later(() => undefined, options);
  }

  noTimesDisplayed(options?: RtsRequestOptions): Promise<void> {
    return later(() => undefined, options);
  }
}
