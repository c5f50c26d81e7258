import { expect } from '@open-wc/testing';
import { gridConfig, gridPage, weekPages, type GridPage } from '../../src/core/grid.js';
import {
  clippedPeriods,
  isCovered,
  memberCountOf,
  pageAvailability,
  paintedIntervals,
  paintedPeriods,
  rowEndOf,
  stillValidSelection,
  timedSlotsOf,
  toggledSelection,
  unavailableBlockAt,
  visibleWindows,
  type TimedSlot,
} from '../../src/core/slots.js';
import type { ApiAvailableSlot, Interval, ResponseFormat } from '../../src/core/types.js';

const utc = (iso: string) => Date.parse(iso);
const MIN = 60_000;

function wire(start: string, end: string, subs: string[] = ['a']): ApiAvailableSlot {
  return { start, end, participants: subs.map((sub) => ({ sub })) };
}

function slot(start: string, end: string, subs: string[] = ['a']): TimedSlot {
  return { start: utc(start), end: utc(end), participants: subs };
}

function span(start: string, end: string): Interval {
  return { start: utc(start), end: utc(end) };
}

/** Keys of the available cells of one day as `key` or `key:free`. */
function availableRows(page: GridPage, cells: ReturnType<typeof pageAvailability>, day: string) {
  const c = page.columns.findIndex((column) => column.dayKey === day);
  return page.labels
    .map((label, r) => ({ key: label.key, cell: cells.cells[c]![r]! }))
    .filter(({ cell }) => cell.available)
    .map(({ key, cell }) => `${key}:${cell.free}`);
}

