import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import {
  clipQueryPeriods,
  parseQuery,
  parseQueryJson,
  queryKey,
  toApiQuery,
  withQueryPeriods,
} from '../../src/core/query.js';
import type { ApiFieldErrors, NormalisedQuery, QueryParseResult } from '../../src/core/types.js';

/** Epoch ms of a `Z` instant, read by the platform as an independent oracle. */
const ms = (iso: string) => Date.parse(iso);
const period = (start: string, end: string) => ({ start: ms(start), end: ms(end) });

/** The smallest valid wire query: the seeds' example. */
function wire(extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    participants: [{ members: [{ sub: 'acc_1' }, { sub: 'acc_2' }], required: 'all' }],
    required_duration: { minutes: 60 },
    query_periods: [{ start: '2020-06-17T09:00:00Z', end: '2020-06-17T18:00:00Z' }],
    ...extra,
  };
}

/** The normalised form of `wire()`, with `extra` fields replaced. */
function normalised(extra: Partial<NormalisedQuery> = {}): NormalisedQuery {
  return {
    participants: [{ members: [{ sub: 'acc_1' }, { sub: 'acc_2' }], required: 'all' }],
    requiredDuration: 60,
    queryPeriods: [period('2020-06-17T09:00:00Z', '2020-06-17T18:00:00Z')],
    buffer: { before: 0, after: 0 },
    maxResults: 20,
    responseFormat: 'periods',
    includeMemberStatuses: false,
    ...extra,
  };
}

/** The parsed query, failing the test with its errors when it does not parse. */
function parsed(input: unknown): NormalisedQuery {
  const result = parseQuery(input);
  if (!result.ok) expect.fail(`expected a valid query, got ${JSON.stringify(result.errors)}`);
  return result.query;
}

const err = (key: string, description: string) => [{ key: `errors.${key}`, description }];
const members = (...subs: unknown[]) => [{ members: subs.map((sub) => ({ sub })) }];

describe('parseQuery: valid queries', () => {
  const cases: [string, Record<string, unknown>, NormalisedQuery][] = [
    ['the seeds example, with defaults applied', wire(), normalised()],
    [
      'the older available_periods name',
      wire({
        query_periods: undefined,
        available_periods: [{ start: '2020-06-17T09:00:00Z', end: '2020-06-17T18:00:00Z' }],
      }),
      normalised(),
    ],
    [
      'hours and minutes added up',
      wire({ required_duration: { hours: 1, minutes: 30 } }),
      normalised({ requiredDuration: 90 }),
    ],
    [
      'hours alone',
      wire({ required_duration: { hours: 2 } }),
      normalised({ requiredDuration: 120 }),
    ],
    [
      'offsets and fractions converted to UTC',
      wire({
        query_periods: [
          { start: '2020-06-17T10:00:00+01:00', end: '2020-06-17T12:30:00.25-05:30' },
          { start: '2020-06-19T09:00+0530', end: '2020-06-19T10:00:00-02' },
        ],
      }),
      normalised({
        queryPeriods: [
          period('2020-06-17T09:00:00Z', '2020-06-17T18:00:00.250Z'),
          period('2020-06-19T03:30:00Z', '2020-06-19T12:00:00Z'),
        ],
      }),
    ],
    [
      'periods sorted and overlapping ones merged',
      wire({
        query_periods: [
          { start: '2020-06-18T09:00:00Z', end: '2020-06-18T10:00:00Z' },
          { start: '2020-06-17T12:00:00Z', end: '2020-06-17T18:00:00Z' },
          { start: '2020-06-17T09:00:00Z', end: '2020-06-17T13:00:00Z' },
        ],
      }),
      normalised({
        queryPeriods: [
          period('2020-06-17T09:00:00Z', '2020-06-17T18:00:00Z'),
          period('2020-06-18T09:00:00Z', '2020-06-18T10:00:00Z'),
        ],
      }),
    ],
    [
      'a leap day',
      wire({ query_periods: [{ start: '2028-02-29T00:00:00Z', end: '2028-03-01T00:00:00Z' }] }),
      normalised({ queryPeriods: [period('2028-02-29T00:00:00Z', '2028-03-01T00:00:00Z')] }),
    ],
    [
      'query slots sorted and deduplicated',
      wire({
        query_periods: undefined,
        query_slots: [
          { start: '2020-06-17T11:00:00Z' },
          { start: '2020-06-17T10:00:00+01:00' },
          { start: '2020-06-17T09:00:00Z' },
        ],
      }),
      normalised({
        queryPeriods: [],
        querySlots: [ms('2020-06-17T09:00:00Z'), ms('2020-06-17T11:00:00Z')],
      }),
    ],
    [
      'every optional field',
      wire({
        buffer: { before: { minutes: 15 }, after: { hours: 1, minutes: 5 } },
        start_interval: { hours: 1 },
        max_results: 512,
        response_format: 'overlapping_slots',
        include_member_statuses: true,
      }),
      normalised({
        buffer: { before: 15, after: 65 },
        startInterval: 60,
        maxResults: 512,
        responseFormat: 'overlapping_slots',
        includeMemberStatuses: true,
      }),
    ],
    [
      'a buffer on one side only',
      wire({ buffer: { after: { minutes: 10 } } }),
      normalised({ buffer: { before: 0, after: 10 } }),
    ],
    [
      'members with calendars and working hours, and a required count',
      wire({
        participants: [
          {
            members: [
              { sub: 'acc_1', calendar_ids: ['cal_b', 'cal_a', 'cal_b'] },
              {
                sub: 'acc_2',
                available_periods: [
                  { start: '2020-06-17T13:00:00Z', end: '2020-06-17T17:00:00Z' },
                  { start: '2020-06-17T09:00:00Z', end: '2020-06-17T13:00:00Z' },
                ],
              },
            ],
            required: 1,
          },
          { members: [{ sub: 'acc_3' }] },
        ],
      }),
      normalised({
        participants: [
          {
            members: [
              { sub: 'acc_1', calendarIds: ['cal_a', 'cal_b'] },
              {
                sub: 'acc_2',
                availablePeriods: [period('2020-06-17T09:00:00Z', '2020-06-17T17:00:00Z')],
              },
            ],
            required: 1,
          },
          { members: [{ sub: 'acc_3' }], required: 'all' },
        ],
      }),
    ],
    [
      'every start interval the API accepts',
      wire({ start_interval: { minutes: 5 } }),
      normalised({ startInterval: 5 }),
    ],
  ];
  for (const [name, input, expected] of cases) {
    it(name, () => {
      expect(parseQuery(input)).to.deep.equal({ ok: true, query: expected });
    });
  }

  it('accepts 5, 10, 15, 20, 30 and 60 minute start intervals', () => {
    for (const minutes of [5, 10, 15, 20, 30, 60]) {
      expect(parsed(wire({ start_interval: { minutes } })).startInterval).to.equal(minutes);
    }
  });

  it('accepts exactly 50 query periods and 24 hours of duration', () => {
    const periods = Array.from({ length: 50 }, (_, i) => ({
      start: new Date(ms('2020-06-01T09:00:00Z') + i * 86_400_000).toISOString(),
      end: new Date(ms('2020-06-01T17:00:00Z') + i * 86_400_000).toISOString(),
    }));
    const q = parsed(wire({ query_periods: periods, required_duration: { hours: 24 } }));
    expect(q.queryPeriods).to.have.length(50);
    expect(q.requiredDuration).to.equal(1440);
  });
});

