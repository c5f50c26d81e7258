import { expect } from '@open-wc/testing';
import {
  InvalidDayKeyError,
  InvalidTimeOfDayError,
  InvalidTimeZoneError,
  addDays,
  canonicalZone,
  compareDayKeys,
  dayKey,
  dayLengthMinutes,
  daysBetween,
  endOfDay,
  firstInstantAtOrAfter,
  formatHHmm,
  instantOf,
  instantOfDayMinutes,
  instantsOf,
  isDayKey,
  isValidZone,
  offsetLabel,
  offsetMinutes,
  parseDayKey,
  parseHHmm,
  startOfDay,
  wallClockOf,
  weekdayOf,
  type WallClock,
  zoneName,
} from '../../src/core/time.js';

const utc = (iso: string) => Date.parse(iso);
const wall = (text: string): WallClock => {
  const [date, time] = text.split(' ') as [string, string];
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const [hour, minute] = time.split(':').map(Number) as [number, number];
  return { year, month, day, hour, minute };
};

describe('time: zones', () => {
  it('runs in a browser zone that none of these tables uses', () => {
    expect(Intl.DateTimeFormat().resolvedOptions().timeZone).to.equal('Pacific/Chatham');
  });

  for (const [given, canonical] of [
    ['UTC', 'UTC'],
    ['utc', 'UTC'],
    ['europe/berlin', 'Europe/Berlin'],
    ['AMERICA/NEW_YORK', 'America/New_York'],
  ] as const) {
    it(`accepts ${given} as ${canonical}`, () => {
      expect(canonicalZone(given)).to.equal(canonical);
      expect(isValidZone(given)).to.equal(true);
    });
  }

  for (const alias of ['asia/kolkata', 'Asia/Kathmandu', 'US/Eastern', 'Etc/UTC']) {
    it(`resolves ${alias} to the id Intl resolves it to`, () => {
      const intl = new Intl.DateTimeFormat('en', { timeZone: alias }).resolvedOptions();
      expect(canonicalZone(alias)).to.equal(intl.timeZone);
    });
  }

  for (const [given, name] of [
    ['europe/berlin', 'Europe/Berlin'],
    ['Asia/Calcutta', 'Asia/Kolkata'],
    ['asia/kolkata', 'Asia/Kolkata'],
    ['Asia/Katmandu', 'Asia/Kathmandu'],
    ['Europe/Kiev', 'Europe/Kyiv'],
    ['America/Godthab', 'America/Nuuk'],
    ['US/Eastern', 'America/New_York'],
    ['Pacific/Chatham', 'Pacific/Chatham'],
    ['UTC', 'UTC'],
  ] as const) {
    it(`names ${given} ${name}, a name Intl accepts`, () => {
      expect(zoneName(given)).to.equal(name);
      expect(canonicalZone(name)).to.equal(canonicalZone(given));
    });
  }

  for (const bad of [
    'Mars/Olympus',
    'Europe/Berlinn',
    '',
    ' ',
    'Local',
    'GMT+25',
    '+02:00',
    '-0530',
  ]) {
    it(`rejects ${JSON.stringify(bad)} with InvalidTimeZoneError`, () => {
      expect(isValidZone(bad)).to.equal(false);
      let thrown: unknown;
      try {
        canonicalZone(bad);
      } catch (error) {
        thrown = error;
      }
      expect(thrown).to.be.instanceOf(InvalidTimeZoneError);
      expect((thrown as InvalidTimeZoneError).tzid).to.equal(bad);
      expect((thrown as Error).message).to.contain('Unknown time zone');
    });
  }

  it('never falls back to another zone in the conversions', () => {
    expect(() => wallClockOf(0, 'Nowhere/Town')).to.throw(InvalidTimeZoneError);
    expect(() => startOfDay('2026-01-01', 'Nowhere/Town')).to.throw(InvalidTimeZoneError);
    expect(() => offsetLabel(0, 'Nowhere/Town')).to.throw(InvalidTimeZoneError);
  });
});

