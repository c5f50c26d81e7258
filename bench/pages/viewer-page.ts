/**
 * Page of `npm run bench:availability-viewer`: `<availability-viewer>` showing 7-day weeks at
 * 15 minutes from 00:00 to 24:00 (672 cells) in Europe/London (UTC in December, no clock
 * change), over a 4-week query from Sunday 2026-12-06. Each week's answer is 600 overlapping
 * slots of 30 minutes (starts on the quarter hour, each naming a non-empty subset of three
 * members), from a transport that answers at once. `window.bench` runs one measured action.
 */
import '../../src/availability-viewer.js';
import type { AvailabilityQuery } from '../../src/core/types.js';
import type { AvailabilityViewer } from '../../src/elements/availability-viewer/availability-viewer.js';
import { afterNextPaint, iso, timeToPaint } from './paint.js';
import { InstantTransport, syntheticSlots } from './synthetic.js';

const DAY = 86_400_000;
const FIRST = Date.UTC(2026, 11, 6);
const WEEKS = 4;
const SLOTS_PER_WEEK = 600;
const CELLS = 7 * 96;
const MEMBERS = ['acc_a', 'acc_b', 'acc_c'];

const query: AvailabilityQuery = {
  participants: [{ members: MEMBERS.map((sub) => ({ sub })), required: 1 }],
  required_duration: { minutes: 30 },
  query_periods: [{ start: iso(FIRST), end: iso(FIRST + WEEKS * 7 * DAY) }],
  response_format: 'overlapping_slots',
};
/** First day of each week page. */
const WEEK_FIRST_DAYS = Array.from({ length: WEEKS }, (_, w) =>
  iso(FIRST + w * 7 * DAY).slice(0, 10),
);

const answer = (q: Parameters<typeof syntheticSlots>[0]) =>
  syntheticSlots(q, SLOTS_PER_WEEK, MEMBERS, false);
/** Feeds freshly mounted viewers; the navigated viewer has its own, so their timings never mix. */
const mountTransport = new InstantTransport(answer);
const transport = new InstantTransport(answer);
const host = document.getElementById('host')!;

function viewer(source: InstantTransport): AvailabilityViewer {
  const el = document.createElement('availability-viewer');
  el.transport = source;
  el.query = query;
  el.tzid = 'Europe/London';
  el.locale = 'en';
  el.startTime = '00:00';
  el.endTime = '24:00';
  el.interval = 15;
  el.days = 7;
  return el;
}

/** Whether `el` shows the week starting `firstDay` with every cell's availability. */
function showsWeek(el: AvailabilityViewer, firstDay: string): boolean {
  const root = el.shadowRoot;
  if (!root) return false;
  const header = root.querySelector('[part="day-header"]');
  if (header?.getAttribute('data-day') !== firstDay) return false;
  if (root.querySelector('.scroll')?.getAttribute('aria-busy') !== 'false') return false;
  const cells = root.querySelectorAll('[role="gridcell"]');
  return cells.length === CELLS && root.querySelector('[role="gridcell"].loading') === null;
}

/** Availability cells (not unavailable) of the week shown: a check that data is painted. */
function availableCells(el: AvailabilityViewer): number {
  return el.shadowRoot!.querySelectorAll('[role="gridcell"].available').length;
}

/** The viewer kept for navigation and memory figures, and the week it shows. */
let navigated: AvailabilityViewer | undefined;
let week = 0;
let step = 1;

async function navigator(): Promise<AvailabilityViewer> {
  if (navigated) return navigated;
  navigated = viewer(transport);
  host.append(navigated);
  while (!showsWeek(navigated, WEEK_FIRST_DAYS[0]!)) await afterNextPaint();
  return navigated;
}

/** Moves one week, forward until the last week, then back until the first, and so on. */
async function navigate(): Promise<{
  start: number;
  found: number;
  painted: number;
  sameFrame: boolean;
  calls: number;
  available: number;
}> {
  const el = await navigator();
  if (week + step < 0 || week + step >= WEEKS) step = -step;
  week += step;
  const button = el.shadowRoot!.querySelector<HTMLButtonElement>(
    step > 0 ? '[part="next-button"]' : '[part="prev-button"]',
  )!;
  const calls = transport.calls;
  const timing = await timeToPaint(
    () => button.click(),
    () => showsWeek(el, WEEK_FIRST_DAYS[week]!),
    () => el.shadowRoot!,
  );
  return { ...timing, calls: transport.calls - calls, available: availableCells(el) };
}

/** A painted viewer's shadow content and style sheets, copied once for `renderFloor`. */
let snapshot: { content: DocumentFragment; sheets: CSSStyleSheet[] } | undefined;

async function viewerSnapshot(): Promise<{ content: DocumentFragment; sheets: CSSStyleSheet[] }> {
  if (snapshot) return snapshot;
  const el = viewer(mountTransport);
  host.append(el);
  while (!showsWeek(el, WEEK_FIRST_DAYS[0]!)) await afterNextPaint();
  // Every row group released from its first-frame deferral.
  await el.updateComplete;
  const root = el.shadowRoot!;
  const content = document.createDocumentFragment();
  for (const child of root.childNodes) content.append(child.cloneNode(true));
  snapshot = { content, sheets: [...root.adoptedStyleSheets] };
  el.remove();
  return snapshot;
}

const bench = {
  /** Mounts a fresh viewer; times from mount and from the transport's answer to the painted week. */
  async firstRender() {
    const el = viewer(mountTransport);
    const timing = await timeToPaint(
      () => host.append(el),
      () => showsWeek(el, WEEK_FIRST_DAYS[0]!),
      () => el.shadowRoot ?? el,
    );
    const result = {
      ...timing,
      data: mountTransport.answeredAt,
      cells: el.shadowRoot!.querySelectorAll('[role="gridcell"]').length,
      available: availableCells(el),
    };
    el.remove();
    return result;
  },

  /**
   * The rendering floor of a first render: the DOM a viewer shows for the week, copied from a
   * painted one once every row group is released, inserted by one deep clone into a fresh
   * shadow root with the viewer's style sheets. No script of ours runs, so what remains is the
   * browser's style, layout and paint of the same elements and rules, with every row group left
   * to `content-visibility: auto` (the viewer's first frame defers those out of view).
   */
  async renderFloor() {
    const { content, sheets } = await viewerSnapshot();
    const el = document.createElement('div');
    const root = el.attachShadow({ mode: 'open' });
    root.adoptedStyleSheets = sheets;
    const timing = await timeToPaint(
      () => {
        root.append(content.cloneNode(true));
        host.append(el);
      },
      () => root.querySelectorAll('[role="gridcell"]').length === CELLS,
      () => root,
    );
    el.remove();
    return timing;
  },

  /** Drops the copy `renderFloor` keeps, so that DOM counts show the viewer's nodes alone. */
  dropFloor() {
    snapshot = undefined;
  },

  /** One week navigation by the prev/next buttons on a viewer whose weeks are all cached. */
  async navigation() {
    await navigator();
    return navigate();
  },

  /** Visits every week once, so that later navigations are served from the viewer's cache. */
  async visitAll() {
    for (let i = 0; i < 2 * WEEKS; i++) await navigate();
    return transport.calls;
  },

  /** `count` navigations, each awaited until painted; returns transport requests made meanwhile. */
  async navigations(count: number) {
    const calls = transport.calls;
    for (let i = 0; i < count; i++) await navigate();
    return { requests: transport.calls - calls };
  },
};

Object.assign(window, { bench });
