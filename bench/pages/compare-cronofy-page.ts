/**
 * The reference side of the comparison (`npm run bench`): `cronofy-elements`' Availability
 * Viewer in `demo: true` mode, loaded as a classic script (its global `CronofyElements`) and
 * given the shared query. A week counts as painted when its column headers show the week's
 * dates, its 672 `__slot-background` cells are in the DOM and a `visible_slots` notification
 * arrived after the action (its headers switch before the new week's cells, and between the
 * two the grid is empty).
 */
import { benchFor, CELLS, FIRST, QUERY, type ViewerDriver } from './compare.js';

interface CronofyGlobal {
  AvailabilityViewer(options: Record<string, unknown>): unknown;
}

const DAY = 86_400_000;
const PREFIX = 'CronofyAvailabilityViewer';
let visibleSlots = 0;

/** The day-of-month numbers of week `w`, as its column headers print them. */
const ordinals = (w: number) =>
  Array.from({ length: 7 }, (_, d) =>
    String(new Date(FIRST + (w * 7 + d) * DAY).getUTCDate()),
  ).join(',');

const driver: ViewerDriver = {
  mount(target) {
    const global = (window as unknown as { CronofyElements: CronofyGlobal }).CronofyElements;
    global.AvailabilityViewer({
      target_id: target.id,
      demo: true,
      availability_query: QUERY,
      config: { start_time: '00:00', end_time: '00:00', interval: 15, week_start_day: 'sunday' },
      tzid: 'Europe/London',
      callback: (n: { notification?: { type?: string } }) => {
        if (n.notification?.type === 'visible_slots') visibleSlots += 1;
      },
    });
  },
  showsWeek(target, w, since) {
    if (visibleSlots <= since) return false;
    const shown = [...target.querySelectorAll(`.${PREFIX}__column-header__ordinal`)]
      .map((e) => e.textContent?.trim())
      .join(',');
    return (
      shown === ordinals(w) &&
      target.querySelectorAll(`.${PREFIX}__slot-background`).length === CELLS
    );
  },
  root: (target) => target,
  press(target, direction) {
    target
      .querySelector<HTMLButtonElement>(`.${PREFIX}__button--${direction === 1 ? 'next' : 'prev'}`)!
      .click();
  },
  notifications: () => visibleSlots,
  // Its React root goes with the target element, which the round removes.
  unmount: () => undefined,
};

Object.assign(window, { bench: benchFor(driver) });
