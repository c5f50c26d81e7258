/**
 * `<slot-picker>` through its page object: the flow by mouse and by keyboard, every state and
 * error kind, bad attributes, DST days in a forced zone (the browser runs in Pacific/Chatham),
 * locale and zone switches at runtime, and the real embedded API.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { TemplateResult } from 'lit';
import type {
  AvailabilityQuery,
  NormalisedQuery,
  SchedulingErrorKind,
} from '../../src/core/types.js';
import { SchedulingError, abortError } from '../../src/data/errors.js';
import type { AvailabilityResult, RequestOptions, Transport } from '../../src/data/transport.js';
import type {
  SchedulingErrorDetail,
  SlotSelectedDetail,
} from '../../src/elements/shared/events.js';
import type { Notification } from '../../src/elements/shared/notifications.js';
import { loadStrings } from '../../src/i18n/index.js';
import type { SlotPicker } from '../../src/elements/slot-picker/slot-picker.js';
import { SlotPickerObject } from './slot-picker-object.js';

const QUERY: AvailabilityQuery = {
  participants: [{ members: [{ sub: 'acc_1' }, { sub: 'acc_2' }], required: 'all' }],
  required_duration: { minutes: 30 },
  query_periods: [{ start: '2026-12-01T00:00:00Z', end: '2026-12-31T00:00:00Z' }],
  response_format: 'slots',
};

const iso = (ms: number) => new Date(ms).toISOString().replace('.000Z', 'Z');

/** Slots of `minutes` starting at each ISO instant. */
function slotsAt(starts: string[], minutes = 30) {
  return starts.map((start) => ({
    start,
    end: iso(Date.parse(start) + minutes * 60_000),
    participants: [{ sub: 'acc_1' }, { sub: 'acc_2' }],
  }));
}

/** A transport answering from a script: slots, a failure, or never. */
class FakeTransport implements Transport {
  requests: { query: NormalisedQuery; options: RequestOptions }[] = [];
  constructor(
    public answer: (
      query: NormalisedQuery,
      call: number,
    ) => Partial<AvailabilityResult> | Error | 'never',
  ) {}

  availability(query: NormalisedQuery, options: RequestOptions = {}): Promise<AvailabilityResult> {
    this.requests.push({ query, options });
    const answer = this.answer(query, this.requests.length);
    if (answer === 'never') {
      return new Promise((_, reject) =>
        options.signal?.addEventListener('abort', () => reject(abortError())),
      );
    }
    if (answer instanceof Error) return Promise.reject(answer);
    return Promise.resolve({
      slots: [],
      format: 'slots',
      memberStatuses: [],
      stale: false,
      ...answer,
    });
  }
}

/** Three days in December 2026 (UTC instants), the first with three times. */
const DECEMBER = slotsAt([
  '2026-12-01T09:00:00Z',
  '2026-12-01T09:30:00Z',
  '2026-12-01T14:00:00Z',
  '2026-12-03T10:00:00Z',
  '2026-12-09T16:00:00Z',
]);

function fake(slots = DECEMBER): FakeTransport {
  return new FakeTransport(() => ({ slots }));
}

describe('<slot-picker> flow', () => {
  it('books by mouse: day, time, confirm, with the event and notification', async () => {
    const notifications: Notification[] = [];
    const selected: SlotSelectedDetail[] = [];
    const page = await SlotPickerObject.mount(
      html`<slot-picker
        tzid="Europe/Berlin"
        .query=${QUERY}
        .transport=${fake()}
        .callback=${(n: Notification) => notifications.push(n)}
        @slot-selected=${(e: CustomEvent<SlotSelectedDetail>) => selected.push(e.detail)}
      ></slot-picker>`,
    );
    expect(page.heading).to.equal('Select a day');
    expect(page.days).to.deep.equal([
      'Tuesday, December 1, 2026 3 slots',
      'Thursday, December 3, 2026 1 slot',
      'Wednesday, December 9, 2026 1 slot',
    ]);
    expect(page.zoneLine).to.equal('Times in Europe/Berlin (GMT+1)');
    await expect(page.el).to.be.accessible();

    await page.clickDay('December 1');
    expect(page.heading).to.equal('Select a time');
    expect(page.dayLabel).to.equal('Tuesday, December 1, 2026');
    expect(page.times).to.deep.equal(['10:00 – 10:30 AM', '10:30 – 11:00 AM', '3:00 – 3:30 PM']);
    expect(page.timeNames[0]).to.equal(
      'Tuesday, December 1, 2026, 10:00 – 10:30 AM, Europe/Berlin',
    );
    expect(page.focused).to.equal(page.timeNames[0]);
    await expect(page.el).to.be.accessible();

    await page.clickTimeAt(1);
    expect(page.heading).to.equal('Confirm your time');
    expect(page.summary).to.equal('Tuesday, December 1, 2026, 10:30 – 11:00 AM, Europe/Berlin');
    expect(selected, 'nothing selected before Confirm').to.have.length(0);
    await expect(page.el).to.be.accessible();

    await page.clickConfirm();
    const slot = {
      start: '2026-12-01T09:30:00Z',
      end: '2026-12-01T10:00:00Z',
      participants: [{ sub: 'acc_1' }, { sub: 'acc_2' }],
      available: true,
    };
    expect(selected).to.deep.equal([{ slot }]);
    expect(notifications).to.deep.equal([{ notification: { type: 'slot_selected', slot } }]);
    expect(page.el.selectedSlot).to.deep.equal(slot);
    expect(page.heading).to.contain('Selected: Tuesday, December 1, 2026, 10:30 – 11:00 AM');
    expect(page.announcement).to.contain('Selected:');
    await expect(page.el).to.be.accessible();
  });
});

