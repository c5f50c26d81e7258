/**
 * The shared base of every element: transport, zone and locale resolution, paired events and
 * notifications, the availability-loading controller, state templates and the zone select.
 */
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { LitElement, nothing, render, type TemplateResult } from 'lit';
import { AvailabilityController } from '../../src/controllers/availability-controller.js';
import { parseQuery } from '../../src/core/query.js';
import type { NormalisedQuery } from '../../src/core/types.js';
import { SchedulingError, abortError } from '../../src/data/errors.js';
import { HttpTransport } from '../../src/data/http.js';
import { LocalTransport } from '../../src/data/local.js';
import type { AvailabilityResult, RequestOptions, Transport } from '../../src/data/transport.js';
import { loadStrings } from '../../src/i18n/index.js';
import { defineSharedElements } from '../../src/elements/shared/define.js';
import '../../src/elements/availability-viewer/define.js';
import type { SchedulingErrorDetail } from '../../src/elements/shared/events.js';
import type { Notification } from '../../src/elements/shared/notifications.js';
import '../../src/elements/slot-picker/define.js';
import { SchedulingElement } from '../../src/elements/shared/scheduling-element.js';
import {
  configErrorView,
  emptyView,
  errorView,
  isRetryable,
  skeletonView,
  staleNotice,
  zoneLine,
} from '../../src/elements/shared/templates.js';
import type { TimeZoneSelect } from '../../src/elements/shared/time-zone-select.js';
import { matchingZoneOptions, zoneOptions } from '../../src/elements/shared/time-zones.js';

const JAN_15 = Date.UTC(2026, 0, 15, 12);

/** The smallest concrete element: shows the zone line or the configuration error. */
class TestSchedulingElement extends SchedulingElement {
  protected readonly notificationName = 'Test Element';
  reloads = 0;

  protected reload(): void {
    this.reloads += 1;
  }

  get resolved(): { zone: string; transport: Transport; locale: string | undefined } {
    return { zone: this.zone, transport: this.activeTransport, locale: this.strings?.locale };
  }

  protected override render(): TemplateResult | typeof nothing {
    if (!this.strings) return nothing;
    const problems = this.configProblems;
    return problems.length > 0
      ? configErrorView(this.strings, problems)
      : zoneLine(this.strings, this.formatters, JAN_15);
  }
}
customElements.define('test-scheduling-element', TestSchedulingElement);
defineSharedElements();

async function element(template: TemplateResult): Promise<TestSchedulingElement> {
  const el = await fixture<TestSchedulingElement>(template);
  await waitUntil(() => el.resolved.locale !== undefined, 'strings never loaded');
  await el.updateComplete;
  return el;
}

const text = (el: Element) => el.shadowRoot!.textContent!.replace(/\s+/g, ' ').trim();

function query(): NormalisedQuery {
  const parsed = parseQuery({
    participants: [{ members: [{ sub: 'acc_1' }] }],
    required_duration: { minutes: 30 },
    query_periods: [{ start: '2026-12-01T09:00:00Z', end: '2026-12-01T12:00:00Z' }],
    response_format: 'slots',
  });
  if (!parsed.ok) throw new Error('test query is invalid');
  return parsed.query;
}

function result(start: string): AvailabilityResult {
  return {
    slots: [{ start, end: start.replace(':00:00Z', ':30:00Z'), participants: [{ sub: 'acc_1' }] }],
    format: 'slots',
    memberStatuses: [],
    stale: false,
  };
}

/** A transport whose answers the test settles by hand. */
class ManualTransport implements Transport {
  calls: {
    resolve: (r: AvailabilityResult) => void;
    reject: (e: unknown) => void;
    options: RequestOptions;
  }[] = [];

  availability(_q: NormalisedQuery, options: RequestOptions = {}): Promise<AvailabilityResult> {
    return new Promise((resolve, reject) => {
      options.signal?.addEventListener('abort', () => reject(abortError()));
      this.calls.push({ resolve, reject, options });
    });
  }
}

