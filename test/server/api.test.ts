import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it } from 'node:test';
import type { AvailabilityQuery } from '../../src/core/types.js';
import { startServer, type TestServer } from './api-server.js';

const ORIGIN = 'https://app.example.com';
const PERIOD = { start: '2026-12-01T09:00:00Z', end: '2026-12-04T00:00:00Z' };

function queryFor(subs: string[], extra: Partial<AvailabilityQuery> = {}): AvailabilityQuery {
  return {
    participants: [{ members: subs.map((sub) => ({ sub })), required: 'all' }],
    required_duration: { minutes: 30 },
    query_periods: [PERIOD],
    ...extra,
  };
}

const ADA_AND_BRUNO = queryFor(['acc_demo_ada', 'acc_demo_bruno']);

let server: TestServer;

/** An element token from the API itself. */
async function tokenFor(subs: string[], origin = ORIGIN): Promise<string> {
  const reply = await server.send('POST', '/v1/element_tokens', {
    token: server.api.clientSecret,
    body: { version: '1', permissions: ['availability'], subs, origin },
  });
  assert.equal(reply.status, 200);
  return reply.body.element_token.token as string;
}

/** The single error of a 4xx reply, as `[field, key]`. */
function onlyError(body: { errors: Record<string, { key: string }[]> }): [string, string] {
  const fields = Object.keys(body.errors);
  assert.equal(fields.length, 1, JSON.stringify(body));
  assert.equal(body.errors[fields[0]].length, 1);
  return [fields[0], body.errors[fields[0]][0].key];
}

beforeEach(async () => {
  server = await startServer({ demoOrigin: ORIGIN });
});

afterEach(async () => {
  await server.close();
});

