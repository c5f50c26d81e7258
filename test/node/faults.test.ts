/**
 * Faults on the wire: `HttpTransport` over Node's own `fetch` against a real HTTP server on
 * 127.0.0.1 that cuts connections, never answers, answers 500 or 429 with `Retry-After`, or
 * passes the request to the embedded API, as each test scripts it.
 *
 * What must hold: transient failures are retried a bounded number of times (1 + `retries`
 * requests at most) and the real answer comes through once the faults stop; `Retry-After` is
 * waited for; final failures carry the right kind; and however many requests callers make at
 * once, with faults and retries mixed in, the requests started never exceed the API's limits
 * (50 in any second, 500 in any minute). The limiter's grants are audited on the very limiter
 * instance every transport of one API base and token shares, and every request the server saw
 * is matched to a grant. A booking whose answer is lost (the server books, then the connection
 * dies) is made exactly once, and asking again says so.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { parseQuery } from '../../src/core/query.js';
import type { NormalisedQuery } from '../../src/core/types.js';
import { defaultDemoQuery } from '../../src/data/demo-calendars.js';
import { SchedulingError } from '../../src/data/errors.js';
import { HttpTransport, type HttpTransportOptions } from '../../src/data/http.js';
import { API_RATE_LIMITS, sharedRateLimiter } from '../../src/data/rate-limit.js';
import { RtsClient, RtsLinkClosedError } from '../../src/data/rts.js';
import type { Clock, Sleep } from '../../src/data/timing.js';
import { HOUR, MINUTE, T0, normalisedQuery } from '../data/fakes.js';
import {
  busiestWindow,
  startFaultyServer,
  type Fault,
  type FaultyServer,
} from './faulty-server.js';

const API: Fault = { kind: 'api' };
const DROP: Fault = { kind: 'drop' };
const HANG: Fault = { kind: 'hang' };
const status = (code: number, headers: Record<string, string> = {}): Fault => ({
  kind: 'json',
  status: code,
  body: { errors: { base: [{ key: 'errors.test', description: `scripted ${code}` }] } },
  headers,
});
const EMPTY: Fault = { kind: 'json', status: 200, body: { available_slots: [] } };

let server: FaultyServer;

/** The demo query for the next three days, as the elements' demo would ask it. */
function demoQuery(): NormalisedQuery {
  const wire = defaultDemoQuery(Date.now());
  const parsed = parseQuery({
    ...wire,
    query_periods: [
      {
        start: wire.query_periods![0]!.start,
        end: new Date(Date.parse(wire.query_periods![0]!.start) + 3 * 24 * HOUR).toISOString(),
      },
    ],
    response_format: 'slots',
    max_results: 50,
  });
  assert.ok(parsed.ok);
  return parsed.query;
}

/** A transport to the faulty server with the client secret as its credential. */
function transport(options: Partial<HttpTransportOptions> = {}): HttpTransport {
  return new HttpTransport({ apiBase: server.base, token: server.api.clientSecret, ...options });
}

/** How `promise` ended, and after how many milliseconds. */
async function outcome<T>(
  promise: Promise<T>,
): Promise<{ value?: T; error?: SchedulingError; ms: number }> {
  const started = Date.now();
  try {
    const value = await promise;
    return { value, ms: Date.now() - started };
  } catch (error) {
    assert.ok(error instanceof SchedulingError, `rejected with ${String(error)}`);
    return { error, ms: Date.now() - started };
  }
}

/** Arrivals since `from`. */
function since(from: number) {
  return server.arrivals.slice(from);
}

before(async () => {
  server = await startFaultyServer();
});

after(async () => {
  await server.close();
});

