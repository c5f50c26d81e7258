import { expect } from '@open-wc/testing';
import { computeAvailability } from '../../src/core/engine.js';
import {
  gapsWithin,
  intersectedIntervals,
  normalisedIntervals,
  shrunkSpans,
  spansOf,
} from '../../src/core/intervals.js';
import type {
  ApiAvailableSlot,
  CalendarSource,
  Interval,
  NormalisedGroup,
  NormalisedQuery,
  SyncStatus,
} from '../../src/core/types.js';

/** An instant on 2026-12-01 UTC from `HH:mm`. */
function at(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number);
  return Date.UTC(2026, 11, 1, h!, m!);
}

function period(from: string, to: string): Interval {
  return { start: at(from), end: at(to) };
}

type Table = Record<string, [string, string][]>;

interface BusyCall {
  sub: string;
  calendarIds: readonly string[] | undefined;
  window: Interval;
}

/** A calendar source answering from a table of `sub: [[from, to], ...]`, recording its calls. */
function tableSource(table: Table, statuses: Record<string, SyncStatus> = {}) {
  const calls: BusyCall[] = [];
  const source: CalendarSource = {
    busy(sub, calendarIds, window) {
      calls.push({ sub, calendarIds, window });
      return (table[sub] ?? []).map(([from, to]) => period(from, to));
    },
    status: (sub) => statuses[sub] ?? 'active',
  };
  return { source, calls };
}

function group(subs: string[], required: 'all' | number = 'all'): NormalisedGroup {
  return { members: subs.map((sub) => ({ sub })), required };
}

function query(overrides: Partial<NormalisedQuery>): NormalisedQuery {
  return {
    participants: [group(['A', 'B'])],
    requiredDuration: 60,
    queryPeriods: [period('09:00', '17:00')],
    buffer: { before: 0, after: 0 },
    maxResults: 20,
    responseFormat: 'periods',
    includeMemberStatuses: false,
    ...overrides,
  };
}

/** Results as `HH:mm-HH:mm A,B` lines, so expectations read like the table they came from. */
function lines(results: ApiAvailableSlot[] | undefined): string[] {
  return (results ?? []).map(
    (r) =>
      `${r.start.slice(11, 16)}-${r.end.slice(11, 16)} ${r.participants.map((p) => p.sub).join(',')}`,
  );
}

const TEN = Array.from({ length: 10 }, (_, i) => `m${i}`);

interface Case {
  name: string;
  busy: Table;
  query: Partial<NormalisedQuery>;
  expected: string[];
}

