/**
 * Faults seen through the elements in the browser. The elements talk to the embedded API the
 * test runner mounts (real HTTP, real answers for the demo people) through `HttpTransport`,
 * whose `fetch` is wrapped to inject faults by script before the real request: a connection
 * failure (`TypeError`, what a dropped socket gives `fetch`), a hung request (the transport's
 * timeout), 500/503 and 429 with `Retry-After`. What must hold: transient faults are retried
 * within the bound and the element shows the recovered data without ever showing an error;
 * lasting faults end in the error view with Retry after exactly 1 + retries requests, and Retry
 * recovers once the faults stop. `<rts-booking-page>` rides out a dropped read the same way,
 * shows a lasting failure with Retry and recovers; a booking (sent once, never retried) whose
 * answer is lost after the server made it is not lost: asking again shows the link completed with that time. The node-side suite (`test/node/faults.test.ts`) covers the
 * same over a real faulty socket server.
 *
 * Pacing: 60 pickers mounted at once, each with its own `HttpTransport` built from `api-base`
 * and `token` (the default path), share one limiter; its grants never exceed 50 in any second.
 * Those answers come from the wrapped `fetch` (not the shared embedded API, whose per-credential
 * budget other test files use too).
 */
import { expect, waitUntil } from '@open-wc/testing';
import type { AvailabilityQuery } from '../../src/core/types.js';
import { HttpTransport } from '../../src/data/http.js';
import { API_RATE_LIMITS, sharedRateLimiter } from '../../src/data/rate-limit.js';
import { RtsClient, type RtsBooking } from '../../src/data/rts.js';
import '../../src/elements/availability-viewer/define.js';
import type { AvailabilityViewer } from '../../src/elements/availability-viewer/availability-viewer.js';
import '../../src/elements/rts-booking-page/define.js';
import type { RtsBookingPage } from '../../src/elements/rts-booking-page/rts-booking-page.js';
import type { SchedulingErrorDetail } from '../../src/elements/shared/events.js';
import '../../src/elements/slot-picker/define.js';
import type { SlotPicker } from '../../src/elements/slot-picker/slot-picker.js';
import { loadStrings, type Strings } from '../../src/i18n/index.js';
import { ViewerObject } from '../elements/availability-viewer-object.js';
import { RtsBookingPageObject } from '../elements/rts-booking-page-object.js';
import { SlotPickerObject } from '../elements/slot-picker-object.js';
import { watchGlobalFailures } from './global-failures.js';

watchGlobalFailures();

const DAY = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString().replace('.000Z', 'Z');

/** A fault to inject before the real request, or `pass` to let it through. */
type Fault = 'pass' | 'drop' | 'hang' | 500 | 503 | { status: 429 | 503; retryAfter: string };

/** A fetch that meets the n-th request (from 0) with `script(n)`, recording each start. */
function faultyFetch(script: (n: number) => Fault) {
  const starts: number[] = [];
  const fetchWith: typeof fetch = (input, init) => {
    const n = starts.length;
    starts.push(performance.now());
    const fault = script(n);
    if (fault === 'pass') return window.fetch(input, init);
    if (fault === 'drop') return Promise.reject(new TypeError('Failed to fetch'));
    if (fault === 'hang') {
      return new Promise((_, reject) =>
        init?.signal?.addEventListener('abort', () =>
          reject(new DOMException('The operation was aborted.', 'AbortError')),
        ),
      );
    }
    const status = typeof fault === 'number' ? fault : fault.status;
    const headers: Record<string, string> = { 'Content-Type': 'application/json' };
    if (typeof fault === 'object') headers['Retry-After'] = fault.retryAfter;
    return Promise.resolve(
      new Response(
        JSON.stringify({ errors: { base: [{ key: 'errors.test', description: 'injected' }] } }),
        {
          status,
          headers,
        },
      ),
    );
  };
  return { fetch: fetchWith, starts };
}

let secret: string;
let strings: Strings;
let query: AvailabilityQuery;