describe('HttpTransport against a faulty server: recovery', () => {
  const cases: { name: string; faults: Fault[]; options?: Partial<HttpTransportOptions> }[] = [
    { name: 'a dropped connection', faults: [DROP] },
    { name: 'two dropped connections', faults: [DROP, DROP] },
    { name: 'a hung response (timeout)', faults: [HANG], options: { timeoutMs: 400 } },
    { name: '500 then 502', faults: [status(500), status(502)] },
    { name: '503 with Retry-After: 1', faults: [status(503, { 'Retry-After': '1' })] },
    { name: '429 with Retry-After: 1', faults: [status(429, { 'Retry-After': '1' })] },
    {
      name: 'a drop, a timeout, a 500 (three different faults in a row)',
      faults: [DROP, HANG, status(500)],
      options: { timeoutMs: 400 },
    },
  ];
  for (const { name, faults, options } of cases) {
    it(`recovers from ${name}: the real answer after ${faults.length + 1} requests`, async () => {
      const from = server.arrivals.length;
      server.setScript((n) => faults[n - from] ?? API);
      const { value, error, ms } = await outcome(transport(options).availability(demoQuery()));
      assert.equal(error, undefined, error?.message);
      assert.ok(value!.slots.length > 0, 'the demo people have free time in three days');
      const seen = since(from);
      assert.deepEqual(
        seen.map((a) => a.fault),
        [...faults.map((f) => f.kind), 'api'],
      );
      assert.ok(seen.every((a) => a.method === 'POST' && a.path === '/v1/availability'));
      assert.ok(seen.every((a) => a.authorization === `Bearer ${server.api.clientSecret}`));
      for (let i = 0; i < faults.length; i++) {
        const gap = seen[i + 1]!.at - seen[i]!.at;
        const fault = faults[i]!;
        if (fault.kind === 'json' && fault.headers?.['Retry-After'] === '1') {
          assert.ok(gap >= 1000 - 5, `waited ${gap} ms after Retry-After: 1`);
        }
        if (fault.kind === 'hang') assert.ok(gap >= 400 - 5, `timed out after ${gap} ms`);
      }
      assert.ok(ms < 10_000, `took ${ms} ms`);
    });
  }

  const persistent: { fault: Fault; kind: string; options?: Partial<HttpTransportOptions> }[] = [
    { fault: DROP, kind: 'network' },
    { fault: HANG, kind: 'network', options: { timeoutMs: 300 } },
    { fault: status(500), kind: 'server' },
    { fault: status(429, { 'Retry-After': '1' }), kind: 'rate_limited' },
  ];
  for (const { fault, kind, options } of persistent) {
    const label = fault.kind === 'json' ? String(fault.status) : fault.kind;
    it(`gives up on a lasting ${label} after exactly 1 + retries requests, as ${kind}`, async () => {
      const from = server.arrivals.length;
      server.setScript(() => fault);
      const { error, ms } = await outcome(
        transport({ retries: 2, ...options }).availability(demoQuery()),
      );
      assert.equal(error?.kind, kind);
      assert.ok(!error!.message.includes(server.api.clientSecret), 'no credential in the message');
      // Let any stray attempt arrive before counting.
      await new Promise((resolve) => setTimeout(resolve, 300));
      assert.equal(since(from).length, 3);
      assert.ok(ms < 12_000, `gave up after ${ms} ms`);
    });
  }

  it('reports a 429 asking for more than 30 s at once, with one request', async () => {
    const from = server.arrivals.length;
    server.setScript(() => status(429, { 'Retry-After': '120' }));
    const { error, ms } = await outcome(transport().availability(demoQuery()));
    assert.equal(error?.kind, 'rate_limited');
    assert.equal(error?.retryAfter, 120);
    assert.equal(since(from).length, 1);
    assert.ok(ms < 2000);
  });

  it('never retries a 422 and hands its field errors over', async () => {
    const from = server.arrivals.length;
    server.setScript(() => status(422));
    const { error } = await outcome(transport().availability(demoQuery()));
    assert.equal(error?.kind, 'invalid_query');
    assert.deepEqual(error?.errors, {
      base: [{ key: 'errors.test', description: 'scripted 422' }],
    });
    assert.equal(since(from).length, 1);
  });
});

/**
 * The start times the limiter every transport to (`base`, `token`) shares records as it grants
 * them: its own sliding-window log, copied as it grows (the limiter forgets starts older than a
 * minute; the copy keeps them all).
 */
