import { expect } from '@open-wc/testing';
import { toApiQuery } from '../../src/core/query.js';
import type { NormalisedQuery } from '../../src/core/types.js';
import { SchedulingError, isAbortError } from '../../src/data/errors.js';
import { HttpTransport, type HttpTransportOptions } from '../../src/data/http.js';
import { LatestRequest } from '../../src/data/latest.js';
import { RateLimiter } from '../../src/data/rate-limit.js';
import { retryAfterSeconds } from '../../src/data/retry.js';
import type { AvailabilityResult } from '../../src/data/transport.js';
import {
  FakeClock,
  HOUR,
  MINUTE,
  T0,
  deferred,
  json,
  normalisedQuery,
  scriptedFetch,
  text,
  tracked,
  wireSlot,
  type Reply,
  type RecordedRequest,
} from './fakes.js';

const TOKEN = 'tok_secret_123';
const SLOT = wireSlot(T0, T0 + 30 * MINUTE);
const OK_BODY = { available_slots: [SLOT] };
let apiCount = 0;

/** A transport on a fake clock and a scripted fetch, with its own API base so its limiter is fresh. */
function setup(
  script: Reply[] | ((request: RecordedRequest) => Reply),
  options: Partial<HttpTransportOptions> = {},
) {
  const clock = new FakeClock();
  const { fetch, requests } = scriptedFetch(clock, script);
  apiCount += 1;
  const transport = new HttpTransport({
    apiBase: `https://api${apiCount}.example.test/`,
    token: TOKEN,
    fetch,
    now: clock.now,
    sleep: clock.sleep,
    random: () => 0.5,
    ...options,
  });
  return { clock, requests, transport };
}

/** Runs the fake clock until `promise` settles and returns how it settled. */
async function outcome<T>(clock: FakeClock, promise: Promise<T>) {
  const state = tracked(promise);
  await clock.runUntil(() => state.done);
  expect(state.done, 'settled').to.equal(true);
  return state;
}

/** The `SchedulingError` `promise` rejects with. */
async function failure(clock: FakeClock, promise: Promise<unknown>): Promise<SchedulingError> {
  const { error } = await outcome(clock, promise);
  expect(error).to.be.instanceOf(SchedulingError);
  return error as SchedulingError;
}