describe('POST /v1/availability', () => {
  it('answers a query with the demo element token: periods free for everyone, inside the query', async () => {
    const reply = await server.send('POST', '/v1/availability', {
      token: server.api.demoElementToken,
      body: ADA_AND_BRUNO,
    });
    assert.equal(reply.status, 200);
    assert.equal(reply.headers.get('content-type'), 'application/json; charset=utf-8');
    const periods = reply.body.available_periods as { start: string; end: string }[];
    assert.ok(periods.length > 0);
    const source = server.api.store.calendarSource();
    for (const period of periods) {
      const start = Date.parse(period.start);
      const end = Date.parse(period.end);
      assert.ok(start >= Date.parse(PERIOD.start) && end <= Date.parse(PERIOD.end));
      assert.ok(end - start >= 30 * 60_000);
      for (const sub of ['acc_demo_ada', 'acc_demo_bruno']) {
        assert.deepEqual(
          source.busy(sub, undefined, { start, end }),
          [],
          `${sub} busy in ${period.start}`,
        );
      }
    }
  });

  it('answers a client-secret caller too, with slots when asked', async () => {
    const reply = await server.send('POST', '/v1/availability', {
      token: server.api.clientSecret,
      body: queryFor(['acc_demo_dagny'], { response_format: 'slots', max_results: 5 }),
    });
    assert.equal(reply.status, 200);
    assert.equal(reply.body.available_slots.length, 5);
    assert.deepEqual(reply.body.available_slots[0].participants, [{ sub: 'acc_demo_dagny' }]);
  });

  it('honours calendar_ids: personal events alone leave working meetings free', async () => {
    const personalOnly = queryFor([], { response_format: 'slots', max_results: 512 });
    personalOnly.participants[0].members = [
      { sub: 'acc_demo_ada', calendar_ids: ['cal_demo_ada_personal'] },
    ];
    const both = await server.send('POST', '/v1/availability', {
      token: server.api.clientSecret,
      body: queryFor(['acc_demo_ada'], { response_format: 'slots', max_results: 512 }),
    });
    const personal = await server.send('POST', '/v1/availability', {
      token: server.api.clientSecret,
      body: personalOnly,
    });
    assert.equal(personal.status, 200);
    assert.ok(personal.body.available_slots.length > both.body.available_slots.length);
  });

  it('rejects a request without credentials with 401', async () => {
    const reply = await server.send('POST', '/v1/availability', { body: ADA_AND_BRUNO });
    assert.equal(reply.status, 401);
    assert.deepEqual(onlyError(reply.body), ['authorization', 'errors.missing_credentials']);
  });

  it('rejects an unknown token and a malformed header with 401', async () => {
    for (const headers of [
      { Authorization: 'Bearer et_not_a_token' },
      { Authorization: `Basic ${server.api.clientSecret}` },
    ]) {
      const reply = await server.send('POST', '/v1/availability', { headers, body: ADA_AND_BRUNO });
      assert.equal(reply.status, 401);
      assert.deepEqual(onlyError(reply.body), ['authorization', 'errors.invalid_credentials']);
    }
  });

  it('rejects an expired element token with 401', async () => {
    const token = await tokenFor(['acc_demo_ada']);
    server.advance(64_800_000);
    const reply = await server.send('POST', '/v1/availability', {
      token,
      body: queryFor(['acc_demo_ada']),
    });
    assert.equal(reply.status, 401);
    assert.deepEqual(onlyError(reply.body), ['authorization', 'errors.expired_token']);
  });

  it('forbids subs outside the element token with 403 on the member', async () => {
    const token = await tokenFor(['acc_demo_ada']);
    const reply = await server.send('POST', '/v1/availability', { token, body: ADA_AND_BRUNO });
    assert.equal(reply.status, 403);
    assert.deepEqual(onlyError(reply.body), [
      'participants[0].members[1].sub',
      'errors.forbidden_sub',
    ]);
  });

  it('forbids an element token from another origin with 403, and grants CORS to its own', async () => {
    const token = await tokenFor(['acc_demo_ada', 'acc_demo_bruno']);
    const other = await server.send('POST', '/v1/availability', {
      token,
      body: ADA_AND_BRUNO,
      headers: { Origin: 'https://evil.example.net' },
    });
    assert.equal(other.status, 403);
    assert.deepEqual(onlyError(other.body), ['origin', 'errors.origin_not_allowed']);
    assert.equal(other.headers.get('access-control-allow-origin'), null);
    const own = await server.send('POST', '/v1/availability', {
      token,
      body: ADA_AND_BRUNO,
      headers: { Origin: ORIGIN },
    });
    assert.equal(own.status, 200);
    assert.equal(own.headers.get('access-control-allow-origin'), ORIGIN);
    assert.equal(own.headers.get('access-control-expose-headers'), 'Retry-After');
    assert.equal(own.headers.get('vary'), 'Origin');
  });

  it('forbids an element token without the availability permission with 403', async () => {
    const issued = await server.send('POST', '/v1/element_tokens', {
      token: server.api.clientSecret,
      body: { version: '1', permissions: ['agenda'], subs: ['acc_demo_ada'], origin: ORIGIN },
    });
    const reply = await server.send('POST', '/v1/availability', {
      token: issued.body.element_token.token,
      body: queryFor(['acc_demo_ada']),
    });
    assert.equal(reply.status, 403);
    assert.deepEqual(onlyError(reply.body), ['permissions', 'errors.missing_permission']);
  });

  it('reports invalid fields with 422 in the API error shape', async () => {
    const { required_duration: _dropped, ...noDuration } = ADA_AND_BRUNO;
    const reply = await server.send('POST', '/v1/availability', {
      token: server.api.clientSecret,
      body: noDuration,
    });
    assert.equal(reply.status, 422);
    const [field, errors] = Object.entries(reply.body.errors)[0] as [string, unknown[]];
    assert.match(field, /required_duration/);
    assert.ok(errors.length > 0);
    for (const error of errors as { key: string; description: string }[]) {
      assert.match(error.key, /^errors\./);
      assert.equal(typeof error.description, 'string');
    }
  });

  it('refuses with 422, at once, a query reaching further than a year (the engine would build centuries of free time)', async () => {
    const token = await tokenFor(['acc_demo_ada']);
    for (const format of ['slots', 'overlapping_slots', 'periods']) {
      const started = performance.now();
      const reply = await server.send('POST', '/v1/availability', {
        token,
        body: {
          ...queryFor(['acc_demo_ada']),
          query_periods: [{ start: '0001-01-01T00:00:00Z', end: '9999-12-31T00:00:00Z' }],
          response_format: format,
          max_results: 1,
        },
        headers: { Origin: ORIGIN },
      });
      assert.equal(reply.status, 422, format);
      assert.deepEqual(onlyError(reply.body), ['query_periods', 'errors.out_of_range']);
      assert.match(reply.body.errors.query_periods[0].description, /at most 366 days/);
      assert.ok(performance.now() - started < 1000, 'answered at once');
    }
    const year = await server.send('POST', '/v1/availability', {
      token,
      body: {
        ...queryFor(['acc_demo_ada']),
        query_periods: [{ start: '2027-01-01T00:00:00Z', end: '2028-01-01T00:00:00Z' }],
        max_results: 1,
      },
      headers: { Origin: ORIGIN },
    });
    assert.equal(year.status, 200, 'a year is answered');
  });

  it('reports unknown subs and calendars with 422 on their fields', async () => {
    const body = queryFor(['acc_demo_ada', 'acc_nobody']);
    body.participants[0].members[0].calendar_ids = ['cal_demo_ada_work', 'cal_demo_bruno_work'];
    const reply = await server.send('POST', '/v1/availability', {
      token: server.api.clientSecret,
      body,
    });
    assert.equal(reply.status, 422);
    assert.deepEqual(Object.keys(reply.body.errors).sort(), [
      'participants[0].members[0].calendar_ids[1]',
      'participants[0].members[1].sub',
    ]);
    assert.equal(reply.body.errors['participants[0].members[1].sub'][0].key, 'errors.unknown_sub');
  });

  it('reports a body that is not JSON with 422 on body', async () => {
    const reply = await server.send('POST', '/v1/availability', {
      token: server.api.clientSecret,
      body: '{"participants": [',
    });
    assert.equal(reply.status, 422);
    assert.deepEqual(onlyError(reply.body), ['body', 'errors.invalid_json']);
  });

  it('refuses a body not sent as JSON with 415', async () => {
    const reply = await server.send('POST', '/v1/availability', {
      token: server.api.clientSecret,
      body: JSON.stringify(ADA_AND_BRUNO),
      headers: { 'Content-Type': 'text/plain' },
    });
    assert.equal(reply.status, 415);
    assert.deepEqual(onlyError(reply.body), ['content_type', 'errors.unsupported_media_type']);
  });

  it('refuses a body over 64 KiB with 413', async () => {
    const huge = { ...ADA_AND_BRUNO, padding: 'x'.repeat(70_000) };
    const reply = await server.send('POST', '/v1/availability', {
      token: server.api.clientSecret,
      body: huge,
    });
    assert.equal(reply.status, 413);
    assert.deepEqual(onlyError(reply.body), ['body', 'errors.too_large']);
  });
});

