/**
 * What the comparison pages share: the demo query both viewers show (three people, 30 minutes,
 * 4 weeks from Sunday 2026-12-06, 00:00-24:00 at 15 minutes in Europe/London, weeks starting on
 * Sunday: 672 cells a week) and the measured actions, each library supplying how to mount it,
 * how to press next/previous and how to tell that a given week is on screen.
 */
import { afterNextPaint, iso, sleep, timeToPaint, type PaintTiming } from './paint.js';

const DAY = 86_400_000;
/** First day of the query, a Sunday. */
export const FIRST = Date.UTC(2026, 11, 6);
/** Weeks in the query. */
export const WEEKS = 4;
/** Cells of a 7-day week at 15 minutes over 24 hours. */
export const CELLS = 7 * 96;
/** The query, in the API's shape. */
export const QUERY = {
  participants: [
    {
      members: ['acc_demo_ada', 'acc_demo_bruno', 'acc_demo_dagny'].map((sub) => ({ sub })),
      required: 'all' as const,
    },
  ],
  required_duration: { minutes: 30 },
  query_periods: [{ start: iso(FIRST), end: iso(FIRST + WEEKS * 7 * DAY) }],
};
/** `YYYY-MM-DD` of the first day of week `w`. */
export const weekFirstDay = (w: number) => iso(FIRST + w * 7 * DAY).slice(0, 10);

/** How a benchmark drives one library's viewer. */
export interface ViewerDriver {
  /** Creates the viewer inside `target` (already in the document). */
  mount(target: HTMLElement): void;
  /** Whether the viewer inside `target` shows week `w` painted with availability, counting from `since` (a notification count). */
  showsWeek(target: HTMLElement, w: number, since: number): boolean;
  /** The node whose mutations signal progress. */
  root(target: HTMLElement): Node;
  /** Clicks next (`+1`) or previous (`-1`). */
  press(target: HTMLElement, direction: 1 | -1): void;
  /** A counter the library's notifications advance (0 when not used). */
  notifications(): number;
  /** Removes the viewer. */
  unmount(target: HTMLElement): void;
}

/** One round's figures (ms): mount to painted week, a first-visit next, a next after 1 s idle. */
export interface RoundFigures {
  mount: number;
  coldNext: number;
  idleNext: number;
}

const span = (t: PaintTiming) => t.painted - t.start;

/** The measured actions over `driver`, as `window.bench`. */
export function benchFor(driver: ViewerDriver) {
  const host = document.getElementById('host')!;
  let target: HTMLElement | undefined;
  let week = 0;
  let step: 1 | -1 = 1;

  const go = async (direction: 1 | -1) => {
    const t = target!;
    const since = driver.notifications();
    week += direction;
    return timeToPaint(
      () => driver.press(t, direction),
      () => driver.showsWeek(t, week, since),
      () => driver.root(t),
      30_000,
    );
  };

  const mounted = async () => {
    if (target) {
      driver.unmount(target);
      target.remove();
    }
    target = document.createElement('div');
    target.id = `viewer-${Math.random().toString(36).slice(2)}`;
    host.append(target);
    week = 0;
    step = 1;
    const t = target;
    const since = driver.notifications();
    return timeToPaint(
      () => driver.mount(t),
      () => driver.showsWeek(t, 0, since),
      () => t,
      30_000,
    );
  };

  return {
    /** Mount to the painted first week; then next 300 ms after it was shown, then next again after 1 s idle. */
    async round(): Promise<RoundFigures> {
      const mount = await mounted();
      await sleep(Math.max(0, 300 - (performance.now() - mount.found)));
      const cold = await go(1);
      await sleep(1000);
      const idle = await go(1);
      await afterNextPaint();
      return { mount: span(mount), coldNext: span(cold), idleNext: span(idle) };
    },

    /** Mounts a viewer and waits until it is painted and idle. */
    async mountIdle(): Promise<number> {
      const mount = await mounted();
      await sleep(1500);
      return span(mount);
    },

    /** `count` navigations back and forth over the query's weeks, each awaited until painted; returns their median ms. */
    async navigations(count: number): Promise<number> {
      const times: number[] = [];
      for (let i = 0; i < count; i++) {
        if (week + step < 0 || week + step >= WEEKS) step = step === 1 ? -1 : 1;
        times.push(span(await go(step)));
      }
      await sleep(1000);
      return times.sort((a, b) => a - b)[Math.floor(times.length / 2)]!;
    },
  };
}
