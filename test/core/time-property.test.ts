import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { gridConfig, rowsForDay } from '../../src/core/grid.js';
import {
  canonicalZone,
  dayKey,
  endOfDay,
  firstInstantAtOrAfter,
  instantOf,
  instantsOf,
  offsetLabel,
  offsetMinutes,
  startOfDay,
  wallClockOf,
  type WallClock,
} from '../../src/core/time.js';

/**
 * Every zone Intl knows, checked against Intl itself: an independent formatter per zone
 * (formatToParts, h23) is the oracle for wall clocks, day keys and offset labels.
 */
const BROWSER_ZONE = Intl.DateTimeFormat().resolvedOptions().timeZone;
const ZONES = Intl.supportedValuesOf('timeZone').filter((zone) => zone !== BROWSER_ZONE);
const RUNS = 2000;
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

interface Oracle {
  parts: Intl.DateTimeFormat;
  offset: Intl.DateTimeFormat;
  transitions?: number[];
}
const oracles = new Map<string, Oracle>();

function oracleOf(zone: string): Oracle {
  let oracle = oracles.get(zone);
  if (!oracle) {
    oracle = {
      parts: new Intl.DateTimeFormat('en-US', {
        timeZone: zone,
        hourCycle: 'h23',
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: 'numeric',
        minute: 'numeric',
        second: 'numeric',
      }),
      offset: new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'shortOffset' }),
    };
    oracles.set(zone, oracle);
  }
  return oracle;
}

/** The wall clock Intl shows, with seconds. */
function intlClock(instant: number, zone: string): WallClock & { second: number } {
  const p: Record<string, number> = {};
  for (const part of oracleOf(zone).parts.formatToParts(instant)) {
    if (part.type !== 'literal') p[part.type] = Number(part.value);
  }
  return {
    year: p.year!,
    month: p.month!,
    day: p.day!,
    hour: p.hour!,
    minute: p.minute!,
    second: p.second!,
  };
}