describe('parseQuery: errors', () => {
  const notObject = { query: err('invalid', 'the query must be a JSON object') };
  const cases: [string, unknown, ApiFieldErrors][] = [
    ['null', null, notObject],
    ['an array', [wire()], notObject],
    ['a string', 'participants', notObject],
    [
      'an empty object',
      {},
      {
        participants: err('required', 'participants is required'),
        required_duration: err('required', 'required_duration is required'),
        query_periods: err(
          'required',
          'query_periods is required (or its older name available_periods, or query_slots)',
        ),
      },
    ],
    [
      'an unknown top-level field',
      wire({ timezone: 'Europe/London' }),
      {
        timezone: err(
          'not_allowed',
          'timezone is not a known field here; allowed: participants, required_duration, ' +
            'query_periods, available_periods, query_slots, buffer, start_interval, max_results, ' +
            'response_format, include_member_statuses',
        ),
      },
    ],
    [
      'a field named __proto__',
      JSON.parse('{"__proto__": 1}'),
      {
        ['__proto__']: err(
          'not_allowed',
          '__proto__ is not a known field here; allowed: participants, required_duration, ' +
            'query_periods, available_periods, query_slots, buffer, start_interval, max_results, ' +
            'response_format, include_member_statuses',
        ),
        participants: err('required', 'participants is required'),
        required_duration: err('required', 'required_duration is required'),
        query_periods: err(
          'required',
          'query_periods is required (or its older name available_periods, or query_slots)',
        ),
      },
    ],
    [
      'participants not an array',
      wire({ participants: { members: [] } }),
      { participants: err('invalid', 'participants must be an array of participant groups') },
    ],
    [
      'no participant groups',
      wire({ participants: [] }),
      { participants: err('required', 'participants must list at least one participant group') },
    ],
    [
      'eleven participant groups',
      wire({ participants: Array.from({ length: 11 }, (_, i) => members(`acc_${i}`)[0]) }),
      {
        participants: err(
          'too_many',
          'participants lists 11 participant groups; at most 10 are allowed',
        ),
      },
    ],
    [
      'a group that is not an object',
      wire({ participants: ['acc_1'] }),
      { 'participants[0]': err('invalid', 'each participant group must be an object') },
    ],
    [
      'a group without members, with an unknown field',
      wire({ participants: [{ people: ['acc_1'] }] }),
      {
        'participants[0].people': err(
          'not_allowed',
          'people is not a known field here; allowed: members, required',
        ),
        'participants[0].members': err('required', 'members is required'),
      },
    ],
    [
      'a group with no members',
      wire({ participants: [{ members: [] }] }),
      { 'participants[0].members': err('required', 'members must list at least one member') },
    ],
    [
      'fifty-one members',
      wire({ participants: members(...Array.from({ length: 51 }, (_, i) => `acc_${i}`)) }),
      {
        'participants[0].members': err(
          'too_many',
          'members lists 51 members; at most 50 are allowed',
        ),
      },
    ],
    [
      'bad members',
      wire({ participants: [{ members: ['acc_1', {}, { sub: '' }, { sub: 7 }, { sub: '  ' }] }] }),
      {
        'participants[0].members[0]': err('invalid', 'each member must be an object'),
        'participants[0].members[1].sub': err('required', 'sub is required'),
        'participants[0].members[2].sub': err('invalid', 'sub must be a non-empty string'),
        'participants[0].members[3].sub': err('invalid', 'sub must be a non-empty string'),
        'participants[0].members[4].sub': err('invalid', 'sub must be a non-empty string'),
      },
    ],
    [
      'the same member twice in a group',
      wire({ participants: members('acc_1', 'acc_2', 'acc_1') }),
      {
        'participants[0].members[2].sub': err('invalid', 'acc_1 is already a member of this group'),
      },
    ],
    [
      'bad calendar ids',
      wire({
        participants: [
          {
            members: [
              { sub: 'a', calendar_ids: 'cal_1' },
              { sub: 'b', calendar_ids: [] },
              { sub: 'c', calendar_ids: ['cal_1', '', null] },
            ],
          },
        ],
      }),
      {
        'participants[0].members[0].calendar_ids': err(
          'invalid',
          'calendar_ids must be an array of calendar ids',
        ),
        'participants[0].members[1].calendar_ids': err(
          'required',
          'calendar_ids must list at least one calendar id',
        ),
        'participants[0].members[2].calendar_ids[1]': err(
          'invalid',
          'each calendar id must be a non-empty string',
        ),
        'participants[0].members[2].calendar_ids[2]': err(
          'invalid',
          'each calendar id must be a non-empty string',
        ),
      },
    ],
    [
      'bad member working hours and an unknown member field',
      wire({
        participants: [
          {
            members: [
              {
                sub: 'a',
                email: 'a@example.com',
                available_periods: [{ start: '2020-06-17T10:00:00Z', end: '2020-06-17T09:00:00Z' }],
              },
            ],
          },
        ],
      }),
      {
        'participants[0].members[0].email': err(
          'not_allowed',
          'email is not a known field here; allowed: sub, calendar_ids, available_periods',
        ),
        'participants[0].members[0].available_periods[0].end': err(
          'invalid',
          'end must be after start',
        ),
      },
    ],
    [
      'required zero, above the member count, a word, a fraction and null',
      wire({
        participants: [
          { members: [{ sub: 'a' }], required: 0 },
          { members: [{ sub: 'a' }, { sub: 'b' }], required: 3 },
          { members: [{ sub: 'a' }], required: 'any' },
          { members: [{ sub: 'a' }], required: 1.5 },
          { members: [{ sub: 'a' }], required: null },
        ],
      }),
      {
        'participants[0].required': err(
          'out_of_range',
          'required must be at least 1 and at most the 1 members of this group',
        ),
        'participants[1].required': err(
          'out_of_range',
          'required must be at least 1 and at most the 2 members of this group',
        ),
        'participants[2].required': err(
          'invalid',
          'required must be "all" or a whole number of members',
        ),
        'participants[3].required': err(
          'invalid',
          'required must be "all" or a whole number of members',
        ),
        'participants[4].required': err(
          'invalid',
          'required must be "all" or a whole number of members',
        ),
      },
    ],
    [
      'required_duration not an object',
      wire({ required_duration: 60 }),
      { required_duration: err('invalid', 'required_duration must be an object') },
    ],
    [
      'required_duration empty',
      wire({ required_duration: {} }),
      {
        required_duration: err(
          'out_of_range',
          'required_duration must be from 1 to 1440 minutes, not 0',
        ),
      },
    ],
    [
      'required_duration zero minutes',
      wire({ required_duration: { hours: 0, minutes: 0 } }),
      {
        required_duration: err(
          'out_of_range',
          'required_duration must be from 1 to 1440 minutes, not 0',
        ),
      },
    ],
    [
      'required_duration over a day',
      wire({ required_duration: { hours: 24, minutes: 1 } }),
      {
        required_duration: err(
          'out_of_range',
          'required_duration must be from 1 to 1440 minutes, not 1441',
        ),
      },
    ],
    [
      'required_duration with negative, fractional, text and unknown parts',
      wire({ required_duration: { hours: -1, minutes: 0.5, seconds: 30 } }),
      {
        'required_duration.seconds': err(
          'not_allowed',
          'seconds is not a known field here; allowed: hours, minutes',
        ),
        'required_duration.hours': err('invalid', 'hours must be a whole number of 0 or more'),
        'required_duration.minutes': err('invalid', 'minutes must be a whole number of 0 or more'),
      },
    ],
    [
      'required_duration minutes as text',
      wire({ required_duration: { minutes: '30' } }),
      {
        'required_duration.minutes': err('invalid', 'minutes must be a whole number of 0 or more'),
      },
    ],
    [
      'both query_periods and available_periods',
      wire({ available_periods: [{ start: '2020-06-17T09:00:00Z', end: '2020-06-17T08:00:00Z' }] }),
      {
        available_periods: err(
          'not_allowed',
          'available_periods is the older name of query_periods; send one of them, not both',
        ),
        'available_periods[0].end': err('invalid', 'end must be after start'),
      },
    ],
    [
      'query_slots with query_periods',
      wire({ query_slots: [{ start: '2020-06-17T09:00:00Z' }] }),
      {
        query_slots: err(
          'not_allowed',
          'query_slots cannot be combined with query_periods; send one or the other',
        ),
      },
    ],
    [
      'query_slots with available_periods',
      wire({
        query_periods: undefined,
        available_periods: [{ start: '2020-06-17T09:00:00Z', end: '2020-06-17T18:00:00Z' }],
        query_slots: [{ start: '2020-06-17T09:00:00Z' }],
      }),
      {
        query_slots: err(
          'not_allowed',
          'query_slots cannot be combined with available_periods; send one or the other',
        ),
      },
    ],
    [
      'query_periods not an array',
      wire({ query_periods: { start: '2020-06-17T09:00:00Z' } }),
      { query_periods: err('invalid', 'query_periods must be an array of periods') },
    ],
    [
      'no query periods',
      wire({ query_periods: [] }),
      { query_periods: err('required', 'query_periods must list at least one period') },
    ],
    [
      'fifty-one query periods',
      wire({
        query_periods: Array.from({ length: 51 }, () => ({
          start: '2020-06-17T09:00:00Z',
          end: '2020-06-17T18:00:00Z',
        })),
      }),
      { query_periods: err('too_many', 'query_periods lists 51 periods; at most 50 are allowed') },
    ],
    [
      'bad query periods, every error reported',
      wire({
        query_periods: [
          'today',
          { end: '2020-06-17T18:00:00Z', tzid: 'Europe/London' },
          { start: 1592384400000, end: '2020-06-17' },
          { start: '2020-06-17T09:00:00', end: 'tomorrow at nine' },
          { start: '2020-02-30T09:00:00Z', end: '2020-06-17T24:00:00Z' },
          { start: '2020-06-17T09:00:00+24:00', end: '2020-06-17T09:60:00Z' },
          { start: '2020-06-17T09:00:00Z', end: '2020-06-17T10:00:00+01:00' },
          { start: '0001-01-01T00:30:00+01:00', end: '2020-06-17T09:00:00Z' },
        ],
      }),
      {
        'query_periods[0]': err('invalid', 'each period must be an object'),
        'query_periods[1].tzid': err(
          'not_allowed',
          'tzid is not a known field here; allowed: start, end',
        ),
        'query_periods[1].start': err('required', 'start is required'),
        'query_periods[2].start': err(
          'invalid',
          'start must be an ISO 8601 string such as 2026-12-01T09:00:00Z',
        ),
        'query_periods[2].end': err(
          'invalid',
          'end is a date without a time; give an instant such as 2020-06-17T09:00:00Z',
        ),
        'query_periods[3].start': err(
          'invalid',
          'start has no UTC offset, so its time zone is ambiguous; add Z or an offset such as +01:00',
        ),
        'query_periods[3].end': err(
          'invalid',
          'end is not an ISO 8601 instant such as 2026-12-01T09:00:00Z',
        ),
        'query_periods[4].start': err('invalid', 'start is not a real date and time'),
        'query_periods[4].end': err('invalid', 'end is not a real date and time'),
        'query_periods[5].start': err('invalid', 'start is not a real date and time'),
        'query_periods[5].end': err('invalid', 'end is not a real date and time'),
        'query_periods[6].end': err('invalid', 'end must be after start'),
        'query_periods[7].start': err(
          'out_of_range',
          'start must fall within the years 0001 to 9999',
        ),
      },
    ],
    [
      'bad query slots',
      wire({
        query_periods: undefined,
        query_slots: [{ start: '2020-06-17T09:00:00Z', end: '2020-06-17T10:00:00Z' }, {}, 'x'],
      }),
      {
        'query_slots[0].end': err('not_allowed', 'end is not a known field here; allowed: start'),
        'query_slots[1].start': err('required', 'start is required'),
        'query_slots[2]': err('invalid', 'each slot must be an object'),
      },
    ],
    [
      'no query slots',
      wire({ query_periods: undefined, query_slots: [] }),
      { query_slots: err('required', 'query_slots must list at least one slot') },
    ],
    [
      'fifty-one query slots',
      wire({
        query_periods: undefined,
        query_slots: Array.from({ length: 51 }, () => ({ start: '2020-06-17T09:00:00Z' })),
      }),
      { query_slots: err('too_many', 'query_slots lists 51 slots; at most 50 are allowed') },
    ],
    [
      'buffer not an object',
      wire({ buffer: 15 }),
      { buffer: err('invalid', 'buffer must be an object') },
    ],
    [
      'bad buffers',
      wire({ buffer: { before: { minutes: -5 }, after: { hours: 25 }, around: { minutes: 5 } } }),
      {
        'buffer.around': err(
          'not_allowed',
          'around is not a known field here; allowed: before, after',
        ),
        'buffer.before.minutes': err('invalid', 'minutes must be a whole number of 0 or more'),
        'buffer.after': err(
          'out_of_range',
          'buffer.after must be from 0 to 1440 minutes, not 1500',
        ),
      },
    ],
    [
      'a start interval the API does not accept',
      wire({ start_interval: { minutes: 45 } }),
      {
        start_interval: err(
          'invalid',
          'start_interval must be 5, 10, 15, 20, 30 or 60 minutes, not 45',
        ),
      },
    ],
    [
      'a zero start interval',
      wire({ start_interval: { minutes: 0 } }),
      {
        start_interval: err(
          'invalid',
          'start_interval must be 5, 10, 15, 20, 30 or 60 minutes, not 0',
        ),
      },
    ],
    [
      'a start interval of two hours',
      wire({ start_interval: { hours: 2 } }),
      {
        start_interval: err(
          'invalid',
          'start_interval must be 5, 10, 15, 20, 30 or 60 minutes, not 120',
        ),
      },
    ],
    [
      'a start interval as a number',
      wire({ start_interval: 15 }),
      { start_interval: err('invalid', 'start_interval must be an object') },
    ],
    [
      'max_results 0',
      wire({ max_results: 0 }),
      { max_results: err('out_of_range', 'max_results must be a whole number from 1 to 512') },
    ],
    [
      'max_results 513',
      wire({ max_results: 513 }),
      { max_results: err('out_of_range', 'max_results must be a whole number from 1 to 512') },
    ],
    [
      'max_results as text',
      wire({ max_results: '20' }),
      { max_results: err('invalid', 'max_results must be a whole number from 1 to 512') },
    ],
    [
      'max_results null',
      wire({ max_results: null }),
      { max_results: err('invalid', 'max_results must be a whole number from 1 to 512') },
    ],
    [
      'max_results a fraction',
      wire({ max_results: 2.5 }),
      { max_results: err('invalid', 'max_results must be a whole number from 1 to 512') },
    ],
    [
      'an unknown response format',
      wire({ response_format: 'json' }),
      {
        response_format: err(
          'invalid',
          'response_format must be periods, slots or overlapping_slots',
        ),
      },
    ],
    [
      'include_member_statuses as text',
      wire({ include_member_statuses: 'true' }),
      { include_member_statuses: err('invalid', 'include_member_statuses must be true or false') },
    ],
    [
      'several problems at once, all reported',
      wire({
        participants: members('acc_1', ''),
        required_duration: { minutes: 0 },
        query_periods: [{ start: '2020-06-17T09:00:00Z', end: '2020-06-17T09:00:00Z' }],
        max_results: 1000,
        colour: 'red',
      }),
      {
        colour: err(
          'not_allowed',
          'colour is not a known field here; allowed: participants, required_duration, ' +
            'query_periods, available_periods, query_slots, buffer, start_interval, max_results, ' +
            'response_format, include_member_statuses',
        ),
        'participants[0].members[1].sub': err('invalid', 'sub must be a non-empty string'),
        required_duration: err(
          'out_of_range',
          'required_duration must be from 1 to 1440 minutes, not 0',
        ),
        'query_periods[0].end': err('invalid', 'end must be after start'),
        max_results: err('out_of_range', 'max_results must be a whole number from 1 to 512'),
      },
    ],
  ];
  for (const [name, input, errors] of cases) {
    it(name, () => {
      expect(parseQuery(input)).to.deep.equal({ ok: false, errors });
    });
  }

  it('ignores inherited properties: a member with only a prototype sub has none', () => {
    const member = Object.create({ sub: 'acc_1' }) as object;
    expect(parseQuery(wire({ participants: [{ members: [member] }] }))).to.deep.equal({
      ok: false,
      errors: { 'participants[0].members[0].sub': err('required', 'sub is required') },
    });
  });

  it('reports an object whose getters throw instead of throwing', () => {
    const hostile = wire();
    Object.defineProperty(hostile, 'max_results', {
      enumerable: true,
      get() {
        throw new Error('boom');
      },
    });
    expect(parseQuery(hostile)).to.deep.equal({
      ok: false,
      errors: { query: err('invalid', 'the query could not be read') },
    });
  });
});

