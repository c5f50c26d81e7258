/**
 * `RtsClient` over a scripted `fetch`: the token in the Authorization header only, the contract's
 * paths and bodies, response validation naming the bad path, and typed failures (401, 409 with
 * fresh slots, 410 with the link, 422 field errors, network, abort).
 */
import { expect } from '@open-wc/testing';
import { isAbortError, type SchedulingError } from '../../src/data/errors.js';
import {
  RtsClient,
  RtsConflictError,
  RtsLinkClosedError,
  rtsLinkFromBody,
  rtsSlotsFromBody,
} from '../../src/data/rts.js';

const TOKEN = 'rts_secret_token';

const LINK = {
  id: 'sch_1',
  status: 'open',
  summary: 'Intro call',
  description: null,
  location: 'Video call',
  duration_minutes: 30,
  organizer: { name: 'Ada', tzid: 'Europe/London' },
  fields: { name: 'required', email: 'optional', note: 'off' },
  window: { start: '2026-12-01T00:00:00Z', end: '2026-12-15T00:00:00Z' },
  display_message: null,
  booking: null,
};

const SLOT = {
  start: '2026-12-01T15:00:00Z',
  end: '2026-12-01T15:30:00Z',
  participants: [{ sub: 'a' }],
};

interface Sent {
  url: string;
  method: string;
  headers: Record<string, string>;
  body: unknown;
}

/** A client whose fetch answers `status` and `body` (or throws), recording what was sent. */
function clientAnswering(status: number, body: unknown) {
  const sent: Sent[] = [];
  const fetch = (async (input: RequestInfo | URL, init: RequestInit = {}) => {
    sent.push({
      url: String(input),
      method: init.method ?? 'GET',
      headers: init.headers as Record<string, string>,
      body: init.body === undefined ? undefined : JSON.parse(init.body as string),
    });
    if (body instanceof Error) throw body;
    return new Response(typeof body === 'string' ? body : JSON.stringify(body), { status });
  }) as typeof globalThis.fetch;
  return {
    client: new RtsClient({ apiBase: 'https://api.example.com/', token: TOKEN, fetch }),
    sent,
  };
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a rejection');
}