describe('<slot-picker> keyboard', () => {
  it('books with the keyboard alone: one tab stop per list, arrows, Enter, Space, Escape', async () => {
    const selected: SlotSelectedDetail[] = [];
    const page = await SlotPickerObject.mount(
      html`<slot-picker
        tzid="Europe/Berlin"
        .query=${QUERY}
        .transport=${fake()}
        @slot-selected=${(e: CustomEvent<SlotSelectedDetail>) => selected.push(e.detail)}
      ></slot-picker>`,
    );
    await page.tabIn();
    expect(page.focused).to.equal('Tuesday, December 1, 2026 3 slots');
    await page.press('ArrowDown');
    expect(page.focused).to.equal('Thursday, December 3, 2026 1 slot');
    await page.press('End');
    expect(page.focused).to.equal('Wednesday, December 9, 2026 1 slot');
    await page.press('Home', 'Enter');
    expect(page.heading).to.equal('Select a time');
    expect(page.announcement).to.equal('Select a time: Tuesday, December 1, 2026');
    expect(page.focused).to.contain('10:00 – 10:30 AM');
    await page.press('ArrowDown', 'ArrowDown');
    expect(page.focused).to.contain('3:00 – 3:30 PM');
    await page.press('ArrowUp', ' ');
    expect(page.heading).to.equal('Confirm your time');
    expect(page.focusedPart).to.equal('heading');
    await page.press('Escape');
    expect(page.heading, 'Escape goes back').to.equal('Select a time');
    expect(page.focused).to.contain('10:30 – 11:00 AM');
    await page.press('Enter', 'Tab', 'Tab');
    expect(page.focusedPart).to.equal('confirm-button');
    await page.press('Enter');
    expect(selected.map((d) => d.slot.start)).to.deep.equal(['2026-12-01T09:30:00Z']);
    await page.press('Escape');
    expect(page.heading).to.equal('Select a time');
    expect(page.selectedTimes).to.deep.equal(['10:30 – 11:00 AM']);
    await page.press('Escape');
    expect(page.heading).to.equal('Select a day');
    expect(page.focused).to.equal('Tuesday, December 1, 2026 3 slots');
    await page.press('Escape');
    expect(page.heading, 'nothing before the first step').to.equal('Select a day');
  });

  it('selects on the time pick in no_confirm mode and marks the choice', async () => {
    const selected: SlotSelectedDetail[] = [];
    const page = await SlotPickerObject.mount(
      html`<slot-picker
        mode="no_confirm"
        tzid="UTC"
        .query=${QUERY}
        .transport=${fake()}
        @slot-selected=${(e: CustomEvent<SlotSelectedDetail>) => selected.push(e.detail)}
      ></slot-picker>`,
    );
    await page.clickDay('December 3');
    await page.clickTimeAt(0);
    expect(selected.map((d) => d.slot.start)).to.deep.equal(['2026-12-03T10:00:00Z']);
    expect(page.heading).to.equal('Select a time');
    expect(page.selectedTimes).to.deep.equal(['10:00 – 10:30 AM']);
    expect(page.announcement).to.equal(
      'Selected: Thursday, December 3, 2026, 10:00 – 10:30 AM, UTC',
    );
    await expect(page.el).to.be.accessible();
  });
});