const periodCases: Case[] = [
  {
    name: 'all members: the gaps between their busy times',
    busy: { A: [['10:00', '11:00']], B: [['13:00', '13:30']] },
    query: {},
    expected: ['09:00-10:00 A,B', '11:00-13:00 A,B', '13:30-17:00 A,B'],
  },
  {
    name: 'periods shorter than the required duration are dropped',
    busy: { A: [['10:00', '11:00']], B: [['13:00', '13:30']] },
    query: { requiredDuration: 90 },
    expected: ['11:00-13:00 A,B', '13:30-17:00 A,B'],
  },
  {
    name: 'buffers shrink free time on both sides and may reach outside the query period',
    busy: {
      A: [['10:00', '11:00']],
      B: [
        ['13:00', '13:30'],
        ['17:00', '17:10'],
      ],
    },
    query: { buffer: { before: 15, after: 15 } },
    // A usable 09:00-09:45, 11:15-17:00; B usable 09:00-12:45, 13:45-16:45.
    expected: ['11:15-12:45 A,B', '13:45-16:45 A,B'],
  },
  {
    name: 'unsorted, overlapping busy intervals are merged',
    busy: {
      A: [
        ['12:00', '13:00'],
        ['10:00', '11:00'],
        ['10:30', '12:30'],
      ],
      B: [],
    },
    query: {},
    expected: ['09:00-10:00 A,B', '13:00-17:00 A,B'],
  },
  {
    name: '1 of 2: a period per stretch, naming who is free throughout',
    busy: { A: [['09:00', '12:00']], B: [['11:00', '14:00']] },
    query: { participants: [group(['A', 'B'], 1)], queryPeriods: [period('09:00', '15:00')] },
    // 14:00-15:00 (both free) lies inside A's 12:00-15:00, so it is not a maximal period.
    expected: ['09:00-11:00 B', '12:00-15:00 A'],
  },
  {
    name: '1 of 2: overlapping periods with different members are distinct results',
    busy: {
      A: [['11:00', '15:00']],
      B: [
        ['09:00', '10:00'],
        ['12:00', '15:00'],
      ],
    },
    query: { participants: [group(['A', 'B'], 1)], queryPeriods: [period('09:00', '15:00')] },
    expected: ['09:00-11:00 A', '10:00-12:00 B'],
  },
  {
    name: '2 of 3: a period keeps the same two members free throughout',
    busy: { A: [['11:00', '12:00']], B: [['10:00', '10:30']], C: [['13:00', '14:00']] },
    query: { participants: [group(['A', 'B', 'C'], 2)], queryPeriods: [period('09:00', '15:00')] },
    // Two are free at every instant, but no pair all day: one period per pair that lasts.
    expected: ['09:00-11:00 A,C', '10:30-13:00 B,C', '12:00-15:00 A,B'],
  },
  {
    name: '9 of 10: each period keeps nine members free throughout',
    busy: { m8: [['10:00', '11:00']], m9: [['12:00', '13:00']] },
    query: { participants: [group(TEN, 9)] },
    expected: [
      `09:00-12:00 ${[...TEN.slice(0, 8), 'm9'].join(',')}`,
      `11:00-17:00 ${TEN.slice(0, 9).join(',')}`,
    ],
  },
  {
    name: 'every group must be satisfied',
    busy: { A: [['12:00', '13:00']], R1: [['09:00', '11:00']], R2: [['10:00', '15:00']] },
    query: {
      participants: [group(['A']), group(['R1', 'R2'], 1)],
      queryPeriods: [period('09:00', '15:00')],
    },
    expected: ['09:00-10:00 A,R2', '11:00-12:00 A,R1', '13:00-15:00 A,R1'],
  },
  {
    name: "a member's available periods act as working hours",
    busy: {},
    query: {
      participants: [
        {
          members: [{ sub: 'A', availablePeriods: [period('09:00', '12:00')] }, { sub: 'B' }],
          required: 'all',
        },
      ],
      queryPeriods: [period('08:00', '13:00')],
    },
    expected: ['09:00-12:00 A,B'],
  },
  {
    name: 'overlapping and touching query periods are merged; gaps between them are not crossed',
    busy: {},
    query: {
      queryPeriods: [
        period('09:00', '10:00'),
        period('09:30', '11:00'),
        period('11:00', '11:30'),
        period('12:00', '13:00'),
      ],
    },
    expected: ['09:00-11:30 A,B', '12:00-13:00 A,B'],
  },
  {
    name: 'max_results keeps the earliest periods',
    busy: {
      A: [
        ['10:00', '11:00'],
        ['12:00', '13:00'],
      ],
    },
    query: { maxResults: 2 },
    expected: ['09:00-10:00 A,B', '11:00-12:00 A,B'],
  },
];