describe('POST /v1/element_tokens', () => {
  it('issues a token for subs and an origin, in the compatible shape', async () => {
    const reply = await server.send('POST', '/v1/element_tokens', {
      token: server.api.clientSecret,
      body: {
        version: '1',
        permissions: ['agenda', 'availability'],
        subs: ['acc_demo_ada'],
        origin: 'http://localhost:8000',
      },
    });
    assert.equal(reply.status, 200);
    const { token, ...rest } = reply.body.element_token;
    assert.deepEqual(rest, {
      permissions: ['agenda', 'availability'],
      origin: 'http://localhost:8000',
      expires_in: 64_800,
    });
    assert.match(token, /^et_/);
    const use = await server.send('POST', '/v1/availability', {
      token,
      body: queryFor(['acc_demo_ada']),
      headers: { Origin: 'http://localhost:8000' },
    });
    assert.equal(use.status, 200);
  });

  it('needs the client secret: 401 without it, 403 with an element token', async () => {
    const body = {
      version: '1',
      permissions: ['availability'],
      subs: ['acc_demo_ada'],
      origin: ORIGIN,
    };
    const none = await server.send('POST', '/v1/element_tokens', { body });
    assert.equal(none.status, 401);
    const element = await server.send('POST', '/v1/element_tokens', {
      token: server.api.demoElementToken,
      body,
    });
    assert.equal(element.status, 403);
    assert.deepEqual(onlyError(element.body), ['authorization', 'errors.client_secret_required']);
  });

  it('reports every missing or invalid field with 422', async () => {
    const missing = await server.send('POST', '/v1/element_tokens', {
      token: server.api.clientSecret,
      body: {},
    });
    assert.equal(missing.status, 422);
    assert.deepEqual(Object.keys(missing.body.errors).sort(), [
      'origin',
      'permissions',
      'subs',
      'version',
    ]);
    assert.ok(
      Object.values(missing.body.errors).every(
        (e) => (e as { key: string }[])[0].key === 'errors.required',
      ),
    );
    const invalid = await server.send('POST', '/v1/element_tokens', {
      token: server.api.clientSecret,
      body: {
        version: 2,
        permissions: ['availability', 'everything'],
        subs: ['acc_demo_ada', 'acc_nobody'],
        origin: 'https://app.example.com/page',
      },
    });
    assert.equal(invalid.status, 422);
    assert.deepEqual(
      Object.fromEntries(
        Object.entries(invalid.body.errors).map(([f, e]) => [f, (e as { key: string }[])[0].key]),
      ),
      {
        version: 'errors.invalid',
        'permissions[1]': 'errors.unknown_permission',
        'subs[1]': 'errors.unknown_sub',
        origin: 'errors.invalid_origin',
      },
    );
    const notObject = await server.send('POST', '/v1/element_tokens', {
      token: server.api.clientSecret,
      body: [],
    });
    assert.equal(notObject.status, 422);
    assert.deepEqual(onlyError(notObject.body), ['body', 'errors.invalid_type']);
  });
});