describe('slots: cells of a page', () => {
  const cases: {
    name: string;
    zone: string;
    days: string[];
    grid: { startTime: string; endTime: string; interval: number };
    format: ResponseFormat;
    duration: number;
    slots: ApiAvailableSlot[];
    day: string;
    expected: string[];
  }[] = [
    {
      name: 'periods: cells where a whole duration fits',
      zone: 'UTC',
      days: ['2026-12-01'],
      grid: { startTime: '09:00', endTime: '12:00', interval: 30 },
      format: 'periods',
      duration: 60,
      slots: [wire('2026-12-01T09:30:00Z', '2026-12-01T11:00:00Z', ['a', 'b'])],
      day: '2026-12-01',
      expected: ['09:30:2', '10:00:2'],
    },
    {
      name: 'periods: overlapping N-of-M periods, the longest-reaching one covers',
      zone: 'UTC',
      days: ['2026-12-01'],
      grid: { startTime: '09:00', endTime: '12:00', interval: 30 },
      format: 'periods',
      duration: 30,
      slots: [
        wire('2026-12-01T09:00:00Z', '2026-12-01T10:30:00Z', ['a']),
        wire('2026-12-01T09:30:00Z', '2026-12-01T10:00:00Z', ['a', 'b']),
        wire('2026-12-01T11:00:00Z', '2026-12-01T11:30:00Z', ['b']),
      ],
      day: '2026-12-01',
      expected: ['09:00:1', '09:30:1', '10:00:1', '11:00:1'],
    },
    {
      name: 'overlapping slots: N of M free per cell',
      zone: 'UTC',
      days: ['2026-12-01'],
      grid: { startTime: '10:00', endTime: '11:00', interval: 15 },
      format: 'overlapping_slots',
      duration: 30,
      slots: [
        wire('2026-12-01T10:00:00Z', '2026-12-01T10:30:00Z', ['a', 'b', 'c']),
        wire('2026-12-01T10:15:00Z', '2026-12-01T10:45:00Z', ['a']),
        wire('2026-12-01T10:45:00Z', '2026-12-01T11:15:00Z', ['a', 'c']),
      ],
      day: '2026-12-01',
      expected: ['10:00:3', '10:15:1', '10:45:2'],
    },
    {
      name: 'slots off the row boundaries land in the row they start in',
      zone: 'Asia/Kolkata',
      days: ['2026-12-01'],
      grid: { startTime: '09:00', endTime: '11:00', interval: 60 },
      format: 'slots',
      duration: 30,
      // 04:00Z is 09:30 in Kolkata; 04:45Z is 10:15.
      slots: [
        wire('2026-12-01T04:00:00Z', '2026-12-01T04:30:00Z'),
        wire('2026-12-01T04:45:00Z', '2026-12-01T05:15:00Z'),
      ],
      day: '2026-12-01',
      expected: ['09:00:1', '10:00:1'],
    },
    {
      name: 'Berlin spring forward: the skipped 02:00 row is never available',
      zone: 'Europe/Berlin',
      days: weekPages('2026-03-29', '2026-03-29', 'monday')[0]!.days,
      grid: { startTime: '00:00', endTime: '06:00', interval: 60 },
      format: 'periods',
      duration: 60,
      // 01:00 CET to 05:00 CEST.
      slots: [wire('2026-03-29T00:00:00Z', '2026-03-29T03:00:00Z')],
      day: '2026-03-29',
      expected: ['01:00:1', '03:00:1', '04:00:1'],
    },
    {
      name: 'Berlin fall back: the second 02:00 is its own row',
      zone: 'Europe/Berlin',
      days: weekPages('2026-10-25', '2026-10-25', 'sunday')[0]!.days,
      grid: { startTime: '01:00', endTime: '04:00', interval: 60 },
      format: 'slots',
      duration: 60,
      // 01:00Z is 02:00 CET, the second pass of 02:00.
      slots: [wire('2026-10-25T01:00:00Z', '2026-10-25T02:00:00Z')],
      day: '2026-10-25',
      expected: ['02:00#2:1'],
    },
    {
      name: 'New York spring forward: a block across the gap is 60 real minutes',
      zone: 'America/New_York',
      days: weekPages('2026-03-08', '2026-03-08', 'sunday')[0]!.days,
      grid: { startTime: '00:00', endTime: '05:00', interval: 60 },
      format: 'periods',
      duration: 60,
      // 01:00 EST to 04:00 EDT is two real hours.
      slots: [wire('2026-03-08T06:00:00Z', '2026-03-08T08:00:00Z')],
      day: '2026-03-08',
      expected: ['01:00:1', '03:00:1'],
    },
    {
      name: 'New York fall back: both 01:00 rows, each with its own instant',
      zone: 'America/New_York',
      days: weekPages('2026-11-01', '2026-11-01', 'sunday')[0]!.days,
      grid: { startTime: '00:00', endTime: '03:00', interval: 60 },
      format: 'overlapping_slots',
      duration: 60,
      slots: [
        wire('2026-11-01T05:00:00Z', '2026-11-01T06:00:00Z', ['a', 'b']),
        wire('2026-11-01T06:00:00Z', '2026-11-01T07:00:00Z', ['b']),
      ],
      day: '2026-11-01',
      expected: ['01:00:2', '01:00#2:1'],
    },
  ];

  for (const c of cases) {
    it(c.name, () => {
      const page = gridPage(c.days, c.zone, gridConfig(c.grid));
      const cells = pageAvailability(page, timedSlotsOf(c.slots), c.format, c.duration);
      expect(availableRows(page, cells, c.day)).to.deep.equal(c.expected);
      expect(cells.availableCount).to.equal(c.expected.length);
      for (const column of cells.cells) expect(column).to.have.length(page.labels.length);
    });
  }

  it('gives each available cell the block a pick selects', () => {
    const page = gridPage(['2026-12-01'], 'UTC', gridConfig({ startTime: '09:00', interval: 30 }));
    const cells = pageAvailability(
      page,
      [slot('2026-12-01T09:00:00Z', '2026-12-01T12:00:00Z', ['a'])],
      'periods',
      45,
    );
    expect(cells.cells[0]![2]!.slot).to.deep.equal(
      slot('2026-12-01T10:00:00Z', '2026-12-01T10:45:00Z', ['a']),
    );
  });

  it('rejects a duration that is not positive', () => {
    const page = gridPage(['2026-12-01'], 'UTC', gridConfig());
    expect(() => pageAvailability(page, [], 'periods', 0)).to.throw(RangeError, /duration/);
  });

  it('rejects a result whose instants do not parse, naming the entry', () => {
    expect(() => timedSlotsOf([wire('2026-12-01T10:00:00Z', 'soon')])).to.throw(
      RangeError,
      /Slot 0/,
    );
  });

  it('counts the distinct members of every group', () => {
    const group = (...subs: string[]) => ({
      members: subs.map((sub) => ({ sub })),
      required: 'all' as const,
    });
    expect(memberCountOf({ participants: [group('a', 'b'), group('b', 'c')] })).to.equal(3);
  });

  it('maps 600 overlapping slots onto 672 cells in well under 8 ms', () => {
    const days = weekPages('2026-12-01', '2026-12-01', 'sunday')[0]!.days;
    const page = gridPage(
      days,
      'Europe/Berlin',
      gridConfig({ startTime: '00:00', endTime: '24:00', interval: 15 }),
    );
    expect(page.labels.length * page.columns.length).to.equal(672);
    const first = page.columns[0]!.cells[0]!.start;
    const slots: TimedSlot[] = Array.from({ length: 600 }, (_, i) => ({
      start: first + i * 15 * MIN,
      end: first + (i * 15 + 30) * MIN,
      participants: i % 3 === 0 ? ['a', 'b', 'c'] : ['a'],
    }));
    pageAvailability(page, slots, 'overlapping_slots', 30);
    const times: number[] = [];
    for (let i = 0; i < 15; i++) {
      const t0 = performance.now();
      const cells = pageAvailability(page, slots, 'overlapping_slots', 30);
      times.push(performance.now() - t0);
      expect(cells.availableCount).to.equal(600);
    }
    times.sort((a, b) => a - b);
    expect(times[7]).to.be.below(4);
  });
});