describe('parseQueryJson', () => {
  it('parses JSON text into the same result as parseQuery', () => {
    expect(parseQueryJson(JSON.stringify(wire()))).to.deep.equal(parseQuery(wire()));
  });

  it('reports text that is not JSON on the field query', () => {
    for (const text of ['', '{', "{'participants': []}", 'undefined']) {
      const result = parseQueryJson(text);
      expect(result.ok, text).to.equal(false);
      const errors = (result as { errors: Record<string, { key: string; description: string }[]> })
        .errors;
      expect(Object.keys(errors)).to.deep.equal(['query']);
      expect(errors.query![0]!.key).to.equal('errors.invalid');
      expect(errors.query![0]!.description).to.match(/^the query is not valid JSON: \S/);
    }
  });

  it('reports JSON that is not an object on the field query', () => {
    expect(parseQueryJson('null')).to.deep.equal({
      ok: false,
      errors: { query: err('invalid', 'the query must be a JSON object') },
    });
  });
});

describe('toApiQuery', () => {
  it('writes the wire shape with Z instants, milliseconds only when not whole seconds', () => {
    const q = parsed(
      wire({
        participants: [
          {
            members: [
              {
                sub: 'acc_1',
                calendar_ids: ['cal_1'],
                available_periods: [
                  { start: '2020-06-17T10:00:00+01:00', end: '2020-06-17T17:00:00Z' },
                ],
              },
              { sub: 'acc_2' },
            ],
            required: 1,
          },
        ],
        available_periods: [{ start: '2020-06-17T09:00:00.5Z', end: '2020-06-17T18:00:00Z' }],
        query_periods: undefined,
        required_duration: { hours: 1, minutes: 15 },
        buffer: { before: { minutes: 10 } },
        start_interval: { minutes: 30 },
        include_member_statuses: true,
      }),
    );
    expect(toApiQuery(q)).to.deep.equal({
      participants: [
        {
          members: [
            {
              sub: 'acc_1',
              calendar_ids: ['cal_1'],
              available_periods: [{ start: '2020-06-17T09:00:00Z', end: '2020-06-17T17:00:00Z' }],
            },
            { sub: 'acc_2' },
          ],
          required: 1,
        },
      ],
      required_duration: { minutes: 75 },
      query_periods: [{ start: '2020-06-17T09:00:00.500Z', end: '2020-06-17T18:00:00Z' }],
      buffer: { before: { minutes: 10 }, after: { minutes: 0 } },
      start_interval: { minutes: 30 },
      max_results: 20,
      response_format: 'periods',
      include_member_statuses: true,
    });
  });

  it('writes query_slots instead of query_periods for a slot query', () => {
    const q = parsed(
      wire({ query_periods: undefined, query_slots: [{ start: '2020-06-17T09:00:00Z' }] }),
    );
    expect(toApiQuery(q)).to.deep.equal({
      participants: [{ members: [{ sub: 'acc_1' }, { sub: 'acc_2' }], required: 'all' }],
      required_duration: { minutes: 60 },
      query_slots: [{ start: '2020-06-17T09:00:00Z' }],
      max_results: 20,
      response_format: 'periods',
    });
  });
});

