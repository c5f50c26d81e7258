/**
 * Injection: script and markup payloads, `javascript:` URLs and RTL / zero-width unicode in every
 * text that reaches the elements from outside:
 * - `.translations` overrides (shown as headings, state texts, buttons),
 * - participant subs in API answers (carried into `slot-selected` details),
 * - field-error descriptions of 422 answers (carried into `scheduling-error` details),
 * - attribute values quoted in configuration errors (`tzid`, `mode`),
 * - the booking link's summary, description, location, organiser name and disabled message, the
 *   booking's recipient name and note, for `<rts-booking-page>`.
 * Each must end as inert text: no element is created from it (no img, script, svg, iframe,
 * object or embed, no `on*` attribute, no `javascript:` link anywhere in the shadow roots, nested
 * ones included, beyond the element's own markup), the text appears literally where it is shown
 * (and in event details where it is carried), and no handler ran (the payloads set a global flag).
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { ApiAvailableSlot, AvailabilityQuery, NormalisedQuery } from '../../src/core/types.js';
import { errorFromResponse } from '../../src/data/errors.js';
import type { AvailabilityResult, RequestOptions, Transport } from '../../src/data/transport.js';
import type {
  RtsApi,
  RtsBooking,
  RtsBookingRequest,
  RtsLink,
  RtsRequestOptions,
} from '../../src/data/rts.js';
import '../../src/elements/availability-viewer/define.js';
import type { AvailabilityViewer } from '../../src/elements/availability-viewer/availability-viewer.js';
import '../../src/elements/rts-booking-page/define.js';
import type {
  SchedulingErrorDetail,
  SlotSelectedDetail,
} from '../../src/elements/shared/events.js';
import '../../src/elements/slot-picker/define.js';
import type { SlotPicker } from '../../src/elements/slot-picker/slot-picker.js';
import { ViewerObject } from '../elements/availability-viewer-object.js';
import { RtsBookingPageObject } from '../elements/rts-booking-page-object.js';
import { SlotPickerObject } from '../elements/slot-picker-object.js';
import { watchGlobalFailures } from './global-failures.js';

watchGlobalFailures();

/** Payloads; each one that could run sets `window.__pwned`. */
const PAYLOADS = [
  '<img src=x onerror="window.__pwned=1">',
  '<script>window.__pwned=1</script>',
  '"><svg onload="window.__pwned=1">',
  '\'><iframe src="javascript:window.__pwned=1"></iframe>',
  '<a href="javascript:window.__pwned=1">click</a>',
  'javascript:window.__pwned=1',
  '\u202Eevil\u202C a\u200Bb\u200C\u200D\uFEFF text',
  '{{constructor.constructor("window.__pwned=1")()}} ${window.__pwned=1}',
];

type Flagged = Window & { __pwned?: number };

/** Every element in `root` and the shadow roots below it. */
function deepElements(root: ShadowRoot | Element): Element[] {
  const out: Element[] = [];
  for (const el of root.querySelectorAll('*')) {
    out.push(el);
    if (el.shadowRoot) out.push(...deepElements(el.shadowRoot));
  }
  return out;
}

/** The text of `root` and the shadow roots below it, attribute values excluded. */
function deepText(root: ShadowRoot | Element): string {
  let text = '';
  for (const node of root.childNodes) {
    if (node.nodeType === Node.TEXT_NODE) text += node.textContent;
    else if (node instanceof Element) {
      if (node.shadowRoot) text += deepText(node.shadowRoot);
      text += deepText(node);
    }
  }
  return text;
}

/** A fingerprint of active content: dangerous tags, handler attributes and script URLs. */
function activeContent(host: Element): string[] {
  const found: string[] = [];
  for (const el of deepElements(host.shadowRoot!)) {
    if (['img', 'script', 'svg', 'iframe', 'object', 'embed'].includes(el.localName)) {
      found.push(el.localName);
    }
    for (const attr of el.attributes) {
      if (attr.name.startsWith('on')) found.push(`${el.localName}[${attr.name}]`);
      const url = ['href', 'src', 'action', 'formaction', 'xlink:href', 'data'].includes(attr.name);
      if (url && /^\s*javascript:/i.test(attr.value))
        found.push(`${el.localName}[${attr.name}=js]`);
    }
  }
  return found.sort();
}

