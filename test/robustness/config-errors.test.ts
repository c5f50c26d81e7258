/**
 * Every attribute that can hold an invalid value, on every element, with several invalid values
 * each (table-driven: attribute x bad value): the element shows its configuration error naming
 * the attribute (the reason, with the value as given, shown as text), fires exactly one
 * `scheduling-error` of kind `config` for that attribute, and asks the API nothing.
 *
 * Not in the table, by the contract: boolean attributes (`demo`, `timezone-select`,
 * `allow-expansion`, `bounds-control`: any value means true), `locale` (an unknown locale falls
 * back to English with a `scheduling-warning`) and `.translations` (unknown keys are warnings).
 * `<rts-booking-page>` has `tzid`, `api-base` and `token` of these (its times come from the link).
 */
import { expect, waitUntil } from '@open-wc/testing';
import type { ApiAvailableSlot, AvailabilityQuery, NormalisedQuery } from '../../src/core/types.js';
import type { RtsApi, RtsBooking, RtsLink } from '../../src/data/rts.js';
import type { AvailabilityResult, RequestOptions, Transport } from '../../src/data/transport.js';
import '../../src/elements/availability-viewer/define.js';
import type { SchedulingErrorDetail } from '../../src/elements/shared/events.js';
import '../../src/elements/rts-booking-page/define.js';
import '../../src/elements/slot-picker/define.js';
import { loadStrings, type Strings } from '../../src/i18n/index.js';
import { watchGlobalFailures } from './global-failures.js';

watchGlobalFailures();

const QUERY: AvailabilityQuery = {
  participants: [{ members: [{ sub: 'acc_a' }, { sub: 'acc_b' }], required: 'all' }],
  required_duration: { minutes: 30 },
  query_periods: [{ start: '2026-12-01T00:00:00Z', end: '2026-12-06T00:00:00Z' }],
  response_format: 'slots',
};

/** A transport that counts requests and answers one slot. */
class CountingTransport implements Transport {
  requests = 0;
  availability(_query: NormalisedQuery, _options?: RequestOptions): Promise<AvailabilityResult> {
    this.requests += 1;
    return Promise.resolve({
      slots: [
        {
          start: '2026-12-01T10:00:00Z',
          end: '2026-12-01T10:30:00Z',
          participants: [{ sub: 'acc_a' }, { sub: 'acc_b' }],
        },
      ],
      format: 'slots',
      memberStatuses: [],
      stale: false,
    });
  }
}

/** A booking-link client that counts requests (as the transport's) and offers one open link. */
class CountingRts implements RtsApi {
  constructor(private readonly counter: CountingTransport) {}
  link(): Promise<RtsLink> {
    this.counter.requests += 1;
    return Promise.resolve({
      id: 'rts_1',
      status: 'open',
      summary: 'Intro call',
      description: null,
      location: null,
      duration_minutes: 30,
      organizer: { name: 'Ada Demo', tzid: 'Europe/London' },
      fields: { name: 'required', email: 'required', note: 'off' },
      window: { start: '2026-12-01T00:00:00Z', end: '2026-12-15T00:00:00Z' },
      display_message: null,
      booking: null,
    });
  }
  async slots(): Promise<ApiAvailableSlot[]> {
    return (await this.counter.availability({} as NormalisedQuery)).slots.map((s) => ({ ...s }));
  }
  book(): Promise<RtsBooking> {
    return Promise.reject(new Error('not in this test'));
  }
  noTimesSuitable(): Promise<void> {
    return Promise.resolve();
  }
  noTimesDisplayed(): Promise<void> {
    return Promise.resolve();
  }
}

const PAYLOAD = '<img src=x onerror="window.__pwned=1">';

const BAD_QUERIES = [
  '{not json',
  '[]',
  'null',
  '42',
  '{}',
  '{"participants": []}',
  JSON.stringify({ ...QUERY, required_duration: { minutes: -30 } }),
  JSON.stringify({ ...QUERY, query_periods: [{ start: 'yesterday', end: 'today' }] }),
  JSON.stringify({
    ...QUERY,
    query_periods: [{ start: '2026-12-02T00:00:00Z', end: '2026-12-01T00:00:00Z' }],
  }),
  JSON.stringify({ ...QUERY, response_format: PAYLOAD }),
];
const BAD_ZONES = ['Europe/Atlantis', 'not a zone', 'UTC+25', PAYLOAD];
const BAD_API_BASES = [
  'http://[not a host',
  'http://',
  'javascript:alert(1)',
  'ftp://example.com',
  'api.example.com/v1',
  'not a url',
  'https://user:secret@api.example.com',
];
const BAD_TOKENS = ['tok\nX-Injected: 1', 'tök€n', 'two words', 'tok\u0000'];

