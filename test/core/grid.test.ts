import { expect } from '@open-wc/testing';
import {
  GRID_DEFAULTS,
  GridConfigError,
  gridConfig,
  gridPage,
  pageIndexOf,
  rowsForDay,
  timeLabels,
  weekPages,
  weekStartIndex,
  weekStartOf,
  type GridOptions,
  type GridRow,
} from '../../src/core/grid.js';
import {
  InvalidTimeZoneError,
  dayLengthMinutes,
  endOfDay,
  startOfDay,
  weekdayOf,
} from '../../src/core/time.js';
import type { WeekDayName } from '../../src/core/types.js';

const utc = (iso: string) => Date.parse(iso);
const MINUTE = 60_000;

const clockFormats = new Map<string, Intl.DateTimeFormat>();
/** `YYYY-MM-DD HH:mm` of the instant in the zone, straight from Intl. */
function intlWall(instant: number, zone: string): string {
  let format = clockFormats.get(zone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
    });
    clockFormats.set(zone, format);
  }
  const p = Object.fromEntries(
    format.formatToParts(instant).map((part) => [part.type, part.value]),
  );
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}`;
}

function configError(options: GridOptions): GridConfigError {
  try {
    gridConfig(options);
  } catch (error) {
    if (error instanceof GridConfigError) return error;
    throw error;
  }
  throw new Error(`no error for ${JSON.stringify(options)}`);
}

/** Checks the invariants every day's rows keep, whatever the zone and interval. */
function expectWellFormedDay(rows: GridRow[], key: string, zone: string, interval: number) {
  expect(rows[0]!.start, 'first row starts the day').to.equal(startOfDay(key, zone));
  expect(rows.at(-1)!.end, 'last row ends the day').to.equal(endOfDay(key, zone));
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i]!;
    expect(row.wallMinutes % interval, row.key).to.equal(0);
    if (i > 0)
      expect(row.start, `${row.key} follows ${rows[i - 1]!.key}`).to.equal(rows[i - 1]!.end);
    if (row.status === 'nonexistent') {
      expect(row.end, row.key).to.equal(row.start);
      continue;
    }
    expect(row.end, row.key).to.be.greaterThan(row.start);
    const shown = intlWall(row.start, zone);
    expect(shown.slice(0, 10), row.key).to.equal(key);
    const full = row.end - row.start === interval * MINUTE;
    const partialRepeat = row.status === 'repeated-second' && !full;
    if (!partialRepeat && (row.status !== 'normal' || full)) {
      expect(shown.slice(11), row.key).to.equal(row.time);
    } else {
      // Partly skipped by a gap, or repeated from mid-row by a fall-back: the row starts where
      // the clocks land, inside its span.
      const [h, m] = shown.slice(11).split(':').map(Number) as [number, number];
      expect(h * 60 + m).to.be.within(row.wallMinutes, row.wallMinutes + interval - 1);
    }
  }
  const total = rows.reduce((sum, row) => sum + (row.end - row.start), 0);
  expect(total / MINUTE).to.equal(dayLengthMinutes(key, zone));
  const keys = rows.map((row) => row.key);
  expect(new Set(keys).size, 'keys are unique').to.equal(keys.length);
}

describe('grid: configuration', () => {
  it('applies the reference defaults', () => {
    expect(gridConfig()).to.deep.equal({ startMinutes: 540, endMinutes: 1020, interval: 15 });
    expect(GRID_DEFAULTS.weekStartDay).to.equal('sunday');
  });

  const rounding: [options: GridOptions, start: number, end: number][] = [
    [{ startTime: '09:10', endTime: '17:05', interval: 15 }, 540, 1035],
    [{ startTime: '09:10', endTime: '17:05', interval: 60 }, 540, 1080],
    [{ startTime: '08:00', endTime: '00:00', interval: 30 }, 480, 1440],
    [{ startTime: '00:00', endTime: '24:00', interval: 20 }, 0, 1440],
    [{ startTime: '22:50', endTime: '23:55', interval: 60 }, 1320, 1440],
    [{ startTime: '07:07', endTime: '07:08', interval: 5 }, 425, 430],
  ];
  for (const [options, start, end] of rounding) {
    it(`rounds ${JSON.stringify(options)} out to the interval`, () => {
      expect(gridConfig(options)).to.deep.equal({
        startMinutes: start,
        endMinutes: end,
        interval: options.interval,
      });
    });
  }

  for (const interval of [1, 5, 10, 12, 15, 20, 30, 45, 60, 120]) {
    it(`accepts an interval of ${interval}`, () => {
      expect(gridConfig({ startTime: '00:00', endTime: '00:00', interval }).interval).to.equal(
        interval,
      );
    });
  }

  for (const interval of [0, -15, 7, 25, 50, 1.5, Number.NaN, 2880]) {
    it(`rejects an interval of ${interval}`, () => {
      const error = configError({ interval });
      expect(error.field).to.equal('interval');
      expect(error.message).to.contain('divides a day');
    });
  }

  const badTimes: [options: GridOptions, field: string, says: string][] = [
    [{ startTime: '9am' }, 'start-time', 'Invalid time of day'],
    [{ startTime: '24:00' }, 'start-time', 'Invalid time of day'],
    [{ endTime: '17:60' }, 'end-time', 'Invalid time of day'],
    [{ endTime: '' }, 'end-time', 'Invalid time of day'],
    [{ startTime: '17:00', endTime: '09:00' }, 'start-time', 'must be before end time'],
    [{ startTime: '10:00', endTime: '10:00' }, 'start-time', 'must be before end time'],
  ];
  for (const [options, field, says] of badTimes) {
    it(`rejects ${JSON.stringify(options)} naming ${field}`, () => {
      const error = configError(options);
      expect(error.field).to.equal(field);
      expect(error.message).to.contain(says);
      expect(error.message.startsWith(`${field}: `)).to.equal(true);
    });
  }

  it('names week start days', () => {
    expect(weekStartIndex('sunday')).to.equal(0);
    expect(weekStartIndex('Saturday')).to.equal(6);
    for (const bad of ['funday', '', 'mon']) {
      expect(() => weekStartIndex(bad))
        .to.throw(GridConfigError, 'is not a day name')
        .with.property('field', 'week-start-day');
    }
  });
});

describe('grid: week pages', () => {
  const cases: [first: string, last: string, start: WeekDayName, pageStarts: string[]][] = [
    ['2026-11-25', '2026-12-08', 'sunday', ['2026-11-22', '2026-11-29', '2026-12-06']],
    ['2026-11-25', '2026-12-08', 'monday', ['2026-11-23', '2026-11-30', '2026-12-07']],
    ['2026-11-25', '2026-12-08', 'saturday', ['2026-11-21', '2026-11-28', '2026-12-05']],
    ['2026-11-25', '2026-11-25', 'wednesday', ['2026-11-25']],
    ['2026-11-25', '2026-11-28', 'sunday', ['2026-11-22']],
    ['2026-12-27', '2027-01-09', 'thursday', ['2026-12-24', '2026-12-31', '2027-01-07']],
    ['2026-03-22', '2026-04-04', 'sunday', ['2026-03-22', '2026-03-29']],
  ];
  for (const [first, last, start, pageStarts] of cases) {
    it(`${first}..${last} from ${start} gives ${pageStarts.length} page(s)`, () => {
      const pages = weekPages(first, last, start);
      expect(pages.map((page) => page.firstDay)).to.deep.equal(pageStarts);
      pages.forEach((page, index) => {
        expect(page.index).to.equal(index);
        expect(page.days).to.have.length(7);
        expect(weekdayOf(page.days[0]!)).to.equal(weekStartIndex(start));
        expect(page.lastDay).to.equal(page.days[6]);
        expect(page.hasPrev).to.equal(index > 0);
        expect(page.hasNext).to.equal(index < pages.length - 1);
      });
      expect(pages[0]!.firstDay <= first && last <= pages.at(-1)!.lastDay).to.equal(true);
      const all = pages.flatMap((page) => page.days);
      expect(new Set(all).size).to.equal(all.length);
    });
  }

  it('finds the page of a day, or -1', () => {
    const pages = weekPages('2026-11-25', '2026-12-08', 'sunday');
    expect(pageIndexOf(pages, '2026-11-22')).to.equal(0);
    expect(pageIndexOf(pages, '2026-12-01')).to.equal(1);
    expect(pageIndexOf(pages, '2026-12-12')).to.equal(2);
    expect(pageIndexOf(pages, '2026-12-13')).to.equal(-1);
    expect(weekStartOf('2026-12-01', 'friday')).to.equal('2026-11-27');
  });

  it('rejects a reversed range and a bad week start day', () => {
    expect(() => weekPages('2026-12-08', '2026-11-25', 'sunday'))
      .to.throw(GridConfigError, 'starts (2026-12-08) after it ends')
      .with.property('field', 'range');
    expect(() => weekPages('2026-11-25', '2026-12-08', 'someday' as WeekDayName))
      .to.throw(GridConfigError)
      .with.property('field', 'week-start-day');
  });
});

describe('grid: rows of one day', () => {
  it('an ordinary UTC day has one row per interval', () => {
    const rows = rowsForDay(
      '2026-06-01',
      'UTC',
      gridConfig({ startTime: '09:00', endTime: '17:00', interval: 60 }),
    );
    expect(rows.map((row) => row.time)).to.deep.equal([
      '09:00',
      '10:00',
      '11:00',
      '12:00',
      '13:00',
      '14:00',
      '15:00',
      '16:00',
    ]);
    expect(rows[0]).to.deep.equal({
      key: '09:00',
      time: '09:00',
      label: '09:00',
      wallMinutes: 540,
      start: utc('2026-06-01T09:00:00Z'),
      end: utc('2026-06-01T10:00:00Z'),
      status: 'normal',
    });
  });

  it('a Berlin spring-forward day marks 02:00 nonexistent at the jump', () => {
    const rows = rowsForDay(
      '2026-03-29',
      'Europe/Berlin',
      gridConfig({ startTime: '01:00', endTime: '04:00', interval: 30 }),
    );
    expect(
      rows.map((row) => [
        row.time,
        row.status,
        new Date(row.start).toISOString(),
        (row.end - row.start) / MINUTE,
      ]),
    ).to.deep.equal([
      ['01:00', 'normal', '2026-03-29T00:00:00.000Z', 30],
      ['01:30', 'normal', '2026-03-29T00:30:00.000Z', 30],
      ['02:00', 'nonexistent', '2026-03-29T01:00:00.000Z', 0],
      ['02:30', 'nonexistent', '2026-03-29T01:00:00.000Z', 0],
      ['03:00', 'normal', '2026-03-29T01:00:00.000Z', 30],
      ['03:30', 'normal', '2026-03-29T01:30:00.000Z', 30],
    ]);
  });

  it('a New York fall-back day repeats 01:00 and 01:30 with offsets, in time order', () => {
    const rows = rowsForDay(
      '2026-11-01',
      'America/New_York',
      gridConfig({ startTime: '00:30', endTime: '02:30', interval: 30 }),
    );
    expect(
      rows.map((row) => [row.key, row.label, row.status, new Date(row.start).toISOString()]),
    ).to.deep.equal([
      ['00:30', '00:30', 'normal', '2026-11-01T04:30:00.000Z'],
      ['01:00', '01:00 GMT-4', 'repeated-first', '2026-11-01T05:00:00.000Z'],
      ['01:30', '01:30 GMT-4', 'repeated-first', '2026-11-01T05:30:00.000Z'],
      ['01:00#2', '01:00 GMT-5', 'repeated-second', '2026-11-01T06:00:00.000Z'],
      ['01:30#2', '01:30 GMT-5', 'repeated-second', '2026-11-01T06:30:00.000Z'],
      ['02:00', '02:00', 'normal', '2026-11-01T07:00:00.000Z'],
    ]);
    expect(rows.every((row) => row.end - row.start === 30 * MINUTE)).to.equal(true);
    expect(rows[1]!.offsetLabel).to.equal('GMT-4');
    expect(rows[3]!.offsetLabel).to.equal('GMT-5');
  });

  it('a window ending inside an overlap keeps both passes and stops at each', () => {
    const rows = rowsForDay(
      '2026-11-01',
      'America/New_York',
      gridConfig({ startTime: '01:00', endTime: '01:30', interval: 30 }),
    );
    expect(
      rows.map((row) => [
        row.key,
        new Date(row.start).toISOString(),
        new Date(row.end).toISOString(),
      ]),
    ).to.deep.equal([
      ['01:00', '2026-11-01T05:00:00.000Z', '2026-11-01T05:30:00.000Z'],
      ['01:00#2', '2026-11-01T06:00:00.000Z', '2026-11-01T06:30:00.000Z'],
    ]);
  });

  it("Lord Howe's 30-minute jump shortens the 02:00 row at a 60-minute interval", () => {
    const rows = rowsForDay(
      '2026-10-04',
      'Australia/Lord_Howe',
      gridConfig({ startTime: '01:00', endTime: '04:00', interval: 60 }),
    );
    expect(rows.map((row) => [row.time, row.status, (row.end - row.start) / MINUTE])).to.deep.equal(
      [
        ['01:00', 'normal', 60],
        ['02:00', 'normal', 30],
        ['03:00', 'normal', 60],
      ],
    );
    expect(intlWall(rows[1]!.start, 'Australia/Lord_Howe')).to.equal('2026-10-04 02:30');
  });

  it("Lord Howe's 30-minute fall-back repeats 01:30 and 01:45 at 15 minutes and half of 01:00 at 60", () => {
    const zone = 'Australia/Lord_Howe';
    const quarter = rowsForDay(
      '2026-04-05',
      zone,
      gridConfig({ startTime: '01:00', endTime: '02:30', interval: 15 }),
    );
    expect(quarter.map((row) => row.label)).to.deep.equal([
      '01:00',
      '01:15',
      '01:30 GMT+11',
      '01:45 GMT+11',
      '01:30 GMT+10:30',
      '01:45 GMT+10:30',
      '02:00',
      '02:15',
    ]);
    const hourly = rowsForDay(
      '2026-04-05',
      zone,
      gridConfig({ startTime: '00:00', endTime: '03:00', interval: 60 }),
    );
    expect(
      hourly.map((row) => [row.label, row.status, (row.end - row.start) / MINUTE]),
    ).to.deep.equal([
      ['00:00', 'normal', 60],
      ['01:00 GMT+11', 'repeated-first', 60],
      ['01:00 GMT+10:30', 'repeated-second', 30],
      ['02:00', 'normal', 60],
    ]);
    expect(intlWall(hourly[2]!.start, zone)).to.equal('2026-04-05 01:30');
  });

  it("Lord Howe's fall-back at 20 minutes repeats the 01:20 row from 01:30 on", () => {
    const zone = 'Australia/Lord_Howe';
    const rows = rowsForDay(
      '2026-04-05',
      zone,
      gridConfig({ startTime: '01:00', endTime: '02:20', interval: 20 }),
    );
    expect(rows.map((row) => [row.label, row.key, (row.end - row.start) / MINUTE])).to.deep.equal([
      ['01:00', '01:00', 20],
      ['01:20 GMT+11', '01:20', 20],
      ['01:40 GMT+11', '01:40', 20],
      ['01:20 GMT+10:30', '01:20#2', 10],
      ['01:40 GMT+10:30', '01:40#2', 20],
      ['02:00', '02:00', 20],
    ]);
    expect(intlWall(rows[3]!.start, zone)).to.equal('2026-04-05 01:30');
  });

  it('a Santiago spring-forward day has no midnight row', () => {
    const rows = rowsForDay(
      '2026-09-06',
      'America/Santiago',
      gridConfig({ startTime: '00:00', endTime: '02:00', interval: 60 }),
    );
    expect(
      rows.map((row) => [row.time, row.status, new Date(row.start).toISOString()]),
    ).to.deep.equal([
      ['00:00', 'nonexistent', '2026-09-06T04:00:00.000Z'],
      ['01:00', 'normal', '2026-09-06T04:00:00.000Z'],
    ]);
  });

  it('rejects an unknown zone', () => {
    expect(() => rowsForDay('2026-06-01', 'Atlantis/Capital', gridConfig())).to.throw(
      InvalidTimeZoneError,
    );
  });

  const fullDays: [zone: string, key: string, rowsAt60: number, nonexistentAt60: number][] = [
    ['UTC', '2026-03-29', 24, 0],
    ['Europe/Berlin', '2026-03-29', 24, 1],
    ['Europe/Berlin', '2026-10-25', 25, 0],
    ['America/New_York', '2026-03-08', 24, 1],
    ['America/New_York', '2026-11-01', 25, 0],
    ['America/Santiago', '2026-09-06', 24, 1],
    ['America/Santiago', '2026-04-04', 25, 0],
    ['Asia/Beirut', '2026-03-29', 24, 1],
    ['Australia/Lord_Howe', '2026-10-04', 24, 0],
    ['Australia/Lord_Howe', '2026-04-05', 25, 0],
    ['Asia/Kolkata', '2026-03-29', 24, 0],
    ['Asia/Kathmandu', '2026-10-25', 24, 0],
    ['Australia/Eucla', '2026-04-05', 24, 0],
    ['Pacific/Chatham', '2026-04-05', 26, 0],
    ['Pacific/Chatham', '2026-09-27', 24, 0],
    ['Pacific/Apia', '2026-09-27', 24, 0],
    ['Pacific/Apia', '2011-12-30', 24, 24],
  ];
  for (const [zone, key, rowsAt60, nonexistentAt60] of fullDays) {
    it(`${key} in ${zone}: whole-day rows tile the day at every interval`, () => {
      for (const interval of [5, 10, 12, 15, 20, 30, 60]) {
        const rows = rowsForDay(
          key,
          zone,
          gridConfig({ startTime: '00:00', endTime: '00:00', interval }),
        );
        expectWellFormedDay(rows, key, zone, interval);
        const seconds = rows.filter((row) => row.status === 'repeated-second').length;
        expect(rows.length - seconds).to.equal(1440 / interval);
        if (interval === 60) {
          expect(rows.length).to.equal(rowsAt60);
          expect(rows.filter((row) => row.status === 'nonexistent').length).to.equal(
            nonexistentAt60,
          );
        }
      }
    });
  }
});

describe('grid: pages line up', () => {
  function expectAligned(page: ReturnType<typeof gridPage>) {
    for (const column of page.columns) {
      expect(column.cells, column.dayKey).to.have.length(page.labels.length);
      column.cells.forEach((cell, i) => {
        expect(cell.key, `${column.dayKey} #${i}`).to.equal(page.labels[i]!.key);
        expect(cell.time).to.equal(page.labels[i]!.time);
        if (i > 0)
          expect(cell.start, `${column.dayKey} ${cell.key}`).to.be.at.least(
            column.cells[i - 1]!.end,
          );
      });
    }
  }

  it('the New York fall-back week gets two placeholder rows on ordinary days', () => {
    const [page] = weekPages('2026-11-01', '2026-11-07', 'sunday');
    const grid = gridPage(
      page!.days,
      'America/New_York',
      gridConfig({ startTime: '00:00', endTime: '03:00', interval: 30 }),
    );
    expect(grid.labels.map((label) => label.label)).to.deep.equal([
      '00:00',
      '00:30',
      '01:00 GMT-4',
      '01:30 GMT-4',
      '01:00 GMT-5',
      '01:30 GMT-5',
      '02:00',
      '02:30',
    ]);
    expect(grid.labels.map((label) => label.repeated)).to.deep.equal([
      undefined,
      undefined,
      'first',
      'first',
      'second',
      'second',
      undefined,
      undefined,
    ]);
    expectAligned(grid);
    const monday = grid.columns[1]!.cells;
    expect(monday.map((cell) => cell.status)).to.deep.equal([
      'normal',
      'normal',
      'normal',
      'normal',
      'nonexistent',
      'nonexistent',
      'normal',
      'normal',
    ]);
    // Placeholders sit at the point in time where Monday's 02:00 begins.
    expect(monday[4]!.start).to.equal(utc('2026-11-02T07:00:00Z'));
    expect(monday[4]!.end).to.equal(monday[4]!.start);
  });

  it('the Berlin spring-forward week keeps 24 labels and 24 cells in every column', () => {
    const [page] = weekPages('2026-03-29', '2026-04-04', 'sunday');
    const grid = gridPage(
      page!.days,
      'Europe/Berlin',
      gridConfig({ startTime: '00:00', endTime: '00:00', interval: 60 }),
    );
    expect(grid.labels).to.have.length(24);
    expectAligned(grid);
    expect(grid.columns[0]!.cells[2]!.status).to.equal('nonexistent');
    expect(grid.columns[1]!.cells[2]!.status).to.equal('normal');
    expect(grid.columns.map((column) => column.dayKey)).to.deep.equal(page!.days);
  });

  it('the Berlin fall-back week has 25 labels at 60 minutes', () => {
    const [page] = weekPages('2026-10-25', '2026-10-31', 'sunday');
    const grid = gridPage(
      page!.days,
      'Europe/Berlin',
      gridConfig({ startTime: '00:00', endTime: '00:00', interval: 60 }),
    );
    expect(grid.labels.map((label) => label.label).slice(1, 5)).to.deep.equal([
      '01:00',
      '02:00 GMT+2',
      '02:00 GMT+1',
      '03:00',
    ]);
    expectAligned(grid);
  });

  for (const [zone, from] of [
    ['Australia/Lord_Howe', '2026-04-01'],
    ['Australia/Lord_Howe', '2026-10-01'],
    ['Pacific/Chatham', '2026-04-01'],
    ['Asia/Kathmandu', '2026-06-01'],
    ['America/Santiago', '2026-09-01'],
  ] as const) {
    it(`weeks around ${from} in ${zone} line up at every interval`, () => {
      for (const page of weekPages(from, from.replace(/-01$/, '-14'), 'monday')) {
        for (const interval of [5, 10, 12, 15, 20, 30, 60]) {
          const grid = gridPage(
            page.days,
            zone,
            gridConfig({ startTime: '00:00', endTime: '00:00', interval }),
          );
          expectAligned(grid);
          expect(grid.labels.length).to.be.at.least(1440 / interval);
        }
      }
    });
  }

  it('merges labels of columns given directly', () => {
    const config = gridConfig({ startTime: '00:00', endTime: '03:00', interval: 60 });
    const labels = timeLabels([
      rowsForDay('2026-10-24', 'Europe/Berlin', config),
      rowsForDay('2026-10-25', 'Europe/Berlin', config),
    ]);
    expect(labels.map((label) => label.key)).to.deep.equal(['00:00', '01:00', '02:00', '02:00#2']);
  });

  it('builds a page for fewer than seven days', () => {
    const grid = gridPage(
      ['2026-11-01'],
      'America/New_York',
      gridConfig({ startTime: '00:00', endTime: '00:00', interval: 15 }),
    );
    expect(grid.labels).to.have.length(100);
    expectAligned(grid);
  });
});
