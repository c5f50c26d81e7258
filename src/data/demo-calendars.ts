/**
 * Demo calendars: a handful of fictional people, and deterministic, realistic busy time for any
 * sub on any date (unknown subs get habits and a home zone derived from a hash of the sub).
 *
 * Contract: pure (no Node or DOM APIs). Every instant is UTC epoch milliseconds; wall-clock
 * times are computed in the person's own IANA zone with `core/time`, so the host zone never
 * matters. The same sub and local day always yield the same events. A person's calendars are
 * `cal_<sub without acc_>_work` and `..._personal`.
 */
import { addDays, dayKey, endOfDay, instantOfDayMinutes, weekdayOf } from '../core/time.js';
import type { CalendarSource, Interval } from '../core/types.js';

export { defaultDemoQuery } from './demo-query.js';

/** One calendar of a demo person. */
export interface DemoCalendar {
  id: string;
  name: string;
}

/** A fictional person with calendars in their own zone. */
export interface DemoPerson {
  sub: string;
  name: string;
  email: string;
  tzid: string;
  calendars: readonly DemoCalendar[];
}

/** One busy event on a demo calendar, `[start, end)` in UTC epoch milliseconds. */
export interface DemoEvent {
  calendarId: string;
  start: number;
  end: number;
  summary: string;
}

/** A person's working habits, in minutes of their local day. */
interface Habits {
  tzid: string;
  dayStart: number;
  dayEnd: number;
  lunchStart: number;
  lunchMinutes: number;
  /** Minute of the daily stand-up; absent for people without one. */
  standup?: number;
  /** Share of the working day that ends up busy, 0.4..0.6. */
  fill: number;
}

const MINUTE = 60_000;
const DAY = 86_400_000;

function calendarsOf(sub: string): DemoCalendar[] {
  const slug = sub.replace(/^acc_/, '');
  return [
    { id: `cal_${slug}_work`, name: 'Work' },
    { id: `cal_${slug}_personal`, name: 'Personal' },
  ];
}

const KNOWN: readonly (readonly [string, string, Habits])[] = [
  [
    'ada',
    'Ada Okonkwo',
    {
      tzid: 'Europe/London',
      dayStart: 540,
      dayEnd: 1050,
      lunchStart: 750,
      lunchMinutes: 45,
      standup: 570,
      fill: 0.3,
    },
  ],
  [
    'bruno',
    'Bruno Ferreira',
    {
      tzid: 'America/New_York',
      dayStart: 510,
      dayEnd: 1020,
      lunchStart: 720,
      lunchMinutes: 60,
      standup: 555,
      fill: 0.3,
    },
  ],
  [
    'dagny',
    'Dagny Lindqvist',
    {
      tzid: 'Europe/Berlin',
      dayStart: 540,
      dayEnd: 1050,
      lunchStart: 720,
      lunchMinutes: 30,
      standup: 570,
      fill: 0.32,
    },
  ],
  [
    'priya',
    'Priya Raman',
    {
      tzid: 'Asia/Kolkata',
      dayStart: 570,
      dayEnd: 1080,
      lunchStart: 780,
      lunchMinutes: 45,
      standup: 600,
      fill: 0.5,
    },
  ],
  [
    'kenji',
    'Kenji Mori',
    {
      tzid: 'Asia/Tokyo',
      dayStart: 540,
      dayEnd: 1050,
      lunchStart: 720,
      lunchMinutes: 60,
      fill: 0.4,
    },
  ],
  [
    'lena',
    'Lena Hart',
    {
      tzid: 'Australia/Sydney',
      dayStart: 510,
      dayEnd: 1020,
      lunchStart: 750,
      lunchMinutes: 30,
      standup: 540,
      fill: 0.6,
    },
  ],
];

const KNOWN_HABITS = new Map(KNOWN.map(([key, , habits]) => [`acc_demo_${key}`, habits]));

/** The fictional demo people, in six zones (one with a 30-minute offset). */
export const DEMO_PEOPLE: readonly DemoPerson[] = KNOWN.map(([key, name, habits]) => ({
  sub: `acc_demo_${key}`,
  name,
  email: `${key}@example.com`,
  tzid: habits.tzid,
  calendars: calendarsOf(`acc_demo_${key}`),
}));

/** Home zones handed to subs that are not demo people. */
const ZONES = [
  'Europe/London',
  'America/New_York',
  'Asia/Kolkata',
  'Europe/Berlin',
  'Australia/Sydney',
  'America/Los_Angeles',
  'Asia/Tokyo',
  'America/Sao_Paulo',
];