describe('<slot-picker layout="calendar">', () => {
  const WINTER = slotsAt(['2026-12-01T09:00:00Z', '2026-12-03T10:00:00Z', '2027-02-10T10:00:00Z']);
  const WINTER_QUERY = {
    ...QUERY,
    query_periods: [{ start: '2026-12-01T00:00:00Z', end: '2027-02-28T00:00:00Z' }],
  };

  it('shows the month with the days that have times enabled and moves by arrow keys', async () => {
    const page = await SlotPickerObject.mount(
      html`<slot-picker
        layout="calendar"
        tzid="UTC"
        .query=${WINTER_QUERY}
        .transport=${fake(WINTER)}
      ></slot-picker>`,
    );
    expect(page.month).to.equal('December 2026');
    expect(page.availableDates).to.deep.equal(['1', '3']);
    await expect(page.el).to.be.accessible();
    await page.tabIn();
    expect(page.focused, 'month navigation comes first').to.equal('Next month');
    await page.press('Tab');
    expect(page.focused).to.equal('Tuesday, December 1, 2026, 1 slot');
    await page.press('ArrowRight');
    expect(page.focused, 'a day without times can be focused').to.equal(
      'Wednesday, December 2, 2026',
    );
    await page.press('Enter');
    expect(page.heading, 'but not chosen').to.equal('Select a day');
    await page.press('ArrowRight', 'ArrowDown');
    expect(page.focused).to.equal('Thursday, December 10, 2026');
    await page.press('ArrowUp', 'Enter');
    expect(page.heading).to.equal('Select a time');
    expect(page.times).to.deep.equal(['10:00 – 10:30 AM']);
    await page.press('Escape');
    expect(page.focused).to.equal('Thursday, December 3, 2026, 1 slot');
  });

  it('skips months without availability through "next available"', async () => {
    const page = await SlotPickerObject.mount(
      html`<slot-picker
        layout="calendar"
        tzid="UTC"
        .query=${WINTER_QUERY}
        .transport=${fake(WINTER)}
      ></slot-picker>`,
    );
    await page.clickNextMonth();
    expect(page.month).to.equal('January 2027');
    expect(page.availableDates).to.deep.equal([]);
    expect(page.emptyText).to.contain('No times available');
    await expect(page.el).to.be.accessible();
    await page.clickNextAvailability();
    expect(page.month).to.equal('February 2027');
    expect(page.availableDates).to.deep.equal(['10']);
    await page.clickDate(10);
    expect(page.dayLabel).to.equal('Wednesday, February 10, 2027');
  });

  it('keeps focus on the month buttons when one is disabled at the first or last month', async () => {
    const page = await SlotPickerObject.mount(
      html`<slot-picker
        layout="calendar"
        tzid="UTC"
        .query=${WINTER_QUERY}
        .transport=${fake(WINTER)}
      ></slot-picker>`,
    );
    page.el.shadowRoot!.querySelector<HTMLElement>('[part~="next-month-button"]')!.focus();
    await page.press('Enter', 'Enter');
    expect(page.month).to.equal('February 2027');
    expect(page.focused, 'not lost to the page').to.equal('Previous month');
    await page.press('Enter', 'Enter');
    expect(page.month).to.equal('December 2026');
    expect(page.focused).to.equal('Next month');
  });

  it("starts weeks on the locale's first day and pages months with PageDown", async () => {
    const page = await SlotPickerObject.mount(
      html`<slot-picker
        layout="calendar"
        locale="de"
        tzid="UTC"
        .query=${WINTER_QUERY}
        .transport=${fake(WINTER)}
      ></slot-picker>`,
    );
    const headers = [...page.el.shadowRoot!.querySelectorAll('th')].map((th) =>
      th.textContent!.trim(),
    );
    expect(headers[0]).to.equal('Mo');
    expect(page.month).to.equal('Dezember 2026');
    await page.tabIn();
    await page.press('Tab', 'PageDown');
    expect(page.month).to.equal('Januar 2027');
    expect(page.focused).to.equal('Freitag, 1. Januar 2027');
  });
});