describe('time: offsets and labels', () => {
  const cases: [zone: string, iso: string, minutes: number, label: string][] = [
    ['UTC', '2026-06-01T12:00:00Z', 0, 'GMT'],
    ['Europe/Berlin', '2026-01-15T12:00:00Z', 60, 'GMT+1'],
    ['Europe/Berlin', '2026-07-15T12:00:00Z', 120, 'GMT+2'],
    ['America/New_York', '2026-01-15T12:00:00Z', -300, 'GMT-5'],
    ['America/New_York', '2026-07-15T12:00:00Z', -240, 'GMT-4'],
    ['Asia/Kolkata', '2026-07-15T12:00:00Z', 330, 'GMT+5:30'],
    ['Asia/Kathmandu', '2026-07-15T12:00:00Z', 345, 'GMT+5:45'],
    ['America/St_Johns', '2026-01-15T12:00:00Z', -210, 'GMT-3:30'],
    ['Pacific/Chatham', '2026-07-15T12:00:00Z', 765, 'GMT+12:45'],
    ['Pacific/Chatham', '2026-01-15T12:00:00Z', 825, 'GMT+13:45'],
    ['Australia/Eucla', '2026-01-15T12:00:00Z', 525, 'GMT+8:45'],
    ['Australia/Lord_Howe', '2026-01-15T12:00:00Z', 660, 'GMT+11'],
    ['Australia/Lord_Howe', '2026-07-15T12:00:00Z', 630, 'GMT+10:30'],
    ['Pacific/Apia', '2026-07-15T12:00:00Z', 780, 'GMT+13'],
    ['Africa/Monrovia', '1971-06-01T00:00:00Z', -44.5, 'GMT-0:44:30'],
  ];
  for (const [zone, iso, minutes, label] of cases) {
    it(`${zone} at ${iso} is ${label}`, () => {
      expect(offsetMinutes(utc(iso), zone)).to.equal(minutes);
      expect(offsetLabel(utc(iso), zone)).to.equal(label);
    });
  }

  it('rejects an instant that is not a number', () => {
    expect(() => offsetMinutes(Number.NaN, 'UTC')).to.throw(RangeError, 'Invalid instant');
  });
});

describe('time: instant -> wall clock and day key', () => {
  const cases: [zone: string, iso: string, expected: string][] = [
    ['UTC', '2026-03-01T00:00:00Z', '2026-03-01 00:00'],
    ['Europe/Berlin', '2026-03-29T00:59:59Z', '2026-03-29 01:59'],
    ['Europe/Berlin', '2026-03-29T01:00:00Z', '2026-03-29 03:00'],
    ['Europe/Berlin', '2026-10-25T00:30:00Z', '2026-10-25 02:30'],
    ['Europe/Berlin', '2026-10-25T01:30:00Z', '2026-10-25 02:30'],
    ['America/New_York', '2026-01-01T04:59:00Z', '2025-12-31 23:59'],
    ['Asia/Kathmandu', '2026-06-30T18:15:00Z', '2026-07-01 00:00'],
    ['Pacific/Apia', '2026-12-31T10:59:00Z', '2026-12-31 23:59'],
    ['Pacific/Apia', '2011-12-30T09:59:00Z', '2011-12-29 23:59'],
    ['Pacific/Apia', '2011-12-30T10:00:00Z', '2011-12-31 00:00'],
    ['Australia/Lord_Howe', '2026-10-03T15:30:00Z', '2026-10-04 02:30'],
  ];
  for (const [zone, iso, expected] of cases) {
    it(`${iso} in ${zone} reads ${expected}`, () => {
      expect(wallClockOf(utc(iso), zone)).to.deep.equal(wall(expected));
      expect(dayKey(utc(iso), zone)).to.equal(expected.slice(0, 10));
    });
  }
});