before(async () => {
  ({ client_secret: secret } = (await (await fetch('/__test__/credentials')).json()) as {
    client_secret: string;
  });
  strings = await loadStrings('en');
  const start = Math.ceil(Date.now() / DAY) * DAY + DAY;
  query = {
    participants: [
      { members: [{ sub: 'acc_demo_ada' }, { sub: 'acc_demo_bruno' }], required: 'all' },
    ],
    required_duration: { minutes: 30 },
    query_periods: [{ start: iso(start), end: iso(start + 5 * DAY) }],
    max_results: 100,
  };
});

/** A transport to the embedded API through `fetch`, timing out after `timeoutMs`. */
function transportWith(fetchWith: typeof fetch, timeoutMs = 15_000): HttpTransport {
  return new HttpTransport({
    apiBase: location.origin,
    token: secret,
    fetch: fetchWith,
    timeoutMs,
  });
}

async function mountPicker(transport: HttpTransport) {
  const el = document.createElement('slot-picker') as SlotPicker;
  el.tzid = 'Europe/Berlin';
  el.query = query;
  el.transport = transport;
  const errors: SchedulingErrorDetail[] = [];
  el.addEventListener('scheduling-error', (e) => errors.push(e.detail));
  document.body.append(el);
  const page = new SlotPickerObject(el);
  return { page, errors };
}

describe('faults through <slot-picker>', () => {
  afterEach(() => document.querySelectorAll('slot-picker').forEach((el) => el.remove()));

  it('recovers from a dropped connection, a 500 and a 429 with Retry-After: 1, showing the real days', async () => {
    const faults: Fault[] = ['drop', 500, { status: 429, retryAfter: '1' }];
    const { fetch: f, starts } = faultyFetch((n) => faults[n] ?? 'pass');
    const { page, errors } = await mountPicker(transportWith(f));
    await waitUntil(() => page.days.length > 0, 'the picker never showed days', {
      timeout: 15_000,
    });
    expect(starts).to.have.length(4);
    expect(starts[3]! - starts[2]!, 'waited for Retry-After').to.be.at.least(1000 - 5);
    expect(errors).to.deep.equal([]);
    expect(page.errorText).to.equal('');
  });

  it('shows the error view after 1 + 3 requests on a lasting 503, and Retry recovers', async () => {
    let failing = true;
    const { fetch: f, starts } = faultyFetch(() => (failing ? 503 : 'pass'));
    const { page, errors } = await mountPicker(transportWith(f));
    await waitUntil(() => page.errorText !== '', 'no error view', { timeout: 15_000 });
    expect(starts).to.have.length(4);
    expect(page.errorText).to.include(strings.t('errors.server'));
    expect(page.canRetry).to.equal(true);
    expect(errors.map((e) => [e.kind, e.status])).to.deep.equal([['server', 503]]);
    failing = false;
    await page.clickRetry();
    await waitUntil(() => page.days.length > 0, 'Retry did not recover', { timeout: 15_000 });
    expect(page.errorText).to.equal('');
    expect(starts).to.have.length(5);
  });
});

describe('faults through <availability-viewer>', () => {
  afterEach(() => document.querySelectorAll('availability-viewer').forEach((el) => el.remove()));

  async function mountViewer(transport: HttpTransport) {
    const el = document.createElement('availability-viewer') as AvailabilityViewer;
    el.tzid = 'Europe/Berlin';
    el.days = 7;
    el.query = query;
    el.transport = transport;
    const errors: SchedulingErrorDetail[] = [];
    el.addEventListener('scheduling-error', (e) => errors.push(e.detail));
    document.body.append(el);
    return { page: new ViewerObject(el), errors, el };
  }

  it('recovers from a hung request (timeout) and a dropped connection, painting available cells', async () => {
    const faults: Fault[] = ['hang', 'drop'];
    const { fetch: f, starts } = faultyFetch((n) => faults[n] ?? 'pass');
    const { page, errors } = await mountViewer(transportWith(f, 400));
    await waitUntil(() => page.cellsIn('available').length > 0, 'no available cells', {
      timeout: 15_000,
    });
    expect(starts.length).to.be.at.least(3);
    expect(starts[1]! - starts[0]!, 'the hung request timed out first').to.be.at.least(400 - 5);
    expect(errors).to.deep.equal([]);
    expect(page.part('error')).to.equal(null);
  });

  it('shows the error view on lasting network failure, and Retry recovers', async () => {
    let failing = true;
    const { fetch: f, starts } = faultyFetch(() => (failing ? 'drop' : 'pass'));
    const { page, errors } = await mountViewer(transportWith(f));
    await waitUntil(() => page.part('error') !== null, 'no error view', { timeout: 15_000 });
    expect(starts).to.have.length(4);
    expect(page.part('error')!.textContent).to.include(strings.t('errors.network'));
    expect(errors.map((e) => e.kind)).to.deep.equal(['network']);
    failing = false;
    await page.click(page.part('retry-button')!);
    await waitUntil(() => page.cellsIn('available').length > 0, 'Retry did not recover', {
      timeout: 15_000,
    });
    expect(page.part('error')).to.equal(null);
  });
});

