/**
 * `<availability-viewer>` through its page object: every mode by mouse, touch and keyboard,
 * navigation bounds, requests per navigation, DST weeks in forced zones (the browser runs in
 * Pacific/Chatham), every error kind, bad attributes, small screens and accessibility.
 */
import { aTimeout, expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import type { TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { AvailabilityQuery, CalendarSource, Interval } from '../../src/core/types.js';
import { SchedulingError } from '../../src/data/errors.js';
import { LocalTransport } from '../../src/data/local.js';
import type { AvailabilityResult, RequestOptions, Transport } from '../../src/data/transport.js';
import '../../src/elements/availability-viewer/define.js';
import type { AvailabilityViewer } from '../../src/elements/availability-viewer/availability-viewer.js';
import type { Notification } from '../../src/elements/shared/notifications.js';
import { ViewerObject } from './availability-viewer-object.js';

const utc = (iso: string) => Date.parse(iso);

/** Busy time per sub as ISO pairs. */
function calendars(busy: Record<string, [string, string][]>): CalendarSource {
  return {
    busy: (sub, _ids, window: Interval) =>
      (busy[sub] ?? [])
        .map(([s, e]) => ({ start: utc(s), end: utc(e) }))
        .filter((i) => i.end > window.start && i.start < window.end),
  };
}

/** The local engine over a busy table, counting requests, optionally failing. */
class TestTransport implements Transport {
  readonly local: LocalTransport;
  requests: { start: number; fresh: boolean; maxResults: number }[] = [];
  failWith: SchedulingError | undefined;
  constructor(busy: Record<string, [string, string][]> = {}) {
    this.local = new LocalTransport({ calendars: calendars(busy), latencyMs: 5 });
  }
  availability(query: Parameters<Transport['availability']>[0], options: RequestOptions = {}) {
    const start = query.queryPeriods[0]?.start ?? 0;
    this.requests.push({ start, fresh: options.fresh === true, maxResults: query.maxResults });
    if (this.failWith) return Promise.reject(this.failWith);
    return this.local.availability(query, options) as Promise<AvailabilityResult>;
  }
  /** Requests for whole pages (not look-aheads). */
  pageRequests() {
    return this.requests.filter((r) => r.maxResults > 1);
  }
}

function query(
  start: string,
  end: string,
  extra: Partial<AvailabilityQuery> = {},
  subs = ['a', 'b'],
): AvailabilityQuery {
  return {
    participants: [{ members: subs.map((sub) => ({ sub })), required: 'all' }],
    required_duration: { minutes: 60 },
    query_periods: [{ start, end }],
    ...extra,
  };
}

/** Three weeks from Monday 2026-11-30 in Berlin. */
const THREE_WEEKS = query('2026-11-29T23:00:00Z', '2026-12-20T23:00:00Z');

async function viewer(
  template: TemplateResult,
  setup: { transport?: Transport; query?: AvailabilityQuery | undefined } = {},
): Promise<{ el: AvailabilityViewer; view: ViewerObject; transport: TestTransport }> {
  const transport = (setup.transport ?? new TestTransport()) as TestTransport;
  const el = await fixture<AvailabilityViewer>(template);
  el.transport = transport;
  if ('query' in setup) el.query = setup.query;
  else if (el.query === undefined) el.query = THREE_WEEKS;
  const view = new ViewerObject(el);
  await view.loaded();
  return { el, view, transport };
}

const berlin = () => html`
  <availability-viewer
    tzid="Europe/Berlin"
    week-start-day="monday"
    interval="60"
    style="width: 760px"
  ></availability-viewer>
`;

/** 09:00-17:00 Berlin (08:00-16:00 UTC in winter) on `days` days from `first`, as busy pairs. */
function berlinWorkingHoursFrom(first: string, days: number): [string, string][] {
  return Array.from({ length: days }, (_, i) => {
    const day = new Date(utc(`${first}T00:00:00Z`) + i * 86_400_000).toISOString().slice(0, 10);
    return [`${day}T08:00:00Z`, `${day}T16:00:00Z`];
  });
}

function notifications(el: AvailabilityViewer): Notification[] {
  const seen: Notification[] = [];
  el.callback = (n) => seen.push(n);
  return seen;
}

describe('availability-viewer: grid', () => {
  it('opens on the first week of the query in the forced zone, with full day names and the zone', async () => {
    const { el, view } = await viewer(berlin());
    expect(view.days()).to.deep.equal([
      '2026-11-30',
      '2026-12-01',
      '2026-12-02',
      '2026-12-03',
      '2026-12-04',
      '2026-12-05',
      '2026-12-06',
    ]);
    expect(view.rowKeys()).to.deep.equal([
      '09:00',
      '10:00',
      '11:00',
      '12:00',
      '13:00',
      '14:00',
      '15:00',
      '16:00',
    ]);
    expect(view.dayNames()[1]).to.equal('Tuesday, December 1, 2026');
    expect(view.part('zone')!.textContent).to.contain('Europe/Berlin');
    expect(view.part('grid')!.getAttribute('role')).to.equal('grid');
    expect(view.tabStops()).to.have.length(1);
    await expect(el).to.be.accessible();
  });

  it('names each cell with day, date, time range, zone, state and N of M free', async () => {
    const transport = new TestTransport({ c: [['2026-12-01T09:00:00Z', '2026-12-01T10:00:00Z']] });
    const q = {
      ...query('2026-11-29T23:00:00Z', '2026-12-06T23:00:00Z', {
        response_format: 'overlapping_slots',
      }),
      participants: [{ members: [{ sub: 'a' }, { sub: 'b' }, { sub: 'c' }], required: 1 }],
    } satisfies AvailabilityQuery;
    const { el, view } = await viewer(berlin(), { transport, query: q });
    expect(view.nameOf(view.cell('2026-12-01', '10:00'))).to.equal(
      'Tuesday, December 1, 2026, 10:00 – 11:00 AM GMT+1, Available, 2 of 3 free',
    );
    expect(view.nameOf(view.cell('2026-12-01', '11:00'))).to.contain('3 of 3 free');
    expect(view.part('legend')!.textContent).to.contain('1 of 3 free');
    await expect(el).to.be.accessible();
  });

  it('lays a Berlin spring-forward week out by wall clock, the skipped hour marked', async () => {
    const transport = new TestTransport();
    const q = query('2026-03-23T00:00:00Z', '2026-03-30T00:00:00Z');
    const { el, view } = await viewer(
      html`<availability-viewer
        tzid="Europe/Berlin"
        week-start-day="monday"
        interval="60"
        start-time="00:00"
        end-time="05:00"
        style="width: 760px"
      ></availability-viewer>`,
      { transport, query: q },
    );
    expect(view.days().at(-1)).to.equal('2026-03-29');
    expect(view.rowKeys()).to.deep.equal(['00:00', '01:00', '02:00', '03:00', '04:00']);
    expect(view.cellsIn('skipped')).to.deep.equal(['2026-03-29 02:00']);
    expect(view.nameOf(view.cell('2026-03-29', '02:00'))).to.contain('Skipped by the clock change');
    // 03:00 CEST is 01:00Z: the block starting there is an hour of real time.
    expect(view.nameOf(view.cell('2026-03-29', '03:00'))).to.contain('3:00 – 4:00 AM GMT+2');
    expect(view.cell('2026-03-29', '01:00').classList.contains('available')).to.equal(true);
    // An hour of real time from 01:00 CET ends at 03:00 CEST, each end with its offset; the
    // day before, at 02:00.
    expect(view.nameOf(view.cell('2026-03-29', '01:00'))).to.contain(
      '1:00 AM (GMT+1) – 3:00 AM (GMT+2)',
    );
    expect(view.nameOf(view.cell('2026-03-28', '01:00'))).to.contain('1:00 – 2:00 AM GMT+1');
    await expect(el).to.be.accessible();
  });

  it('shows the repeated hour twice with its offsets in a Berlin autumn week', async () => {
    const q = query('2026-10-19T00:00:00Z', '2026-10-26T00:00:00Z');
    const { view } = await viewer(
      html`<availability-viewer
        tzid="Europe/Berlin"
        week-start-day="monday"
        interval="60"
        start-time="01:00"
        end-time="04:00"
        style="width: 760px"
      ></availability-viewer>`,
      { query: q },
    );
    expect(view.rowKeys()).to.deep.equal(['01:00', '02:00', '02:00#2', '03:00']);
    expect(view.rowLabels()[1]).to.contain('GMT+2');
    expect(view.rowLabels()[2]).to.contain('GMT+1');
    expect(view.nameOf(view.cell('2026-10-25', '02:00#2'))).to.contain('2:00 – 3:00 AM GMT+1');
    // The hour from 02:00 CEST ends at 02:00 CET: the offsets tell it from a backwards range.
    expect(view.nameOf(view.cell('2026-10-25', '02:00'))).to.contain(
      '2:00 AM (GMT+2) – 2:00 AM (GMT+1)',
    );
    expect(view.cellsIn('skipped')).to.deep.equal([
      '2026-10-19 02:00#2',
      '2026-10-20 02:00#2',
      '2026-10-21 02:00#2',
      '2026-10-22 02:00#2',
      '2026-10-23 02:00#2',
      '2026-10-24 02:00#2',
    ]);
  });

  for (const [name, start, day, expected, offset] of [
    ['spring', '2026-03-08T05:00:00Z', '2026-03-08', ['00:00', '01:00', '02:00', '03:00'], 'GMT-4'],
    [
      'autumn',
      '2026-11-01T04:00:00Z',
      '2026-11-01',
      ['00:00', '01:00', '01:00#2', '02:00', '03:00'],
      'GMT-5',
    ],
  ] as const) {
    it(`aligns a New York ${name} week by wall clock`, async () => {
      const q = query(start, new Date(utc(start) + 86_400_000).toISOString());
      const { view } = await viewer(
        html`<availability-viewer
          tzid="America/New_York"
          interval="60"
          start-time="00:00"
          end-time="04:00"
          style="width: 760px"
        ></availability-viewer>`,
        { query: q },
      );
      expect(view.days()[0]).to.equal(day);
      expect(view.rowKeys()).to.deep.equal(expected);
      const cell = view.cell(day, '03:00');
      expect(view.nameOf(cell)).to.contain(`3:00 – 4:00 AM ${offset}`);
    });
  }

  for (const [zone, start] of [
    // The corner's offset (GMT+13:45) is wider than any time label.
    ['Pacific/Chatham', '2026-11-30T10:15:00Z'],
    // The repeated hour's labels carry offsets and are the widest.
    ['America/New_York', '2026-11-01T04:00:00Z'],
  ] as const) {
    it(`lines every row group's columns up with the day headers (${zone})`, async () => {
      const { view } = await viewer(
        html`<availability-viewer
          tzid=${zone}
          interval="15"
          start-time="00:00"
          end-time="24:00"
          style="width: 760px"
        ></availability-viewer>`,
        { query: query(start, new Date(utc(start) + 7 * 86_400_000).toISOString()) },
      );
      const headers = view.all('[role="columnheader"]').map((h) => h.getBoundingClientRect());
      const rows = view.all('[role="row"]').slice(1);
      expect(rows.length).to.be.at.least(96);
      for (const row of rows) {
        const boxes = [...row.children].map((cell) => cell.getBoundingClientRect());
        boxes.forEach((box, i) => {
          const key = (row.firstElementChild as HTMLElement).dataset.key;
          expect(Math.abs(box.left - headers[i]!.left), `row ${key} column ${i} left`).to.be.below(
            0.5,
          );
          expect(
            Math.abs(box.width - headers[i]!.width),
            `row ${key} column ${i} width`,
          ).to.be.below(0.5);
        });
      }
    });
  }

  for (const [where, maxHeight] of [
    ['its scroller', ''],
    ['the page (no scroller height)', 'none'],
  ] as const) {
    it(`paints the row groups in view in ${where} in its first frame and every row just after`, async () => {
      const el = document.createElement('availability-viewer');
      Object.assign(el, {
        tzid: 'Europe/Berlin',
        interval: 15,
        startTime: '00:00',
        endTime: '24:00',
      });
      el.style.width = '760px';
      if (maxHeight) el.style.setProperty('--se-grid-max-height', maxHeight);
      el.transport = new TestTransport();
      el.query = THREE_WEEKS;
      // Where the grid is first inserted, an observer made after the viewer's own reports after
      // its layout and before its paint: what that frame paints.
      document.body.append(el);
      const firstFrame = new Promise<{ inView: boolean[]; deferred: boolean[] }>((resolve) => {
        const watch = new MutationObserver(() => {
          const groups = [...el.shadowRoot!.querySelectorAll<HTMLElement>('.rows')];
          if (groups.length === 0) return;
          watch.disconnect();
          const probe = new ResizeObserver(() => {
            probe.disconnect();
            const clip = el.shadowRoot!.querySelector('.scroll')!.getBoundingClientRect();
            resolve({
              inView: groups.map((g) => {
                const box = g.getBoundingClientRect();
                return (
                  box.bottom > Math.max(clip.top, 0) && box.top < Math.min(clip.bottom, innerHeight)
                );
              }),
              deferred: groups.map((g) => g.classList.contains('deferred')),
            });
          });
          probe.observe(groups[0]!);
        });
        watch.observe(el.renderRoot, { childList: true, subtree: true });
      });
      try {
        const { inView, deferred } = await firstFrame;
        expect(inView.length).to.equal(12, 'twelve groups of eight rows');
        expect(inView.filter(Boolean).length).to.be.within(1, 4);
        inView.forEach((shown, i) => expect(shown && deferred[i], `group ${i}`).to.equal(false));
        expect(deferred.filter(Boolean).length, 'groups out of view wait').to.be.at.least(8);
        await el.updateComplete;
        expect(el.renderRoot.querySelectorAll('.rows.deferred').length).to.equal(0);
        // Every row is live once updateComplete resolves: the last one takes focus.
        const view = new ViewerObject(el);
        expect(view.rowKeys().at(-1)).to.equal('23:45');
        const last = view.cell(view.days().at(-1)!, '23:45');
        last.focus();
        expect(view.focusedCell()).to.equal(last);
        await expect(el).to.be.accessible();
      } finally {
        el.remove();
      }
    });
  }
});

describe('availability-viewer: modes', () => {
  it('confirm: a slot starting mid-row (Chatham is 45 minutes off UTC) shows its block and Confirm', async () => {
    // An API answering slots on UTC hours: 20:00Z is 09:45 in Chatham, inside the 09:30 row.
    const slot = {
      start: '2026-12-01T20:00:00Z',
      end: '2026-12-01T20:30:00Z',
      participants: [{ sub: 'a' }, { sub: 'b' }],
    };
    const transport = {
      availability: () =>
        Promise.resolve({ slots: [slot], format: 'slots', memberStatuses: [], stale: false }),
    } as unknown as TestTransport;
    const { el, view } = await viewer(
      html`<availability-viewer
        tzid="Pacific/Chatham"
        interval="30"
        start-time="09:00"
        end-time="12:00"
        style="width: 760px"
      ></availability-viewer>`,
      {
        transport,
        query: query('2026-12-01T20:00:00Z', '2026-12-01T22:00:00Z', {
          required_duration: { minutes: 30 },
        }),
      },
    );
    expect(view.cellsIn('available')).to.deep.equal(['2026-12-02 09:30']);
    await view.click(view.cell('2026-12-02', '09:30'));
    expect(view.part('slot'), 'the pending block').to.not.equal(null);
    const selected = oneEvent(el, 'slot-selected');
    await view.click(view.part('confirm-button')!);
    const { detail } = await selected;
    expect(detail.slot).to.deep.include({ start: slot.start, end: slot.end });
  });

  it('confirm: a click picks a block, Confirm selects it', async () => {
    const { el, view } = await viewer(berlin());
    const seen = notifications(el);
    await view.click(view.cell('2026-12-01', '10:00'));
    expect(view.part('slot')).to.not.equal(null);
    await expect(el).to.be.accessible();
    const selected = oneEvent(el, 'slot-selected');
    await view.click(view.part('confirm-button')!);
    const { detail } = await selected;
    expect(detail.slot).to.deep.include({
      start: '2026-12-01T09:00:00Z',
      end: '2026-12-01T10:00:00Z',
      available: true,
    });
    expect(seen.at(-1)).to.deep.equal({
      notification: { type: 'slot_selected', slot: detail.slot },
    });
    expect(el.selectedSlots).to.deep.equal([detail.slot]);
    expect(view.announcement()).to.equal('Selected');
  });

  it('draws each block over its own day only, so the days beside it stay clickable', async () => {
    const { el, view } = await viewer(berlin());
    /** Whether `block` spans the column of `cell` (blocks are inset 2px on each side). */
    const overDayOf = (block: Element, cell: Element) => {
      const b = block.getBoundingClientRect();
      const c = cell.getBoundingClientRect();
      return Math.abs(b.left - c.left - 2) < 1 && Math.abs(c.right - b.right - 2) < 1;
    };
    const tuesday = view.cell('2026-12-01', '10:00');
    await view.click(tuesday);
    expect(overDayOf(view.part('slot')!, tuesday), 'the pending block').to.equal(true);
    // The cell right of the block takes the click: the block moves there.
    const wednesday = view.cell('2026-12-02', '10:00');
    await view.click(wednesday);
    expect(overDayOf(view.part('slot')!, wednesday), 'the block moved').to.equal(true);

    el.mode = 'no_confirm';
    await el.updateComplete;
    await view.click(tuesday);
    const selected = view.all('.overlay.selected');
    expect(selected).to.have.length(1);
    expect(overDayOf(selected[0]!, tuesday), 'the selected block').to.equal(true);
  });

  it('keeps focus on the week buttons when the one pressed is disabled at the last week', async () => {
    const { el, view } = await viewer(berlin());
    view.part('next-button')!.focus();
    await view.press('Enter');
    await view.loaded();
    await view.press('Enter');
    await view.loaded();
    await el.updateComplete;
    expect(view.part('next-button')!.hasAttribute('disabled')).to.equal(true);
    expect(el.shadowRoot!.activeElement?.getAttribute('part')).to.equal('prev-button');
  });

  it('no_confirm: the keyboard moves by row and day and Enter selects', async () => {
    const { el, view } = await viewer(berlin());
    el.mode = 'no_confirm';
    await el.updateComplete;
    view.cell('2026-11-30', '09:00').focus();
    await view.press('ArrowRight', 'ArrowDown', 'ArrowDown');
    expect(view.focusedCell()).to.equal(view.cell('2026-12-01', '11:00'));
    expect(view.tabStops()).to.deep.equal([view.cell('2026-12-01', '11:00')]);
    const selected = oneEvent(el, 'slot-selected');
    await view.press('Enter');
    expect((await selected).detail.slot.start).to.equal('2026-12-01T10:00:00Z');
    await view.press('End');
    expect(view.focusedCell()).to.equal(view.cell('2026-12-06', '11:00'));
    await view.press('Home');
    expect(view.focusedCell()).to.equal(view.cell('2026-11-30', '11:00'));
  });

  it('multi_select: taps toggle blocks and the maximum is enforced with a visible reason', async () => {
    const { el, view } = await viewer(berlin());
    el.mode = 'multi_select';
    el.maxSelectionCount = 2;
    await el.updateComplete;
    const seen = notifications(el);
    const changes: string[] = [];
    el.addEventListener('selection-change', (e) =>
      changes.push(`${e.detail.added ? '+' : '-'}${e.detail.slots.length}`),
    );
    await view.tap(view.cell('2026-12-01', '10:00'));
    await view.tap(view.cell('2026-12-02', '10:00'));
    await view.tap(view.cell('2026-12-03', '10:00'));
    expect(changes).to.deep.equal(['+1', '+2']);
    expect(view.part('notice')!.textContent).to.contain('Selection limit reached');
    expect(view.cellsIn('selected')).to.deep.equal(['2026-12-01 10:00', '2026-12-02 10:00']);
    // Selected looks selected, whatever shade of free it had, also once focus has moved on.
    (el.shadowRoot!.activeElement as HTMLElement | null)?.blur();
    await el.updateComplete;
    const background = (e: Element) => getComputedStyle(e).backgroundColor;
    const chosen = view.cell('2026-12-02', '10:00');
    const alike = view.cell('2026-12-04', '10:00');
    expect(alike.getAttribute('data-level')).to.equal(chosen.getAttribute('data-level'));
    expect(background(chosen)).to.not.equal(background(alike));
    const blocks = view.all('.overlay.selected');
    expect(blocks).to.have.length(2);
    expect(background(blocks[0]!)).to.equal(background(chosen));
    await view.tap(view.cell('2026-12-01', '10:00'));
    expect(changes).to.deep.equal(['+1', '+2', '-1']);
    const removed = seen.at(-1) as { notification: { type: string }; slots: unknown[] };
    expect(removed.notification.type).to.equal('slot_removed');
    expect(removed.slots).to.have.length(1);
    await expect(el).to.be.accessible();
  });

  it('free_select: paints by mouse drag, by touch, and by Space and Shift+arrows', async () => {
    const { el, view } = await viewer(berlin());
    el.mode = 'free_select';
    await el.updateComplete;
    const seen = notifications(el);
    await view.drag(view.cell('2026-12-01', '09:00'), view.cell('2026-12-01', '11:00'));
    expect(seen.at(-1)).to.deep.equal({
      notification: {
        type: 'query_periods_edited',
        query_periods: [{ start: '2026-12-01T08:00:00Z', end: '2026-12-01T11:00:00Z' }],
      },
    });
    await view.touchDrag(view.cell('2026-12-02', '14:00'), view.cell('2026-12-03', '14:00'));
    expect(view.cellsIn('free')).to.include.members(['2026-12-02 14:00', '2026-12-03 14:00']);
    // Painting over free time makes it busy again.
    await view.touchDrag(view.cell('2026-12-01', '10:00'), view.cell('2026-12-01', '10:00'));
    expect(view.cellsIn('free')).to.not.include('2026-12-01 10:00');
    view.cell('2026-12-04', '09:00').focus();
    await view.press('Space', 'Shift+ArrowDown', 'Shift+ArrowDown');
    expect(view.cellsIn('free')).to.include.members([
      '2026-12-04 09:00',
      '2026-12-04 10:00',
      '2026-12-04 11:00',
    ]);
    const last = seen.at(-1) as { notification: { query_periods: unknown[] } };
    expect(last.notification.query_periods).to.deep.include({
      start: '2026-12-04T08:00:00Z',
      end: '2026-12-04T11:00:00Z',
    });
    expect(view.announcement()).to.equal(
      `${(last.notification.query_periods as unknown[]).length} slots selected`,
    );
    // `.selectedSlots` holds the painted periods, and setting it paints.
    expect(el.selectedSlots.map(({ start, end }) => ({ start, end }))).to.deep.equal(
      last.notification.query_periods,
    );
    el.selectedSlots = [
      {
        start: '2026-12-05T08:00:00Z',
        end: '2026-12-05T10:00:00Z',
        participants: [],
        available: true,
      },
    ];
    await el.updateComplete;
    expect(view.cellsIn('free')).to.deep.equal(['2026-12-05 09:00', '2026-12-05 10:00']);
    await expect(el).to.be.accessible();
  });

  it('unrestricted: an unavailable cell can be picked, marked as unavailable', async () => {
    const transport = new TestTransport({ a: [['2026-12-01T09:00:00Z', '2026-12-01T10:00:00Z']] });
    const { el, view } = await viewer(berlin(), { transport });
    el.mode = 'no_confirm';
    el.slotSelection = 'unrestricted';
    await el.updateComplete;
    const cell = view.cell('2026-12-01', '10:00');
    expect(cell.classList.contains('unavailable')).to.equal(true);
    const selected = oneEvent(el, 'slot-selected');
    await view.click(cell);
    expect((await selected).detail.slot).to.deep.include({
      start: '2026-12-01T09:00:00Z',
      available: false,
    });
  });
});

describe('availability-viewer: navigation and data', () => {
  it('moves between weeks within the query, buttons disabled at the ends', async () => {
    const { el, view } = await viewer(berlin());
    const seen = notifications(el);
    expect(view.part('prev-button')!.hasAttribute('disabled')).to.equal(true);
    const change = oneEvent(el, 'week-change');
    await view.click(view.part('next-button')!);
    expect((await change).detail).to.deep.equal({
      firstDay: '2026-12-07',
      lastDay: '2026-12-13',
      hasPrev: true,
      hasNext: true,
    });
    expect(seen[0]).to.deep.equal({
      notification: {
        type: 'displayed_dates_changed',
        firstDay: '2026-12-07',
        lastDay: '2026-12-13',
        hasPrev: true,
        hasNext: true,
      },
    });
    expect(el.next()).to.equal(true);
    await el.updateComplete;
    expect(view.part('next-button')!.hasAttribute('disabled')).to.equal(true);
    expect(el.next()).to.equal(false);
    expect(el.goTo('2026-12-02')).to.equal(true);
    await el.updateComplete;
    expect(view.days()[0]).to.equal('2026-11-30');
    expect(el.goTo('2026-12-03'), 'a date of the page shown').to.equal(true);
    expect(el.goTo('2027-05-01')).to.equal(false);
    for (const bad of ['2026-13-40', 'soon', '', Number.NaN, new Date('nope'), 8.64e15]) {
      expect(el.goTo(bad), String(bad)).to.equal(false);
    }
    await el.updateComplete;
    expect(view.days()[0]).to.equal('2026-11-30');
  });

  it('PageDown moves a week by keyboard and keeps focus in the grid', async () => {
    const { el, view } = await viewer(berlin());
    view.cell('2026-12-01', '10:00').focus();
    await view.press('PageDown');
    await view.loaded();
    expect(view.days()[0]).to.equal('2026-12-07');
    expect(view.focusedCell()).to.equal(view.cell('2026-12-08', '10:00'));
    await view.press('ArrowLeft', 'ArrowLeft');
    expect(view.days()[0]).to.equal('2026-11-30');
    expect(view.focusedCell()).to.equal(view.cell('2026-12-06', '10:00'));
    expect(el.shadowRoot!.activeElement).to.equal(view.focusedCell());
  });

  it('asks once per new week, prefetches the next, and shows a seen week from cache', async () => {
    const { el, view, transport } = await viewer(berlin());
    await waitUntil(() => transport.requests.length === 2, 'no prefetch', { timeout: 3000 });
    expect(transport.requests.map((r) => r.start)).to.deep.equal([
      utc('2026-11-30T08:00:00Z'),
      utc('2026-12-07T08:00:00Z'),
    ]);
    el.next();
    await el.updateComplete;
    expect(view.isBusy()).to.equal(false);
    await waitUntil(() => transport.requests.length === 3, 'the week after was not prefetched');
    expect(transport.requests[2]!.start).to.equal(utc('2026-12-14T08:00:00Z'));
    el.prev();
    await el.updateComplete;
    expect(view.isBusy()).to.equal(false);
    expect(view.cellsIn('available').length).to.be.greaterThan(0);
    await aTimeout(700);
    expect(transport.requests).to.have.length(3);
  });

  it('fires one week-change on mount at a narrow width, for the page it shows', async () => {
    for (const [width, days] of [
      [320, 1],
      [500, 3],
    ] as const) {
      const changes: { firstDay: string; lastDay: string }[] = [];
      const el = await fixture<AvailabilityViewer>(
        html`<availability-viewer
          tzid="Europe/Berlin"
          style=${`width: ${width}px`}
          .transport=${new TestTransport()}
          .query=${THREE_WEEKS}
          @week-change=${(e: CustomEvent<{ firstDay: string; lastDay: string }>) =>
            changes.push(e.detail)}
        ></availability-viewer>`,
      );
      const view = new ViewerObject(el);
      await view.loaded();
      await aTimeout(100);
      expect(view.days(), `${width}px`).to.have.length(days);
      expect(
        changes.map(({ firstDay, lastDay }) => ({ firstDay, lastDay })),
        `${width}px`,
      ).to.deep.equal([{ firstDay: view.days()[0], lastDay: view.days().at(-1) }]);
    }
  });

  it('twenty clicks in two seconds cause at most four requests', async () => {
    const q = query('2026-11-29T23:00:00Z', '2027-06-27T22:00:00Z');
    const { el, view, transport } = await viewer(berlin(), { query: q });
    const next = view.part('next-button')!;
    const before = transport.requests.length;
    for (let i = 0; i < 20; i++) {
      next.click();
      await aTimeout(100);
    }
    await view.loaded();
    await aTimeout(900);
    expect(view.days()[0]).to.equal('2027-04-19');
    expect(before).to.equal(1);
    expect(transport.requests.length - before).to.be.at.most(4);
    expect(el.shadowRoot!.querySelector('.scroll')).to.not.equal(null);
  });

  it('keeps the selection across refresh() while it is still free', async () => {
    const busy: Record<string, [string, string][]> = {};
    const transport = new TestTransport(busy);
    const { el, view } = await viewer(berlin(), { transport });
    el.mode = 'multi_select';
    await el.updateComplete;
    await view.click(view.cell('2026-12-01', '10:00'));
    await view.click(view.cell('2026-12-02', '10:00'));
    el.refresh();
    await aTimeout(50);
    await view.loaded();
    expect(el.selectedSlots).to.have.length(2);
    busy.b = [['2026-12-02T09:00:00Z', '2026-12-02T09:30:00Z']];
    el.refresh();
    await waitUntil(() => el.selectedSlots.length === 1, 'the busy slot stayed selected');
    expect(el.selectedSlots[0]!.start).to.equal('2026-12-01T09:00:00Z');
  });

  it('drops, quietly, selected slots a new query no longer covers', async () => {
    const { el, view } = await viewer(berlin());
    el.mode = 'multi_select';
    await el.updateComplete;
    await view.click(view.cell('2026-12-01', '10:00'));
    await view.click(view.cell('2026-12-03', '10:00'));
    expect(el.selectedSlots).to.have.length(2);
    const changes: unknown[] = [];
    el.addEventListener('selection-change', (e) => changes.push(e.detail));
    el.query = query('2026-12-02T23:00:00Z', '2026-12-20T23:00:00Z');
    await el.updateComplete;
    await view.loaded();
    expect(el.selectedSlots.map((s) => s.start)).to.deep.equal(['2026-12-03T09:00:00Z']);
    expect(changes, 'a property set from code fires nothing').to.deep.equal([]);
  });

  it('changes its visible hours in place, keeping a selection that is still shown', async () => {
    const { el, view } = await viewer(berlin());
    el.mode = 'multi_select';
    await el.updateComplete;
    await view.click(view.cell('2026-12-01', '10:00'));
    el.startTime = '07:00';
    el.endTime = '12:00';
    await el.updateComplete;
    await view.loaded();
    expect(view.rowKeys()).to.deep.equal(['07:00', '08:00', '09:00', '10:00', '11:00']);
    expect(view.cellsIn('available')).to.include('2026-12-01 07:00');
    expect(view.cellsIn('selected')).to.deep.equal(['2026-12-01 10:00']);
    expect(el.selectedSlots).to.have.length(1);
  });

  it('lets Tab and Shift+Tab leave the grid at once after arrow keys', async () => {
    const wrapper = await fixture(html`<div><button id="after">after</button></div>`);
    const { el, view } = await viewer(berlin());
    wrapper.prepend(el);
    await el.updateComplete;
    const after = wrapper.querySelector<HTMLElement>('#after')!;
    view.cell('2026-12-01', '10:00').focus();
    await view.press('ArrowDown');
    expect(view.focusedCell()).to.equal(view.cell('2026-12-01', '11:00'));
    await view.press('Tab');
    expect(document.activeElement, 'Tab leaves for the next control').to.equal(after);

    view.cell('2026-12-01', '11:00').focus();
    await view.press('ArrowUp', 'Shift+Tab');
    expect(view.focusedCell(), 'Shift+Tab leaves the grid').to.equal(null);
    expect(el.shadowRoot!.activeElement, 'for the control before it').to.not.equal(null);
  });

  it('bounds-control: the menus show the hours shown, change them, and yield to new attributes', async () => {
    const { el, view } = await viewer(
      html`<availability-viewer
        tzid="Europe/Berlin"
        week-start-day="monday"
        interval="30"
        start-time="09:30"
        end-time="17:30"
        bounds-control
        allow-expansion
        style="width: 760px"
      ></availability-viewer>`,
    );
    const select = (name: string) => view.part(name) as HTMLSelectElement;
    expect([select('start-select').value, select('end-select').value]).to.deep.equal([
      '09:30',
      '17:30',
    ]);
    expect(view.rowKeys()[0]).to.equal('09:30');
    select('start-select').value = '06:00';
    select('start-select').dispatchEvent(new Event('change'));
    await el.updateComplete;
    await view.loaded();
    expect(view.rowKeys()[0]).to.equal('06:00');
    expect(view.rowKeys().at(-1)).to.equal('17:00');
    expect(select('end-select').value).to.equal('17:30');
    el.setAttribute('start-time', '08:00');
    await el.updateComplete;
    await view.loaded();
    expect(view.rowKeys()[0]).to.equal('08:00');
    expect(select('start-select').value).to.equal('08:00');
    await view.click(view.part('later-button')!);
    await view.loaded();
    expect(view.rowKeys().at(-1)).to.equal('23:30');
    expect(view.part('later-button')!.hasAttribute('disabled')).to.equal(true);
    await expect(el).to.be.accessible();
  });

  it('shows the same week again once a configuration problem is undone', async () => {
    const { el, view } = await viewer(berlin());
    const days = view.days();
    el.mode = 'bogus' as never;
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[part~="config-error"]')).to.not.equal(null);
    el.mode = 'confirm';
    await el.updateComplete;
    await view.loaded();
    expect(el.shadowRoot!.querySelector('[part~="config-error"]')).to.equal(null);
    expect(view.days()).to.deep.equal(days);
    expect(view.cellsIn('available').length).to.be.greaterThan(0);
  });

  it('never takes focus from the page on a refresh', async () => {
    const wrapper = await fixture(html`<div><input aria-label="outside" /></div>`);
    const { el, view } = await viewer(berlin());
    wrapper.append(el);
    view.cell('2026-12-01', '10:00').focus();
    await view.press('ArrowDown');
    const input = wrapper.querySelector('input')!;
    input.focus();
    el.refresh();
    await aTimeout(50);
    await el.updateComplete;
    expect(document.activeElement).to.equal(input);
  });

  it('offers the next availability when a week is empty', async () => {
    const transport = new TestTransport({
      a: [['2026-11-29T00:00:00Z', '2026-12-07T00:00:00Z']],
    });
    const { el, view } = await viewer(berlin(), { transport });
    await waitUntil(() => view.part('next-availability-button'), 'no jump offered');
    await expect(el).to.be.accessible();
    await view.click(view.part('next-availability-button')!);
    await view.loaded();
    expect(view.days()[0]).to.equal('2026-12-07');
  });

  it('jumps over a week whose only free time lies outside the visible hours', async () => {
    // Week 1 busy all day; week 2 busy 09:00-17:00 Berlin every day (free only at night, which
    // the default hours do not show); week 3 free.
    const week2 = berlinWorkingHoursFrom('2026-12-07', 7);
    const transport = new TestTransport({
      a: [['2026-11-29T00:00:00Z', '2026-12-07T00:00:00Z'], ...week2],
    });
    const { el, view } = await viewer(berlin(), { transport });
    const seen = notifications(el);
    await waitUntil(() => view.part('next-availability-button'), 'no jump offered');
    await view.click(view.part('next-availability-button')!);
    await view.loaded();
    expect(view.days()[0]).to.equal('2026-12-14');
    expect(view.cellsIn('available')).to.include('2026-12-14 09:00');
    expect(seen.map((n) => n.notification.type)).not.to.include('no_slots_found');
  });

  it('offers no jump when later free time is all outside the visible hours, says so, and reports no no-slots-found', async () => {
    const nights = berlinWorkingHoursFrom('2026-12-07', 14);
    const transport = new TestTransport({
      a: [['2026-11-29T00:00:00Z', '2026-12-07T00:00:00Z'], ...nights],
    });
    const el = await fixture<AvailabilityViewer>(berlin());
    const seen = notifications(el);
    el.transport = transport;
    el.query = THREE_WEEKS;
    const view = new ViewerObject(el);
    await view.loaded();
    await waitUntil(() => view.part('empty'), 'no empty-week notice');
    await waitUntil(() => transport.requests.filter((r) => r.maxResults === 1).length >= 2);
    await aTimeout(50);
    expect(view.part('next-availability-button')).to.equal(null);
    await waitUntil(
      () => view.part('empty')!.textContent!.includes('outside the hours shown'),
      'no word that later free time lies outside the hours',
    );
    expect(seen.map((n) => n.notification.type)).not.to.include('no_slots_found');
  });

  it('reports no no-slots-found when the only free time lies outside the hours of the week shown', async () => {
    // Free only on Wednesday 2 December 21:00-22:00 Berlin, which the default hours do not show.
    const transport = new TestTransport({
      a: [
        ['2026-11-01T00:00:00Z', '2026-12-02T20:00:00Z'],
        ['2026-12-02T21:00:00Z', '2027-01-01T00:00:00Z'],
      ],
    });
    const el = await fixture<AvailabilityViewer>(berlin());
    const seen = notifications(el);
    el.transport = transport;
    el.query = THREE_WEEKS;
    const view = new ViewerObject(el);
    await view.loaded();
    await waitUntil(
      () => view.part('empty')?.textContent?.includes('outside the hours shown'),
      'no word that the free time lies outside the hours',
    );
    expect(view.part('next-availability-button')).to.equal(null);
    expect(seen.map((n) => n.notification.type)).not.to.include('no_slots_found');
    // Shown, the evening is free.
    el.endTime = '24:00';
    await el.updateComplete;
    await view.loaded();
    expect(view.cellsIn('available')).to.deep.equal(['2026-12-02 21:00']);
  });

  it('reports no-slots-found when the whole query is busy', async () => {
    const transport = new TestTransport({ a: [['2026-11-01T00:00:00Z', '2027-01-01T00:00:00Z']] });
    const el = await fixture<AvailabilityViewer>(berlin());
    const seen = notifications(el);
    el.transport = transport;
    const none = oneEvent(el, 'no-slots-found');
    el.query = THREE_WEEKS;
    expect((await none).detail.query.query_periods).to.deep.equal(THREE_WEEKS.query_periods);
    expect(seen.map((n) => n.notification.type)).to.include.members([
      'no_visible_slots',
      'no_slots_found',
    ]);
    const view = new ViewerObject(el);
    await waitUntil(() => view.part('empty'));
    expect(view.part('next-availability-button')).to.equal(null);
    expect(view.part('empty')!.textContent).not.to.include('outside the hours shown');
  });
});

describe('availability-viewer: errors and configuration', () => {
  for (const [kind, status, retry] of [
    ['server', 503, true],
    ['network', undefined, true],
    ['rate_limited', 429, true],
    ['auth', 401, false],
    ['forbidden', 403, false],
    ['invalid_query', 422, false],
  ] as const) {
    it(`a ${kind} failure says so specifically${retry ? ', with Retry' : ''}`, async () => {
      const transport = new TestTransport();
      transport.failWith = new SchedulingError(kind, `failed: ${kind}`, status ? { status } : {});
      const el = await fixture<AvailabilityViewer>(berlin());
      el.transport = transport;
      const failure = oneEvent(el, 'scheduling-error');
      el.query = THREE_WEEKS;
      expect((await failure).detail.kind).to.equal(kind);
      const view = new ViewerObject(el);
      await view.loaded();
      expect(view.part('error')).to.not.equal(null);
      expect(Boolean(view.part('retry-button'))).to.equal(retry);
      await expect(el).to.be.accessible();
      if (retry) {
        transport.failWith = undefined;
        await view.click(view.part('retry-button')!);
        await view.loaded();
        expect(view.cells().length).to.be.greaterThan(0);
      }
    });
  }

  for (const [attribute, template] of [
    ['mode', html`<availability-viewer mode="bogus" tzid="UTC"></availability-viewer>`],
    [
      'start-time',
      html`<availability-viewer
        start-time="18:00"
        end-time="09:00"
        tzid="UTC"
      ></availability-viewer>`,
    ],
    ['interval', html`<availability-viewer interval="7" tzid="UTC"></availability-viewer>`],
    [
      'week-start-day',
      html`<availability-viewer week-start-day="funday" tzid="UTC"></availability-viewer>`,
    ],
    ['days', html`<availability-viewer days="9" tzid="UTC"></availability-viewer>`],
    [
      'max-selection-count',
      html`<availability-viewer max-selection-count="0" tzid="UTC"></availability-viewer>`,
    ],
    ['tzid', html`<availability-viewer tzid="Mars/Base"></availability-viewer>`],
    ['query', html`<availability-viewer query="{not json" tzid="UTC"></availability-viewer>`],
  ] as const) {
    it(`names a bad ${attribute} attribute`, async () => {
      const el = await fixture<AvailabilityViewer>(template);
      const errors: string[] = [];
      el.addEventListener('scheduling-error', (e) => errors.push(e.detail.attribute ?? ''));
      el.transport = new TestTransport();
      if (attribute !== 'query') el.query = THREE_WEEKS;
      else el.requestUpdate('query');
      const view = new ViewerObject(el);
      await waitUntil(() => view.part('config-error'), 'no configuration error shown');
      expect(view.part('config-error')!.textContent).to.contain(`The ${attribute} attribute`);
      await expect(el).to.be.accessible();
    });
  }
});

describe('availability-viewer: small screens and locales', () => {
  for (const [width, days, expected, first, next] of [
    [300, undefined, 1, '2026-11-30', '2026-12-01'],
    [480, undefined, 3, '2026-11-30', '2026-12-03'],
    [760, undefined, 7, '2026-11-29', '2026-12-06'],
    [760, 2, 2, '2026-11-30', '2026-12-02'],
  ] as const) {
    it(`${width}px wide${days ? ` with days=${days}` : ''} shows ${expected} columns`, async () => {
      const { el, view } = await viewer(
        html`<availability-viewer
          tzid="Europe/Berlin"
          interval="60"
          days=${ifDefined(days)}
          style="width: ${width}px"
        ></availability-viewer>`,
      );
      await waitUntil(() => view.days().length === expected, `got ${view.days().length} columns`);
      expect(view.days()[0]).to.equal(first);
      el.next();
      await el.updateComplete;
      await view.loaded();
      expect(view.days()[0]).to.equal(next);
      await expect(el).to.be.accessible();
    });
  }

  it('speaks German with locale="de"', async () => {
    const { el, view } = await viewer(
      html`<availability-viewer
        locale="de"
        tzid="Europe/Berlin"
        week-start-day="monday"
        interval="60"
        style="width: 760px"
      ></availability-viewer>`,
    );
    await waitUntil(() => view.dayNames()[1]?.startsWith('Dienstag'));
    expect(view.heading()).to.contain('Woche vom');
    expect(view.nameOf(view.cell('2026-12-01', '10:00'))).to.contain('Verfügbar');
    await expect(el).to.be.accessible();
  });
});
