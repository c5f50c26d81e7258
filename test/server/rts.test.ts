import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { NOW, startServer, type Reply, type TestServer } from './api-server.js';
import {
  eventually,
  expectedSignature,
  linkRequest,
  startReceiver,
  type Receiver,
} from './rts-helpers.js';

const PERIOD = { start: '2026-12-01T09:00:00Z', end: '2026-12-04T00:00:00Z' };
const ADA = 'acc_demo_ada';
const BRUNO = 'acc_demo_bruno';
const MINUTE = 60_000;

let server: TestServer;
let receiver: Receiver;

interface Slot {
  start: string;
  end: string;
  participants: { sub: string }[];
}

beforeEach(async () => {
  receiver = await startReceiver();
  server = await startServer({ webhooks: { retryBaseMs: 20, retryMaxMs: 200 } });
});

afterEach(async () => {
  await server.close();
  await receiver.close();
});

/** Creates a link with the client secret; returns its id, token and url. */
async function createLink(extra: Record<string, unknown> = {}, subs = [ADA]) {
  const reply = await server.send('POST', '/v1/real_time_scheduling', {
    token: server.api.clientSecret,
    body: linkRequest(subs, PERIOD, extra),
  });
  assert.equal(reply.status, 200, JSON.stringify(reply.body));
  const { real_time_scheduling_id: id, url } = reply.body.real_time_scheduling;
  const token = /#token=(.+)$/.exec(url)![1];
  return { id: id as string, url: url as string, token };
}

/** The callbacks a link posts to the receiver. */
function callbacks() {
  return {
    callback_urls: {
      completed_url: `${receiver.base}/completed`,
      no_times_suitable_url: `${receiver.base}/no-times-suitable`,
      no_times_displayed_url: `${receiver.base}/no-times-displayed`,
    },
  };
}

async function slotsOf(token: string, body: unknown = {}): Promise<Reply> {
  return server.send('POST', '/v1/rts/slots', { token, body });
}

async function book(token: string, slot: { start: string; end: string }, recipient?: object) {
  return server.send('POST', '/v1/rts/bookings', {
    token,
    body: { slot: { start: slot.start, end: slot.end }, recipient: recipient ?? RECIPIENT },
  });
}

const RECIPIENT = { name: 'Grace Hopper', email: 'grace@example.com', note: 'Looking forward' };

/** The field errors of a reply as `field -> keys`. */
function errorKeys(body: { errors: Record<string, { key: string }[]> }) {
  return Object.fromEntries(
    Object.entries(body.errors).map(([field, list]) => [field, list.map((e) => e.key)]),
  );
}

/** Whether any of Ada's availability for the period overlaps `[start, end)`. */
async function adaOffers(sub: string, start: string, end: string): Promise<boolean> {
  const reply = await server.send('POST', '/v1/availability', {
    token: server.api.clientSecret,
    body: {
      participants: [{ members: [{ sub }], required: 'all' }],
      required_duration: { minutes: 30 },
      query_periods: [PERIOD],
    },
  });
  assert.equal(reply.status, 200);
  return (reply.body.available_periods as Slot[]).some(
    (p) => Date.parse(p.start) < Date.parse(end) && Date.parse(p.end) > Date.parse(start),
  );
}