describe('RtsClient', () => {
  it('GETs the link with the token in the Authorization header only', async () => {
    const { client, sent } = clientAnswering(200, { link: LINK });
    const link = await client.link();
    expect(link.summary).to.equal('Intro call');
    expect(link.fields).to.deep.equal({ name: 'required', email: 'optional', note: 'off' });
    expect(sent).to.have.length(1);
    expect(sent[0]!.url).to.equal('https://api.example.com/v1/rts/link');
    expect(sent[0]!.method).to.equal('GET');
    expect(sent[0]!.headers.Authorization).to.equal(`Bearer ${TOKEN}`);
    expect(sent[0]!.url).not.to.contain(TOKEN);
  });

  it('POSTs slots and bookings in the contract shape', async () => {
    const slots = clientAnswering(200, { available_slots: [SLOT, SLOT] });
    expect(await slots.client.slots({ start: '2026-12-01T00:00:00Z' })).to.deep.equal([SLOT]);
    expect(slots.sent[0]!.url).to.equal('https://api.example.com/v1/rts/slots');
    expect(slots.sent[0]!.body).to.deep.equal({ start: '2026-12-01T00:00:00Z' });

    const booking = {
      event_id: 'evt_1',
      summary: 'Intro call',
      start: SLOT.start,
      end: SLOT.end,
      tzid: 'Europe/London',
      organizer: { name: 'Ada', tzid: 'Europe/London' },
      recipient: { name: 'Grace' },
      redirect_url: null,
    };
    const book = clientAnswering(201, { booking });
    const request = { slot: { start: SLOT.start, end: SLOT.end }, recipient: { name: 'Grace' } };
    expect(await book.client.book(request)).to.deep.equal(booking);
    expect(book.sent[0]!.url).to.equal('https://api.example.com/v1/rts/bookings');
    expect(book.sent[0]!.body).to.deep.equal(request);

    const signal = clientAnswering(202, '');
    await signal.client.noTimesSuitable();
    await signal.client.noTimesDisplayed();
    expect(signal.sent.map((s) => s.url)).to.deep.equal([
      'https://api.example.com/v1/rts/no_times_suitable',
      'https://api.example.com/v1/rts/no_times_displayed',
    ]);
  });

  it('rejects a 409 with the fresh slots and a 410 with the link', async () => {
    const conflict = clientAnswering(409, {
      errors: { slot: [{ key: 'errors.slot_unavailable', description: 'taken' }] },
      available_slots: [SLOT],
    });
    const error = await rejection(
      conflict.client.book({ slot: { start: SLOT.start, end: SLOT.end }, recipient: {} }),
    );
    expect(error).to.be.instanceOf(RtsConflictError);
    expect((error as RtsConflictError).kind).to.equal('conflict');
    expect((error as RtsConflictError).availableSlots).to.deep.equal([SLOT]);

    const lost = clientAnswering(409, {
      errors: { slot: [{ key: 'errors.slot_unavailable', description: 'taken' }] },
      available_slots: [],
      link: { ...LINK, status: 'completed', booking: { start: SLOT.start, end: SLOT.end } },
    });
    const raced = await rejection(
      lost.client.book({ slot: { start: SLOT.start, end: SLOT.end }, recipient: {} }),
    );
    expect((raced as RtsConflictError).link!.booking).to.deep.equal({
      start: SLOT.start,
      end: SLOT.end,
    });
    expect((error as RtsConflictError).link).to.equal(undefined);

    const closed = clientAnswering(410, {
      errors: { link: [{ key: 'errors.link_expired', description: 'expired' }] },
      link: { ...LINK, status: 'expired' },
    });
    const gone = await rejection(closed.client.slots());
    expect(gone).to.be.instanceOf(RtsLinkClosedError);
    expect((gone as RtsLinkClosedError).kind).to.equal('gone');
    expect((gone as RtsLinkClosedError).link!.status).to.equal('expired');
    expect((gone as Error).message).to.contain('errors.link_expired');
  });

  it('types 401, 422 field errors and network failures, never naming the token', async () => {
    const auth = await rejection(clientAnswering(401, { errors: {} }).client.link());
    expect((auth as SchedulingError).kind).to.equal('auth');

    const fields = await rejection(
      clientAnswering(422, {
        errors: { 'recipient.email': [{ key: 'errors.invalid', description: 'not an email' }] },
      }).client.book({ slot: { start: SLOT.start, end: SLOT.end }, recipient: { email: 'x' } }),
    );
    expect((fields as SchedulingError).kind).to.equal('invalid_query');
    expect((fields as SchedulingError).errors).to.deep.equal({
      'recipient.email': [{ key: 'errors.invalid', description: 'not an email' }],
    });

    const network = await rejection(clientAnswering(0, new TypeError('offline')).client.link());
    expect((network as SchedulingError).kind).to.equal('network');
    for (const error of [auth, fields, network]) {
      expect((error as Error).message).not.to.contain(TOKEN);
    }
  });

  it('reports an API base that is not an http(s) URL as a config error, without a request', async () => {
    for (const [apiBase, says] of [
      ['ftp://files.example.com', 'is not an http or https URL'],
      ['http://[not a host', 'is not a URL'],
    ] as const) {
      let requests = 0;
      const fetch = (async () => {
        requests++;
        return new Response('{}');
      }) as typeof globalThis.fetch;
      const error = await rejection(new RtsClient({ apiBase, token: TOKEN, fetch }).link());
      expect((error as SchedulingError).kind, apiBase).to.equal('config');
      expect((error as Error).message)
        .to.contain(says)
        .and.contain('api-base');
      expect(requests).to.equal(0);
    }
  });

  it('rejects malformed bodies as bad_response, naming the path', async () => {
    const cases: [unknown, string][] = [
      [{ link: { ...LINK, status: 'maybe' } }, 'link.status'],
      [{ link: { ...LINK, organizer: { name: 'Ada', tzid: 'Mars/Base' } } }, 'link.organizer.tzid'],
      [{ link: { ...LINK, fields: { name: 'sometimes' } } }, 'link.fields.name'],
      [{ link: { ...LINK, window: { start: 'soon', end: LINK.window.end } } }, 'link.window.start'],
      [{ link: { ...LINK, duration_minutes: -5 } }, 'link.duration_minutes'],
      ['<html>', 'not JSON'],
    ];
    for (const [body, path] of cases) {
      const error = await rejection(clientAnswering(200, body).client.link());
      expect((error as SchedulingError).kind, path).to.equal('bad_response');
      expect((error as Error).message).to.contain(path);
    }
    expect(() => rtsSlotsFromBody([{ ...SLOT, end: '2026-12-01T14:00:00Z' }])).to.throw(
      'available_slots[0].end must be after',
    );
    expect(() => rtsSlotsFromBody([{ start: SLOT.start, end: SLOT.end }])).to.throw(
      'available_slots[0].participants must be an array',
    );
    expect(rtsLinkFromBody({ ...LINK, description: undefined }).description).to.equal(null);
  });

  it('rejects with an AbortError when the caller aborts', async () => {
    const controller = new AbortController();
    const fetch = ((_input: RequestInfo | URL, init: RequestInit = {}) =>
      new Promise((_, reject) =>
        init.signal?.addEventListener('abort', () =>
          reject(new DOMException('aborted', 'AbortError')),
        ),
      )) as typeof globalThis.fetch;
    const client = new RtsClient({ token: TOKEN, fetch });
    const pending = client.link({ signal: controller.signal });
    controller.abort();
    expect(isAbortError(await rejection(pending))).to.equal(true);
  });
});
