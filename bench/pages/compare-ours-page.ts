/**
 * Our side of the comparison (`npm run bench`): `<availability-viewer demo>` with the shared
 * query, and the request-count scripts over a counting transport on the demo data.
 */
import '../../src/availability-viewer.js';
import type { AvailabilityViewer } from '../../src/elements/availability-viewer/availability-viewer.js';
import { benchFor, CELLS, QUERY, weekFirstDay, type ViewerDriver } from './compare.js';
import { afterNextPaint, iso, sleep } from './paint.js';
import { CountingTransport } from './synthetic.js';

const viewerOf = (target: HTMLElement) => target.querySelector('availability-viewer')!;

function configured(el: AvailabilityViewer): AvailabilityViewer {
  el.tzid = 'Europe/London';
  el.locale = 'en';
  el.startTime = '00:00';
  el.endTime = '24:00';
  el.interval = 15;
  el.weekStartDay = 'sunday';
  return el;
}

/** Whether `el` shows the week starting `firstDay` with every cell's availability. */
function showsWeek(el: AvailabilityViewer, firstDay: string): boolean {
  const root = el.shadowRoot;
  if (!root) return false;
  if (root.querySelector('[part="day-header"]')?.getAttribute('data-day') !== firstDay)
    return false;
  if (root.querySelector('.scroll')?.getAttribute('aria-busy') !== 'false') return false;
  return (
    root.querySelectorAll('[role="gridcell"]').length === CELLS &&
    root.querySelector('[role="gridcell"].loading') === null
  );
}

const driver: ViewerDriver = {
  mount(target) {
    const el = configured(document.createElement('availability-viewer'));
    el.demo = true;
    el.query = QUERY;
    target.append(el);
  },
  showsWeek: (target, w) => {
    const el = viewerOf(target);
    return el !== null && showsWeek(el, weekFirstDay(w));
  },
  root: (target) => viewerOf(target)?.shadowRoot ?? target,
  press(target, direction) {
    viewerOf(target)
      .shadowRoot!.querySelector<HTMLButtonElement>(
        direction === 1 ? '[part="next-button"]' : '[part="prev-button"]',
      )!
      .click();
  },
  notifications: () => 0,
  unmount: (target) => viewerOf(target)?.remove(),
};

const DAY = 86_400_000;
const LONG_FIRST = Date.UTC(2026, 11, 6);
const LONG_WEEKS = 26;

/** A viewer over 26 weeks of the demo data with a counting transport. */
async function countingViewer(): Promise<{ el: AvailabilityViewer; transport: CountingTransport }> {
  const host = document.getElementById('host')!;
  host.replaceChildren();
  const transport = new CountingTransport();
  const el = configured(document.createElement('availability-viewer'));
  el.transport = transport;
  el.query = {
    ...QUERY,
    query_periods: [{ start: iso(LONG_FIRST), end: iso(LONG_FIRST + LONG_WEEKS * 7 * DAY) }],
  };
  host.append(el);
  while (!showsWeek(el, weekFirstDay(0))) await afterNextPaint();
  return { el, transport };
}

const press = (el: AvailabilityViewer, direction: 1 | -1) =>
  el
    .shadowRoot!.querySelector<HTMLButtonElement>(
      direction === 1 ? '[part="next-button"]' : '[part="prev-button"]',
    )!
    .click();

/** Most requests started within any `windowMs` span. */
function peak(times: readonly number[], windowMs: number): number {
  let best = 0;
  for (let i = 0, j = 0; i < times.length; i++) {
    while (times[i]! - times[j]! >= windowMs) j += 1;
    best = Math.max(best, i - j + 1);
  }
  return best;
}

/** One request-count script's outcome. */
export interface RequestScript {
  name: string;
  navigations: number;
  /** Requests started while the script clicked. */
  during: number;
  /** Requests started in the idle second and a half after it (settling, prefetch of neighbours). */
  after: number;
  /** Most requests started within any one second of the script. */
  peakPerSecond: number;
  /** The week shown at the end is the one expected, painted with availability. */
  endsRight: boolean;
}

Object.assign(window, {
  bench: {
    ...benchFor(driver),

    /** The request-count scripts (`npm run bench` prints them). */
    async requestScripts(): Promise<RequestScript[]> {
      const out: RequestScript[] = [];
      const measure = async (
        name: string,
        transport: CountingTransport,
        navigate: () => Promise<number>,
        check: () => boolean,
      ) => {
        const from = transport.requests.length;
        const navigations = await navigate();
        const during = transport.requests.length - from;
        await sleep(1500);
        const all = transport.requests.slice(from);
        out.push({
          name,
          navigations,
          during,
          after: all.length - during,
          peakPerSecond: peak(all, 1000),
          endsRight: check(),
        });
      };

      {
        const { el, transport } = await countingViewer();
        const mounted = transport.requests.length;
        await sleep(1500);
        out.push({
          name: 'mount, then 1.5 s idle',
          navigations: 0,
          during: mounted,
          after: transport.requests.length - mounted,
          peakPerSecond: peak(transport.requests, 1000),
          endsRight: showsWeek(el, weekFirstDay(0)),
        });
        await measure(
          'next x20 within 2 s (100 ms apart)',
          transport,
          async () => {
            for (let i = 0; i < 20; i++) {
              press(el, 1);
              await sleep(100);
            }
            return 20;
          },
          () => showsWeek(el, weekFirstDay(20)),
        );
        await measure(
          'prev x20 within 2 s back to week 1',
          transport,
          async () => {
            for (let i = 0; i < 20; i++) {
              press(el, -1);
              await sleep(100);
            }
            return 20;
          },
          () => showsWeek(el, weekFirstDay(0)),
        );
      }
      {
        const { el, transport } = await countingViewer();
        await measure(
          'weeks 1 to 5 one by one (1 s apart)',
          transport,
          async () => {
            for (let i = 0; i < 4; i++) {
              await sleep(1000);
              press(el, 1);
            }
            return 4;
          },
          () => showsWeek(el, weekFirstDay(4)),
        );
        await measure(
          'back and forth over seen weeks 5..1..5 x2 (300 ms apart)',
          transport,
          async () => {
            const moves = [-1, -1, -1, -1, 1, 1, 1, 1, -1, -1, -1, -1, 1, 1, 1, 1] as const;
            for (const move of moves) {
              press(el, move);
              await sleep(300);
            }
            return moves.length;
          },
          () => showsWeek(el, weekFirstDay(4)),
        );
      }
      document.getElementById('host')!.replaceChildren();
      return out;
    },
  },
});