describe('faults through <rts-booking-page>', () => {
  afterEach(() => document.querySelectorAll('rts-booking-page').forEach((el) => el.remove()));

  /** A booking link of the embedded API for one demo person over the next days. */
  async function newLinkToken(): Promise<string> {
    const start = Math.ceil(Date.now() / DAY) * DAY + DAY;
    const response = await fetch('/v1/real_time_scheduling', {
      method: 'POST',
      headers: { Authorization: `Bearer ${secret}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({
        event: { event_id: `faults-${Date.now()}`, summary: 'Fault drill' },
        availability: {
          participants: [{ members: [{ sub: 'acc_demo_bruno' }], required: 'all' }],
          required_duration: { minutes: 30 },
          query_periods: [{ start: iso(start), end: iso(start + 5 * DAY) }],
          start_interval: { minutes: 30 },
        },
        target_calendars: [{ sub: 'acc_demo_bruno', calendar_id: 'cal_demo_bruno_work' }],
        tzid: 'Europe/London',
      }),
    });
    expect(response.status, await response.clone().text()).to.equal(200);
    const { real_time_scheduling: made } = (await response.json()) as {
      real_time_scheduling: { url: string };
    };
    return /#token=(.+)$/.exec(made.url)![1]!;
  }

  it('rides out a dropped slots request, shows a lasting drop with Retry, recovers, and keeps a booking whose answer was lost', async () => {
    const token = await newLinkToken();
    /** Slots requests still to drop. */
    let dropSlots = 1;
    let loseBookingAnswer = true;
    const paths: string[] = [];
    const fetchWith: typeof fetch = async (input, init) => {
      const path = new URL(String(input)).pathname;
      paths.push(path);
      if (path === '/v1/rts/slots' && dropSlots > 0) {
        dropSlots--;
        throw new TypeError('Failed to fetch');
      }
      const response = await window.fetch(input, init);
      if (path === '/v1/rts/bookings' && loseBookingAnswer) {
        // The server booked; the connection died before the answer arrived.
        throw new TypeError('Failed to fetch');
      }
      return response;
    };
    const el = document.createElement('rts-booking-page') as RtsBookingPage;
    el.tzid = 'Europe/Berlin';
    el.locale = 'en';
    const retries = 2;
    el.client = new RtsClient({ apiBase: location.origin, token, fetch: fetchWith, retries });
    const errors: SchedulingErrorDetail[] = [];
    const confirmed: RtsBooking[] = [];
    el.addEventListener('scheduling-error', (e) => errors.push(e.detail));
    el.addEventListener('booking-confirmed', (e) => confirmed.push(e.detail.booking as RtsBooking));
    document.body.append(el);
    const page = new RtsBookingPageObject(el);
    await page.settled();
    const slotRequests = () => paths.filter((p) => p === '/v1/rts/slots').length;
    // One drop is retried on its own: the visitor never sees an error.
    expect(page.errorText).to.equal('');
    expect(page.availableDates.length).to.be.greaterThan(0);
    expect(errors).to.deep.equal([]);
    expect(slotRequests()).to.equal(2);

    // A lasting drop ends in the error view with Retry after 1 + retries requests.
    dropSlots = Infinity;
    el.refresh();
    await waitUntil(() => page.errorText !== '', 'the error view', { timeout: 10_000 });
    await page.settled();
    expect(page.errorText).to.include(strings.t('errors.network'));
    expect(page.canRetry).to.equal(true);
    expect(errors.map((e) => e.kind)).to.deep.equal(['network']);
    expect(slotRequests()).to.equal(2 + 1 + retries);

    dropSlots = 0;
    await page.clickRetry();
    await page.settled();
    expect(page.errorText).to.equal('');
    expect(page.availableDates.length).to.be.greaterThan(0);

    await page.clickFirstAvailableDate();
    const time = page.times[0]!;
    await page.clickTimeAt(0);
    await page.fill('name', 'Grace Hopper');
    await page.fill('email', 'grace@example.com');
    await page.clickBook();
    await page.settled();
    expect(page.errorText).to.include(strings.t('errors.network'));
    expect(errors.map((e) => e.kind)).to.deep.equal(['network', 'network']);
    expect(confirmed).to.deep.equal([]);

    // Asking again finds the booking the server made: the link is completed at that time.
    loseBookingAnswer = false;
    await page.clickRetry();
    await page.settled();
    expect(page.linkState).to.equal('completed');
    expect(page.linkStateText).to.include(time.split(/\s+/)[0]!);
    expect(paths.filter((p) => p === '/v1/rts/bookings').length).to.be.at.least(2);
  });
});

describe('pacing across many elements', () => {
  it('60 pickers mounted at once never start more than 50 requests in a second', async function () {
    this.timeout(30_000);
    const token = `tok_pacing_${Date.now()}`;
    const limiter = sharedRateLimiter(location.origin, token);
    const grants = (limiter as unknown as { starts: number[] }).starts;
    const granted: number[] = [];
    const push = grants.push.bind(grants);
    grants.push = (...items: number[]) => {
      granted.push(...items);
      return push(...items);
    };
    const realFetch = window.fetch;
    const requests: number[] = [];
    // Answer this token's requests here: one slot at the start of each query's period.
    window.fetch = (input, init) => {
      const auth = new Headers(init?.headers).get('Authorization');
      if (auth !== `Bearer ${token}`) return realFetch(input, init);
      requests.push(Date.now());
      expect(requests.length, 'a request without a grant').to.be.at.most(granted.length);
      const body = JSON.parse(String(init!.body)) as { query_periods: { start: string }[] };
      const start = Date.parse(body.query_periods[0]!.start);
      const slot = {
        start: iso(start),
        end: iso(start + 30 * 60_000),
        participants: [{ sub: 'acc_a' }],
      };
      return Promise.resolve(
        new Response(JSON.stringify({ available_slots: [slot] }), {
          status: 200,
          headers: { 'Content-Type': 'application/json' },
        }),
      );
    };
    const pickers: SlotPicker[] = [];
    try {
      const base = Date.UTC(2026, 11, 1, 9);
      for (let i = 0; i < 60; i++) {
        const el = document.createElement('slot-picker') as SlotPicker;
        el.tzid = 'UTC';
        el.setAttribute('api-base', location.origin);
        el.setAttribute('token', token);
        el.query = {
          participants: [{ members: [{ sub: 'acc_a' }], required: 'all' }],
          required_duration: { minutes: 30 },
          query_periods: [{ start: iso(base + i * DAY), end: iso(base + i * DAY + 8 * 3_600_000) }],
          response_format: 'slots',
        };
        pickers.push(el);
      }
      document.body.append(...pickers);
      await waitUntil(
        () => pickers.every((el) => el.shadowRoot?.querySelector('[part~="day"]')),
        'not every picker showed its day',
        { timeout: 20_000 },
      );
      expect(requests).to.have.length(60);
      expect(granted).to.have.length(60);
      const sorted = [...granted].sort((a, b) => a - b);
      let busiest = 0;
      for (let i = 0, j = 0; i < sorted.length; i++) {
        while (sorted[i]! - sorted[j]! >= 1000) j++;
        busiest = Math.max(busiest, i - j + 1);
      }
      expect(busiest).to.be.at.most(API_RATE_LIMITS.perSecond);
      expect(sorted[59]! - sorted[0]!, 'the last ten waited for the next second').to.be.at.least(
        1000,
      );
    } finally {
      window.fetch = realFetch;
      pickers.forEach((el) => el.remove());
    }
  });
});