function auditLimiter(base: string, token: string, now?: Clock, sleep?: Sleep): number[] {
  const limiter = sharedRateLimiter(base, token, now, sleep);
  const starts = (limiter as unknown as { starts: number[] }).starts;
  assert.ok(Array.isArray(starts) && starts.length === 0, 'a fresh limiter');
  const grants: number[] = [];
  const push = starts.push.bind(starts);
  starts.push = (...items: number[]) => {
    grants.push(...items);
    return push(...items);
  };
  return grants;
}

/** Distinct queries (so none is shared or cached), one hour apart. */
function distinctQueries(count: number): NormalisedQuery[] {
  return Array.from({ length: count }, (_, i) =>
    normalisedQuery({ queryPeriods: [{ start: T0 + i * HOUR, end: T0 + i * HOUR + 30 * MINUTE }] }),
  );
}

describe('HttpTransport against a faulty server: never over the API limits', () => {
  it('150 requests at once from three transports, with drops, 500s and 429s, stay within 50 a second', async () => {
    const base = `${server.base}/rate-a`;
    // The server only knows /v1/...; the base path is a limiter key the faulty server ignores.
    const token = `tok_rate_${Date.now()}`;
    const grants = auditLimiter(base, token);
    const from = server.arrivals.length;
    let fetches = 0;
    const attempts = new Map<number, number>();
    // The first attempt of some queries meets a fault, chosen by the query's hour, so each
    // query fails at most once and recovers on its first retry.
    const fetchCounted: typeof fetch = (input, init) => {
      fetches += 1;
      assert.ok(fetches <= grants.length, 'a request started without a grant');
      const body = JSON.parse(String(init?.body)) as { query_periods: { start: string }[] };
      const hour = (Date.parse(body.query_periods[0]!.start) - T0) / HOUR;
      const attempt = (attempts.get(hour) ?? 0) + 1;
      attempts.set(hour, attempt);
      const fault =
        attempt > 1
          ? ''
          : hour % 10 === 3
            ? 'drop'
            : hour % 10 === 6
              ? '500'
              : hour % 25 === 9
                ? '429'
                : '';
      return fetch(`${String(input).replace('/rate-a', '')}?fault=${fault}`, init);
    };
    server.setScript((_n, path) => {
      if (path.endsWith('fault=drop')) return DROP;
      if (path.endsWith('fault=500')) return status(500);
      if (path.endsWith('fault=429')) return status(429, { 'Retry-After': '1' });
      return EMPTY;
    });
    const transports = [0, 1, 2].map(
      () => new HttpTransport({ apiBase: base, token, fetch: fetchCounted, timeoutMs: 10_000 }),
    );
    const started = Date.now();
    const results = await Promise.allSettled(
      distinctQueries(150).map((q, i) => transports[i % 3]!.availability(q)),
    );
    const seconds = (Date.now() - started) / 1000;
    const failed = results.filter((r) => r.status === 'rejected');
    assert.deepEqual(
      failed.map((r) => String((r as PromiseRejectedResult).reason)),
      [],
      'every request recovered within its retries',
    );
    const seen = since(from);
    assert.equal(seen.length, 150 + 15 + 15 + 6, 'one retry per faulted query');
    assert.equal(seen.length, fetches);
    assert.equal(grants.length, fetches);
    assert.ok(
      busiestWindow(grants, 1000) <= API_RATE_LIMITS.perSecond,
      `busiest second: ${busiestWindow(grants, 1000)}`,
    );
    assert.ok(busiestWindow(grants, 60_000) <= API_RATE_LIMITS.perMinute);
    // 150+ requests at 50 a second cannot finish in under two seconds.
    assert.ok(seconds >= 2, `finished in ${seconds} s`);
  });

  it('600 requests stay within 500 a minute and 50 a second (clock running 30 times fast)', async () => {
    const base = `${server.base}/rate-b`;
    const token = `tok_rate_${Date.now()}`;
    const origin = Date.now();
    const speed = 30;
    const now: Clock = () => origin + (Date.now() - origin) * speed;
    const sleep: Sleep = (ms, signal) =>
      new Promise<void>((resolve, reject) => {
        const timer = setTimeout(resolve, ms / speed);
        signal?.addEventListener(
          'abort',
          () => {
            clearTimeout(timer);
            reject(new DOMException('aborted', 'AbortError'));
          },
          { once: true },
        );
      });
    const grants = auditLimiter(base, token, now, sleep);
    const from = server.arrivals.length;
    server.setScript(() => EMPTY);
    const t = new HttpTransport({
      apiBase: base,
      token,
      now,
      sleep,
      timeoutMs: 600_000,
      fetch: (input, init) => fetch(String(input).replace('/rate-b', ''), init),
    });
    const results = await Promise.allSettled(distinctQueries(600).map((q) => t.availability(q)));
    assert.equal(results.filter((r) => r.status === 'rejected').length, 0);
    assert.equal(since(from).length, 600);
    assert.equal(grants.length, 600);
    assert.ok(
      busiestWindow(grants, 60_000) <= 500,
      `busiest minute: ${busiestWindow(grants, 60_000)}`,
    );
    assert.ok(busiestWindow(grants, 1000) <= 50, `busiest second: ${busiestWindow(grants, 1000)}`);
    // The 501st request had to wait for the first minute to pass (in the fast clock).
    const sorted = [...grants].sort((a, b) => a - b);
    assert.ok(sorted[500]! - sorted[0]! >= 60_000);
  });
});