const slotCases: Case[] = [
  {
    name: 'overlapping_slots: every 15-minute start whose slot is free',
    busy: { A: [['09:40', '10:00']] },
    query: {
      requiredDuration: 30,
      startInterval: 15,
      responseFormat: 'overlapping_slots',
      queryPeriods: [period('09:00', '10:30')],
    },
    expected: ['09:00-09:30 A,B', '10:00-10:30 A,B'],
  },
  {
    name: 'overlapping_slots: slots overlap when the interval is shorter than the duration',
    busy: {},
    query: {
      startInterval: 30,
      responseFormat: 'overlapping_slots',
      queryPeriods: [period('09:00', '11:00')],
    },
    expected: ['09:00-10:00 A,B', '09:30-10:30 A,B', '10:00-11:00 A,B'],
  },
  {
    name: 'slots: taken greedily so that none overlap',
    busy: { B: [['09:00', '09:20']] },
    query: { startInterval: 15, responseFormat: 'slots', queryPeriods: [period('09:00', '12:00')] },
    expected: ['09:30-10:30 A,B', '10:30-11:30 A,B'],
  },
  {
    name: 'slots: the default interval is 15 minutes',
    busy: { A: [['09:00', '09:10']] },
    query: {
      requiredDuration: 30,
      responseFormat: 'slots',
      queryPeriods: [period('09:00', '10:00')],
    },
    expected: ['09:15-09:45 A,B'],
  },
  {
    name: 'starts are aligned to the interval from the top of the hour',
    busy: {},
    query: {
      requiredDuration: 30,
      startInterval: 45,
      responseFormat: 'overlapping_slots',
      queryPeriods: [period('09:50', '12:00')],
    },
    expected: ['10:30-11:00 A,B', '11:15-11:45 A,B'],
  },
  {
    name: 'the before-buffer may look outside the query period',
    busy: { A: [['08:40', '08:55']] },
    query: {
      requiredDuration: 30,
      buffer: { before: 10, after: 0 },
      responseFormat: 'overlapping_slots',
      queryPeriods: [period('09:00', '10:00')],
    },
    expected: ['09:15-09:45 A,B', '09:30-10:00 A,B'],
  },
  {
    name: 'the after-buffer keeps a slot clear of the next busy time',
    busy: { B: [['10:00', '11:00']] },
    query: {
      requiredDuration: 30,
      buffer: { before: 0, after: 15 },
      startInterval: 15,
      responseFormat: 'overlapping_slots',
      queryPeriods: [period('09:00', '10:00')],
    },
    expected: ['09:00-09:30 A,B', '09:15-09:45 A,B'],
  },
  {
    name: '1 of 3: each slot names every member free for it',
    busy: { A: [['09:30', '10:00']], B: [], C: [['09:00', '09:30']] },
    query: {
      participants: [group(['A', 'B', 'C'], 1)],
      requiredDuration: 30,
      startInterval: 30,
      responseFormat: 'overlapping_slots',
      queryPeriods: [period('09:00', '10:00')],
    },
    expected: ['09:00-09:30 A,B', '09:30-10:00 B,C'],
  },
  {
    name: '2 of 2 fails where either is busy',
    busy: { A: [['09:30', '10:00']], B: [['10:00', '10:30']] },
    query: {
      participants: [group(['A', 'B'], 2)],
      requiredDuration: 30,
      startInterval: 30,
      responseFormat: 'overlapping_slots',
      queryPeriods: [period('09:00', '11:00')],
    },
    expected: ['09:00-09:30 A,B', '10:30-11:00 A,B'],
  },
  {
    name: 'query_slots: only the given starts, overlapping allowed, answered as slots',
    busy: { A: [['10:35', '10:45']] },
    query: {
      requiredDuration: 60,
      queryPeriods: [],
      querySlots: [at('09:00'), at('09:30'), at('10:00'), at('09:30')],
      responseFormat: 'slots',
    },
    expected: ['09:00-10:00 A,B', '09:30-10:30 A,B'],
  },
  {
    name: 'query_slots with query periods: a slot must lie inside one',
    busy: {},
    query: {
      requiredDuration: 30,
      queryPeriods: [period('09:00', '10:00')],
      querySlots: [at('09:00'), at('09:45')],
      responseFormat: 'slots',
    },
    expected: ['09:00-09:30 A,B'],
  },
  {
    name: 'max_results keeps the earliest slots',
    busy: {},
    query: {
      requiredDuration: 30,
      startInterval: 30,
      responseFormat: 'overlapping_slots',
      queryPeriods: [period('09:00', '12:00')],
      maxResults: 2,
    },
    expected: ['09:00-09:30 A,B', '09:30-10:00 A,B'],
  },
];