describe('SchedulingElement', () => {
  it('shows times in the browser zone by default and in a forced tzid', async () => {
    const el = await element(html`<test-scheduling-element></test-scheduling-element>`);
    expect(el.resolved.zone).to.equal('Pacific/Chatham');
    expect(text(el)).to.equal('Times in Pacific/Chatham (GMT+13:45)');
    el.tzid = 'Europe/Berlin';
    await el.updateComplete;
    expect(text(el)).to.equal('Times in Europe/Berlin (GMT+1)');
    await expect(el).to.be.accessible();
  });

  it('reports an invalid tzid as a configuration error naming the attribute, once', async () => {
    const notifications: Notification[] = [];
    const errors: string[] = [];
    const el = await element(
      html`<test-scheduling-element
        tzid="Mars/Olympus"
        .callback=${(n: Notification) => notifications.push(n)}
        @scheduling-error=${(e: CustomEvent<{ kind: string; attribute?: string }>) =>
          errors.push(`${e.detail.kind}:${e.detail.attribute}`)}
      ></test-scheduling-element>`,
    );
    expect(errors).to.deep.equal(['config:tzid']);
    expect(notifications).to.have.length(1);
    const n = notifications[0]!.notification as { type: string; element: string; message: string };
    expect(n.type).to.equal('error');
    expect(n.element).to.equal('Test Element');
    expect(n.message).to.contain('Mars/Olympus');
    expect(text(el)).to.contain('The tzid attribute is invalid');
    el.locale = 'de';
    await waitUntil(() => el.resolved.locale === 'de');
    expect(errors).to.have.length(1);
    await expect(el).to.be.accessible();
    el.tzid = 'America/New_York';
    await el.updateComplete;
    expect(text(el)).to.equal('Zeitangaben in America/New_York (GMT-5)');
  });

  it('falls back to English with a warning for an unsupported locale, and uses region tags', async () => {
    const warnings: string[] = [];
    const el = await element(
      html`<test-scheduling-element
        locale="tlh"
        @scheduling-warning=${(e: CustomEvent<{ attribute?: string }>) =>
          warnings.push(e.detail.attribute ?? '')}
      ></test-scheduling-element>`,
    );
    expect(warnings).to.deep.equal(['locale']);
    expect(el.resolved.locale).to.equal('en');
    el.locale = 'fr-CA';
    el.tzid = 'Europe/Paris';
    await waitUntil(() => el.resolved.locale === 'fr');
    await el.updateComplete;
    expect(text(el)).to.match(/Europe\/Paris \(UTC\+1\)|Europe\/Paris \(GMT\+1\)/);
    expect(warnings).to.have.length(1);
  });

  it('applies translations overrides per locale and warns about unknown keys', async () => {
    const warnings: string[] = [];
    const el = await element(
      html`<test-scheduling-element
        tzid="UTC"
        .translations=${{ en: { common: { times_in_zone: 'Clock: {zone}' } }, nope: 'x' }}
        @scheduling-warning=${(e: CustomEvent<{ message: string }>) => warnings.push(e.detail.message)}
      ></test-scheduling-element>`,
    );
    expect(text(el)).to.equal('Clock: UTC');
    expect(warnings.join()).to.contain('"nope"');
  });

  it('resolves the transport: injected, then demo, then HTTP rebuilt only for api-base or token', async () => {
    const el = await element(html`<test-scheduling-element></test-scheduling-element>`);
    const http = el.resolved.transport;
    expect(http).to.be.instanceOf(HttpTransport);
    el.tzid = 'UTC';
    await el.updateComplete;
    expect(el.resolved.transport).to.equal(http);
    el.token = 'tok';
    await el.updateComplete;
    expect(el.resolved.transport).to.be.instanceOf(HttpTransport).and.not.equal(http);
    el.demo = true;
    await el.updateComplete;
    const demo = el.resolved.transport;
    expect(demo).to.be.instanceOf(LocalTransport);
    const injected = new ManualTransport();
    el.transport = injected;
    await el.updateComplete;
    expect(el.resolved.transport).to.equal(injected);
    el.transport = undefined;
    await el.updateComplete;
    expect(el.resolved.transport).to.equal(demo);
  });

  it('keeps working when the callback throws', async () => {
    const errors: string[] = [];
    await element(
      html`<test-scheduling-element
        tzid="Nowhere/Land"
        .callback=${() => {
          throw new Error('host bug');
        }}
        @scheduling-error=${(e: CustomEvent<{ kind: string }>) => errors.push(e.detail.kind)}
      ></test-scheduling-element>`,
    );
    expect(errors).to.deep.equal(['config']);
  });

  it('refresh() asks the element to reload', async () => {
    const el = await element(html`<test-scheduling-element></test-scheduling-element>`);
    el.refresh();
    expect(el.reloads).to.equal(1);
  });
});