describe('queryKey', () => {
  const key = (input: Record<string, unknown>) => queryKey(parsed(input));

  it('is the same for queries that mean the same', () => {
    const base = key(wire());
    const sameMeaning = [
      wire({ participants: [{ required: 'all', members: [{ sub: 'acc_1' }, { sub: 'acc_2' }] }] }),
      wire({ participants: members('acc_1', 'acc_2') }),
      wire({ participants: [{ members: [{ sub: 'acc_1' }, { sub: 'acc_2' }], required: 2 }] }),
      wire({ required_duration: { hours: 1 } }),
      wire({ required_duration: { hours: 0, minutes: 60 } }),
      wire({
        query_periods: undefined,
        available_periods: [{ start: '2020-06-17T09:00:00Z', end: '2020-06-17T18:00:00Z' }],
      }),
      wire({
        query_periods: [
          { start: '2020-06-17T13:00:00+02:00', end: '2020-06-17T18:00:00Z' },
          { start: '2020-06-17T09:00:00.000Z', end: '2020-06-17T14:00:00Z' },
        ],
      }),
      wire({ max_results: 20, response_format: 'periods', include_member_statuses: false }),
      wire({ buffer: { before: { minutes: 0 } } }),
      Object.fromEntries(Object.entries(wire()).reverse()),
    ];
    for (const input of sameMeaning) expect(key(input), JSON.stringify(input)).to.equal(base);
  });

  it('differs when the meaning differs', () => {
    const variants = [
      wire(),
      wire({ participants: members('acc_2', 'acc_1') }),
      wire({ participants: [{ members: [{ sub: 'acc_1' }, { sub: 'acc_2' }], required: 1 }] }),
      wire({
        participants: [{ members: [{ sub: 'acc_1', calendar_ids: ['c'] }, { sub: 'acc_2' }] }],
      }),
      wire({ required_duration: { minutes: 30 } }),
      wire({ query_periods: [{ start: '2020-06-17T09:00:00Z', end: '2020-06-17T17:00:00Z' }] }),
      wire({ query_periods: undefined, query_slots: [{ start: '2020-06-17T09:00:00Z' }] }),
      wire({ buffer: { before: { minutes: 5 } } }),
      wire({ buffer: { after: { minutes: 5 } } }),
      wire({ start_interval: { minutes: 15 } }),
      wire({ max_results: 21 }),
      wire({ response_format: 'slots' }),
      wire({ include_member_statuses: true }),
    ];
    const keys = variants.map(key);
    expect(new Set(keys).size).to.equal(variants.length);
  });
});