describe('RtsClient against a faulty server: a booking whose answer is lost', () => {
  it('is made exactly once: asking again answers 410 with the link completed at that time', async () => {
    server.setScript(() => API);
    const day = Math.floor(Date.now() / (24 * HOUR)) * 24 * HOUR;
    const created = await fetch(`${server.base}/v1/real_time_scheduling`, {
      method: 'POST',
      headers: {
        Authorization: `Bearer ${server.api.clientSecret}`,
        'Content-Type': 'application/json',
      },
      body: JSON.stringify({
        event: { event_id: 'lost-answer', summary: 'Lost answer' },
        availability: {
          participants: [{ members: [{ sub: 'acc_demo_ada' }], required: 'all' }],
          required_duration: { minutes: 30 },
          query_periods: [
            {
              start: new Date(day + 24 * HOUR).toISOString(),
              end: new Date(day + 6 * 24 * HOUR).toISOString(),
            },
          ],
        },
        target_calendars: [{ sub: 'acc_demo_ada', calendar_id: 'cal_demo_ada_work' }],
        tzid: 'Europe/London',
      }),
    });
    assert.equal(created.status, 200);
    const { real_time_scheduling: link } = (await created.json()) as {
      real_time_scheduling: { real_time_scheduling_id: string; url: string };
    };
    const token = /#token=(.+)$/.exec(link.url)![1]!;
    const client = new RtsClient({ apiBase: server.base, token, timeoutMs: 5000 });
    const [slot] = await client.slots();
    assert.ok(slot, 'the link offers times');

    const from = server.arrivals.length;
    server.setScript((n) => (n === from ? { kind: 'api-lost' } : API));
    const request = {
      slot: { start: slot.start, end: slot.end },
      recipient: { name: 'Grace Hopper', email: 'grace@example.com' },
    };
    await assert.rejects(client.book(request), (error: unknown) => {
      assert.ok(error instanceof SchedulingError);
      assert.equal(error.kind, 'network');
      return true;
    });
    // The server made the booking although its answer was lost.
    const stored = server.api.store.rtsLink(link.real_time_scheduling_id);
    assert.equal(stored?.status, 'completed');
    assert.equal(stored?.booking?.start, slot.start);

    // Asking again neither books twice nor fails obscurely: the link is completed at that time.
    await assert.rejects(client.book(request), (error: unknown) => {
      assert.ok(error instanceof RtsLinkClosedError);
      assert.equal(error.status, 410);
      assert.equal(error.link?.status, 'completed');
      assert.equal(error.link?.booking?.start, slot.start);
      return true;
    });
    const events = server.api.store
      .eventsOf('cal_demo_ada_work')
      .filter((e) => e.start === slot.start && e.source !== 'demo');
    assert.equal(events.length, 1, 'one event written for the one booking');
  });
});
