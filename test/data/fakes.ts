/**
 * Test doubles for the data layer: a fake clock whose timers fire only when a test drives them,
 * a scripted `fetch` that records every request, and a normalised query builder.
 */
import type { NormalisedQuery } from '../../src/core/types.js';
import { abortError } from '../../src/data/errors.js';
import type { Sleep } from '../../src/data/timing.js';

interface Timer {
  at: number;
  seq: number;
  fire: () => void;
}

/** A virtual clock: `sleep` timers fire in time order as `runUntil` advances it. */
export class FakeClock {
  time = 0;
  private timers: Timer[] = [];
  private seq = 0;

  readonly now = (): number => this.time;

  readonly sleep: Sleep = (ms, signal) =>
    new Promise<void>((resolve, reject) => {
      if (signal?.aborted) return reject(abortError());
      const timer: Timer = {
        at: this.time + ms,
        seq: this.seq++,
        fire: () => {
          signal?.removeEventListener('abort', onAbort);
          resolve();
        },
      };
      const onAbort = () => {
        this.timers = this.timers.filter((t) => t !== timer);
        reject(abortError());
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      this.timers.push(timer);
    });

  /** Number of timers waiting. */
  get pendingTimers(): number {
    return this.timers.length;
  }

  /** Lets every pending promise chain run (real macrotasks, no virtual time passes). */
  async settle(): Promise<void> {
    for (let i = 0; i < 3; i++) await new Promise((resolve) => setTimeout(resolve, 0));
  }

  /** Fires timers in time order until `done()` holds or none remain. */
  async runUntil(done: () => boolean, maxSteps = 10_000): Promise<void> {
    await this.settle();
    for (let step = 0; step < maxSteps && !done() && this.timers.length > 0; step++) {
      this.fireEarliest();
      await this.settle();
    }
  }

  /** Moves time forward by `ms`, firing the timers due on the way. */
  async advance(ms: number): Promise<void> {
    const target = this.time + ms;
    await this.settle();
    while (this.timers.some((t) => t.at <= target)) {
      this.fireEarliest();
      await this.settle();
    }
    this.time = target;
  }

  private fireEarliest(): void {
    const next = this.timers.reduce((a, b) =>
      b.at < a.at || (b.at === a.at && b.seq < a.seq) ? b : a,
    );
    this.timers = this.timers.filter((t) => t !== next);
    this.time = Math.max(this.time, next.at);
    next.fire();
  }
}

/** The outcome of a promise as a test observes it. */
export interface Tracked<T> {
  done: boolean;
  value?: T;
  error?: unknown;
}

/** Records how `promise` settles without letting a rejection go unhandled. */
export function tracked<T>(promise: Promise<T>): Tracked<T> {
  const state: Tracked<T> = { done: false };
  promise.then(
    (value) => Object.assign(state, { done: true, value }),
    (error: unknown) => Object.assign(state, { done: true, error }),
  );
  return state;
}

/** A request as the fake fetch received it. */
export interface RecordedRequest {
  url: string;
  method: string;
  headers: Headers;
  body: unknown;
  /** Virtual time the request started. */
  at: number;
  signal: AbortSignal;
}

/** What the fake fetch does for one request. */
export type Reply =
  | Response
  | Error
  | 'hang'
  | 'hang-ignoring-abort'
  | ((request: RecordedRequest) => Response | Promise<Response>);

/** A JSON response. */
export function json(
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json', ...headers },
  });
}

/** A response with a raw text body. */
export function text(status: number, body: string): Response {
  return new Response(body, { status, headers: { 'Content-Type': 'text/html' } });
}

/** A fetch that records requests and answers from `script` (a queue, or a function of the request). */
export function scriptedFetch(
  clock: FakeClock,
  script: Reply[] | ((request: RecordedRequest) => Reply),
): { fetch: typeof fetch; requests: RecordedRequest[] } {
  const requests: RecordedRequest[] = [];
  const fetch = async (input: RequestInfo | URL, init: RequestInit = {}): Promise<Response> => {
    const request: RecordedRequest = {
      url: String(input),
      method: init.method ?? 'GET',
      headers: new Headers(init.headers),
      body: typeof init.body === 'string' ? JSON.parse(init.body) : init.body,
      at: clock.now(),
      signal: init.signal!,
    };
    requests.push(request);
    const reply = Array.isArray(script) ? script.shift() : script(request);
    if (reply === undefined) throw new Error(`unscripted request #${requests.length}`);
    if (reply === 'hang-ignoring-abort') return new Promise<Response>(() => undefined);
    if (reply === 'hang') {
      return new Promise<Response>((_, reject) => {
        request.signal.addEventListener('abort', () => reject(abortError()), { once: true });
      });
    }
    if (reply instanceof Error) throw reply;
    return typeof reply === 'function' ? reply(request) : reply;
  };
  return { fetch, requests };
}

/** A promise with its resolver exposed. */
export function deferred<T>(): { promise: Promise<T>; resolve: (value: T) => void } {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

/** 2026-12-01T09:00:00Z. */
export const T0 = Date.UTC(2026, 11, 1, 9);
/** One minute, one hour in ms. */
export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;

/** A normalised query for two members over 09:00-17:00 UTC on 2026-12-01, with overrides. */
export function normalisedQuery(overrides: Partial<NormalisedQuery> = {}): NormalisedQuery {
  return {
    participants: [{ members: [{ sub: 'acc_a' }, { sub: 'acc_b' }], required: 'all' }],
    requiredDuration: 30,
    queryPeriods: [{ start: T0, end: T0 + 8 * HOUR }],
    buffer: { before: 0, after: 0 },
    maxResults: 20,
    responseFormat: 'slots',
    includeMemberStatuses: false,
    ...overrides,
  };
}

/** The wire form of `[start, end)` for participants `subs`. */
export function wireSlot(start: number, end: number, subs: string[] = ['acc_a', 'acc_b']) {
  const iso = (ms: number) => new Date(ms).toISOString().replace('.000Z', 'Z');
  return { start: iso(start), end: iso(end), participants: subs.map((sub) => ({ sub })) };
}
