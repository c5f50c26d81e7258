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

/** One scripted answer: a status and body (a string is sent as is), or an error to throw. */
interface Scripted {
  status?: number;
  body: unknown;
  headers?: Record<string, string>;
}

/**
 * A client whose fetch gives the `answers` in turn (the last one again once they run out),
 * recording what was sent; waits between retries are recorded in `waits` and take no time.
 */
function clientScripted(answers: Scripted[]) {
  const sent: Sent[] = [];
  const waits: number[] = [];
  const fetch = (async (input: RequestInfo | URL, init: RequestInit = {}) => {
    sent.push({
      url: String(input),
      method: init.method ?? 'GET',
      headers: init.headers as Record<string, string>,
      body: init.body === undefined ? undefined : JSON.parse(init.body as string),
    });
    const { status = 200, body, headers } = answers[Math.min(sent.length, answers.length) - 1]!;
    if (body instanceof Error) throw body;
    const text = typeof body === 'string' ? body : JSON.stringify(body);
    return new Response(text, { status, ...(headers ? { headers } : {}) });
  }) as typeof globalThis.fetch;
  const client = new RtsClient({
    apiBase: 'https://api.example.com/',
    token: TOKEN,
    fetch,
    random: () => 0.5,
    sleep: async (ms) => {
      waits.push(ms);
    },
  });
  return { client, sent, waits };
}

/** A client whose fetch always answers `status` and `body` (or throws), recording what was sent. */
function clientAnswering(status: number, body: unknown) {
  return clientScripted([{ status, body }]);
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
    expect((gone as Error).message).to.equal('HTTP 410: expired');
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

  it('follows a full page of slots with the times after it, overlapping or not', async () => {
    const iso = (ms: number) => new Date(ms).toISOString().replace('.000Z', 'Z');
    const t0 = Date.parse('2026-12-01T00:00:00Z');
    for (const [label, count, every] of [
      ['overlapping 30-minute slots every 15 minutes', 1300, 15],
      ['back-to-back 30-minute slots', 600, 30],
    ] as const) {
      const offered = Array.from({ length: count }, (_, i) => ({
        start: iso(t0 + i * every * 60_000),
        end: iso(t0 + (i * every + 30) * 60_000),
        participants: [{ sub: 'a' }],
      }));
      const bodies: unknown[] = [];
      // Like the API: the slots starting at or after `start`, at most 512.
      const fetch = (async (_input: RequestInfo | URL, init: RequestInit = {}) => {
        const body = JSON.parse(init.body as string) as { start?: string };
        bodies.push(body);
        const from = body.start === undefined ? -Infinity : Date.parse(body.start);
        const page = offered.filter((o) => Date.parse(o.start) >= from).slice(0, 512);
        return new Response(JSON.stringify({ available_slots: page }));
      }) as typeof globalThis.fetch;
      const client = new RtsClient({ token: TOKEN, fetch, apiBase: 'https://api.example.com' });
      expect(await client.slots(), label).to.deep.equal(offered);
      const last = offered[511]!;
      expect(bodies[0], label).to.deep.equal({});
      expect(bodies[1], label).to.deep.equal({
        start: every === 15 ? iso(Date.parse(last.start) + 60_000) : last.end,
      });
      expect(bodies.length, label).to.equal(Math.ceil(count / 512));
    }
  });

  it('asks for the link and the slots again after network failures, 5xx and 429, then answers', async () => {
    const offline = { body: new TypeError('Failed to fetch') };
    const link = clientScripted([offline, { status: 502, body: '' }, { body: { link: LINK } }]);
    expect((await link.client.link()).id).to.equal('sch_1');
    expect(link.sent).to.have.length(3);
    // Full jitter below 300 ms, then below 600 ms (random() is 0.5 here).
    expect(link.waits).to.deep.equal([150, 300]);

    const busy = { errors: { rate: [{ key: 'errors.rate_limited', description: 'slow down' }] } };
    const slots = clientScripted([
      { status: 429, body: busy, headers: { 'Retry-After': '2' } },
      { body: { available_slots: [SLOT] } },
    ]);
    expect(await slots.client.slots()).to.deep.equal([SLOT]);
    expect(slots.sent.map((s) => s.url)).to.deep.equal([
      'https://api.example.com/v1/rts/slots',
      'https://api.example.com/v1/rts/slots',
    ]);
    expect(slots.waits).to.deep.equal([2000], 'the server asked for 2 s');
  });

  it('reports the last failure once the retries are spent, or at once when waiting would be too long', async () => {
    const down = clientAnswering(503, { errors: {} });
    const error = await rejection(down.client.slots());
    expect((error as SchedulingError).kind).to.equal('server');
    expect((error as SchedulingError).status).to.equal(503);
    expect(down.sent).to.have.length(4, 'the first attempt and three retries');

    const later = clientScripted([{ status: 429, body: '', headers: { 'Retry-After': '3600' } }]);
    expect(((await rejection(later.client.link())) as SchedulingError).kind).to.equal(
      'rate_limited',
    );
    expect(later.sent).to.have.length(1);
    expect(later.waits).to.deep.equal([]);
  });

  it('sends a booking and the signals once, and never repeats a 4xx or a bad answer', async () => {
    const request = { slot: { start: SLOT.start, end: SLOT.end }, recipient: {} };
    const lost = clientAnswering(0, new TypeError('Failed to fetch'));
    const failures = [
      await rejection(lost.client.book(request)),
      await rejection(lost.client.noTimesSuitable()),
      await rejection(lost.client.noTimesDisplayed()),
    ];
    expect(failures.map((e) => (e as SchedulingError).kind)).to.deep.equal([
      'network',
      'network',
      'network',
    ]);
    expect(lost.sent).to.have.length(3, 'one request each');

    for (const [status, body, kind] of [
      [401, { errors: {} }, 'auth'],
      [404, { errors: {} }, 'not_found'],
      [200, '<html>', 'bad_response'],
    ] as const) {
      const once = clientAnswering(status, body);
      expect(((await rejection(once.client.link())) as SchedulingError).kind).to.equal(kind);
      expect(once.sent, String(status)).to.have.length(1);
    }
  });

  it('stops retrying when the caller aborts during a wait', async () => {
    const controller = new AbortController();
    let requests = 0;
    const fetch = (async () => {
      requests++;
      throw new TypeError('Failed to fetch');
    }) as typeof globalThis.fetch;
    const client = new RtsClient({
      token: TOKEN,
      fetch,
      sleep: (_ms, signal) =>
        new Promise((_, reject) => {
          controller.abort();
          signal?.addEventListener('abort', () =>
            reject(new DOMException('aborted', 'AbortError')),
          );
          if (signal?.aborted) reject(new DOMException('aborted', 'AbortError'));
        }),
    });
    const error = await rejection(client.slots({}, { signal: controller.signal }));
    expect(isAbortError(error)).to.equal(true);
    expect(requests).to.equal(1);
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