describe('time: wall clock -> instant (DST policy)', () => {
  const ordinary: [zone: string, at: string, iso: string][] = [
    ['UTC', '2026-06-01 09:15', '2026-06-01T09:15:00Z'],
    ['Europe/Berlin', '2026-06-01 09:15', '2026-06-01T07:15:00Z'],
    ['America/New_York', '2026-01-10 09:00', '2026-01-10T14:00:00Z'],
    ['Asia/Kathmandu', '2026-01-10 00:00', '2026-01-09T18:15:00Z'],
    ['Australia/Eucla', '2026-01-10 09:00', '2026-01-10T00:15:00Z'],
    ['Pacific/Chatham', '2026-07-10 09:00', '2026-07-09T20:15:00Z'],
  ];
  for (const [zone, at, iso] of ordinary) {
    it(`${at} in ${zone} is ${iso}`, () => {
      expect(instantsOf(wall(at), zone)).to.deep.equal([utc(iso)]);
      expect(instantOf(wall(at), zone)).to.equal(utc(iso));
      expect(instantOf(wall(at), zone, { disambiguation: 'later' })).to.equal(utc(iso));
    });
  }

  const gaps: [zone: string, at: string, forward: string, landing: string][] = [
    ['Europe/Berlin', '2026-03-29 02:30', '2026-03-29T01:30:00Z', '2026-03-29T01:00:00Z'],
    ['Europe/Berlin', '2026-03-29 02:00', '2026-03-29T01:00:00Z', '2026-03-29T01:00:00Z'],
    ['America/New_York', '2026-03-08 02:15', '2026-03-08T07:15:00Z', '2026-03-08T07:00:00Z'],
    ['Australia/Lord_Howe', '2026-10-04 02:10', '2026-10-03T15:40:00Z', '2026-10-03T15:30:00Z'],
    ['America/Santiago', '2026-09-06 00:30', '2026-09-06T04:30:00Z', '2026-09-06T04:00:00Z'],
    ['Pacific/Apia', '2011-12-30 12:00', '2011-12-30T22:00:00Z', '2011-12-30T10:00:00Z'],
  ];
  for (const [zone, at, forward, landing] of gaps) {
    it(`${at} in ${zone} does not exist: moves forward by the gap`, () => {
      expect(instantsOf(wall(at), zone)).to.deep.equal([]);
      expect(instantOf(wall(at), zone)).to.equal(utc(forward));
      expect(instantOf(wall(at), zone, { disambiguation: 'later' })).to.equal(utc(forward));
      expect(firstInstantAtOrAfter(wall(at), zone)).to.equal(utc(landing));
    });
  }

  it('02:30 on the Berlin spring-forward night becomes 03:30 CEST', () => {
    const instant = instantOf(wall('2026-03-29 02:30'), 'Europe/Berlin');
    expect(wallClockOf(instant, 'Europe/Berlin')).to.deep.equal(wall('2026-03-29 03:30'));
    expect(offsetLabel(instant, 'Europe/Berlin')).to.equal('GMT+2');
  });

  const overlaps: [zone: string, at: string, earlier: string, later: string][] = [
    ['Europe/Berlin', '2026-10-25 02:30', '2026-10-25T00:30:00Z', '2026-10-25T01:30:00Z'],
    ['America/New_York', '2026-11-01 01:00', '2026-11-01T05:00:00Z', '2026-11-01T06:00:00Z'],
    ['America/New_York', '2026-11-01 01:59', '2026-11-01T05:59:00Z', '2026-11-01T06:59:00Z'],
    ['Australia/Lord_Howe', '2026-04-05 01:45', '2026-04-04T14:45:00Z', '2026-04-04T15:15:00Z'],
    ['America/Santiago', '2026-04-04 23:30', '2026-04-05T02:30:00Z', '2026-04-05T03:30:00Z'],
  ];
  for (const [zone, at, earlier, later] of overlaps) {
    it(`${at} in ${zone} happens twice`, () => {
      expect(instantsOf(wall(at), zone)).to.deep.equal([utc(earlier), utc(later)]);
      expect(instantOf(wall(at), zone)).to.equal(utc(earlier));
      expect(instantOf(wall(at), zone, { disambiguation: 'later' })).to.equal(utc(later));
      expect(firstInstantAtOrAfter(wall(at), zone)).to.equal(utc(earlier));
      for (const instant of [utc(earlier), utc(later)]) {
        expect(wallClockOf(instant, zone)).to.deep.equal(wall(at));
      }
    });
  }

  it('the minute before and after an overlap exists once', () => {
    expect(instantsOf(wall('2026-11-01 00:59'), 'America/New_York')).to.have.length(1);
    expect(instantsOf(wall('2026-11-01 02:00'), 'America/New_York')).to.have.length(1);
  });

  for (const bad of [
    { year: 2026, month: 13, day: 1, hour: 0, minute: 0 },
    { year: 2026, month: 2, day: 29, hour: 0, minute: 0 },
    { year: 2026, month: 1, day: 1, hour: 24, minute: 0 },
    { year: 2026, month: 1, day: 1, hour: 9, minute: 1.5 },
  ]) {
    it(`rejects the wall clock ${JSON.stringify(bad)}`, () => {
      expect(() => instantOf(bad, 'UTC')).to.throw(RangeError, 'Invalid wall clock');
    });
  }

  it('resolves minutes of a day the same way', () => {
    expect(instantOfDayMinutes('2026-03-29', 150, 'Europe/Berlin')).to.equal(
      utc('2026-03-29T01:30:00Z'),
    );
    expect(instantOfDayMinutes('2026-11-01', 60, 'America/New_York', 'later')).to.equal(
      utc('2026-11-01T06:00:00Z'),
    );
  });
});