describe('POST /v1/real_time_scheduling', () => {
  it('creates a link whose URL carries the token in the fragment of the page on this origin', async () => {
    const { id, url, token } = await createLink();
    assert.match(id, /^sch_[0-9a-f]{24}$/);
    assert.equal(url, `${server.base}/rts/#token=${token}`);
    assert.match(token, /^rts_[\w-]{32}$/);
  });

  it("stores the organiser's zone under its own name, however it was cased or aliased", async () => {
    for (const [given, name] of [
      ['europe/london', 'Europe/London'],
      ['Asia/Calcutta', 'Asia/Kolkata'],
    ]) {
      const { token } = await createLink({ tzid: given });
      const view = await server.send('GET', '/v1/rts/link', { token });
      assert.equal(view.body.link.organizer.tzid, name, given);
    }
  });

  it('uses the configured public origin for link URLs', async () => {
    server.api.setPublicOrigin('https://book.example.com');
    const { url } = await createLink();
    assert.match(url, /^https:\/\/book\.example\.com\/rts\/#token=rts_/);
  });

  it('answers 422 naming every missing field', async () => {
    const reply = await server.send('POST', '/v1/real_time_scheduling', {
      token: server.api.clientSecret,
      body: {},
    });
    assert.equal(reply.status, 422);
    assert.deepEqual(errorKeys(reply.body), {
      tzid: ['errors.required'],
      event: ['errors.required'],
      availability: ['errors.required'],
      target_calendars: ['errors.required'],
    });
  });

  it('answers 422 on invalid fields, with query errors under availability.', async () => {
    const body = linkRequest([ADA], PERIOD, {
      tzid: 'Mars/Olympus',
      target_calendars: [
        { sub: ADA, calendar_id: 'cal_demo_bruno_work' },
        { sub: 'acc_nobody', calendar_id: 'x' },
      ],
      callback_url: 'https://a.example.com/x',
      callback_urls: { completed_url: 'https://a.example.com/y' },
      redirect_urls: { completed_url: 'javascript:alert(1)' },
      minimum_notice: { hours: -1 },
      event_creation: 'many',
      recipient_fields: { name: 'maybe', phone: 'required' },
    });
    (body.availability as Record<string, unknown>).required_duration = { minutes: 0 };
    (body.event as Record<string, unknown>).summary = '';
    const reply = await server.send('POST', '/v1/real_time_scheduling', {
      token: server.api.clientSecret,
      body,
    });
    assert.equal(reply.status, 422);
    const keys = errorKeys(reply.body);
    assert.deepEqual(keys.tzid, ['errors.invalid_tzid']);
    assert.deepEqual(keys['event.summary'], ['errors.required']);
    assert.ok(
      keys['availability.required_duration.minutes'] ?? keys['availability.required_duration'],
      JSON.stringify(keys),
    );
    assert.deepEqual(keys['target_calendars[0].calendar_id'], ['errors.unknown_calendar']);
    assert.deepEqual(keys['target_calendars[1].sub'], ['errors.unknown_sub']);
    assert.deepEqual(keys.callback_url, ['errors.exclusive']);
    assert.deepEqual(keys['redirect_urls.completed_url'], ['errors.invalid_url']);
    assert.deepEqual(keys['minimum_notice.hours'], ['errors.invalid']);
    assert.deepEqual(keys.event_creation, ['errors.invalid']);
    assert.deepEqual(keys['recipient_fields.name'], ['errors.invalid']);
    assert.deepEqual(keys['recipient_fields.phone'], ['errors.unknown_field']);
  });

  it('answers 422 for an availability reaching further than a year', async () => {
    const reply = await server.send('POST', '/v1/real_time_scheduling', {
      token: server.api.clientSecret,
      body: linkRequest([ADA], { start: '0001-01-01T00:00:00Z', end: '9999-12-31T00:00:00Z' }),
    });
    assert.equal(reply.status, 422);
    assert.deepEqual(errorKeys(reply.body)['availability.query_periods'], ['errors.out_of_range']);
  });

  it('answers 422 for members the API does not know', async () => {
    const reply = await server.send('POST', '/v1/real_time_scheduling', {
      token: server.api.clientSecret,
      body: linkRequest(['acc_nobody'], PERIOD, {
        target_calendars: [{ sub: ADA, calendar_id: 'cal_demo_ada_work' }],
      }),
    });
    assert.equal(reply.status, 422);
    assert.deepEqual(errorKeys(reply.body), {
      'availability.participants[0].members[0].sub': ['errors.unknown_sub'],
    });
  });

  it('needs the client secret: 401 without, 403 with an element token or a link token', async () => {
    const none = await server.send('POST', '/v1/real_time_scheduling', { body: {} });
    assert.equal(none.status, 401);
    const element = await server.send('POST', '/v1/real_time_scheduling', {
      token: server.api.demoElementToken,
      body: {},
    });
    assert.equal(element.status, 403);
    assert.deepEqual(errorKeys(element.body), { authorization: ['errors.client_secret_required'] });
    const { token } = await createLink();
    const link = await server.send('POST', '/v1/real_time_scheduling', { token, body: {} });
    assert.equal(link.status, 403);
    assert.deepEqual(errorKeys(link.body), { authorization: ['errors.link_token_not_allowed'] });
  });
});

describe('GET /v1/real_time_scheduling/{id} and disable', () => {
  it('reports an open link, then a disabled one with its message', async () => {
    const { id, url } = await createLink();
    const open = await server.send('GET', `/v1/real_time_scheduling/${id}`, {
      token: server.api.clientSecret,
    });
    assert.equal(open.status, 200);
    const view = open.body.real_time_scheduling;
    assert.equal(view.real_time_scheduling_id, id);
    assert.equal(view.url, url);
    assert.equal(view.status, 'open');
    assert.equal(view.expired, false);
    assert.equal(view.event.summary, 'Product interview');
    assert.equal(view.event.start, undefined);
    const disabled = await server.send('POST', `/v1/real_time_scheduling/${id}/disable`, {
      token: server.api.clientSecret,
      body: { display_message: 'The role has been filled.' },
    });
    assert.equal(disabled.status, 200);
    assert.equal(disabled.body.real_time_scheduling.status, 'disabled');
    assert.equal(disabled.body.real_time_scheduling.display_message, 'The role has been filled.');
  });

  it('answers 404 for an unknown id and 422 for a bad display message', async () => {
    const missing = await server.send('GET', '/v1/real_time_scheduling/sch_nothing', {
      token: server.api.clientSecret,
    });
    assert.equal(missing.status, 404);
    assert.deepEqual(errorKeys(missing.body), { real_time_scheduling_id: ['errors.not_found'] });
    const { id } = await createLink();
    const bad = await server.send('POST', `/v1/real_time_scheduling/${id}/disable`, {
      token: server.api.clientSecret,
      body: { display_message: 42 },
    });
    assert.equal(bad.status, 422);
    assert.deepEqual(errorKeys(bad.body), { display_message: ['errors.invalid'] });
  });

  it('disables without a body; a completed link answers 409', async () => {
    const first = await createLink();
    const plain = await fetch(`${server.base}/v1/real_time_scheduling/${first.id}/disable`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${server.api.clientSecret}` },
    });
    assert.equal(plain.status, 200);
    const second = await createLink();
    const [slot] = (await slotsOf(second.token)).body.available_slots as Slot[];
    assert.equal((await book(second.token, slot)).status, 201);
    const refused = await server.send('POST', `/v1/real_time_scheduling/${second.id}/disable`, {
      token: server.api.clientSecret,
      body: {},
    });
    assert.equal(refused.status, 409);
    assert.deepEqual(errorKeys(refused.body), {
      real_time_scheduling_id: ['errors.link_completed'],
    });
  });
});

describe('GET /v1/rts/link', () => {
  it("shows the link's public view and nothing secret", async () => {
    const { id, token } = await createLink({
      ...callbacks(),
      minimum_notice: { hours: 2 },
      recipient_fields: { email: 'optional', note: 'off' },
    });
    const reply = await server.send('GET', '/v1/rts/link', { token });
    assert.equal(reply.status, 200);
    assert.deepEqual(reply.body, {
      link: {
        id,
        status: 'open',
        summary: 'Product interview',
        description: 'A chat about the role',
        location: 'Video call',
        duration_minutes: 30,
        organizer: { name: 'Ada Okonkwo', tzid: 'Europe/London' },
        fields: { name: 'required', email: 'optional', note: 'off' },
        window: { start: '2026-12-01T10:00:00Z', end: PERIOD.end },
        display_message: null,
        booking: null,
      },
    });
    const text = JSON.stringify(reply.body);
    for (const secret of [token, server.api.clientSecret, ADA, 'cal_demo', receiver.base]) {
      assert.ok(!text.includes(secret), `the view holds ${secret}`);
    }
  });

  it('answers 401 for an unknown token and 403 for the client secret', async () => {
    const unknown = await server.send('GET', '/v1/rts/link', { token: 'rts_not_a_link' });
    assert.equal(unknown.status, 401);
    assert.deepEqual(errorKeys(unknown.body), { authorization: ['errors.invalid_credentials'] });
    const secret = await server.send('GET', '/v1/rts/link', { token: server.api.clientSecret });
    assert.equal(secret.status, 403);
    assert.deepEqual(errorKeys(secret.body), { authorization: ['errors.link_token_required'] });
  });

  it('is open to any origin: preflight and responses carry Access-Control-Allow-Origin *', async () => {
    const { token } = await createLink();
    const preflight = await fetch(`${server.base}/v1/rts/bookings`, {
      method: 'OPTIONS',
      headers: {
        Origin: 'https://anywhere.example',
        'Access-Control-Request-Method': 'POST',
        'Access-Control-Request-Headers': 'authorization, content-type',
      },
    });
    assert.equal(preflight.status, 204);
    assert.equal(preflight.headers.get('access-control-allow-origin'), '*');
    assert.equal(
      preflight.headers.get('access-control-allow-headers'),
      'Authorization, Content-Type',
    );
    assert.equal(preflight.headers.get('access-control-allow-credentials'), null);
    const reply = await server.send('GET', '/v1/rts/link', {
      token,
      headers: { Origin: 'https://anywhere.example' },
    });
    assert.equal(reply.headers.get('access-control-allow-origin'), '*');
    const organiser = await server.send('GET', '/v1/real_time_scheduling/sch_x', {
      token: server.api.clientSecret,
      headers: { Origin: 'https://anywhere.example' },
    });
    assert.equal(organiser.headers.get('access-control-allow-origin'), null);
  });
});

describe('recipient endpoints: methods and limits', () => {
  it('answers 405 with Allow for a wrong method', async () => {
    const { token } = await createLink();
    const reply = await server.send('POST', '/v1/rts/link', { token, body: {} });
    assert.equal(reply.status, 405);
    assert.equal(reply.headers.get('allow'), 'GET, OPTIONS');
    assert.equal(reply.headers.get('access-control-allow-origin'), '*');
  });

  it('counts requests per link: 429 with Retry-After past the limit, other links unaffected', async () => {
    await server.close();
    server = await startServer({ rateLimits: { perSecond: 2, perMinute: 100 } });
    const first = await createLink();
    const second = await createLink();
    for (let i = 0; i < 2; i++) {
      assert.equal((await server.send('GET', '/v1/rts/link', { token: first.token })).status, 200);
    }
    const limited = await server.send('GET', '/v1/rts/link', { token: first.token });
    assert.equal(limited.status, 429);
    assert.equal(limited.headers.get('retry-after'), '1');
    assert.deepEqual(errorKeys(limited.body), { rate_limit: ['errors.rate_limited'] });
    assert.equal((await server.send('GET', '/v1/rts/link', { token: second.token })).status, 200);
  });
});

describe('POST /v1/rts/slots', () => {
  it("answers the link's own query: 30-minute slots inside its window, Ada free", async () => {
    const { token } = await createLink();
    const reply = await slotsOf(token);
    assert.equal(reply.status, 200);
    const slots = reply.body.available_slots as Slot[];
    assert.ok(slots.length > 5);
    const source = server.api.store.calendarSource();
    for (const slot of slots) {
      const start = Date.parse(slot.start);
      const end = Date.parse(slot.end);
      assert.equal(end - start, 30 * MINUTE);
      assert.ok(start >= Date.parse(PERIOD.start) && end <= Date.parse(PERIOD.end));
      assert.equal(start % (30 * MINUTE), 0);
      assert.deepEqual(slot.participants, [{ sub: ADA }]);
      assert.deepEqual(source.busy(ADA, undefined, { start, end }), []);
    }
  });

  it('applies minimum_notice: nothing starts sooner than the notice from now', async () => {
    const plain = (await slotsOf((await createLink()).token)).body.available_slots as Slot[];
    const { token } = await createLink({ minimum_notice: { hours: 26 } });
    const slots = (await slotsOf(token)).body.available_slots as Slot[];
    const earliest = NOW + 26 * 60 * MINUTE;
    assert.ok(slots.length > 0);
    assert.ok(slots.every((s) => Date.parse(s.start) >= earliest));
    assert.deepEqual(
      slots,
      plain.filter((s) => Date.parse(s.start) >= earliest),
    );
    const minutes = await createLink({ minimum_notice: { minutes: 90 } });
    const soon = (await slotsOf(minutes.token)).body.available_slots as Slot[];
    assert.ok(soon.every((s) => Date.parse(s.start) >= NOW + 90 * MINUTE));
  });

  it('narrows to a smaller window, and clips a wider one to the link', async () => {
    const { token } = await createLink();
    const all = (await slotsOf(token)).body.available_slots as Slot[];
    const narrow = { start: '2026-12-02T00:00:00Z', end: '2026-12-03T00:00:00Z' };
    const day = (await slotsOf(token, narrow)).body.available_slots as Slot[];
    assert.ok(day.length > 0);
    assert.deepEqual(
      day,
      all.filter((s) => s.start >= narrow.start && s.end <= narrow.end),
    );
    const wide = await slotsOf(token, {
      start: '2026-11-01T00:00:00Z',
      end: '2027-01-01T00:00:00Z',
    });
    assert.equal(wide.status, 200);
    assert.deepEqual(wide.body.available_slots, all);
    const outside = await slotsOf(token, { start: '2026-12-10T00:00:00Z' });
    assert.deepEqual(outside.body.available_slots, []);
  });

  it('answers 422 for a bad window and takes a request without a body', async () => {
    const { token } = await createLink();
    const bad = await slotsOf(token, { start: '2026-12-02', end: '2026-12-01T00:00:00Z' });
    assert.equal(bad.status, 422);
    assert.deepEqual(errorKeys(bad.body), { start: ['errors.invalid_instant'] });
    const reversed = await slotsOf(token, {
      start: '2026-12-02T00:00:00Z',
      end: '2026-12-01T00:00:00Z',
    });
    assert.deepEqual(errorKeys(reversed.body), { end: ['errors.end_before_start'] });
    const bare = await fetch(`${server.base}/v1/rts/slots`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}` },
    });
    assert.equal(bare.status, 200);
  });
});