describe('routing', () => {
  it('answers 404 for an unknown path under /v1/ and leaves other paths alone', async () => {
    const missing = await server.send('GET', '/v1/nothing', { token: server.api.clientSecret });
    assert.equal(missing.status, 404);
    assert.deepEqual(onlyError(missing.body), ['path', 'errors.not_found']);
    const elsewhere = await server.send('GET', '/index.html');
    assert.equal(elsewhere.status, 418);
  });

  it('answers 405 with Allow for a wrong method', async () => {
    const reply = await server.send('GET', '/v1/availability', {
      token: server.api.clientSecret,
    });
    assert.equal(reply.status, 405);
    assert.equal(reply.headers.get('allow'), 'POST, OPTIONS');
    assert.deepEqual(onlyError(reply.body), ['method', 'errors.method_not_allowed']);
  });
});

describe('CORS', () => {
  it('answers a preflight from a token origin, naming the origin and headers', async () => {
    const reply = await server.send('OPTIONS', '/v1/availability', {
      headers: {
        Origin: ORIGIN,
        'Access-Control-Request-Method': 'POST',
        'Access-Control-Request-Headers': 'authorization, content-type',
      },
    });
    assert.equal(reply.status, 204);
    assert.equal(reply.headers.get('access-control-allow-origin'), ORIGIN);
    assert.equal(reply.headers.get('access-control-allow-methods'), 'POST, OPTIONS');
    assert.equal(reply.headers.get('access-control-allow-headers'), 'Authorization, Content-Type');
    assert.equal(reply.headers.get('access-control-allow-credentials'), null);
  });

  it('refuses a preflight from an origin no token was issued for', async () => {
    const reply = await server.send('OPTIONS', '/v1/availability', {
      headers: { Origin: 'https://evil.example.net', 'Access-Control-Request-Method': 'POST' },
    });
    assert.equal(reply.status, 403);
    assert.equal(reply.headers.get('access-control-allow-origin'), null);
    assert.deepEqual(onlyError(reply.body), ['origin', 'errors.origin_not_allowed']);
  });
});

describe('rate limits', () => {
  it('allow 50 requests a second per token, then 429 with Retry-After, readable cross-origin', async () => {
    const token = server.api.demoElementToken;
    const body = queryFor(['acc_demo_ada'], { max_results: 1 });
    const send = () =>
      server.send('POST', '/v1/availability', { token, body, headers: { Origin: ORIGIN } });
    for (let i = 0; i < 50; i++) assert.equal((await send()).status, 200);
    const limited = await send();
    assert.equal(limited.status, 429);
    assert.equal(limited.headers.get('retry-after'), '1');
    assert.equal(limited.headers.get('access-control-allow-origin'), ORIGIN);
    assert.deepEqual(onlyError(limited.body), ['rate_limit', 'errors.rate_limited']);
    const secret = await server.send('POST', '/v1/availability', {
      token: server.api.clientSecret,
      body,
    });
    assert.equal(secret.status, 200, 'another credential has its own budget');
    server.advance(1000);
    assert.equal((await send()).status, 200);
  });

  it('allow 500 requests a minute per token, then 429 until the minute has passed', async () => {
    const token = server.api.clientSecret;
    const send = () => server.send('POST', '/v1/element_tokens', { token, body: {} });
    for (let second = 0; second < 10; second++) {
      for (let i = 0; i < 50; i++) assert.equal((await send()).status, 422);
      server.advance(1000);
    }
    const limited = await send();
    assert.equal(limited.status, 429);
    assert.equal(limited.headers.get('retry-after'), '50');
    server.advance(50_000);
    assert.equal((await send()).status, 422);
  });
});