describe('HttpTransport', () => {
  describe('requests', () => {
    it('POSTs the wire query as JSON with a bearer token, never the token in the URL', async () => {
      const { clock, requests, transport } = setup([json(200, OK_BODY)]);
      const query = normalisedQuery();
      const { value } = await outcome(clock, transport.availability(query));
      expect(value?.slots).to.deep.equal([SLOT]);
      expect(requests).to.have.length(1);
      const [request] = requests;
      expect(request.url).to.equal(`https://api${apiCount}.example.test/v1/availability`);
      expect(request.url).not.to.include(TOKEN);
      expect(request.method).to.equal('POST');
      expect(request.headers.get('Authorization')).to.equal(`Bearer ${TOKEN}`);
      expect(request.headers.get('Content-Type')).to.equal('application/json');
      expect(request.headers.get('Accept')).to.equal('application/json');
      expect(request.body).to.deep.equal(JSON.parse(JSON.stringify(toApiQuery(query))));
    });

    it('sends no Authorization header without a token', async () => {
      const { clock, requests, transport } = setup([json(200, OK_BODY)], { token: '' });
      await outcome(clock, transport.availability(normalisedQuery()));
      expect(requests[0].headers.has('Authorization')).to.equal(false);
    });

    it('reports an unusable API base as a config error without a request', async () => {
      for (const [apiBase, says] of [
        ['http://[not a host', 'is not a URL'],
        ['ftp://files.example.test', 'is not an http or https URL'],
        ['javascript:alert(1)', 'is not an http or https URL'],
        ['api.example.test/v1', 'has no scheme'],
        ['https://user:pw@api.example.test', 'user name or password'],
      ] as const) {
        const { clock, requests, transport } = setup([], { apiBase });
        const error = await failure(clock, transport.availability(normalisedQuery()));
        expect(error.kind, apiBase).to.equal('config');
        expect(error.message).to.contain(says).and.contain('api-base');
        expect(requests).to.have.length(0);
      }
    });
    it('sends to a path from the page origin when the API base is one', async () => {
      const { clock, requests, transport } = setup([json(200, OK_BODY)], { apiBase: '/api/' });
      await outcome(clock, transport.availability(normalisedQuery()));
      expect(requests[0].url).to.equal('/api/v1/availability');
    });

    it('rejects a query it cannot send as a config error, without throwing', async () => {
      const { clock, requests, transport } = setup([json(200, OK_BODY)]);
      const broken = {
        ...normalisedQuery(),
        participants: undefined,
      } as unknown as NormalisedQuery;
      const error = await failure(clock, transport.availability(broken));
      expect(error.kind).to.equal('config');
      expect(error.message).to.match(/^The request to \/v1\/availability cannot be built: /);
      expect(requests).to.have.length(0);
    });
  });

  describe('retries', () => {
    it('succeeds after 500, 500, 200 with exactly three requests and growing jittered backoff', async () => {
      const { clock, requests, transport } = setup([
        json(500, {}),
        text(500, '<h1>oops</h1>'),
        json(200, OK_BODY),
      ]);
      const { value } = await outcome(clock, transport.availability(normalisedQuery()));
      expect(value?.slots).to.deep.equal([SLOT]);
      expect(requests).to.have.length(3);
      // random() = 0.5: half of 300 ms, then half of 600 ms.
      expect(requests.map((r) => r.at)).to.deep.equal([0, 150, 450]);
    });

    it('gives up after three retries with the last failure', async () => {
      const { clock, requests, transport } = setup([
        json(502, {}),
        json(503, {}),
        json(500, {}),
        json(504, {}),
        json(200, OK_BODY),
      ]);
      const error = await failure(clock, transport.availability(normalisedQuery()));
      expect(error.kind).to.equal('server');
      expect(error.status).to.equal(504);
      expect(requests).to.have.length(4);
    });

    it('honours Retry-After in seconds on 429', async () => {
      const { clock, requests, transport } = setup([
        json(429, {}, { 'Retry-After': '2' }),
        json(200, OK_BODY),
      ]);
      await outcome(clock, transport.availability(normalisedQuery()));
      expect(requests.map((r) => r.at)).to.deep.equal([0, 2000]);
    });

    it('honours Retry-After as an HTTP date on 503', async () => {
      const { clock, requests, transport } = setup([
        (r) => json(503, {}, { 'Retry-After': new Date(r.at + 5000).toUTCString() }),
        json(200, OK_BODY),
      ]);
      clock.time = Date.UTC(2026, 10, 25, 12);
      await outcome(clock, transport.availability(normalisedQuery()));
      expect(requests[1].at - requests[0].at).to.equal(5000);
    });

    it('reports a 429 at once when Retry-After asks for too long a wait', async () => {
      const { clock, requests, transport } = setup([json(429, {}, { 'Retry-After': '120' })]);
      const error = await failure(clock, transport.availability(normalisedQuery()));
      expect(error.kind).to.equal('rate_limited');
      expect(error.retryAfter).to.equal(120);
      expect(requests).to.have.length(1);
    });

    it('retries network failures', async () => {
      const { clock, requests, transport } = setup([
        new TypeError('Failed to fetch'),
        json(200, OK_BODY),
      ]);
      const { value } = await outcome(clock, transport.availability(normalisedQuery()));
      expect(value?.slots).to.have.length(1);
      expect(requests).to.have.length(2);
    });

    it('reports repeated network failures as network, without the token', async () => {
      const down = () => new TypeError('Failed to fetch');
      const { clock, requests, transport } = setup([down(), down(), down(), down()]);
      const error = await failure(clock, transport.availability(normalisedQuery()));
      expect(error.kind).to.equal('network');
      expect(error.message).to.include('Failed to fetch');
      expect(error.message).not.to.include(TOKEN);
      expect(requests).to.have.length(4);
    });

    const final: [number, string][] = [
      [401, 'auth'],
      [403, 'forbidden'],
      [404, 'not_found'],
      [422, 'invalid_query'],
    ];
    for (const [status, kind] of final) {
      it(`reports ${status} as ${kind} without retrying`, async () => {
        const errors = { required_duration: [{ key: 'errors.required', description: 'required' }] };
        const { clock, requests, transport } = setup([
          json(status, { errors }),
          json(200, OK_BODY),
        ]);
        const error = await failure(clock, transport.availability(normalisedQuery()));
        expect(error.kind).to.equal(kind);
        expect(error.status).to.equal(status);
        expect(error.message).not.to.include(TOKEN);
        expect(requests).to.have.length(1);
        if (status === 422) expect(error.errors).to.deep.equal(errors);
      });
    }
  });

  describe('responses', () => {
    it('reports a body that is not JSON as bad_response without retrying', async () => {
      const { clock, requests, transport } = setup([text(200, '{"available_slots": [')]);
      const error = await failure(clock, transport.availability(normalisedQuery()));
      expect(error.kind).to.equal('bad_response');
      expect(error.message).to.match(/not JSON/);
      expect(requests).to.have.length(1);
    });

    it('reports a JSON body of the wrong shape as bad_response naming the field', async () => {
      const body = { available_slots: [SLOT, { ...SLOT, end: 'later' }] };
      const { clock, transport } = setup([json(200, body)]);
      const error = await failure(clock, transport.availability(normalisedQuery()));
      expect(error.kind).to.equal('bad_response');
      expect(error.message).to.equal('available_slots[1].end is not a valid instant');
    });

    it('surfaces member statuses and staleness', async () => {
      const statuses = [
        { sub: 'acc_a', sync_status: 'active' },
        { sub: 'acc_b', sync_status: 'pending' },
      ];
      const { clock, requests, transport } = setup([
        json(200, { available_slots: [], member_statuses: statuses }),
      ]);
      const query = normalisedQuery({ includeMemberStatuses: true });
      const { value } = await outcome(clock, transport.availability(query));
      expect(
        (requests[0].body as { include_member_statuses?: boolean }).include_member_statuses,
      ).to.equal(true);
      expect(value?.memberStatuses).to.deep.equal(statuses);
      expect(value?.stale).to.equal(true);
    });

    it('times out a hung response and reports it as network after its retries', async () => {
      const { clock, requests, transport } = setup(['hang', 'hang'], { timeoutMs: 50, retries: 1 });
      const error = await failure(clock, transport.availability(normalisedQuery()));
      expect(error.kind).to.equal('network');
      expect(error.message).to.match(/timed out after 50 ms/);
      expect(requests).to.have.length(2);
      expect(requests.every((r) => r.signal.aborted)).to.equal(true);
    });

    it('times out even a fetch that ignores its abort signal', async () => {
      const { clock, transport } = setup(['hang-ignoring-abort'], { timeoutMs: 50, retries: 0 });
      const error = await failure(clock, transport.availability(normalisedQuery()));
      expect(error.kind).to.equal('network');
      expect(clock.time).to.equal(50);
    });

    it('times out a response whose body never arrives', async () => {
      const stalled = () =>
        new Response(new ReadableStream({ start: () => undefined }), { status: 200 });
      const { clock, transport } = setup([stalled], { timeoutMs: 80, retries: 0 });
      const error = await failure(clock, transport.availability(normalisedQuery()));
      expect(error.kind).to.equal('network');
      expect(error.message).to.match(/timed out/);
    });
  });

  describe('de-duplication and cache', () => {
    it('sends one request for 20 identical concurrent queries', async () => {
      const gate = deferred<Response>();
      const { clock, requests, transport } = setup([() => gate.promise]);
      const calls = Array.from({ length: 20 }, () =>
        tracked(transport.availability(normalisedQuery())),
      );
      await clock.settle();
      expect(requests).to.have.length(1);
      gate.resolve(json(200, OK_BODY));
      await clock.runUntil(() => calls.every((c) => c.done));
      expect(calls.every((c) => c.value?.slots.length === 1)).to.equal(true);
      expect(new Set(calls.map((c) => c.value)).size).to.equal(1);
    });

    it('answers a repeated query from the cache, and asks again when fresh or expired', async () => {
      const { clock, requests, transport } = setup(
        [json(200, OK_BODY), json(200, OK_BODY), json(200, { available_slots: [] })],
        { cacheTtlMs: 60_000 },
      );
      const first = await outcome(clock, transport.availability(normalisedQuery()));
      const again = await outcome(clock, transport.availability(normalisedQuery()));
      expect(requests).to.have.length(1);
      expect(again.value).to.equal(first.value);
      await outcome(clock, transport.availability(normalisedQuery(), { fresh: true }));
      expect(requests).to.have.length(2);
      await clock.advance(60_001);
      const expired = await outcome(clock, transport.availability(normalisedQuery()));
      expect(requests).to.have.length(3);
      expect(expired.value?.slots).to.deep.equal([]);
    });

    it('keeps distinct queries apart and evicts the least recently used', async () => {
      const { clock, requests, transport } = setup(() => json(200, OK_BODY), { cacheSize: 2 });
      const q = (n: number) =>
        normalisedQuery({ queryPeriods: [{ start: T0, end: T0 + (n + 1) * HOUR }] });
      for (const n of [0, 1, 0, 2, 0, 1]) await outcome(clock, transport.availability(q(n)));
      // 0, 1 fetched; 0 cached; 2 fetched (evicts 1); 0 cached; 1 fetched again.
      expect(requests).to.have.length(4);
    });

    it('does not cache failures', async () => {
      const { clock, requests, transport } = setup([json(404, {}), json(200, OK_BODY)]);
      await failure(clock, transport.availability(normalisedQuery()));
      const { value } = await outcome(clock, transport.availability(normalisedQuery()));
      expect(value?.slots).to.have.length(1);
      expect(requests).to.have.length(2);
    });
  });

  describe('aborts', () => {
    it("rejects an aborted caller without aborting another caller's shared request", async () => {
      const gate = deferred<Response>();
      const { clock, requests, transport } = setup([() => gate.promise]);
      const controller = new AbortController();
      const first = tracked(
        transport.availability(normalisedQuery(), { signal: controller.signal }),
      );
      const second = tracked(transport.availability(normalisedQuery()));
      await clock.settle();
      controller.abort();
      await clock.settle();
      expect(first.done).to.equal(true);
      expect(isAbortError(first.error)).to.equal(true);
      expect((first.error as DOMException).name).to.equal('AbortError');
      expect(requests[0].signal.aborted).to.equal(false);
      gate.resolve(json(200, OK_BODY));
      await clock.runUntil(() => second.done);
      expect(second.value?.slots).to.have.length(1);
      expect(requests).to.have.length(1);
    });

    it('aborts the request when its last caller leaves, and starts afresh after', async () => {
      const { clock, requests, transport } = setup(['hang', json(200, OK_BODY)]);
      const a = new AbortController();
      const b = new AbortController();
      const first = tracked(transport.availability(normalisedQuery(), { signal: a.signal }));
      const second = tracked(transport.availability(normalisedQuery(), { signal: b.signal }));
      await clock.settle();
      a.abort();
      b.abort();
      await clock.settle();
      expect(isAbortError(first.error) && isAbortError(second.error)).to.equal(true);
      expect(requests[0].signal.aborted).to.equal(true);
      const { value } = await outcome(clock, transport.availability(normalisedQuery()));
      expect(value?.slots).to.have.length(1);
      expect(requests).to.have.length(2);
    });

    it('rejects at once for a signal already aborted', async () => {
      const { clock, requests, transport } = setup([json(200, OK_BODY)]);
      const { error } = await outcome(
        clock,
        transport.availability(normalisedQuery(), { signal: AbortSignal.abort() }),
      );
      expect(isAbortError(error)).to.equal(true);
      expect(requests).to.have.length(0);
    });

    it('stops retrying when aborted during backoff', async () => {
      const { clock, requests, transport } = setup([json(500, {}), json(200, OK_BODY)]);
      const controller = new AbortController();
      const call = tracked(
        transport.availability(normalisedQuery(), { signal: controller.signal }),
      );
      await clock.settle();
      expect(requests).to.have.length(1);
      controller.abort();
      await clock.runUntil(() => false);
      expect(isAbortError(call.error)).to.equal(true);
      expect(requests).to.have.length(1);
    });
  });

  describe('with LatestRequest, as controllers use it', () => {
    it('sends one request for rapid repeats of the same query and delivers the last', async () => {
      const gate = deferred<Response>();
      const { clock, requests, transport } = setup([() => gate.promise]);
      const latest = new LatestRequest<AvailabilityResult>();
      const runs = Array.from({ length: 10 }, () =>
        tracked(latest.run((signal) => transport.availability(normalisedQuery(), { signal }))),
      );
      await clock.settle();
      gate.resolve(json(200, OK_BODY));
      await clock.runUntil(() => runs.every((r) => r.done));
      expect(requests).to.have.length(1);
      expect(requests[0].signal.aborted).to.equal(false);
      expect(runs.slice(0, 9).every((r) => isAbortError(r.error))).to.equal(true);
      expect(runs[9].value?.slots).to.have.length(1);
    });

    it('aborts the request of a superseded query', async () => {
      const hour = { available_slots: [wireSlot(T0, T0 + HOUR)] };
      const { clock, requests, transport } = setup(['hang', json(200, hour)]);
      const latest = new LatestRequest<AvailabilityResult>();
      const older = tracked(
        latest.run((signal) => transport.availability(normalisedQuery(), { signal })),
      );
      await clock.settle();
      const query = normalisedQuery({ requiredDuration: 60 });
      const newer = tracked(latest.run((signal) => transport.availability(query, { signal })));
      await clock.runUntil(() => newer.done);
      expect(isAbortError(older.error)).to.equal(true);
      expect(requests[0].signal.aborted).to.equal(true);
      expect(requests).to.have.length(2);
      expect(newer.value?.slots).to.deep.equal(hour.available_slots);
    });
  });

  describe('rate limiting', () => {
    /** The most request starts in any half-open one-second window. */
    const busiestSecond = (starts: number[]) =>
      Math.max(...starts.map((t) => starts.filter((s) => s >= t && s < t + 1000).length));
    const distinct = (n: number) =>
      normalisedQuery({ queryPeriods: [{ start: T0, end: T0 + 8 * HOUR + n * MINUTE }] });

    it('never starts more than 50 requests in any second, whatever the caller does', async () => {
      const { clock, requests, transport } = setup(() => json(200, OK_BODY));
      const calls = Array.from({ length: 120 }, (_, n) =>
        tracked(transport.availability(distinct(n))),
      );
      await clock.runUntil(() => calls.every((c) => c.done));
      expect(calls.every((c) => c.value?.slots.length === 1)).to.equal(true);
      const starts = requests.map((r) => r.at);
      expect(starts).to.have.length(120);
      expect(busiestSecond(starts)).to.equal(50);
      expect(Math.max(...starts)).to.be.at.least(2000);
    });

    it('shares one budget between transports with the same API base and token', async () => {
      const clock = new FakeClock();
      const { fetch, requests } = scriptedFetch(clock, () => json(200, OK_BODY));
      const options = {
        apiBase: 'https://shared.example.test',
        token: TOKEN,
        fetch,
        now: clock.now,
        sleep: clock.sleep,
      };
      const one = new HttpTransport(options);
      const two = new HttpTransport(options);
      const calls = Array.from({ length: 80 }, (_, n) =>
        tracked((n % 2 ? one : two).availability(distinct(n))),
      );
      await clock.runUntil(() => calls.every((c) => c.done));
      expect(busiestSecond(requests.map((r) => r.at))).to.equal(50);
    });

    it('keeps under 500 requests a minute', async () => {
      const clock = new FakeClock();
      const limiter = new RateLimiter({ perSecond: 50, perMinute: 500 }, clock.now, clock.sleep);
      const starts: number[] = [];
      const grants = Array.from({ length: 520 }, () =>
        tracked(limiter.acquire().then(() => starts.push(clock.now()))),
      );
      await clock.runUntil(() => grants.every((g) => g.done));
      expect(starts.filter((t) => t < 60_000)).to.have.length(500);
      expect(starts[500]).to.equal(60_000);
    });

    it('lets an aborted waiter leave the queue', async () => {
      const clock = new FakeClock();
      const limiter = new RateLimiter({ perSecond: 1, perMinute: 10 }, clock.now, clock.sleep);
      const controller = new AbortController();
      const first = tracked(limiter.acquire());
      const waiting = tracked(limiter.acquire(controller.signal));
      const third = tracked(limiter.acquire());
      await clock.settle();
      expect(first.done && !waiting.done && !third.done).to.equal(true);
      controller.abort();
      await clock.settle();
      expect(isAbortError(waiting.error)).to.equal(true);
      await clock.runUntil(() => third.done);
      expect(clock.time).to.equal(1000);
    });
  });
});

describe('retryAfterSeconds', () => {
  it('reads delta-seconds and HTTP dates', () => {
    const now = Date.UTC(2026, 10, 25, 12);
    expect(retryAfterSeconds('3', now)).to.equal(3);
    expect(retryAfterSeconds(' 0 ', now)).to.equal(0);
    expect(retryAfterSeconds('Wed, 25 Nov 2026 12:00:10 GMT', now)).to.equal(10);
    expect(retryAfterSeconds('Wed, 25 Nov 2026 11:00:00 GMT', now)).to.equal(0);
    expect(retryAfterSeconds('soon', now)).to.equal(undefined);
    expect(retryAfterSeconds(null, now)).to.equal(undefined);
  });
});