/** Waits long enough for an injected image's error handler to have run, then checks the flag. */
async function expectNoHandlerRan(): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, 150));
  expect((window as Flagged).__pwned, 'a payload handler ran').to.equal(undefined);
}

beforeEach(() => {
  (window as Flagged).__pwned = undefined;
});

const QUERY: AvailabilityQuery = {
  participants: [{ members: [{ sub: 'acc_a' }, { sub: 'acc_b' }], required: 'all' }],
  required_duration: { minutes: 30 },
  query_periods: [{ start: '2026-12-01T00:00:00Z', end: '2026-12-06T00:00:00Z' }],
  response_format: 'slots',
};

/** A transport answering two slots for `subs`, or failing with `error`. */
class ScriptedTransport implements Transport {
  constructor(
    private readonly subs: string[],
    private readonly error?: Error,
  ) {}
  availability(_q: NormalisedQuery, _o?: RequestOptions): Promise<AvailabilityResult> {
    if (this.error) return Promise.reject(this.error);
    return Promise.resolve({
      slots: ['2026-12-01T10:00:00Z', '2026-12-01T10:30:00Z'].map((start) => ({
        start,
        end: new Date(Date.parse(start) + 30 * 60_000).toISOString().replace('.000Z', 'Z'),
        participants: this.subs.map((sub) => ({ sub })),
      })),
      format: 'slots',
      memberStatuses: [],
      stale: false,
    });
  }
}

/** What the element shows with harmless texts, to compare its own markup against. */
const baselines = new Map<string, string[]>();

describe('injection: <slot-picker>', () => {
  before(async () => {
    const page = await SlotPickerObject.mount(
      html`<slot-picker
        tzid="UTC"
        .query=${QUERY}
        .transport=${new ScriptedTransport(['acc_a'])}
      ></slot-picker>`,
    );
    baselines.set('slot-picker', activeContent(page.el));
  });

  for (const payload of PAYLOADS) {
    it(`keeps ${JSON.stringify(payload)} inert in translations and subs`, async () => {
      const selected: SlotSelectedDetail[] = [];
      const page = await SlotPickerObject.mount(
        html`<slot-picker
          tzid="UTC"
          mode="no_confirm"
          .query=${QUERY}
          .transport=${new ScriptedTransport([payload, 'acc_b'])}
          .translations=${{
            'slot_picker.select_day': payload,
            'slot_picker.select_time': `${payload} (time)`,
            'slot_picker.back': payload,
          }}
          @slot-selected=${(e: CustomEvent<SlotSelectedDetail>) => selected.push(e.detail)}
        ></slot-picker>`,
      );
      expect(page.heading).to.equal(payload.replace(/\s+/g, ' ').trim());
      expect(deepText(page.el.shadowRoot!)).to.include(payload);
      await page.clickDayAt(0);
      expect(deepText(page.el.shadowRoot!)).to.include(`${payload} (time)`);
      await page.clickTimeAt(0);
      expect(selected[0]!.slot.participants.map((p) => p.sub)).to.deep.equal([payload, 'acc_b']);
      expect(activeContent(page.el)).to.deep.equal(baselines.get('slot-picker'));
      await expectNoHandlerRan();
    });

    it(`keeps ${JSON.stringify(payload)} inert in a 422 description and a bad tzid`, async () => {
      const errors: SchedulingErrorDetail[] = [];
      const failure = errorFromResponse(422, {
        errors: { [payload]: [{ key: 'errors.invalid', description: payload }] },
      });
      const wrapper = await fixture<HTMLDivElement>(
        html`<div
          @scheduling-error=${(e: CustomEvent<SchedulingErrorDetail>) => errors.push(e.detail)}
        >
          <slot-picker
            tzid="UTC"
            .query=${QUERY}
            .transport=${new ScriptedTransport([], failure)}
          ></slot-picker>
          <slot-picker
            tzid=${payload}
            .query=${QUERY}
            .transport=${new ScriptedTransport([])}
          ></slot-picker>
        </div>`,
      );
      const [failed, badZone] = [...wrapper.querySelectorAll('slot-picker')].map(
        (el) => new SlotPickerObject(el as SlotPicker),
      );
      await failed!.settled();
      await badZone!.settled();
      expect(failed!.errorText).to.not.equal('');
      const invalid = errors.find((e) => e.kind === 'invalid_query')!;
      expect(invalid.errors).to.deep.equal({
        [payload]: [{ key: 'errors.invalid', description: payload }],
      });
      expect(invalid.message).to.include(payload);
      expect(badZone!.configError).to.include(payload.replace(/\s+/g, ' ').trim());
      expect(deepText(badZone!.el.shadowRoot!)).to.include(payload);
      for (const el of [failed!.el, badZone!.el]) {
        expect(activeContent(el)).to.deep.equal([]);
      }
      await expectNoHandlerRan();
    });
  }
});