class ControllerHost extends LitElement {
  errors: string[] = [];
  readonly availability = new AvailabilityController(this, {
    onError: (e) => this.errors.push(e.kind),
  });
}
customElements.define('test-controller-host', ControllerHost);

describe('AvailabilityController', () => {
  it('loads, keeps the old answer while refreshing, aborts superseded requests, reports failures', async () => {
    const host = await fixture<ControllerHost>(html`<test-controller-host></test-controller-host>`);
    const c = host.availability;
    const transport = new ManualTransport();
    expect(c.status).to.equal('idle');
    void c.request(transport, query());
    expect(c.status).to.equal('loading');
    expect(c.refreshing).to.equal(false);
    void c.request(transport, query());
    expect(transport.calls, 'same request is not repeated').to.have.length(1);
    transport.calls[0]!.resolve(result('2026-12-01T09:00:00Z'));
    await waitUntil(() => c.status === 'ready');
    expect(c.result!.slots[0]!.start).to.equal('2026-12-01T09:00:00Z');

    void c.reload();
    expect(transport.calls[1]!.options.fresh).to.equal(true);
    expect(c.refreshing).to.equal(true);
    expect(c.result!.slots[0]!.start).to.equal('2026-12-01T09:00:00Z');
    void c.reload();
    expect(transport.calls[1]!.options.signal!.aborted, 'superseded request aborted').to.equal(
      true,
    );
    transport.calls[1]!.resolve(result('2026-12-01T10:00:00Z'));
    transport.calls[2]!.reject(new SchedulingError('network', 'offline'));
    await waitUntil(() => c.status === 'error');
    expect(c.error!.kind).to.equal('network');
    expect(host.errors).to.deep.equal(['network']);
    expect(c.result!.slots[0]!.start, 'the superseded answer is never shown').to.equal(
      '2026-12-01T09:00:00Z',
    );
    c.clear();
    expect(c.status).to.equal('idle');
    expect(c.result).to.equal(undefined);
  });

  it('reports a failure thrown by an untyped transport as a server error', async () => {
    const host = await fixture<ControllerHost>(html`<test-controller-host></test-controller-host>`);
    await host.availability.request(
      { availability: () => Promise.reject(new TypeError('broken')) },
      query(),
    );
    expect(host.availability.status).to.equal('error');
    expect(host.availability.error).to.deep.equal({ kind: 'server', message: 'broken' });
  });
});

