import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { dayKey, instantOfDayMinutes, weekdayOf } from '../../src/core/time.js';
import {
  DEMO_PEOPLE,
  defaultDemoQuery,
  demoBusy,
  demoCalendarSource,
  demoEvents,
  demoPersonFor,
} from '../../src/data/demo-calendars.js';

const DAY = 86_400_000;
/** Monday 2026-11-30, 00:00 UTC. */
const MONDAY = Date.UTC(2026, 10, 30);
const FORTNIGHT = { start: MONDAY, end: MONDAY + 14 * DAY };

function offsetMinutesOf(zone: string, instant: number): number {
  const text = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'longOffset' })
    .formatToParts(instant)
    .find((p) => p.type === 'timeZoneName')!.value;
  const match = /GMT([+-])(\d\d):(\d\d)/.exec(text);
  return match ? (match[1] === '-' ? -1 : 1) * (Number(match[2]) * 60 + Number(match[3])) : 0;
}

/** Busy minutes of a person inside their working hours on one local day. */
function busyMinutesInWorkingHours(sub: string, day: string, from: number, to: number): number {
  const { tzid } = demoPersonFor(sub);
  const start = instantOfDayMinutes(day, from, tzid);
  const end = instantOfDayMinutes(day, to, tzid);
  const busy = demoBusy(sub, undefined, { start, end })
    .map((b) => ({ start: Math.max(b.start, start), end: Math.min(b.end, end) }))
    .sort((a, b) => a.start - b.start);
  let total = 0;
  let reached = start;
  for (const b of busy) {
    if (b.end > reached) total += b.end - Math.max(b.start, reached);
    reached = Math.max(reached, b.end);
  }
  return total / 60_000;
}

describe('demo people', () => {
  it('are five or six fictional people in at least four zones, one with a 30-minute offset', () => {
    assert.ok(DEMO_PEOPLE.length >= 5 && DEMO_PEOPLE.length <= 6);
    assert.ok(new Set(DEMO_PEOPLE.map((p) => p.tzid)).size >= 4);
    assert.ok(DEMO_PEOPLE.some((p) => Math.abs(offsetMinutesOf(p.tzid, MONDAY)) % 60 === 30));
    for (const person of DEMO_PEOPLE) {
      assert.match(person.sub, /^acc_demo_[a-z]+$/);
      assert.match(person.email, /@example\.com$/);
      const slug = person.sub.replace('acc_', '');
      assert.deepEqual(
        person.calendars.map((c) => c.id),
        [`cal_${slug}_work`, `cal_${slug}_personal`],
      );
    }
  });

  it('derive a stable person with a real zone for any other sub', () => {
    const person = demoPersonFor('acc_someone_else');
    assert.deepEqual(person, demoPersonFor('acc_someone_else'));
    assert.doesNotThrow(() => new Intl.DateTimeFormat('en', { timeZone: person.tzid }));
    assert.deepEqual(
      person.calendars.map((c) => c.id),
      ['cal_someone_else_work', 'cal_someone_else_personal'],
    );
  });
});