describe('time: day boundaries', () => {
  const days: [zone: string, key: string, start: string, minutes: number][] = [
    ['UTC', '2026-03-29', '2026-03-29T00:00:00Z', 1440],
    ['Europe/Berlin', '2026-03-28', '2026-03-27T23:00:00Z', 1440],
    ['Europe/Berlin', '2026-03-29', '2026-03-28T23:00:00Z', 1380],
    ['Europe/Berlin', '2026-10-25', '2026-10-24T22:00:00Z', 1500],
    ['America/New_York', '2026-03-08', '2026-03-08T05:00:00Z', 1380],
    ['America/New_York', '2026-11-01', '2026-11-01T04:00:00Z', 1500],
    ['Australia/Lord_Howe', '2026-10-04', '2026-10-03T13:30:00Z', 1410],
    ['Australia/Lord_Howe', '2026-04-05', '2026-04-04T13:00:00Z', 1470],
    ['Asia/Kathmandu', '2026-07-01', '2026-06-30T18:15:00Z', 1440],
    // Midnight does not exist: the day starts at 01:00 daylight time.
    ['America/Santiago', '2026-09-06', '2026-09-06T04:00:00Z', 1380],
    ['America/Santiago', '2026-04-04', '2026-04-04T03:00:00Z', 1500],
    ['America/Havana', '2026-03-08', '2026-03-08T05:00:00Z', 1380],
    ['America/Havana', '2026-11-01', '2026-11-01T04:00:00Z', 1500],
    ['Asia/Beirut', '2026-03-29', '2026-03-28T22:00:00Z', 1380],
    ['Asia/Beirut', '2026-10-24', '2026-10-23T21:00:00Z', 1500],
    ['Pacific/Apia', '2026-07-01', '2026-06-30T11:00:00Z', 1440],
    // Samoa skipped 30 December 2011 when it crossed the date line.
    ['Pacific/Apia', '2011-12-30', '2011-12-30T10:00:00Z', 0],
    ['Pacific/Apia', '2011-12-31', '2011-12-30T10:00:00Z', 1440],
  ];
  for (const [zone, key, start, minutes] of days) {
    it(`${key} in ${zone} starts ${start} and lasts ${minutes} minutes`, () => {
      expect(startOfDay(key, zone)).to.equal(utc(start));
      expect(endOfDay(key, zone)).to.equal(utc(start) + minutes * 60_000);
      expect(dayLengthMinutes(key, zone)).to.equal(minutes);
      if (minutes > 0) expect(dayKey(startOfDay(key, zone), zone)).to.equal(key);
      expect(compareDayKeys(dayKey(startOfDay(key, zone) - 1, zone), key)).to.equal(-1);
    });
  }
});