describe('POST /v1/rts/bookings', () => {
  it('books: 201, events in each target calendar, gone from availability, signed callback', async () => {
    const { id, token } = await createLink(
      { ...callbacks(), redirect_urls: { completed_url: 'https://app.example.com/thanks' } },
      [ADA, BRUNO],
    );
    const slots = (await slotsOf(token)).body.available_slots as Slot[];
    const slot = slots[2];
    assert.equal(await adaOffers(ADA, slot.start, slot.end), true);
    assert.equal(await adaOffers(BRUNO, slot.start, slot.end), true);
    const reply = await book(token, slot);
    assert.equal(reply.status, 201, JSON.stringify(reply.body));
    assert.deepEqual(reply.body, {
      booking: {
        event_id: 'interview-42',
        summary: 'Product interview',
        start: slot.start,
        end: slot.end,
        tzid: 'Europe/London',
        organizer: { name: 'Ada Okonkwo', tzid: 'Europe/London' },
        recipient: RECIPIENT,
        redirect_url: 'https://app.example.com/thanks',
      },
    });
    for (const calendar of ['cal_demo_ada_work', 'cal_demo_bruno_work']) {
      const events = server.api.store.eventsOf(calendar).filter((e) => e.source === 'rts');
      assert.equal(events.length, 1, calendar);
      assert.equal(events[0].start, slot.start);
      assert.equal(events[0].event_id, 'interview-42');
    }
    assert.equal(await adaOffers(ADA, slot.start, slot.end), false);
    assert.equal(await adaOffers(BRUNO, slot.start, slot.end), false);

    await receiver.waitFor(1);
    const [webhook] = receiver.requests;
    assert.equal(webhook.path, '/completed');
    assert.equal(webhook.headers['content-type'], 'application/json');
    const signature = webhook.headers['cronofy-hmac-sha256'];
    assert.equal(signature, expectedSignature(webhook.raw, server.api.clientSecret));
    assert.notEqual(signature, expectedSignature(webhook.raw, 'another secret'));
    assert.equal(webhook.headers['x-webhook-id'], webhook.body.webhook_id);
    assert.match(webhook.body.webhook_id, /^whk_/);
    assert.equal(webhook.body.type, 'completed');
    assert.deepEqual(webhook.body.real_time_scheduling, { real_time_scheduling_id: id });
    assert.deepEqual(webhook.body.event, {
      event_id: 'interview-42',
      summary: 'Product interview',
      description: 'A chat about the role',
      location: { description: 'Video call' },
      tzid: 'Europe/London',
      start: { time: slot.start, tzid: 'Europe/London' },
      end: { time: slot.end, tzid: 'Europe/London' },
    });
    assert.deepEqual(webhook.body.participants, [{ sub: ADA }, { sub: BRUNO }]);
    assert.deepEqual(webhook.body.recipient, RECIPIENT);

    const status = await server.send('GET', `/v1/real_time_scheduling/${id}`, {
      token: server.api.clientSecret,
    });
    const view = status.body.real_time_scheduling;
    assert.equal(view.status, 'completed');
    assert.deepEqual(view.event.start, { time: slot.start, tzid: 'Europe/London' });
    assert.deepEqual(view.recipient, RECIPIENT);
    await eventually(() => server.api.store.deliveries()[0]?.status === 'delivered');
  });

  it('single event creation: one event in the first calendar, the others invited and busy', async () => {
    const { token } = await createLink({ event_creation: 'single' }, [ADA, BRUNO]);
    const [slot] = (await slotsOf(token)).body.available_slots as Slot[];
    assert.equal((await book(token, slot)).status, 201);
    const ada = server.api.store.eventsOf('cal_demo_ada_work').filter((e) => e.source === 'rts');
    const bruno = server.api.store
      .eventsOf('cal_demo_bruno_work')
      .filter((e) => e.source === 'rts');
    assert.equal(ada.length, 1);
    assert.equal(bruno.length, 0);
    assert.deepEqual(
      ada[0].attendees?.map((a) => a.sub ?? a.email),
      [BRUNO, RECIPIENT.email],
    );
    assert.equal(await adaOffers(ADA, slot.start, slot.end), false);
    assert.equal(await adaOffers(BRUNO, slot.start, slot.end), false);
  });

  it('answers 422 for control characters in recipient fields, keeping line breaks in a note', async () => {
    const { token } = await createLink({ recipient_fields: { note: 'optional' } });
    const [slot] = (await slotsOf(token)).body.available_slots as Slot[];
    const bad = await book(token, slot, {
      name: 'Grace\u0000 Hopper',
      email: 'grace@example.com',
      note: 'a\u202egnp.exe',
    });
    assert.equal(bad.status, 422);
    assert.deepEqual(errorKeys(bad.body), {
      'recipient.name': ['errors.invalid'],
      'recipient.note': ['errors.invalid'],
    });
    const fine = await book(token, slot, { ...RECIPIENT, note: 'Line one\nLine two\tend' });
    assert.equal(fine.status, 201);
  });

  it('answers 422 for missing required fields, a bad email and a slot of the wrong length', async () => {
    const { token } = await createLink({ recipient_fields: { note: 'required' } });
    const [slot] = (await slotsOf(token)).body.available_slots as Slot[];
    const missing = await book(token, slot, { email: 'not-an-email' });
    assert.equal(missing.status, 422);
    assert.deepEqual(errorKeys(missing.body), {
      'recipient.name': ['errors.required'],
      'recipient.email': ['errors.invalid_email'],
      'recipient.note': ['errors.required'],
    });
    const long = await book(
      token,
      { start: slot.start, end: new Date(Date.parse(slot.end) + 30 * MINUTE).toISOString() },
      { ...RECIPIENT },
    );
    assert.equal(long.status, 422);
    assert.deepEqual(errorKeys(long.body), { slot: ['errors.slot_duration'] });
    const noSlot = await server.send('POST', '/v1/rts/bookings', {
      token,
      body: { recipient: RECIPIENT },
    });
    assert.deepEqual(errorKeys(noSlot.body), { slot: ['errors.required'] });
    const notJson = await server.send('POST', '/v1/rts/bookings', { token, body: '{nope' });
    assert.equal(notJson.status, 422);
    assert.deepEqual(errorKeys(notJson.body), { body: ['errors.invalid_json'] });
    // Nothing was booked.
    assert.equal((await server.send('GET', '/v1/rts/link', { token })).body.link.status, 'open');
  });

  it('drops recipient fields the link does not ask for', async () => {
    const { token } = await createLink({
      recipient_fields: { name: 'optional', email: 'off', note: 'off' },
    });
    const [slot] = (await slotsOf(token)).body.available_slots as Slot[];
    const reply = await book(token, slot, { email: 'x@example.com', note: 'hi' });
    assert.equal(reply.status, 201);
    assert.deepEqual(reply.body.booking.recipient, {});
  });

  it('answers 409 with fresh slots for a time that is not free', async () => {
    const { token } = await createLink();
    const slots = (await slotsOf(token)).body.available_slots as Slot[];
    const free = new Set(slots.map((s) => s.start));
    let busy = Date.parse('2026-12-01T10:00:00Z');
    while (free.has(new Date(busy).toISOString().replace('.000Z', 'Z'))) busy += 30 * MINUTE;
    const start = new Date(busy).toISOString();
    const end = new Date(busy + 30 * MINUTE).toISOString();
    const reply = await book(token, { start, end });
    assert.equal(reply.status, 409);
    assert.deepEqual(errorKeys(reply.body), { slot: ['errors.slot_unavailable'] });
    assert.deepEqual(reply.body.available_slots, slots);
  });

  it('of 20 links racing for one time, exactly one books it; the rest get 409 and fresh slots without it', async () => {
    const links = [];
    for (let i = 0; i < 20; i++) links.push(await createLink());
    const [slot] = (await slotsOf(links[0].token)).body.available_slots as Slot[];
    const replies = await Promise.all(links.map((l) => book(l.token, slot)));
    const statuses = replies.map((r) => r.status).sort();
    assert.deepEqual(statuses, [201, ...Array(19).fill(409)]);
    for (const reply of replies.filter((r) => r.status === 409)) {
      const fresh = reply.body.available_slots as Slot[];
      assert.ok(fresh.length > 0);
      assert.ok(
        fresh.every(
          (s) =>
            Date.parse(s.end) <= Date.parse(slot.start) ||
            Date.parse(s.start) >= Date.parse(slot.end),
        ),
      );
    }
    const events = server.api.store
      .eventsOf('cal_demo_ada_work')
      .filter((e) => e.source === 'rts' && e.start === slot.start);
    assert.equal(events.length, 1);
  });

  it('of 20 bookings racing on one link, exactly one wins; each loser hears the link is completed', async () => {
    const { token } = await createLink();
    const [slot] = (await slotsOf(token)).body.available_slots as Slot[];
    const replies = await Promise.all(Array.from({ length: 20 }, () => book(token, slot)));
    assert.equal(replies.filter((r) => r.status === 201).length, 1);
    for (const lost of replies.filter((r) => r.status !== 201)) {
      // 409 when it arrived before the winner finished (it lost the race under the lock),
      // 410 when it arrived after the link was already completed.
      if (lost.status === 409) {
        assert.deepEqual(errorKeys(lost.body), { slot: ['errors.slot_unavailable'] });
        assert.deepEqual(lost.body.available_slots, []);
      } else {
        assert.equal(lost.status, 410);
        assert.deepEqual(errorKeys(lost.body), { link: ['errors.link_completed'] });
      }
      assert.equal(lost.body.link.status, 'completed');
      assert.equal(lost.body.link.booking.start, slot.start);
    }
    const booked = server.api.store
      .eventsOf('cal_demo_ada_work')
      .filter((e) => e.source === 'rts' && e.start === slot.start);
    assert.equal(booked.length, 1);
  });

  it('answers 409, not 410, to a booking that arrives while the winner is being stored', async () => {
    const { token } = await createLink();
    const [slot] = (await slotsOf(token)).body.available_slots as Slot[];
    const store = server.api.store;
    const save = store.save.bind(store);
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let saving = false;
    store.save = async () => {
      saving = true;
      await held;
      return save();
    };
    try {
      const winner = book(token, slot);
      while (!saving) await new Promise((resolve) => setTimeout(resolve, 5));
      const order: string[] = [];
      const loser = book(token, slot).then((r) => (order.push('loser'), r));
      await new Promise((resolve) => setTimeout(resolve, 50));
      release();
      const won = await winner.then((r) => (order.push('winner'), r));
      const lost = await loser;
      assert.equal(won.status, 201);
      assert.equal(lost.status, 409);
      assert.deepEqual(errorKeys(lost.body), { slot: ['errors.slot_unavailable'] });
      assert.equal(lost.body.link.status, 'completed');
      assert.deepEqual(order, ['winner', 'loser'], 'the loser hears after the winner');
    } finally {
      store.save = save;
    }
  });

  it('answers 410 with what was booked once completed, on every recipient endpoint', async () => {
    const { token } = await createLink();
    const [slot] = (await slotsOf(token)).body.available_slots as Slot[];
    assert.equal((await book(token, slot)).status, 201);
    const again = await book(token, slot);
    assert.equal(again.status, 410);
    assert.deepEqual(errorKeys(again.body), { link: ['errors.link_completed'] });
    assert.equal(again.body.link.status, 'completed');
    assert.deepEqual(again.body.link.booking, {
      start: slot.start,
      end: slot.end,
      tzid: 'Europe/London',
      summary: 'Product interview',
    });
    for (const path of [
      '/v1/rts/slots',
      '/v1/rts/no_times_suitable',
      '/v1/rts/no_times_displayed',
    ]) {
      const reply = await server.send('POST', path, { token, body: {} });
      assert.equal(reply.status, 410, path);
      assert.equal(reply.body.link.status, 'completed');
    }
    const view = await server.send('GET', '/v1/rts/link', { token });
    assert.equal(view.status, 200);
    assert.equal(view.body.link.status, 'completed');
    assert.equal(view.body.link.booking.start, slot.start);
  });

  it('answers 410 with the display message once disabled', async () => {
    const { id, token } = await createLink();
    const [slot] = (await slotsOf(token)).body.available_slots as Slot[];
    await server.send('POST', `/v1/real_time_scheduling/${id}/disable`, {
      token: server.api.clientSecret,
      body: { display_message: 'Please call us instead.' },
    });
    const reply = await book(token, slot);
    assert.equal(reply.status, 410);
    assert.deepEqual(reply.body.errors.link, [
      { key: 'errors.link_disabled', description: 'Please call us instead.' },
    ]);
    assert.equal(reply.body.link.status, 'disabled');
    assert.equal(reply.body.link.display_message, 'Please call us instead.');
    const slots = await slotsOf(token);
    assert.equal(slots.status, 410);
  });

  it('expires once no time in the window can start: 410 with status expired', async () => {
    const { id, token } = await createLink({ minimum_notice: { hours: 1 } });
    const [slot] = (await slotsOf(token)).body.available_slots as Slot[];
    const view = await server.send('GET', `/v1/real_time_scheduling/${id}`, {
      token: server.api.clientSecret,
    });
    // Window end 00:00, minus 30 minutes of event, minus an hour of notice.
    assert.equal(view.body.real_time_scheduling.expires_at, '2026-12-03T22:30:00Z');
    server.advance(Date.parse('2026-12-03T22:30:00Z') - NOW);
    assert.equal((await slotsOf(token)).status, 200);
    server.advance(1);
    const link = await server.send('GET', '/v1/rts/link', { token });
    assert.equal(link.body.link.status, 'expired');
    assert.ok(link.body.link.window.start < link.body.link.window.end);
    const slots = await slotsOf(token);
    assert.equal(slots.status, 410);
    assert.deepEqual(errorKeys(slots.body), { link: ['errors.link_expired'] });
    const late = await book(token, slot);
    assert.equal(late.status, 410);
    assert.equal(late.body.link.status, 'expired');
    const organiser = await server.send('GET', `/v1/real_time_scheduling/${id}`, {
      token: server.api.clientSecret,
    });
    assert.equal(organiser.body.real_time_scheduling.status, 'open');
    assert.equal(organiser.body.real_time_scheduling.expired, true);
  });
});