describe('computeAvailability', () => {
  describe('periods', () => {
    for (const c of periodCases) {
      it(c.name, () => {
        const response = computeAvailability(query(c.query), tableSource(c.busy).source);
        expect(response.available_slots).to.equal(undefined);
        expect(lines(response.available_periods)).to.deep.equal(c.expected);
      });
    }
  });

  describe('slots', () => {
    for (const c of slotCases) {
      it(c.name, () => {
        const response = computeAvailability(query(c.query), tableSource(c.busy).source);
        expect(response.available_periods).to.equal(undefined);
        expect(lines(response.available_slots)).to.deep.equal(c.expected);
      });
    }
  });

  it('writes instants as whole-second UTC ISO strings', () => {
    const response = computeAvailability(query({}), tableSource({}).source);
    expect(response.available_periods).to.deep.equal([
      {
        start: '2026-12-01T09:00:00Z',
        end: '2026-12-01T17:00:00Z',
        participants: [{ sub: 'A' }, { sub: 'B' }],
      },
    ]);
  });

  it('asks the source once per member and calendar set, over the query reach plus buffers', () => {
    const { source, calls } = tableSource({});
    computeAvailability(
      query({
        participants: [
          { members: [{ sub: 'A', calendarIds: ['cal_1'] }, { sub: 'B' }], required: 'all' },
          { members: [{ sub: 'A', calendarIds: ['cal_1'] }], required: 1 },
        ],
        queryPeriods: [period('12:00', '13:00'), period('09:00', '10:00')],
        buffer: { before: 30, after: 15 },
      }),
      source,
    );
    const window = { start: at('08:30'), end: at('13:15') };
    expect(calls).to.deep.equal([
      { sub: 'A', calendarIds: ['cal_1'], window },
      { sub: 'B', calendarIds: undefined, window },
    ]);
  });

  it('names a sub once even when it sits in two groups', () => {
    const response = computeAvailability(
      query({ participants: [group(['A', 'B']), group(['A'], 1)] }),
      tableSource({}).source,
    );
    expect(lines(response.available_periods)).to.deep.equal(['09:00-17:00 A,B']);
  });

  it('answers nothing, without asking the source, when there is nothing to search', () => {
    const { source, calls } = tableSource({});
    const response = computeAvailability(query({ queryPeriods: [] }), source);
    expect(response).to.deep.equal({ available_periods: [] });
    expect(calls).to.deep.equal([]);
  });

  it('reports member statuses once per sub, in query order, only when asked', () => {
    const { source } = tableSource({}, { B: 'pending', C: 'disconnected' });
    const q = query({ participants: [group(['A', 'B']), group(['C', 'A'], 1)] });
    expect(computeAvailability(q, source).member_statuses).to.equal(undefined);
    expect(
      computeAvailability({ ...q, includeMemberStatuses: true }, source).member_statuses,
    ).to.deep.equal([
      { sub: 'A', sync_status: 'active' },
      { sub: 'B', sync_status: 'pending' },
      { sub: 'C', sync_status: 'disconnected' },
    ]);
  });

  it('reports `active` when the source has no status', () => {
    const source: CalendarSource = { busy: () => [] };
    const response = computeAvailability(query({ includeMemberStatuses: true }), source);
    expect(response.member_statuses).to.deep.equal([
      { sub: 'A', sync_status: 'active' },
      { sub: 'B', sync_status: 'active' },
    ]);
  });
});

describe('intervals', () => {
  const spans = (...pairs: [string, string][]) => pairs.map(([a, b]) => period(a, b));

  it('normalises: sorts, merges overlapping and touching, drops empty and non-finite', () => {
    const input = [
      ...spans(['12:00', '13:00'], ['09:00', '10:00'], ['09:30', '11:00'], ['11:00', '11:15']),
      ...spans(['14:00', '14:00'], ['15:00', '14:30']),
      { start: Number.NaN, end: at('16:00') },
    ];
    expect(normalisedIntervals(input)).to.deep.equal(spans(['09:00', '11:15'], ['12:00', '13:00']));
    expect(normalisedIntervals([])).to.deep.equal([]);
    const sortedInput = spans(
      ['09:00', '10:00'],
      ['09:30', '09:45'],
      ['10:00', '11:00'],
      ['12:00', '13:00'],
    );
    expect(normalisedIntervals(sortedInput)).to.deep.equal(
      spans(['09:00', '11:00'], ['12:00', '13:00']),
    );
  });

  it('finds the gaps of a window, ignoring cover outside it', () => {
    const covered = spans(
      ['07:00', '08:00'],
      ['08:30', '09:30'],
      ['12:00', '13:00'],
      ['18:00', '19:00'],
    );
    expect(gapsWithin(covered, period('09:00', '17:00'))).to.deep.equal(
      spans(['09:30', '12:00'], ['13:00', '17:00']),
    );
    expect(gapsWithin([], period('09:00', '10:00'))).to.deep.equal(spans(['09:00', '10:00']));
    expect(gapsWithin(spans(['08:00', '18:00']), period('09:00', '10:00'))).to.deep.equal([]);
  });

  it('intersects two normalised lists', () => {
    const a = spans(['09:00', '11:00'], ['12:00', '15:00']);
    const b = spans(['10:00', '12:30'], ['14:00', '14:30'], ['14:45', '16:00']);
    expect(intersectedIntervals(a, b)).to.deep.equal(
      spans(['10:00', '11:00'], ['12:00', '12:30'], ['14:00', '14:30'], ['14:45', '15:00']),
    );
    expect(intersectedIntervals(a, [])).to.deep.equal([]);
  });

  it('shrinks span lists by the buffers, dropping spans that vanish', () => {
    const shrunk = shrunkSpans(
      spansOf(spans(['09:00', '09:12'], ['10:00', '11:00'])),
      600_000,
      300_000,
    );
    expect([...shrunk]).to.deep.equal([at('10:10'), at('10:55')]);
  });
});