describe('time: a skipped date', () => {
  it("the instant before Samoa's 31 December 2011 is on the 29th", () => {
    expect(dayKey(startOfDay('2011-12-31', 'Pacific/Apia') - 1, 'Pacific/Apia')).to.equal(
      '2011-12-29',
    );
  });
});

describe('time: day keys', () => {
  it('parses and validates keys', () => {
    expect(parseDayKey('2028-02-29')).to.deep.equal({ year: 2028, month: 2, day: 29 });
    for (const bad of [
      '2026-02-29',
      '2026-13-01',
      '2026-1-01',
      '26-01-01',
      '2026-01-01T00:00',
      '',
    ]) {
      expect(() => parseDayKey(bad), bad).to.throw(InvalidDayKeyError);
      expect(isDayKey(bad)).to.equal(false);
    }
    expect(isDayKey('2026-11-25')).to.equal(true);
  });

  const adds: [key: string, n: number, expected: string][] = [
    ['2026-12-31', 1, '2027-01-01'],
    ['2028-03-01', -1, '2028-02-29'],
    ['2026-03-28', 1, '2026-03-29'],
    ['2026-03-29', 1, '2026-03-30'],
    ['2026-01-01', 365, '2027-01-01'],
    ['2026-01-01', 0, '2026-01-01'],
  ];
  for (const [key, n, expected] of adds) {
    it(`${key} + ${n} days is ${expected}`, () => {
      expect(addDays(key, n)).to.equal(expected);
      expect(daysBetween(key, expected)).to.equal(n);
    });
  }

  it('rejects a fractional day count and a bad key', () => {
    expect(() => addDays('2026-01-01', 0.5)).to.throw(RangeError);
    expect(() => addDays('2026-02-30', 1)).to.throw(InvalidDayKeyError);
  });

  it('names week days with 0 = Sunday', () => {
    const week = ['2026-11-22', '2026-11-23', '2026-11-24', '2026-11-25', '2026-11-26'];
    expect(week.map(weekdayOf)).to.deep.equal([0, 1, 2, 3, 4]);
    expect(weekdayOf('1970-01-01')).to.equal(4);
    expect(weekdayOf('1969-12-28')).to.equal(0);
  });

  it('compares keys', () => {
    expect(compareDayKeys('2026-01-02', '2026-01-10')).to.equal(-1);
    expect(compareDayKeys('2026-01-10', '2026-01-10')).to.equal(0);
    expect(compareDayKeys('2027-01-01', '2026-12-31')).to.equal(1);
    expect(() => compareDayKeys('2026-1-1', '2026-01-01')).to.throw(InvalidDayKeyError);
  });
});

describe('time: HH:mm', () => {
  const good: [text: string, minutes: number][] = [
    ['00:00', 0],
    ['09:15', 555],
    ['9:15', 555],
    ['23:59', 1439],
  ];
  for (const [text, minutes] of good) {
    it(`parses ${text} as ${minutes} minutes`, () => {
      expect(parseHHmm(text)).to.equal(minutes);
    });
  }

  for (const bad of ['24:00', '9', '09:60', '25:00', '0915', '09:15:00', 'nine', '-1:00', '']) {
    it(`rejects ${JSON.stringify(bad)}`, () => {
      expect(() => parseHHmm(bad)).to.throw(InvalidTimeOfDayError, 'Invalid time of day');
    });
  }

  it('accepts 24:00 only when allowed', () => {
    expect(parseHHmm('24:00', { allow2400: true })).to.equal(1440);
    expect(() => parseHHmm('24:01', { allow2400: true })).to.throw(InvalidTimeOfDayError);
  });

  it('formats minutes after midnight', () => {
    expect(formatHHmm(0)).to.equal('00:00');
    expect(formatHHmm(555)).to.equal('09:15');
    expect(formatHHmm(1440)).to.equal('24:00');
    expect(() => formatHHmm(1441)).to.throw(RangeError);
  });
});