describe('webhooks', () => {
  it('posts no_times_suitable and no_times_displayed once per link', async () => {
    const { id, token } = await createLink(callbacks());
    const first = await server.send('POST', '/v1/rts/no_times_suitable', { token, body: {} });
    assert.equal(first.status, 202);
    assert.deepEqual(first.body, { callback: 'queued' });
    const again = await server.send('POST', '/v1/rts/no_times_suitable', { token, body: {} });
    assert.equal(again.status, 202);
    assert.deepEqual(again.body, { callback: 'already_sent' });
    const shown = await fetch(`${server.base}/v1/rts/no_times_displayed`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}` },
    });
    assert.equal(shown.status, 202);
    await server.send('POST', '/v1/rts/no_times_displayed', { token, body: {} });
    await receiver.waitFor(2);
    await new Promise((resolve) => setTimeout(resolve, 100));
    assert.deepEqual(receiver.requests.map((r) => [r.path, r.body.type]).sort(), [
      ['/no-times-displayed', 'no_times_displayed'],
      ['/no-times-suitable', 'no_times_suitable'],
    ]);
    for (const request of receiver.requests) {
      assert.equal(request.body.real_time_scheduling.real_time_scheduling_id, id);
      assert.equal(
        request.headers['cronofy-hmac-sha256'],
        expectedSignature(request.raw, server.api.clientSecret),
      );
    }
    // The link stays open.
    assert.equal((await server.send('GET', '/v1/rts/link', { token })).body.link.status, 'open');
  });

  it('answers 202 with no callback when the link has no URL for it', async () => {
    const { token } = await createLink();
    const reply = await server.send('POST', '/v1/rts/no_times_suitable', { token, body: {} });
    assert.equal(reply.status, 202);
    assert.deepEqual(reply.body, { callback: 'none' });
  });

  it('retries with backoff until the receiver accepts, with the same id and body', async () => {
    let calls = 0;
    receiver.answer = () => (++calls < 3 ? 503 : 200);
    const { token } = await createLink({ callback_url: `${receiver.base}/legacy` });
    const [slot] = (await slotsOf(token)).body.available_slots as Slot[];
    assert.equal((await book(token, slot)).status, 201);
    await receiver.waitFor(3);
    await eventually(() => server.api.store.deliveries()[0]?.status === 'delivered');
    const [a, b, c] = receiver.requests;
    assert.equal(a.path, '/legacy');
    assert.deepEqual(
      receiver.requests.map((r) => r.headers['x-webhook-attempt']),
      ['1', '2', '3'],
    );
    assert.equal(new Set(receiver.requests.map((r) => r.headers['x-webhook-id'])).size, 1);
    assert.equal(a.raw, b.raw);
    assert.equal(b.raw, c.raw);
    const delivery = server.api.store.deliveries()[0];
    assert.equal(delivery.attempts, 3);
    assert.equal(receiver.accepted.size, 1);
  });
});