describe('injection: <availability-viewer>', () => {
  async function mountViewer(
    transport: Transport,
    attrs: { translations?: Record<string, string>; mode?: string } = {},
  ): Promise<ViewerObject> {
    const el = await fixture<AvailabilityViewer>(
      html`<availability-viewer
        tzid="UTC"
        days="7"
        interval="30"
        mode=${attrs.mode ?? 'confirm'}
        .query=${QUERY}
        .transport=${transport}
        .translations=${attrs.translations}
      ></availability-viewer>`,
    );
    const page = new ViewerObject(el);
    await page.loaded();
    return page;
  }

  before(async () => {
    const page = await mountViewer(new ScriptedTransport(['acc_a']));
    baselines.set('availability-viewer', activeContent(page.element));
  });

  for (const payload of PAYLOADS) {
    it(`keeps ${JSON.stringify(payload)} inert in translations, subs, 422 descriptions and config errors`, async () => {
      const selected: SlotSelectedDetail[] = [];
      const page = await mountViewer(new ScriptedTransport([payload]), {
        mode: 'no_confirm',
        translations: {
          'common.previous_week': payload,
          'common.next_week': payload,
          'common.select_time': payload,
          'availability_viewer.selected': payload,
        },
      });
      page.element.addEventListener('slot-selected', (e) => selected.push(e.detail));
      expect(deepText(page.element.shadowRoot!) + deepAttributes(page.element)).to.include(payload);
      await page.click(page.cellsIn('available').length ? availableCell(page) : page.cells()[0]!);
      expect(selected[0]?.slot.participants.map((p) => p.sub)).to.deep.equal([payload]);
      expect(activeContent(page.element)).to.deep.equal(baselines.get('availability-viewer'));

      const errors: SchedulingErrorDetail[] = [];
      const failure = errorFromResponse(422, {
        errors: { query_periods: [{ key: 'errors.invalid', description: payload }] },
      });
      const failed = await fixture<AvailabilityViewer>(
        html`<availability-viewer
          tzid="UTC"
          .query=${QUERY}
          .transport=${new ScriptedTransport([], failure)}
          @scheduling-error=${(e: CustomEvent<SchedulingErrorDetail>) => errors.push(e.detail)}
        ></availability-viewer>`,
      );
      await new ViewerObject(failed).loaded();
      expect(errors.map((e) => e.errors)).to.deep.equal([
        { query_periods: [{ key: 'errors.invalid', description: payload }] },
      ]);
      expect(activeContent(failed)).to.deep.equal([]);

      const misconfigured = await fixture<AvailabilityViewer>(
        html`<availability-viewer
          tzid="UTC"
          mode=${payload}
          .query=${QUERY}
          .transport=${new ScriptedTransport([])}
        ></availability-viewer>`,
      );
      await new ViewerObject(misconfigured).loaded();
      expect(deepText(misconfigured.shadowRoot!)).to.include(payload);
      expect(activeContent(misconfigured)).to.deep.equal([]);
      await expectNoHandlerRan();
    });
  }
});

/** Attribute values (aria-label and the like) in the shadow roots, joined. */
function deepAttributes(host: Element): string {
  return deepElements(host.shadowRoot!)
    .flatMap((el) => [...el.attributes].map((a) => a.value))
    .join('\n');
}

function availableCell(page: ViewerObject): HTMLElement {
  return page.cells().find((c) => c.classList.contains('available'))!;
}