describe('slots: blocks', () => {
  const page = gridPage(['2026-12-01'], 'UTC', gridConfig({ startTime: '09:00', interval: 15 }));
  const cells = page.columns[0]!.cells;

  it('an unavailable block starts at the cell and lasts the duration', () => {
    expect(unavailableBlockAt(cells[1]!, 60)).to.deep.equal({
      ...span('2026-12-01T09:15:00Z', '2026-12-01T10:15:00Z'),
      participants: [],
    });
  });

  const rowEnds: [string, number, string, number][] = [
    ['a 60-minute block covers four 15-minute rows', 0, '2026-12-01T10:00:00Z', 4],
    ['a block shorter than a row covers its row', 2, '2026-12-01T09:35:00Z', 3],
    ['a block past the last row stops there', 30, '2026-12-01T18:00:00Z', 32],
  ];
  for (const [name, row, end, expected] of rowEnds) {
    it(name, () => expect(rowEndOf(cells, row, utc(end))).to.equal(expected));
  }
});

describe('slots: selections', () => {
  const a = slot('2026-12-01T09:00:00Z', '2026-12-01T10:00:00Z');
  const b = slot('2026-12-01T11:00:00Z', '2026-12-01T12:00:00Z');
  const c = slot('2026-12-02T09:00:00Z', '2026-12-02T10:00:00Z');

  const toggles: {
    name: string;
    selection: TimedSlot[];
    toggle: TimedSlot;
    max?: number;
    slots: TimedSlot[];
    added?: TimedSlot;
    removed?: TimedSlot;
    refused?: string;
  }[] = [
    { name: 'adds, keeping start order', selection: [c], toggle: a, slots: [a, c], added: a },
    {
      name: 'removes a slot equal by start and end',
      selection: [a, b],
      toggle: { ...b, participants: ['z'] },
      slots: [a],
      removed: b,
    },
    {
      name: 'refuses past the maximum',
      selection: [a, b],
      toggle: c,
      max: 2,
      slots: [a, b],
      refused: 'max_selection_count',
    },
    {
      name: 'removes even at the maximum',
      selection: [a, b],
      toggle: a,
      max: 2,
      slots: [b],
      removed: a,
    },
  ];
  for (const t of toggles) {
    it(`toggle ${t.name}`, () => {
      const out = toggledSelection(t.selection, t.toggle, t.max);
      expect(out.slots).to.deep.equal(t.slots);
      expect(out.added).to.deep.equal(t.added);
      expect(out.removed).to.deep.equal(t.removed);
      expect(out.refused).to.equal(t.refused);
    });
  }

  const validity: {
    name: string;
    results: TimedSlot[];
    windows: Interval[];
    kept: TimedSlot[];
  }[] = [
    {
      name: 'keeps what a new result still covers',
      results: [slot('2026-12-01T08:00:00Z', '2026-12-01T12:00:00Z')],
      windows: [span('2026-12-01T00:00:00Z', '2026-12-02T00:00:00Z')],
      kept: [a, b, c],
    },
    {
      name: 'drops a slot no longer free inside the refreshed window',
      results: [slot('2026-12-01T08:00:00Z', '2026-12-01T10:00:00Z')],
      windows: [span('2026-12-01T00:00:00Z', '2026-12-02T00:00:00Z')],
      kept: [a, c],
    },
    {
      name: 'a slot covered only by two touching results is covered',
      results: [
        slot('2026-12-01T10:30:00Z', '2026-12-01T11:30:00Z'),
        slot('2026-12-01T11:30:00Z', '2026-12-01T12:30:00Z'),
      ],
      windows: [span('2026-12-01T00:00:00Z', '2026-12-03T00:00:00Z')],
      kept: [b],
    },
  ];
  for (const v of validity) {
    it(`validity: ${v.name}`, () => {
      expect(stillValidSelection([c, a, b], v.results, v.windows)).to.deep.equal(v.kept);
    });
  }
});