describe('demoBusy', () => {
  it('is the same for the same sub and window on every call', () => {
    for (const sub of ['acc_demo_ada', 'acc_random_42']) {
      assert.deepEqual(demoBusy(sub, undefined, FORTNIGHT), demoBusy(sub, undefined, FORTNIGHT));
    }
  });

  it('keeps weekends busy and the working day 40 to 60 percent busy on average', () => {
    for (const person of DEMO_PEOPLE) {
      let weekdayShares = 0;
      let weekdays = 0;
      for (let i = 0; i < 14; i++) {
        const day = dayKey(MONDAY + i * DAY + 12 * 3_600_000, person.tzid);
        const weekday = weekdayOf(day);
        if (weekday === 0 || weekday === 6) {
          assert.equal(busyMinutesInWorkingHours(person.sub, day, 0, 1439), 1439, `${day}`);
          continue;
        }
        // 10:00 to 16:00 is inside everyone's working hours.
        weekdayShares += busyMinutesInWorkingHours(person.sub, day, 600, 960) / 360;
        weekdays += 1;
      }
      const share = weekdayShares / weekdays;
      assert.ok(share > 0.3 && share < 0.75, `${person.sub} busy ${share.toFixed(2)} of the day`);
    }
  });

  it("is busy at night and free at some point every working day, in the person's own zone", () => {
    for (const person of DEMO_PEOPLE) {
      for (let i = 0; i < 5; i++) {
        const day = dayKey(MONDAY + i * DAY + 12 * 3_600_000, person.tzid);
        assert.equal(
          busyMinutesInWorkingHours(person.sub, day, 0, 360),
          360,
          `${person.sub} ${day}`,
        );
        assert.equal(busyMinutesInWorkingHours(person.sub, day, 1140, 1439), 299);
        assert.ok(busyMinutesInWorkingHours(person.sub, day, 540, 1020) < 480);
      }
    }
  });

  it('varies from day to day', () => {
    const days = [0, 1, 2, 3].map((i) =>
      JSON.stringify(
        demoBusy('acc_demo_ada', ['cal_demo_ada_work'], {
          start: MONDAY + i * DAY,
          end: MONDAY + (i + 1) * DAY,
        }).map((b) => (b.start - MONDAY) % DAY),
      ),
    );
    assert.equal(new Set(days).size, 4);
  });

  it("narrows to the given calendars and ignores ids that are not the person's", () => {
    const all = demoBusy('acc_demo_ada', undefined, FORTNIGHT);
    const work = demoBusy('acc_demo_ada', ['cal_demo_ada_work'], FORTNIGHT);
    const personal = demoBusy('acc_demo_ada', ['cal_demo_ada_personal'], FORTNIGHT);
    assert.equal(work.length + personal.length, all.length);
    assert.ok(work.length > 0 && personal.length > 0);
    assert.deepEqual(demoBusy('acc_demo_ada', ['cal_unknown'], FORTNIGHT), all);
  });

  it('returns only intervals touching the window, and the same time whatever the window', () => {
    const window = { start: MONDAY + 13 * 3_600_000, end: MONDAY + 15 * 3_600_000 };
    const inside = demoBusy('acc_demo_bruno', undefined, window);
    assert.ok(inside.every((b) => b.start < window.end && b.end > window.start));
    const wide = demoBusy('acc_demo_bruno', undefined, FORTNIGHT).filter(
      (b) => b.start < window.end && b.end > window.start,
    );
    assert.deepEqual(inside, wide);
  });

  it('labels events and keeps each calendar free of overlaps', () => {
    for (const person of DEMO_PEOPLE) {
      for (const calendar of person.calendars) {
        const events = demoEvents(person.sub, FORTNIGHT).filter(
          (e) => e.calendarId === calendar.id,
        );
        for (let i = 1; i < events.length; i++) {
          assert.ok(events[i].start >= events[i - 1].end, `${calendar.id} overlaps`);
        }
        assert.ok(events.every((e) => e.summary.length > 0 && e.end > e.start));
      }
    }
  });
});

describe('demoCalendarSource', () => {
  it('answers busy time and an active status for any sub', () => {
    const source = demoCalendarSource();
    assert.deepEqual(
      source.busy('acc_x', undefined, FORTNIGHT),
      demoBusy('acc_x', undefined, FORTNIGHT),
    );
    assert.equal(source.status?.('acc_x'), 'active');
  });
});

describe('defaultDemoQuery', () => {
  it('asks for three demo people for 30 minutes over 14 days from the next quarter hour', () => {
    const query = defaultDemoQuery(Date.UTC(2026, 11, 1, 10, 7, 30));
    assert.equal(query.participants.length, 1);
    assert.equal(query.participants[0].required, 'all');
    const subs = query.participants[0].members.map((m) => m.sub);
    assert.equal(subs.length, 3);
    assert.ok(subs.every((sub) => DEMO_PEOPLE.some((p) => p.sub === sub)));
    assert.deepEqual(query.required_duration, { minutes: 30 });
    assert.deepEqual(query.query_periods, [
      { start: '2026-12-01T10:15:00Z', end: '2026-12-15T10:15:00Z' },
    ]);
    assert.equal(
      defaultDemoQuery(Date.UTC(2026, 11, 1, 10, 15)).query_periods?.[0].start,
      '2026-12-01T10:15:00Z',
    );
  });
});