/** FNV-1a, 32 bits. */
function hashOf(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** mulberry32: a small seeded generator of numbers in [0, 1). */
function randomFrom(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function habitsOf(sub: string): Habits {
  const known = KNOWN_HABITS.get(sub);
  if (known) return known;
  const h = hashOf(sub);
  const dayStart = [480, 510, 540, 570][h % 4];
  return {
    tzid: ZONES[(h >>> 2) % ZONES.length],
    dayStart,
    dayEnd: dayStart + 510,
    lunchStart: [720, 750, 780][(h >>> 5) % 3],
    lunchMinutes: [30, 45, 60][(h >>> 7) % 3],
    standup: (h >>> 9) % 3 === 0 ? undefined : dayStart + 30,
    fill: 0.4 + ((h >>> 11) % 21) / 100,
  };
}

/** The demo person behind any sub: a known demo person, or one derived from the sub. */
export function demoPersonFor(sub: string): DemoPerson {
  const known = DEMO_PEOPLE.find((p) => p.sub === sub);
  if (known) return known;
  const slug = sub.replace(/^acc_/, '');
  return {
    sub,
    name: `Demo ${slug}`,
    email: `${slug.replace(/[^a-z0-9._-]/gi, '_').toLowerCase()}@example.com`,
    tzid: habitsOf(sub).tzid,
    calendars: calendarsOf(sub),
  };
}

/** Events of one local day (`YYYY-MM-DD` in the person's zone). */
function eventsOfDay(sub: string, habits: Habits, day: string): DemoEvent[] {
  const [work, personal] = calendarsOf(sub).map((c) => c.id);
  const at = (minute: number) =>
    minute >= 1440 ? endOfDay(day, habits.tzid) : instantOfDayMinutes(day, minute, habits.tzid);
  const weekday = weekdayOf(day);
  if (weekday === 0 || weekday === 6) {
    return [{ calendarId: personal, start: at(0), end: at(1440), summary: 'Weekend' }];
  }
  const event = (from: number, to: number, calendarId: string, summary: string): DemoEvent => ({
    calendarId,
    start: at(from),
    end: at(to),
    summary,
  });
  const events = [
    event(0, habits.dayStart, personal, 'Outside working hours'),
    event(habits.dayEnd, 1440, personal, 'Outside working hours'),
    event(habits.lunchStart, habits.lunchStart + habits.lunchMinutes, personal, 'Lunch'),
  ];
  if (habits.standup !== undefined) {
    events.push(event(habits.standup, habits.standup + 15, work, 'Team stand-up'));
  }
  const random = randomFrom(hashOf(`${sub}|${day}`));
  // Vary the day around the person's usual load so that some days are light and some packed.
  const target = (habits.fill + (random() - 0.5) * 0.15) * (habits.dayEnd - habits.dayStart);
  let busy = habits.lunchMinutes + (habits.standup === undefined ? 0 : 15);
  const workStart = at(habits.dayStart);
  const workEnd = at(habits.dayEnd);
  for (const { start, minutes } of meetingSlotsAround(workStart, workEnd)) {
    if (busy >= target) break;
    const end = start + minutes * MINUTE;
    if (start < workStart || end > workEnd || random() < 0.2) continue;
    if (events.some((e) => e.start < end && start < e.end)) continue;
    const summary = MEETINGS[Math.floor(random() * MEETINGS.length)];
    events.push({ calendarId: work, start, end, summary });
    busy += minutes;
  }
  return events.filter((e) => e.end > e.start).sort((a, b) => a.start - b.start);
}

/**
 * Candidate meeting slots of the UTC days touching `[from, to)`, the same for everybody: people
 * whose working hours overlap meet each other, so their busy time lines up as it does in a team.
 */
function meetingSlotsAround(from: number, to: number): { start: number; minutes: number }[] {
  const slots: { start: number; minutes: number }[] = [];
  for (let utcDay = Math.floor(from / DAY); utcDay * DAY < to; utcDay++) {
    const random = randomFrom(hashOf(`meetings|${utcDay}`));
    for (let i = 0; i < 96; i++) {
      const start = utcDay * DAY + Math.floor(random() * 96) * 15 * MINUTE;
      slots.push({ start, minutes: DURATIONS[Math.floor(random() * DURATIONS.length)] });
    }
  }
  return slots;
}

const DURATIONS = [30, 30, 45, 60, 60, 90];
const MEETINGS = [
  'Design review',
  'One-to-one',
  'Customer call',
  'Sprint planning',
  'Interview',
  'Roadmap sync',
  'Focus time',
  'Pairing session',
  'Budget review',
  'Vendor demo',
];

const dayCache = new Map<string, DemoEvent[]>();

function cachedEventsOfDay(sub: string, habits: Habits, day: string): DemoEvent[] {
  const key = `${sub}|${day}`;
  let events = dayCache.get(key);
  if (!events) {
    events = eventsOfDay(sub, habits, day);
    if (dayCache.size >= 4096) dayCache.clear();
    dayCache.set(key, events);
  }
  return events;
}

/** Demo events of `sub` that touch `window`, sorted by start, on any of the person's calendars. */
export function demoEvents(sub: string, window: Interval): DemoEvent[] {
  const habits = habitsOf(sub);
  const events: DemoEvent[] = [];
  const last = dayKey(window.end, habits.tzid);
  for (let day = dayKey(window.start, habits.tzid); day <= last; day = addDays(day, 1)) {
    for (const event of cachedEventsOfDay(sub, habits, day)) {
      if (event.start < window.end && event.end > window.start) events.push(event);
    }
  }
  return events;
}

/**
 * Busy intervals of any sub touching `window`; `calendarIds` narrows to those of the person's
 * calendars, and ids that are none of theirs are ignored so that any query renders.
 */
export function demoBusy(
  sub: string,
  calendarIds: readonly string[] | undefined,
  window: Interval,
): Interval[] {
  const own = calendarsOf(sub).map((c) => c.id);
  const wanted = calendarIds?.filter((id) => own.includes(id)) ?? [];
  const events = demoEvents(sub, window);
  const chosen = wanted.length ? events.filter((e) => wanted.includes(e.calendarId)) : events;
  return chosen.map((e) => ({ start: e.start, end: e.end }));
}

/** A calendar source answering from demo calendars for every sub, all in sync. */
export function demoCalendarSource(): CalendarSource {
  return { busy: demoBusy, status: () => 'active' };
}