describe('state templates', () => {
  it('offer Retry only where asking again can help', async () => {
    const strings = await loadStrings('en');
    const retryable = ['network', 'server', 'rate_limited', 'bad_response', 'conflict'];
    for (const kind of [
      'auth',
      'forbidden',
      'not_found',
      'invalid_query',
      'gone',
      'config',
    ] as const) {
      expect(isRetryable(kind), kind).to.equal(false);
    }
    for (const kind of retryable) expect(isRetryable(kind as 'network'), kind).to.equal(true);
    const host = document.createElement('div');
    let retried = 0;
    render(
      errorView(strings, { kind: 'network', message: 'x' }, () => (retried += 1)),
      host,
    );
    expect(host.textContent).to.contain('check your internet connection');
    host.querySelector('button')!.click();
    expect(retried).to.equal(1);
    render(
      errorView(strings, { kind: 'auth', message: 'x' }, () => {}),
      host,
    );
    expect(host.querySelector('button')).to.equal(null);
  });

  it('render the empty, stale, skeleton and zone views', async () => {
    const strings = await loadStrings('de');
    const host = document.createElement('div');
    render(emptyView(strings, { date: '3. Dezember', onJump: () => {} }), host);
    expect(host.textContent).to.contain('3. Dezember');
    expect(host.querySelector('[part="next-availability-button"]')).to.not.equal(null);
    render(staleNotice(strings), host);
    expect(host.querySelector('[part="stale-notice"]')!.textContent!.trim()).to.not.equal('');
    render(skeletonView(strings, 4), host);
    expect(host.querySelectorAll('.skeleton-bar')).to.have.length(4);
    expect(host.querySelector('[role="status"]')!.textContent).to.contain(
      strings.t('common.loading'),
    );
  });
});

describe('time zone list', () => {
  it('puts the current zone first and the rest by offset, each with its offset', () => {
    const options = zoneOptions('Asia/Kolkata', JAN_15);
    expect(options[0]).to.deep.equal({
      id: 'Asia/Kolkata',
      offset: 'GMT+5:30',
      label: 'Asia/Kolkata (GMT+5:30)',
    });
    expect(options.filter((o) => o.id === 'Asia/Kolkata')).to.have.length(1);
    const ny = options.find((o) => o.id === 'America/New_York')!;
    expect(ny.label).to.equal('America/New York (GMT-5)');
    expect(options.some((o) => o.id === 'UTC')).to.equal(true);
    expect(matchingZoneOptions(options, 'new york').map((o) => o.id)).to.include(
      'America/New_York',
    );
    expect(matchingZoneOptions(options, 'gmt+5:30 kolk').map((o) => o.id)).to.deep.equal([
      'Asia/Kolkata',
    ]);
  });

  it('lists renamed zones under their current names, once', () => {
    const options = zoneOptions('Europe/Berlin', JAN_15);
    for (const [now, old] of [
      ['Asia/Kolkata', 'Asia/Calcutta'],
      ['Asia/Kathmandu', 'Asia/Katmandu'],
      ['Asia/Ho_Chi_Minh', 'Asia/Saigon'],
      ['Europe/Kyiv', 'Europe/Kiev'],
      ['America/Nuuk', 'America/Godthab'],
    ]) {
      expect(
        options.filter((o) => o.id === now),
        now,
      ).to.have.length(1);
      expect(
        options.filter((o) => o.id === old),
        old,
      ).to.have.length(0);
    }
    expect(matchingZoneOptions(options, 'kathmandu').map((o) => o.id)).to.deep.equal([
      'Asia/Kathmandu',
    ]);
  });
});

