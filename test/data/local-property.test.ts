import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { computeAvailability } from '../../src/core/engine.js';
import type { CalendarSource, Interval, NormalisedQuery } from '../../src/core/types.js';
import { LocalTransport } from '../../src/data/local.js';
import { MINUTE, T0, normalisedQuery } from './fakes.js';

/**
 * The validation and normalisation every transport applies must accept whatever the engine
 * answers and leave it as it is: the engine's answers are already sorted, unique and inside
 * the query, so any change would mean the two disagree about the contract.
 */

const SUBS = ['acc_a', 'acc_b', 'acc_c'];
const span = (from: number, to: number, maxLength: number) =>
  fc
    .tuple(fc.integer({ min: from, max: to - 1 }), fc.integer({ min: 1, max: maxLength }))
    .map(([start, length]): Interval => ({
      start: T0 + start * MINUTE,
      end: T0 + Math.min(to, start + length) * MINUTE,
    }));

const scenario = fc.record({
  busy: fc.tuple(...SUBS.map(() => fc.array(span(-60, 600, 90), { maxLength: 4 }))),
  members: fc.integer({ min: 1, max: 3 }),
  required: fc.oneof(fc.constant('all' as const), fc.integer({ min: 1, max: 3 })),
  periods: fc.array(span(0, 540, 360), { minLength: 1, maxLength: 3 }),
  querySlots: fc.option(fc.array(fc.integer({ min: 0, max: 36 }), { minLength: 1, maxLength: 6 }), {
    nil: undefined,
  }),
  duration: fc.constantFrom(15, 30, 45, 60, 90),
  before: fc.constantFrom(0, 10, 15),
  after: fc.constantFrom(0, 5, 30),
  startInterval: fc.option(fc.constantFrom(5, 15, 30, 60), { nil: undefined }),
  maxResults: fc.integer({ min: 1, max: 60 }),
  format: fc.constantFrom('periods' as const, 'slots' as const, 'overlapping_slots' as const),
  includeMemberStatuses: fc.boolean(),
});

describe('LocalTransport over random calendars', () => {
  it('returns exactly what the engine answers, validated', async () => {
    await fc.assert(
      fc.asyncProperty(scenario, async (s) => {
        const calendars: CalendarSource = {
          busy: (sub, _ids, window) =>
            (s.busy[SUBS.indexOf(sub)] ?? []).filter(
              (i) => i.end > window.start && i.start < window.end,
            ),
          status: (sub) => (sub === 'acc_c' ? 'disconnected' : 'active'),
        };
        const members = SUBS.slice(0, s.members).map((sub) => ({ sub }));
        const required = s.required === 'all' ? 'all' : Math.min(s.required, s.members);
        const query: NormalisedQuery = normalisedQuery({
          participants: [{ members, required }],
          queryPeriods: [...s.periods].sort((a, b) => a.start - b.start),
          ...(s.querySlots
            ? {
                querySlots: [...new Set(s.querySlots)]
                  .sort((a, b) => a - b)
                  .map((n) => T0 + n * 15 * MINUTE),
              }
            : {}),
          requiredDuration: s.duration,
          buffer: { before: s.before, after: s.after },
          ...(s.startInterval ? { startInterval: s.startInterval } : {}),
          maxResults: s.maxResults,
          responseFormat: s.format,
          includeMemberStatuses: s.includeMemberStatuses,
        });
        const expected = computeAvailability(query, calendars);
        const result = await new LocalTransport({ calendars }).availability(query);
        expect(result.slots).to.deep.equal(expected.available_periods ?? expected.available_slots);
        expect(result.memberStatuses).to.deep.equal(expected.member_statuses ?? []);
        expect(result.stale).to.equal(s.includeMemberStatuses && s.members === 3);
      }),
      { numRuns: 300 },
    );
  });
});