describe('injection: <rts-booking-page>', () => {
  const SLOTS: ApiAvailableSlot[] = ['2026-12-01T15:00:00Z', '2026-12-01T15:30:00Z'].map(
    (start) => ({
      start,
      end: new Date(Date.parse(start) + 30 * 60_000).toISOString().replace('.000Z', 'Z'),
      participants: [{ sub: 'acc_1' }],
    }),
  );

  function link(payload: string, overrides: Partial<RtsLink> = {}): RtsLink {
    return {
      id: 'rts_1',
      status: 'open',
      summary: payload,
      description: `${payload} (description)`,
      location: `${payload} (location)`,
      duration_minutes: 30,
      organizer: { name: `${payload} (organiser)`, tzid: 'Europe/London' },
      fields: { name: 'required', email: 'required', note: 'optional' },
      window: { start: '2026-12-01T00:00:00Z', end: '2026-12-15T00:00:00Z' },
      display_message: null,
      booking: null,
      ...overrides,
    };
  }

  /** A client answering `linkAnswer` and booking whatever is asked, echoing the recipient. */
  class Client implements RtsApi {
    constructor(
      private readonly linkAnswer: RtsLink,
      private readonly payload: string,
    ) {}
    link(_o?: RtsRequestOptions) {
      return Promise.resolve(this.linkAnswer);
    }
    slots() {
      return Promise.resolve(SLOTS);
    }
    book(request: RtsBookingRequest): Promise<RtsBooking> {
      return Promise.resolve({
        event_id: 'evt_1',
        summary: this.payload,
        start: request.slot.start,
        end: request.slot.end,
        tzid: 'Europe/London',
        organizer: { name: `${this.payload} (organiser)`, tzid: 'Europe/London' },
        recipient: request.recipient,
        redirect_url: null,
      });
    }
    noTimesSuitable() {
      return Promise.resolve();
    }
    noTimesDisplayed() {
      return Promise.resolve();
    }
  }

  async function mountPage(
    client: RtsApi,
    translations?: Record<string, string>,
  ): Promise<RtsBookingPageObject> {
    return RtsBookingPageObject.mount(
      html`<rts-booking-page
        tzid="America/New_York"
        locale="en"
        .client=${client}
        .translations=${translations}
        .navigate=${() => undefined}
      ></rts-booking-page>`,
    );
  }

  let baseline: string[];
  before(async () => {
    const page = await mountPage(new Client(link('Intro call'), 'Intro call'));
    baseline = activeContent(page.el);
  });

  for (const payload of PAYLOADS) {
    it(`keeps ${JSON.stringify(payload)} inert in the link, the form and the booking`, async () => {
      const page = await mountPage(new Client(link(payload), payload), {
        'rts.duration': `${payload} (duration label)`,
        'rts.book': `${payload} (book button)`,
      });
      const shown = () => deepText(page.el.shadowRoot!);
      for (const text of [
        payload,
        `${payload} (description)`,
        `${payload} (location)`,
        `${payload} (duration label)`,
      ]) {
        expect(shown()).to.include(text);
      }
      expect(shown()).to.include(`${payload} (organiser)`);
      expect(activeContent(page.el)).to.deep.equal(baseline);
      await page.clickFirstAvailableDate();
      await page.clickTimeAt(0);
      await page.fill('name', payload);
      await page.fill('email', 'someone@example.com');
      await page.fill('note', payload);
      expect(shown()).to.include(`${payload} (book button)`);
      const confirmed: RtsBooking[] = [];
      page.el.addEventListener('booking-confirmed', (e) =>
        confirmed.push(e.detail.booking as RtsBooking),
      );
      await page.clickBook();
      await page.settled();
      await waitUntil(() => confirmed.length === 1, 'the booking was not confirmed');
      expect(confirmed[0]!.recipient).to.deep.equal({
        name: payload,
        email: 'someone@example.com',
        note: payload,
      });
      expect(shown()).to.include(payload);
      const links = deepElements(page.el.shadowRoot!).filter((e) => e.localName === 'a');
      for (const a of links) {
        expect(a.getAttribute('href') ?? '', 'calendar links').to.match(
          /^(https:|data:text\/calendar|blob:)/,
        );
      }
      expect(activeContent(page.el)).to.deep.equal(baseline);
      await expectNoHandlerRan();
    });

    it(`keeps ${JSON.stringify(payload)} inert in a disabled link's message`, async () => {
      const page = await mountPage(
        new Client(link(payload, { status: 'disabled', display_message: payload }), payload),
      );
      expect(deepText(page.el.shadowRoot!)).to.include(payload);
      expect(activeContent(page.el)).to.deep.equal([]);
      await expectNoHandlerRan();
    });
  }
});