describe('<slot-picker> states', () => {
  it('shows a skeleton in the final layout while loading', async () => {
    const page = new SlotPickerObject(
      await fixture<SlotPicker>(
        html`<slot-picker
          tzid="UTC"
          .query=${QUERY}
          .transport=${new FakeTransport(() => 'never')}
        ></slot-picker>`,
      ),
    );
    await waitUntil(() => page.heading !== '');
    expect(page.loading).to.equal(true);
    expect(page.heading).to.equal('Select a day');
    expect(page.zoneLine).to.equal('Times in UTC (GMT+0)');
    await expect(page.el).to.be.accessible();
  });

  it('says when nothing is available and fires no-slots-found with the query', async () => {
    const notifications: Notification[] = [];
    const found: unknown[] = [];
    const page = await SlotPickerObject.mount(
      html`<slot-picker
        tzid="UTC"
        .query=${QUERY}
        .transport=${fake([])}
        .callback=${(n: Notification) => notifications.push(n)}
        @no-slots-found=${(e: CustomEvent<{ query: AvailabilityQuery }>) => found.push(e.detail.query)}
      ></slot-picker>`,
    );
    expect(page.emptyText).to.equal('No times available');
    expect(found).to.have.length(1);
    const query = found[0] as AvailabilityQuery;
    expect(query.query_periods).to.deep.equal(QUERY.query_periods);
    expect(query.participants[0]!.members.map((m) => m.sub)).to.deep.equal(['acc_1', 'acc_2']);
    expect(notifications).to.deep.equal([{ notification: { type: 'no_slots_found', query } }]);
    await expect(page.el).to.be.accessible();
  });

  it('shows a notice when member calendars are not up to date', async () => {
    const page = await SlotPickerObject.mount(
      html`<slot-picker
        tzid="UTC"
        .query=${QUERY}
        .transport=${new FakeTransport(() => ({
          slots: DECEMBER,
          stale: true,
          memberStatuses: [{ sub: 'acc_2', sync_status: 'pending' }],
        }))}
      ></slot-picker>`,
    );
    expect(page.staleNotice).to.equal(
      'Some calendars are not up to date, so these times may change.',
    );
    expect(page.days).to.have.length(3);
    await expect(page.el).to.be.accessible();
  });

  const KINDS: [SchedulingErrorKind, number | undefined, boolean][] = [
    ['auth', 401, false],
    ['forbidden', 403, false],
    ['not_found', 404, false],
    ['invalid_query', 422, false],
    ['rate_limited', 429, true],
    ['server', 503, true],
    ['network', undefined, true],
    ['bad_response', 200, true],
    ['gone', 410, false],
  ];
  for (const [kind, status, retry] of KINDS) {
    it(`explains a ${kind} failure${retry ? ' and recovers with Retry' : ' without a useless Retry'}`, async () => {
      const errors: SchedulingErrorDetail[] = [];
      const notifications: Notification[] = [];
      const failure = new SchedulingError(kind, `HTTP ${status}: ${kind}`, {
        ...(status ? { status } : {}),
        ...(kind === 'invalid_query'
          ? { errors: { required_duration: [{ key: 'errors.required', description: 'required' }] } }
          : {}),
      });
      const transport = new FakeTransport((_q, call) =>
        call === 1 ? failure : { slots: DECEMBER },
      );
      const page = await SlotPickerObject.mount(
        html`<slot-picker
          tzid="UTC"
          .query=${QUERY}
          .transport=${transport}
          .callback=${(n: Notification) => notifications.push(n)}
          @scheduling-error=${(e: CustomEvent<SchedulingErrorDetail>) => errors.push(e.detail)}
        ></slot-picker>`,
      );
      const strings = await loadStrings('en');
      expect(page.errorText).to.contain(strings.t(`errors.${kind}`));
      expect(errors).to.deep.equal([failure.toDetail()]);
      expect(notifications).to.deep.equal([
        {
          notification: {
            type: 'error',
            element: 'Slot Picker',
            message: failure.message,
            ...(failure.errors ? { errors: failure.errors } : {}),
          },
        },
      ]);
      expect(page.canRetry).to.equal(retry);
      await expect(page.el).to.be.accessible();
      if (!retry) return;
      await page.clickRetry();
      await page.settled();
      expect(transport.requests[1]!.options.fresh).to.equal(true);
      expect(page.days).to.have.length(3);
    });
  }

  it("reports a custom transport's untyped failure as a server error", async () => {
    const errors: string[] = [];
    const page = await SlotPickerObject.mount(
      html`<slot-picker
        .query=${QUERY}
        .transport=${new FakeTransport(() => new TypeError('boom'))}
        @scheduling-error=${(e: CustomEvent<SchedulingErrorDetail>) => errors.push(e.detail.kind)}
      ></slot-picker>`,
    );
    expect(errors).to.deep.equal(['server']);
    expect(page.canRetry).to.equal(true);
  });

  it('refresh() asks again past caches and keeps the list on screen meanwhile', async () => {
    const transport = new FakeTransport((_q, call) => (call === 1 ? { slots: DECEMBER } : 'never'));
    const page = await SlotPickerObject.mount(
      html`<slot-picker tzid="UTC" .query=${QUERY} .transport=${transport}></slot-picker>`,
    );
    page.el.refresh();
    await page.el.updateComplete;
    expect(transport.requests[1]!.options.fresh).to.equal(true);
    expect(page.days).to.have.length(3);
    expect(page.el.shadowRoot!.textContent).to.contain('Refreshing…');
  });
});