describe('slots: free-select painting', () => {
  const page = gridPage(
    ['2026-12-01', '2026-12-02', '2026-12-03'],
    'UTC',
    gridConfig({ startTime: '09:00', endTime: '12:00', interval: 30 }),
  );

  it('a drag down one column paints the rows between, either direction', () => {
    const down = paintedIntervals(page, { column: 0, row: 1 }, { column: 0, row: 3 });
    const up = paintedIntervals(page, { column: 0, row: 3 }, { column: 0, row: 1 });
    expect(down).to.deep.equal([span('2026-12-01T09:30:00Z', '2026-12-01T11:00:00Z')]);
    expect(up).to.deep.equal(down);
  });

  it('a drag across columns paints the same rows on each day', () => {
    expect(paintedIntervals(page, { column: 2, row: 0 }, { column: 1, row: 0 })).to.deep.equal([
      span('2026-12-02T09:00:00Z', '2026-12-02T09:30:00Z'),
      span('2026-12-03T09:00:00Z', '2026-12-03T09:30:00Z'),
    ]);
  });

  it('rejects a cell off the page', () => {
    expect(() => paintedIntervals(page, { column: 0, row: 0 }, { column: 5, row: 0 })).to.throw(
      RangeError,
      /column 3/,
    );
  });

  const paints: {
    name: string;
    periods: Interval[];
    paint: Interval[];
    as: 'free' | 'busy';
    expected: Interval[];
  }[] = [
    {
      name: 'free merges with an adjacent period',
      periods: [span('2026-12-01T09:00:00Z', '2026-12-01T10:00:00Z')],
      paint: [span('2026-12-01T10:00:00Z', '2026-12-01T10:30:00Z')],
      as: 'free',
      expected: [span('2026-12-01T09:00:00Z', '2026-12-01T10:30:00Z')],
    },
    {
      name: 'free bridges two periods',
      periods: [
        span('2026-12-01T09:00:00Z', '2026-12-01T09:30:00Z'),
        span('2026-12-01T11:00:00Z', '2026-12-01T12:00:00Z'),
      ],
      paint: [span('2026-12-01T09:30:00Z', '2026-12-01T11:00:00Z')],
      as: 'free',
      expected: [span('2026-12-01T09:00:00Z', '2026-12-01T12:00:00Z')],
    },
    {
      name: 'busy splits a period',
      periods: [span('2026-12-01T09:00:00Z', '2026-12-01T12:00:00Z')],
      paint: [span('2026-12-01T10:00:00Z', '2026-12-01T10:30:00Z')],
      as: 'busy',
      expected: [
        span('2026-12-01T09:00:00Z', '2026-12-01T10:00:00Z'),
        span('2026-12-01T10:30:00Z', '2026-12-01T12:00:00Z'),
      ],
    },
    {
      name: 'busy over nothing leaves nothing',
      periods: [],
      paint: [span('2026-12-01T10:00:00Z', '2026-12-01T10:30:00Z')],
      as: 'busy',
      expected: [],
    },
  ];
  for (const p of paints) {
    it(p.name, () => {
      const painted = paintedPeriods(p.periods, p.paint, p.as);
      expect(painted).to.deep.equal(p.expected);
      for (const interval of p.paint)
        expect(isCovered(painted, interval)).to.equal(p.as === 'free');
    });
  }
});

describe('slots: the query clipped to a page', () => {
  it('keeps only the visible hours of each shown day', () => {
    const page = gridPage(
      ['2026-12-01', '2026-12-02'],
      'Europe/Berlin',
      gridConfig({ startTime: '09:00', endTime: '17:00' }),
    );
    const windows = visibleWindows(page);
    expect(windows).to.deep.equal([
      span('2026-12-01T08:00:00Z', '2026-12-01T16:00:00Z'),
      span('2026-12-02T08:00:00Z', '2026-12-02T16:00:00Z'),
    ]);
    const query = [span('2026-11-30T00:00:00Z', '2026-12-01T12:00:00Z')];
    expect(clippedPeriods(query, windows)).to.deep.equal([
      span('2026-12-01T08:00:00Z', '2026-12-01T12:00:00Z'),
    ]);
  });

  it('merges whole days into one window and follows a short DST day', () => {
    const days = ['2026-03-28', '2026-03-29'];
    const page = gridPage(
      days,
      'Europe/Berlin',
      gridConfig({ startTime: '00:00', endTime: '24:00', interval: 60 }),
    );
    expect(visibleWindows(page)).to.deep.equal([
      span('2026-03-27T23:00:00Z', '2026-03-29T22:00:00Z'),
    ]);
  });
});