describe('<se-time-zone-select>', () => {
  it('is a keyboard-usable combobox that filters and chooses a zone', async () => {
    const el = await fixture<TimeZoneSelect>(
      html`<se-time-zone-select
        value="Europe/Berlin"
        label="Time zone"
        .now=${JAN_15}
      ></se-time-zone-select>`,
    );
    const input = el.shadowRoot!.querySelector('input')!;
    expect(input.getAttribute('role')).to.equal('combobox');
    expect(input.value).to.equal('Europe/Berlin (GMT+1)');
    input.focus();
    await sendKeys({ press: 'ArrowDown' });
    await el.updateComplete;
    expect(input.getAttribute('aria-expanded')).to.equal('true');
    const first = el.shadowRoot!.querySelector('[role="option"]')!;
    expect(first.textContent!.trim()).to.equal('Europe/Berlin (GMT+1)');
    expect(input.getAttribute('aria-activedescendant')).to.equal(first.id);
    await expect(el).to.be.accessible();
    await sendKeys({ type: 'tokyo' });
    await el.updateComplete;
    const options = [...el.shadowRoot!.querySelectorAll('[role="option"]')].map((o) =>
      o.textContent!.trim(),
    );
    expect(options).to.deep.equal(['Asia/Tokyo (GMT+9)']);
    const change = oneEvent(el, 'zone-change');
    await sendKeys({ press: 'Enter' });
    expect((await change).detail.zone).to.equal('Asia/Tokyo');
    await el.updateComplete;
    expect(input.getAttribute('aria-expanded')).to.equal('false');
    expect(input.value).to.equal('Asia/Tokyo (GMT+9)');
  });

  it('closes on Escape without choosing and keeps the Escape to itself', async () => {
    let escapes = 0;
    const wrapper = await fixture<HTMLDivElement>(
      html`<div @keydown=${(e: KeyboardEvent) => (escapes += e.key === 'Escape' ? 1 : 0)}>
        <se-time-zone-select value="UTC"></se-time-zone-select>
      </div>`,
    );
    const el = wrapper.querySelector('se-time-zone-select')!;
    const input = el.shadowRoot!.querySelector('input')!;
    input.focus();
    await sendKeys({ type: 'ber' });
    await el.updateComplete;
    expect(input.getAttribute('aria-expanded')).to.equal('true');
    await sendKeys({ press: 'Escape' });
    await el.updateComplete;
    expect(input.getAttribute('aria-expanded')).to.equal('false');
    expect(el.value).to.equal('UTC');
    expect(escapes).to.equal(0);
    await sendKeys({ press: 'Escape' });
    expect(escapes).to.equal(1);
  });
});

describe('an injected transport that misbehaves', () => {
  const QUERY_FOR_BAD_TRANSPORTS = {
    participants: [{ members: [{ sub: 'a' }], required: 'all' as const }],
    required_duration: { minutes: 30 },
    query_periods: [{ start: '2026-12-01T09:00:00Z', end: '2026-12-01T17:00:00Z' }],
  };
  for (const [label, transport, kind] of [
    [
      'answers slots that are not a list',
      { availability: async () => ({ slots: 'nope' }) },
      'bad_response',
    ],
    ['answers nothing', { availability: async () => undefined }, 'bad_response'],
    [
      'answers a slot without instants',
      { availability: async () => ({ slots: [{ start: 'soon', participants: [] }] }) },
      'bad_response',
    ],
    [
      'throws instead of rejecting',
      {
        availability: () => {
          throw new Error('not implemented');
        },
      },
      'server',
    ],
    [
      'rejects with its own object naming a kind',
      { availability: () => Promise.reject({ kind: 'auth', status: 401, message: 'expired' }) },
      'auth',
    ],
  ] as const) {
    for (const tag of ['slot-picker', 'availability-viewer']) {
      it(`${tag}: ${label} -> the error view and scheduling-error ${kind}`, async () => {
        const errors: SchedulingErrorDetail[] = [];
        const failures: unknown[] = [];
        const onFailure = (e: PromiseRejectionEvent | ErrorEvent) => failures.push(e);
        window.addEventListener('unhandledrejection', onFailure);
        window.addEventListener('error', onFailure);
        try {
          const el = document.createElement(tag) as HTMLElement & {
            transport: unknown;
            query: unknown;
          };
          el.setAttribute('tzid', 'UTC');
          el.transport = transport;
          el.query = QUERY_FOR_BAD_TRANSPORTS;
          el.addEventListener('scheduling-error', (e) => errors.push(e.detail));
          document.body.append(el);
          await waitUntil(() => el.shadowRoot?.querySelector('[part~="error"]'), 'no error view');
          expect(errors.map((e) => e.kind)).to.deep.equal([kind]);
          expect(failures, 'no uncaught error').to.deep.equal([]);
          el.remove();
        } finally {
          window.removeEventListener('unhandledrejection', onFailure);
          window.removeEventListener('error', onFailure);
        }
      });
    }
  }
});