describe('<slot-picker> configuration errors', () => {
  const cases: [string, TemplateResult, string][] = [
    [
      'query JSON',
      html`<slot-picker query="{not json" .transport=${fake()}></slot-picker>`,
      'query',
    ],
    [
      'query fields',
      html`<slot-picker
        query='{"participants":[{"members":[{"sub":"a"}]}],"query_periods":[{"start":"2026-12-01T00:00:00Z","end":"2026-12-02T00:00:00Z"}]}'
        .transport=${fake()}
      ></slot-picker>`,
      'query',
    ],
    ['missing query', html`<slot-picker .transport=${fake()}></slot-picker>`, 'query'],
    [
      'tzid',
      html`<slot-picker tzid="Europe/Atlantis" .query=${QUERY} .transport=${fake()}></slot-picker>`,
      'tzid',
    ],
    [
      'mode',
      html`<slot-picker mode="multi" .query=${QUERY} .transport=${fake()}></slot-picker>`,
      'mode',
    ],
    [
      'layout',
      html`<slot-picker layout="grid" .query=${QUERY} .transport=${fake()}></slot-picker>`,
      'layout',
    ],
  ];
  for (const [name, template, attribute] of cases) {
    it(`names the ${attribute} attribute for a bad ${name}`, async () => {
      const errors: SchedulingErrorDetail[] = [];
      const wrapper = await fixture<HTMLDivElement>(
        html`<div
          @scheduling-error=${(e: CustomEvent<SchedulingErrorDetail>) => errors.push(e.detail)}
        >
          ${template}
        </div>`,
      );
      const page = new SlotPickerObject(wrapper.querySelector('slot-picker')!);
      await page.settled();
      expect(page.configError).to.contain('This scheduling page is not set up correctly.');
      expect(page.configError).to.contain(`The ${attribute} attribute is invalid`);
      expect(errors.map((e) => [e.kind, e.attribute])).to.deep.equal([['config', attribute]]);
      // No zone line naming the browser's zone for times that are in no zone.
      if (attribute === 'tzid') expect(page.zoneLine).to.equal('');
      else expect(page.zoneLine).to.not.equal('');
      await expect(page.el).to.be.accessible();
    });
  }

  it('names the missing field of an invalid query', async () => {
    const page = await SlotPickerObject.mount(
      html`<slot-picker
        .query=${{ ...QUERY, required_duration: undefined }}
        .transport=${fake()}
      ></slot-picker>`,
    );
    expect(page.configError).to.contain('required_duration');
  });

  it('recovers when the bad attribute is fixed', async () => {
    const page = await SlotPickerObject.mount(
      html`<slot-picker tzid="Nowhere" .query=${QUERY} .transport=${fake()}></slot-picker>`,
    );
    expect(page.configError).to.not.equal('');
    page.el.tzid = 'Pacific/Kiritimati';
    await page.settled();
    expect(page.configError).to.equal('');
    expect(page.days[0]).to.equal('Tuesday, December 1, 2026 2 slots');
  });
});

