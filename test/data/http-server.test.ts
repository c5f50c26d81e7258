import { expect } from '@open-wc/testing';
import { parseQuery } from '../../src/core/query.js';
import type { NormalisedQuery } from '../../src/core/types.js';
import { DEMO_PEOPLE, defaultDemoQuery } from '../../src/data/demo-calendars.js';
import { SchedulingError } from '../../src/data/errors.js';
import { HttpTransport } from '../../src/data/http.js';

/**
 * HttpTransport against the embedded API the test runner serves on the page's own origin, with
 * the real `fetch`: an element token is issued the way an app's backend would issue one.
 */

async function elementToken(subs: string[]): Promise<string> {
  const { client_secret } = (await (await fetch('/__test__/credentials')).json()) as {
    client_secret: string;
  };
  const reply = await fetch('/v1/element_tokens', {
    method: 'POST',
    headers: { Authorization: `Bearer ${client_secret}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({
      version: '1',
      permissions: ['availability'],
      subs,
      origin: location.origin,
    }),
  });
  expect(reply.status).to.equal(200);
  return ((await reply.json()) as { element_token: { token: string } }).element_token.token;
}

function demoQuery(): NormalisedQuery {
  const parsed = parseQuery({ ...defaultDemoQuery(Date.now()), include_member_statuses: true });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return parsed.query;
}

async function failure(promise: Promise<unknown>): Promise<SchedulingError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).to.be.instanceOf(SchedulingError);
  return error as SchedulingError;
}

describe('HttpTransport against the embedded API', () => {
  let token: string;
  before(async () => {
    token = await elementToken(DEMO_PEOPLE.slice(0, 3).map((p) => p.sub));
  });

  it('answers the demo query with validated periods and member statuses', async () => {
    const query = demoQuery();
    const transport = new HttpTransport({ apiBase: location.origin, token });
    const result = await transport.availability(query);
    expect(result.format).to.equal('periods');
    expect(result.slots.length).to.be.greaterThan(0);
    const [period] = query.queryPeriods;
    for (const slot of result.slots) {
      expect(Date.parse(slot.start)).to.be.at.least(period.start);
      expect(Date.parse(slot.end)).to.be.at.most(period.end);
    }
    expect(result.memberStatuses.map((s) => s.sub)).to.deep.equal(
      DEMO_PEOPLE.slice(0, 3).map((p) => p.sub),
    );
  });

  it('reports a wrong token as auth', async () => {
    const transport = new HttpTransport({ apiBase: location.origin, token: 'et_not_issued' });
    const error = await failure(transport.availability(demoQuery()));
    expect(error.kind).to.equal('auth');
    expect(error.status).to.equal(401);
    expect(error.message).not.to.include('et_not_issued');
  });

  it('reports a sub the token does not cover as forbidden', async () => {
    const transport = new HttpTransport({ apiBase: location.origin, token });
    const query = demoQuery();
    query.participants = [{ members: [{ sub: DEMO_PEOPLE[4].sub }], required: 'all' }];
    const error = await failure(transport.availability(query));
    expect(error.kind).to.equal('forbidden');
  });

  it('reports a query the API rejects as invalid_query with field errors', async () => {
    const transport = new HttpTransport({ apiBase: location.origin, token });
    const error = await failure(transport.availability({ ...demoQuery(), maxResults: 9999 }));
    expect(error.kind).to.equal('invalid_query');
    expect(error.status).to.equal(422);
    expect(Object.keys(error.errors ?? {})).to.deep.equal(['max_results']);
  });
});