describe('withQueryPeriods and clipQueryPeriods', () => {
  const week = period('2020-06-15T00:00:00Z', '2020-06-22T00:00:00Z');

  it('withQueryPeriods replaces the periods, sorted and merged, and drops query slots', () => {
    const q = parsed(
      wire({ query_periods: undefined, query_slots: [{ start: '2020-06-17T09:00:00Z' }] }),
    );
    const next = withQueryPeriods(q, [
      period('2020-06-18T09:00:00Z', '2020-06-18T10:00:00Z'),
      period('2020-06-17T09:00:00Z', '2020-06-17T12:00:00Z'),
      period('2020-06-17T11:00:00Z', '2020-06-17T13:00:00Z'),
    ]);
    expect(next).to.deep.equal(
      normalised({
        queryPeriods: [
          period('2020-06-17T09:00:00Z', '2020-06-17T13:00:00Z'),
          period('2020-06-18T09:00:00Z', '2020-06-18T10:00:00Z'),
        ],
      }),
    );
    expect(q.querySlots).to.deep.equal([ms('2020-06-17T09:00:00Z')]);
  });

  it('clipQueryPeriods keeps the parts of periods inside the window', () => {
    const q = parsed(
      wire({
        query_periods: [
          { start: '2020-06-10T09:00:00Z', end: '2020-06-16T12:00:00Z' },
          { start: '2020-06-18T09:00:00Z', end: '2020-06-18T17:00:00Z' },
          { start: '2020-06-21T20:00:00Z', end: '2020-06-23T10:00:00Z' },
          { start: '2020-06-24T09:00:00Z', end: '2020-06-24T17:00:00Z' },
        ],
      }),
    );
    const clipped = clipQueryPeriods(q, week);
    expect(clipped.queryPeriods).to.deep.equal([
      period('2020-06-15T00:00:00Z', '2020-06-16T12:00:00Z'),
      period('2020-06-18T09:00:00Z', '2020-06-18T17:00:00Z'),
      period('2020-06-21T20:00:00Z', '2020-06-22T00:00:00Z'),
    ]);
    expect(q.queryPeriods).to.have.length(4);
    expect(
      clipQueryPeriods(q, period('2020-07-01T00:00:00Z', '2020-07-08T00:00:00Z')).queryPeriods,
    ).to.deep.equal([]);
  });

  it('clipQueryPeriods keeps only the query slots that start inside the window', () => {
    const q = parsed(
      wire({
        query_periods: undefined,
        query_slots: [
          '2020-06-14T23:30:00Z',
          '2020-06-15T00:00:00Z',
          '2020-06-21T23:59:00Z',
          '2020-06-22T00:00:00Z',
        ].map((start) => ({ start })),
      }),
    );
    expect(clipQueryPeriods(q, week).querySlots).to.deep.equal([
      ms('2020-06-15T00:00:00Z'),
      ms('2020-06-21T23:59:00Z'),
    ]);
  });
});