describe('<slot-picker> time zones and DST', () => {
  it('lists each real time once on the Berlin fall-back night, with offsets where the hour repeats', async () => {
    // 2026-10-25: Berlin clocks go from 03:00 CEST back to 02:00 CET at 01:00Z.
    const night = slotsAt([
      '2026-10-24T23:30:00Z', // 01:30 CEST
      '2026-10-25T00:00:00Z', // 02:00 CEST
      '2026-10-25T00:30:00Z', // 02:30 CEST
      '2026-10-25T01:00:00Z', // 02:00 CET
      '2026-10-25T01:30:00Z', // 02:30 CET
      '2026-10-25T02:00:00Z', // 03:00 CET
    ]);
    const page = await SlotPickerObject.mount(
      html`<slot-picker
        tzid="Europe/Berlin"
        locale="de"
        .query=${QUERY}
        .transport=${fake([...night, ...night])}
      ></slot-picker>`,
    );
    expect(page.days).to.deep.equal(['Sonntag, 25. Oktober 2026 6 Termine']);
    await page.clickDayAt(0);
    expect(page.times).to.deep.equal([
      '01:30–02:00 Uhr (GMT+2)',
      '02:00–02:30 Uhr (GMT+2)',
      '02:30 (GMT+2) – 02:00 (GMT+1)',
      '02:00–02:30 Uhr (GMT+1)',
      '02:30–03:00 Uhr (GMT+1)',
      '03:00–03:30 Uhr',
    ]);
    expect(page.timeNames[3]).to.equal(
      'Sonntag, 25. Oktober 2026, 02:00–02:30 Uhr (GMT+1), Europe/Berlin',
    );
    await expect(page.el).to.be.accessible();
  });

  it('lists the New York spring-forward night without the missing hour', async () => {
    // 2026-03-08: New York clocks jump from 02:00 EST to 03:00 EDT at 07:00Z.
    const page = await SlotPickerObject.mount(
      html`<slot-picker
        tzid="America/New_York"
        .query=${QUERY}
        .transport=${fake(
          slotsAt(['2026-03-08T06:00:00Z', '2026-03-08T06:30:00Z', '2026-03-08T07:00:00Z']),
        )}
      ></slot-picker>`,
    );
    await page.clickDayAt(0);
    expect(page.times).to.deep.equal([
      '1:00 – 1:30 AM',
      '1:30 AM (GMT-5) – 3:00 AM (GMT-4)',
      '3:00 – 3:30 AM',
    ]);
    expect(page.zoneLine).to.equal('Times in America/New_York (GMT-5)');
  });

  it("keeps its boxes border-box under a page's * { box-sizing: content-box }", async () => {
    const style = document.createElement('style');
    style.textContent = '* { box-sizing: content-box; }';
    document.head.append(style);
    try {
      const page = await SlotPickerObject.mount(
        html`<slot-picker
          tzid="UTC"
          .query=${QUERY}
          .transport=${fake(slotsAt(['2026-12-02T09:00:00Z']))}
        ></slot-picker>`,
      );
      const boxes = [...page.el.shadowRoot!.querySelectorAll('button, div, section')];
      expect(boxes.length).to.be.greaterThan(0);
      for (const box of boxes) expect(getComputedStyle(box).boxSizing).to.equal('border-box');
    } finally {
      style.remove();
    }
  });

  it('marks its language, and punctuates a French label with a no-break space before the colon', async () => {
    const page = await SlotPickerObject.mount(
      html`<slot-picker
        locale="fr"
        tzid="UTC"
        .query=${QUERY}
        .transport=${fake(slotsAt(['2026-12-02T09:00:00Z']))}
      ></slot-picker>`,
    );
    expect(page.el.shadowRoot!.querySelector('[part="base"]')!.getAttribute('lang')).to.equal('fr');
    await page.clickDayAt(0);
    await page.clickTimeAt(0);
    const confirm = page.el.shadowRoot!.querySelector('[part~="confirm-button"]')!;
    expect(confirm.getAttribute('aria-label')).to.match(
      /^Confirmer\u202f: mercredi 2 décembre 2026/,
    );
  });

  it('announces the month shown in the calendar', async () => {
    const page = await SlotPickerObject.mount(
      html`<slot-picker
        layout="calendar"
        tzid="UTC"
        .query=${QUERY}
        .transport=${fake(slotsAt(['2026-12-02T09:00:00Z']))}
      ></slot-picker>`,
    );
    const label = page.el.shadowRoot!.querySelector('.month-label')!;
    expect(label.getAttribute('aria-live')).to.equal('polite');
  });

  it('names a zone given in any case or by an old name by its current name', async () => {
    const page = await SlotPickerObject.mount(
      html`<slot-picker
        tzid="asia/calcutta"
        .query=${QUERY}
        .transport=${fake(slotsAt(['2026-12-02T07:30:00Z']))}
      ></slot-picker>`,
    );
    expect(page.zoneLine).to.equal('Times in Asia/Kolkata (GMT+5:30)');
    expect(page.configError).to.equal('');
  });

  it("groups days in the forced zone, not the browser's (Pacific/Chatham)", async () => {
    const page = await SlotPickerObject.mount(
      html`<slot-picker
        tzid="America/Los_Angeles"
        .query=${QUERY}
        .transport=${fake(slotsAt(['2026-12-02T07:30:00Z', '2026-12-02T08:30:00Z']))}
      ></slot-picker>`,
    );
    // 23:30 on Dec 1 and 00:30 on Dec 2 in Los Angeles; both Dec 2 afternoon in Chatham.
    expect(page.days).to.deep.equal([
      'Tuesday, December 1, 2026 1 slot',
      'Wednesday, December 2, 2026 1 slot',
    ]);
  });
});