/** Attribute x bad values for each element; `transport: false` leaves the HTTP transport in charge. */
const TABLE: Record<
  'slot-picker' | 'availability-viewer' | 'rts-booking-page',
  [string, string[], boolean?][]
> = {
  'slot-picker': [
    ['query', BAD_QUERIES],
    ['mode', ['multi', '', 'CONFIRM', 'multi_select', PAYLOAD]],
    ['layout', ['grid', '', 'Calendar', PAYLOAD]],
    ['tzid', BAD_ZONES],
    ['api-base', BAD_API_BASES, false],
    ['token', BAD_TOKENS, false],
  ],
  'availability-viewer': [
    ['query', BAD_QUERIES],
    ['mode', ['multi', '', 'select', PAYLOAD]],
    ['slot-selection', ['all', '', 'any', PAYLOAD]],
    ['start-time', ['25:00', '9', 'noon', '09:60', '', '18:00', PAYLOAD]],
    ['end-time', ['24:30', 'five', '17:99', '', PAYLOAD]],
    ['interval', ['7', '0', '-15', 'abc', '2.5', '', '1e1', '0x1E']],
    ['week-start-day', ['funday', '', 'mon', PAYLOAD]],
    ['max-selection-count', ['0', '-1', '1.5', 'many', '1e1']],
    ['days', ['0', '8', '2.5', 'x', '-3', '0x3']],
    ['tzid', BAD_ZONES],
    ['api-base', BAD_API_BASES, false],
    ['token', BAD_TOKENS, false],
  ],
  'rts-booking-page': [
    ['tzid', BAD_ZONES],
    ['api-base', BAD_API_BASES, false],
    ['token', BAD_TOKENS, false],
  ],
};

const clean = (text: string | null | undefined) => (text ?? '').replace(/\s+/g, ' ').trim();

let strings: Strings;
before(async () => {
  strings = await loadStrings('en');
});

for (const [tag, rows] of Object.entries(TABLE)) {
  describe(`<${tag}> configuration errors, attribute x bad value`, () => {
    for (const [attribute, values, injectTransport = true] of rows) {
      for (const value of values) {
        it(`${attribute}=${JSON.stringify(value)} shows a configuration error naming ${attribute}`, async () => {
          (window as unknown as { __pwned?: number }).__pwned = undefined;
          const el = document.createElement(tag) as HTMLElement & {
            query: unknown;
            transport: Transport | undefined;
            client: RtsApi | undefined;
            updateComplete: Promise<boolean>;
          };
          const transport = new CountingTransport();
          if (tag === 'rts-booking-page') {
            // The booking page loads a link through its client, else over HTTP with its token.
            if (injectTransport) el.client = new CountingRts(transport);
            else if (attribute !== 'token') el.setAttribute('token', 'rts_well_formed_token');
          } else {
            el.query = QUERY;
            if (injectTransport) el.transport = transport;
          }
          el.setAttribute(attribute, value);
          const events: SchedulingErrorDetail[] = [];
          el.addEventListener('scheduling-error', (e) => events.push(e.detail));
          const requests: string[] = [];
          const fetchSpy = window.fetch;
          window.fetch = (input, init) => {
            requests.push(String(input));
            return fetchSpy(input, init);
          };
          document.body.append(el);
          try {
            const root = el.shadowRoot!;
            await waitUntil(
              () =>
                root.querySelector('[part~="config-error"]') ||
                root.querySelector('[part~="error"]'),
              `no error view for ${attribute}=${JSON.stringify(value)}`,
              { timeout: 5000 },
            );
            await el.updateComplete;
            const view = clean(root.querySelector('[part~="config-error"]')?.textContent);
            expect(view, 'the configuration error view').to.include(strings.t('errors.config'));
            expect(view).to.include(`The ${attribute} attribute is invalid`);
            expect(
              events.map((e) => [e.kind, e.attribute]),
              'one scheduling-error of kind config naming the attribute',
            ).to.deep.equal([['config', attribute]]);
            expect(events[0]!.message).to.include(attribute);
            if (value.includes('secret')) {
              // A password in a URL is never repeated in the page or the event.
              expect(view + events[0]!.message).not.to.include('secret');
            }
            // The bad value is shown (when it is) as text, never as markup.
            for (const tagName of ['img', 'script', 'svg']) {
              expect(root.querySelectorAll(tagName).length, tagName).to.equal(0);
            }
            await new Promise((resolve) => setTimeout(resolve, 20));
            expect((window as unknown as { __pwned?: number }).__pwned).to.equal(undefined);
            expect(transport.requests, 'requests through the transport').to.equal(0);
            expect(requests, 'requests through fetch').to.deep.equal([]);
          } finally {
            window.fetch = fetchSpy;
            el.remove();
          }
        });
      }
    }
  });
}