describe('parseQuery: properties', () => {
  const isErrorResult = (r: QueryParseResult) =>
    !r.ok &&
    Object.keys(r.errors).length > 0 &&
    Object.values(r.errors).every(
      (list) =>
        list.length > 0 &&
        list.every((e) => e.key.startsWith('errors.') && typeof e.description === 'string'),
    );

  it('never throws on arbitrary JSON, and rejects it with well-formed errors', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const result = parseQuery(value);
        return result.ok || isErrorResult(result);
      }),
      { numRuns: 2000 },
    );
  });

  it('never throws on arbitrary values', () => {
    fc.assert(
      fc.property(fc.anything({ withNullPrototype: true, withSparseArray: true }), (value) => {
        const result = parseQuery(value);
        return result.ok || isErrorResult(result);
      }),
      { numRuns: 2000 },
    );
  });

  it('never throws when any field of a valid query is replaced with junk', () => {
    const fields = [
      'participants',
      'required_duration',
      'query_periods',
      'buffer',
      'start_interval',
      'max_results',
      'response_format',
      'include_member_statuses',
    ];
    fc.assert(
      fc.property(fc.constantFrom(...fields), fc.jsonValue(), (field, junk) => {
        const result = parseQuery(wire({ [field]: junk }));
        return result.ok || isErrorResult(result);
      }),
      { numRuns: 2000 },
    );
  });

  const instantArb = fc.record({
    at: fc.integer({
      min: ms('2000-01-01T00:00:00Z') / 1000,
      max: ms('2100-01-01T00:00:00Z') / 1000,
    }),
    millis: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 999 })),
    offsetMinutes: fc.integer({ min: -14 * 60, max: 14 * 60 }),
  });
  /** An instant written with an offset: the same UTC instant in another form. */
  const iso = (
    { at, millis, offsetMinutes }: { at: number; millis: number; offsetMinutes: number },
    extra = 0,
  ) => {
    const utc = at * 1000 + millis + extra;
    const local = new Date(utc + offsetMinutes * 60_000).toISOString().slice(0, 23);
    const sign = offsetMinutes < 0 ? '-' : '+';
    const abs = Math.abs(offsetMinutes);
    const hh = String(Math.floor(abs / 60)).padStart(2, '0');
    const mm = String(abs % 60).padStart(2, '0');
    return `${local}${sign}${hh}:${mm}`;
  };
  const periodArb = fc
    .tuple(instantArb, fc.integer({ min: 1, max: 7 * 86_400_000 }))
    .map(([s, length]) => ({ start: iso(s), end: iso(s, length) }));
  const durationArb = (max: number, min: number) =>
    fc
      .integer({ min, max })
      .chain((total) =>
        fc.constantFrom({ minutes: total }, { hours: Math.floor(total / 60), minutes: total % 60 }),
      );
  const memberArb = fc.record(
    {
      calendar_ids: fc.array(
        fc.string({ minLength: 1 }).filter((s) => s.trim() !== ''),
        { minLength: 1, maxLength: 3 },
      ),
      available_periods: fc.array(periodArb, { minLength: 1, maxLength: 4 }),
    },
    { requiredKeys: [] },
  );
  const groupArb = fc
    .uniqueArray(
      fc.string({ minLength: 1, maxLength: 12 }).filter((s) => s.trim() !== ''),
      {
        minLength: 1,
        maxLength: 5,
      },
    )
    .chain((subs) =>
      fc.record(
        {
          members: fc.tuple(...subs.map((sub) => memberArb.map((m) => ({ sub, ...m })))),
          required: fc.oneof(fc.constant('all'), fc.integer({ min: 1, max: subs.length })),
        },
        { requiredKeys: ['members'] },
      ),
    );
  const wireQueryArb = fc
    .record(
      {
        participants: fc.array(groupArb, { minLength: 1, maxLength: 3 }),
        required_duration: durationArb(1440, 1),
        periods: fc.oneof(
          fc.array(periodArb, { minLength: 1, maxLength: 50 }).map((p) => ({ query_periods: p })),
          fc
            .array(periodArb, { minLength: 1, maxLength: 50 })
            .map((p) => ({ available_periods: p })),
          fc
            .array(instantArb, { minLength: 1, maxLength: 50 })
            .map((s) => ({ query_slots: s.map((i) => ({ start: iso(i) })) })),
        ),
        buffer: fc.record(
          { before: durationArb(1440, 0), after: durationArb(1440, 0) },
          { requiredKeys: [] },
        ),
        start_interval: fc.constantFrom(5, 10, 15, 20, 30, 60).map((minutes) => ({ minutes })),
        max_results: fc.integer({ min: 1, max: 512 }),
        response_format: fc.constantFrom('periods', 'slots', 'overlapping_slots'),
        include_member_statuses: fc.boolean(),
      },
      { requiredKeys: ['participants', 'required_duration', 'periods'] },
    )
    .map(({ periods, ...rest }) => ({ ...rest, ...periods }) as Record<string, unknown>);

  it('accepts every well-formed query, and round-trips it through toApiQuery', () => {
    fc.assert(
      fc.property(wireQueryArb, (input) => {
        const q = parsed(input);
        const again = parsed(toApiQuery(q));
        expect(again).to.deep.equal(q);
        expect(queryKey(again)).to.equal(queryKey(q));
        expect(parsed(JSON.parse(JSON.stringify(toApiQuery(q))))).to.deep.equal(q);
      }),
      { numRuns: 300 },
    );
  });

  it('gives the same key whatever the order of the fields', () => {
    fc.assert(
      fc.property(wireQueryArb, fc.func(fc.integer()), (input, order) => {
        const shuffled = Object.fromEntries(
          Object.entries(input).sort(([a], [b]) => order(a) - order(b)),
        );
        expect(queryKey(parsed(shuffled))).to.equal(queryKey(parsed(input)));
      }),
      { numRuns: 200 },
    );
  });

  it('keeps the normalised periods sorted and apart, and slots sorted and distinct', () => {
    fc.assert(
      fc.property(wireQueryArb, (input) => {
        const q = parsed(input);
        const lists = [
          q.queryPeriods,
          ...q.participants.flatMap((g) => g.members.map((m) => m.availablePeriods ?? [])),
        ];
        for (const list of lists) {
          list.forEach((p, i) => {
            expect(p.end).to.be.greaterThan(p.start);
            if (i > 0) expect(p.start).to.be.greaterThan(list[i - 1]!.end);
          });
        }
        q.querySlots?.forEach((s, i) => {
          if (i > 0) expect(s).to.be.greaterThan(q.querySlots![i - 1]!);
        });
      }),
      { numRuns: 200 },
    );
  });
});