describe('<slot-picker> updates in place', () => {
  it('switches locale at runtime, keeping the chosen time', async () => {
    const page = await SlotPickerObject.mount(
      html`<slot-picker tzid="Europe/Berlin" .query=${QUERY} .transport=${fake()}></slot-picker>`,
    );
    await page.clickDay('December 1');
    await page.clickTimeAt(0);
    page.el.locale = 'de-AT';
    await waitUntil(() => page.heading === 'Termin bestätigen', 'German never showed');
    expect(page.summary).to.equal('Dienstag, 1. Dezember 2026, 10:00–10:30 Uhr, Europe/Berlin');
    expect(page.zoneLine).to.equal('Zeitangaben in Europe/Berlin (MEZ)'.replace('MEZ', 'GMT+1'));
    await expect(page.el).to.be.accessible();
    page.el.locale = 'nl';
    await waitUntil(() => page.heading !== 'Termin bestätigen');
    const nl = await loadStrings('nl');
    expect(page.heading).to.equal(nl.t('slot_picker.confirm_heading'));
  });

  it('re-renders in another tzid without losing the chosen time', async () => {
    const page = await SlotPickerObject.mount(
      html`<slot-picker tzid="Europe/Berlin" .query=${QUERY} .transport=${fake()}></slot-picker>`,
    );
    await page.clickDay('December 1');
    await page.clickTimeAt(2);
    expect(page.summary).to.equal('Tuesday, December 1, 2026, 3:00 – 3:30 PM, Europe/Berlin');
    page.el.tzid = 'Pacific/Kiritimati';
    await page.settled();
    expect(page.heading).to.equal('Confirm your time');
    expect(page.summary).to.equal(
      'Wednesday, December 2, 2026, 4:00 – 4:30 AM, Pacific/Kiritimati',
    );
    await page.clickBack();
    expect(page.dayLabel).to.equal('Wednesday, December 2, 2026');
  });

  it('keeps a selection the new query still offers and drops one it does not', async () => {
    const transport = new FakeTransport((query) => ({
      slots: DECEMBER.filter((slot) =>
        query.queryPeriods.some(
          (p) => Date.parse(slot.start) >= p.start && Date.parse(slot.end) <= p.end,
        ),
      ),
    }));
    const page = await SlotPickerObject.mount(
      html`<slot-picker
        mode="no_confirm"
        tzid="UTC"
        .query=${QUERY}
        .transport=${transport}
      ></slot-picker>`,
    );
    await page.clickDay('December 3');
    await page.clickTimeAt(0);
    expect(page.el.selectedSlot?.start).to.equal('2026-12-03T10:00:00Z');
    page.el.query = {
      ...QUERY,
      query_periods: [{ start: '2026-12-02T00:00:00Z', end: '2026-12-10T00:00:00Z' }],
    };
    await page.settled();
    expect(transport.requests).to.have.length(2);
    expect(page.selectedTimes).to.deep.equal(['10:00 – 10:30 AM']);
    expect(page.el.selectedSlot?.start).to.equal('2026-12-03T10:00:00Z');
    page.el.query = {
      ...QUERY,
      query_periods: [{ start: '2026-12-05T00:00:00Z', end: '2026-12-10T00:00:00Z' }],
    };
    await page.settled();
    expect(page.el.selectedSlot).to.equal(undefined);
    expect(page.heading).to.equal('Select a day');
    expect(page.days).to.deep.equal(['Wednesday, December 9, 2026 1 slot']);
  });

  it('takes the query as JSON in the attribute and asks for slots', async () => {
    const transport = fake();
    const page = await SlotPickerObject.mount(
      html`<slot-picker
        tzid="UTC"
        query=${JSON.stringify({ ...QUERY, response_format: undefined })}
        .transport=${transport}
      ></slot-picker>`,
    );
    expect(page.days).to.have.length(3);
    expect(transport.requests[0]!.query.responseFormat).to.equal('slots');
  });

  it('lets .translations override any string', async () => {
    const page = await SlotPickerObject.mount(
      html`<slot-picker
        tzid="UTC"
        .query=${QUERY}
        .transport=${fake()}
        .translations=${{ slot_picker: { select_day: 'Pick a date', confirm: 'Book it' } }}
      ></slot-picker>`,
    );
    expect(page.heading).to.equal('Pick a date');
    await page.clickDayAt(0);
    await page.clickTimeAt(0);
    expect(
      page.el.shadowRoot!.querySelector('[part="confirm-button"]')!.textContent!.trim(),
    ).to.equal('Book it');
  });

  it('switches zone from its searchable zone list, by keyboard', async () => {
    const page = await SlotPickerObject.mount(
      html`<slot-picker
        timezone-select
        tzid="Europe/Berlin"
        .query=${QUERY}
        .transport=${fake()}
      ></slot-picker>`,
    );
    await page.clickDayAt(0);
    const input = page.zoneInput()!;
    expect(input.value).to.match(/^Europe\/Berlin \(GMT\+1\)$/);
    input.focus();
    await sendKeys({ type: 'tokyo' });
    await page.press('Enter');
    await page.settled();
    expect(page.zoneLine).to.equal('Times in Asia/Tokyo (GMT+9)');
    expect(page.dayLabel).to.equal('Tuesday, December 1, 2026');
    expect(page.times[0]).to.equal('6:00 – 6:30 PM');
    await expect(page.el).to.be.accessible();
    input.focus();
    await sendKeys({ type: 'x' });
    await page.press('Escape');
    expect(page.heading, 'Escape in the zone list does not leave the step').to.equal(
      'Select a time',
    );
  });
});