function clockDayKey({ year, month, day }: WallClock): string {
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function intlDayKey(instant: number, zone: string): string {
  return clockDayKey(intlClock(instant, zone));
}

/** Intl's offset label, with its `GMT+0` spelled `GMT` as ours is. */
function intlOffsetLabel(instant: number, zone: string): string {
  const label = oracleOf(zone)
    .offset.formatToParts(instant)
    .find((p) => p.type === 'timeZoneName')!.value;
  return label === 'GMT+0' ? 'GMT' : label;
}

/** Comparable number of a wall clock (with seconds), minute precision times 60 plus seconds. */
function clockValue(c: WallClock & { second?: number }): number {
  return Date.UTC(c.year, c.month - 1, c.day, c.hour, c.minute, c.second ?? 0);
}

function intlOffsetMs(instant: number, zone: string): number {
  const second = Math.floor(instant / 1000) * 1000;
  return clockValue(intlClock(second, zone)) - second;
}

/** Offset transitions of the zone in 2020-2030, found with Intl alone (weekly samples, then bisection). */
function transitionsOf(zone: string): number[] {
  const oracle = oracleOf(zone);
  if (oracle.transitions) return oracle.transitions;
  const found: number[] = [];
  const end = Date.UTC(2031, 0, 1);
  let previous = Date.UTC(2020, 0, 1);
  let previousOffset = intlOffsetMs(previous, zone);
  for (let t = previous + 7 * DAY; t <= end; t += 7 * DAY) {
    const offset = intlOffsetMs(t, zone);
    if (offset !== previousOffset) {
      let lo = previous;
      let hi = t;
      while (hi - lo > 1000) {
        const mid = Math.floor((lo + hi) / 2000) * 1000;
        if (intlOffsetMs(mid, zone) === previousOffset) lo = mid;
        else hi = mid;
      }
      found.push(hi);
    }
    previous = t;
    previousOffset = offset;
  }
  oracle.transitions = found;
  return found;
}

/** An instant anywhere in 1900-2100, or (for zones with DST) within 36 hours of a transition. */
const zoneAndInstant = fc.constantFrom(...ZONES).chain((zone) => {
  const anywhere = fc.integer({ min: Date.UTC(1900, 0, 1), max: Date.UTC(2100, 0, 1) });
  const transitions = transitionsOf(zone);
  const nearTransition =
    transitions.length === 0
      ? anywhere
      : fc
          .tuple(fc.constantFrom(...transitions), fc.integer({ min: -36 * HOUR, max: 36 * HOUR }))
          .map(([t, delta]) => t + delta);
  return fc.tuple(fc.constant(zone), fc.oneof(anywhere, nearTransition));
});

const sameMinute = (a: WallClock, b: WallClock) =>
  a.year === b.year &&
  a.month === b.month &&
  a.day === b.day &&
  a.hour === b.hour &&
  a.minute === b.minute;

describe('time property: agrees with Intl in every zone', function () {
  this.timeout(20_000);

  it('tests many zones, none of them the browser zone', () => {
    expect(BROWSER_ZONE).to.equal('Pacific/Chatham');
    expect(ZONES.length).to.be.greaterThan(300);
    expect(ZONES).not.to.include(BROWSER_ZONE);
  });

  it('instant -> wall clock, day key, offset and label match Intl; wall -> instant -> wall round-trips', () => {
    fc.assert(
      fc.property(zoneAndInstant, ([zone, instant]) => {
        expect(canonicalZone(zone)).not.to.equal(BROWSER_ZONE);
        const intl = intlClock(instant, zone);
        const wall = wallClockOf(instant, zone);
        expect(wall).to.deep.equal({
          year: intl.year,
          month: intl.month,
          day: intl.day,
          hour: intl.hour,
          minute: intl.minute,
        });
        expect(dayKey(instant, zone)).to.equal(intlDayKey(instant, zone));
        expect(offsetMinutes(instant, zone)).to.equal(intlOffsetMs(instant, zone) / 60_000);
        expect(offsetLabel(instant, zone)).to.equal(intlOffsetLabel(instant, zone));

        // The wall clock exists (the instant shows it), so it resolves back to it.
        const instants = instantsOf(wall, zone);
        expect(instants.length).to.be.within(1, 2);
        // Old local mean times change offset at odd seconds: a minute cut by such a change
        // starts mid-minute, so only a minute with one offset must contain its instant.
        if (intlOffsetMs(instant - 60_000, zone) === intlOffsetMs(instant, zone)) {
          expect(instants.some((i) => i <= instant && instant < i + 60_000)).to.equal(true);
        }
        for (const i of instants) expect(sameMinute(intlClock(i, zone), wall)).to.equal(true);
        expect(wallClockOf(instantOf(wall, zone), zone)).to.deep.equal(wall);
        expect(wallClockOf(instantOf(wall, zone, { disambiguation: 'later' }), zone)).to.deep.equal(
          wall,
        );
      }),
      { numRuns: RUNS, includeErrorInReport: true },
    );
  });

  it('nonexistent wall clocks land where Intl shows the clocks jump past them', () => {
    fc.assert(
      fc.property(zoneAndInstant, fc.integer({ min: -180, max: 180 }), ([zone, instant], shift) => {
        // A wall clock up to three hours from the instant's, counted on the clock face, so
        // near a transition it often falls in the gap or the overlap.
        const face = new Date(clockValue(wallClockOf(instant, zone)) + shift * 60_000);
        const probe: WallClock = {
          year: face.getUTCFullYear(),
          month: face.getUTCMonth() + 1,
          day: face.getUTCDate(),
          hour: face.getUTCHours(),
          minute: face.getUTCMinutes(),
        };
        const instants = instantsOf(probe, zone);
        for (const i of instants) expect(sameMinute(intlClock(i, zone), probe)).to.equal(true);
        const first = firstInstantAtOrAfter(probe, zone);
        const target = clockValue(probe);
        expect(clockValue(intlClock(first, zone))).to.be.at.least(target);
        expect(clockValue(intlClock(first - 1000, zone))).to.be.below(target);
        if (instants.length === 0) {
          // Forward by the gap: the same distance past the landing as the wall clock is past the gap's start.
          const gapStart = clockValue(intlClock(first - 1000, zone)) + 1000;
          const resolved = instantOf(probe, zone);
          expect(resolved - first).to.equal(target - gapStart);
        } else {
          expect(first).to.equal(instants[0]);
        }
      }),
      { numRuns: RUNS, includeErrorInReport: true },
    );
  });

  it("a day's rows tile the day and their labels match Intl at every interval", () => {
    const intervals = [5, 10, 12, 15, 20, 30, 60];
    fc.assert(
      fc.property(zoneAndInstant, fc.constantFrom(...intervals), ([zone, instant], interval) => {
        const key = dayKey(instant, zone);
        const config = gridConfig({ startTime: '00:00', endTime: '00:00', interval });
        const rows = rowsForDay(key, zone, config);
        expect(rows[0]!.start).to.equal(startOfDay(key, zone));
        expect(rows.at(-1)!.end).to.equal(endOfDay(key, zone));
        expect(intlDayKey(startOfDay(key, zone), zone)).to.equal(key);
        expect(intlDayKey(startOfDay(key, zone) - 1, zone)).not.to.equal(key);
        expect(intlDayKey(endOfDay(key, zone), zone)).not.to.equal(key);
        // Structure is checked on every row; Intl is asked about every row that is not a plain
        // interval-long row, and about the rows near the instant and at the ends of the day.
        const problems: string[] = [];
        for (let i = 0; i < rows.length; i++) {
          const row = rows[i]!;
          if (i > 0 && row.start !== rows[i - 1]!.end) problems.push(`${row.key}: not contiguous`);
          if (row.status === 'nonexistent') {
            if (row.end !== row.start) problems.push(`${row.key}: nonexistent but not empty`);
            continue;
          }
          if (row.end <= row.start) problems.push(`${row.key}: empty but not nonexistent`);
          const plain = row.status === 'normal' && row.end - row.start === interval * 60_000;
          const near = Math.abs(row.start - instant) < 2 * HOUR || i === 0 || i === rows.length - 1;
          if (plain && !near) continue;
          const shown = intlClock(row.start, zone);
          const shownMinutes = shown.hour * 60 + shown.minute;
          if (clockDayKey(shown) !== key) problems.push(`${row.key}: starts on another day`);
          if (shownMinutes < row.wallMinutes || shownMinutes >= row.wallMinutes + interval) {
            problems.push(`${row.key}: starts at ${shownMinutes} wall minutes`);
          }
          if (row.status !== 'normal') {
            // A repeated row starts on its own time, unless the overlap began mid-row: then its
            // second occurrence starts exactly at the transition.
            const atTransition =
              row.status === 'repeated-second' &&
              offsetMinutes(row.start - 1000, zone) !== offsetMinutes(row.start, zone);
            if (shownMinutes !== row.wallMinutes && !atTransition)
              problems.push(`${row.key}: repeated row off its time`);
            const label = `${row.time} ${intlOffsetLabel(row.start, zone)}`;
            if (row.label !== label) problems.push(`${row.key}: label ${row.label}, Intl ${label}`);
          }
        }
        expect(problems).to.deep.equal([]);
        // The row containing the instant is the one its wall clock falls in.
        const own = rows.find((row) => row.start <= instant && instant < row.end)!;
        const wall = intlClock(instant, zone);
        expect(wall.hour * 60 + wall.minute - own.wallMinutes).to.be.within(0, interval - 1);
      }),
      { numRuns: RUNS, includeErrorInReport: true },
    );
  });
});