describe('<slot-picker> data sources', () => {
  it('answers from the demo calendars with no query', async () => {
    const page = await SlotPickerObject.mount(
      html`<slot-picker demo tzid="Europe/London"></slot-picker>`,
    );
    expect(page.days.length).to.be.greaterThan(5);
    await page.clickDayAt(0);
    expect(page.times.length).to.be.greaterThan(0);
    await expect(page.el).to.be.accessible();
  });

  it('books against the embedded API with a real token, and explains a rejected one', async () => {
    const { client_secret: secret } = (await (await fetch('/__test__/credentials')).json()) as {
      client_secret: string;
    };
    const start = Math.ceil(Date.now() / 86_400_000) * 86_400_000 + 86_400_000;
    const query: AvailabilityQuery = {
      participants: [
        { members: [{ sub: 'acc_demo_ada' }, { sub: 'acc_demo_bruno' }], required: 'all' },
      ],
      required_duration: { minutes: 30 },
      query_periods: [{ start: iso(start), end: iso(start + 5 * 86_400_000) }],
      max_results: 100,
    };
    const selected: SlotSelectedDetail[] = [];
    const page = await SlotPickerObject.mount(
      html`<slot-picker
        api-base=${location.origin}
        token=${secret}
        tzid="Europe/Berlin"
        .query=${query}
        @slot-selected=${(e: CustomEvent<SlotSelectedDetail>) => selected.push(e.detail)}
      ></slot-picker>`,
    );
    expect(page.errorText).to.equal('');
    expect(page.days.length).to.be.greaterThan(0);
    await page.clickDayAt(0);
    await page.clickTimeAt(0);
    await page.clickConfirm();
    expect(selected).to.have.length(1);
    expect(Date.parse(selected[0]!.slot.start)).to.be.at.least(start);

    const errors: string[] = [];
    const rejected = await SlotPickerObject.mount(
      html`<slot-picker
        token="not-a-token"
        .query=${query}
        @scheduling-error=${(e: CustomEvent<SchedulingErrorDetail>) => errors.push(e.detail.kind)}
      ></slot-picker>`,
    );
    expect(errors).to.deep.equal(['auth']);
    expect(rejected.errorText).to.contain('We could not confirm access');
    expect(rejected.canRetry).to.equal(false);
    await expect(rejected.el).to.be.accessible();
  });
});

describe('<slot-picker> in every locale', () => {
  for (const locale of ['en', 'de', 'es', 'fr', 'it', 'nl'] as const) {
    it(`books by keyboard alone in ${locale}`, async () => {
      const strings = await loadStrings(locale);
      const selected: SlotSelectedDetail[] = [];
      const page = await SlotPickerObject.mount(
        html`<slot-picker
          locale=${locale}
          tzid="Europe/Paris"
          .query=${QUERY}
          .transport=${fake()}
          @slot-selected=${(e: CustomEvent<SlotSelectedDetail>) => selected.push(e.detail)}
        ></slot-picker>`,
      );
      expect(page.heading).to.equal(strings.t('slot_picker.select_day'));
      const date = new Intl.DateTimeFormat(locale, {
        weekday: 'long',
        day: 'numeric',
        month: 'long',
        year: 'numeric',
        timeZone: 'Europe/Paris',
      }).format(Date.parse('2026-12-01T09:00:00Z'));
      expect(page.days[0]).to.contain(date);
      await page.tabIn();
      await page.press('Enter');
      expect(page.heading).to.equal(strings.t('slot_picker.select_time'));
      await page.press('Enter');
      expect(page.heading).to.equal(strings.t('slot_picker.confirm_heading'));
      await page.press('Tab', 'Tab');
      expect(page.focused).to.contain(strings.t('slot_picker.confirm'));
      expect(page.focused).to.contain(date);
      await page.press('Enter');
      expect(selected.map((d) => d.slot.start)).to.deep.equal(['2026-12-01T09:00:00Z']);
      await expect(page.el).to.be.accessible();
    });
  }
});

describe('<slot-picker> layout', () => {
  for (const layout of ['list', 'calendar']) {
    it(`fits a 280 px wide container in the ${layout} layout`, async () => {
      const wrapper = await fixture<HTMLDivElement>(
        html`<div style="width: 280px">
          <slot-picker
            layout=${layout}
            tzid="UTC"
            timezone-select
            .query=${QUERY}
            .transport=${fake()}
          ></slot-picker>
        </div>`,
      );
      const page = new SlotPickerObject(wrapper.querySelector('slot-picker')!);
      await page.settled();
      const root = page.el.shadowRoot!;
      const right = page.el.getBoundingClientRect().right;
      for (const item of root.querySelectorAll<HTMLElement>('button, h2, p, table')) {
        expect(item.getBoundingClientRect().right, item.textContent!.trim()).to.be.at.most(
          right + 0.5,
        );
      }
      expect(page.el.scrollWidth).to.be.at.most(280);
    });
  }

  it('grows with its container, with no width cap', async () => {
    const wrapper = await fixture<HTMLDivElement>(
      html`<div style="width: 900px">
        <slot-picker tzid="UTC" .query=${QUERY} .transport=${fake()}></slot-picker>
      </div>`,
    );
    const page = new SlotPickerObject(wrapper.querySelector('slot-picker')!);
    await page.settled();
    expect(page.el.getBoundingClientRect().width).to.equal(900);
  });
});
