import { expect } from '@open-wc/testing';
import { parseQuery } from '../../src/core/query.js';
import type { CalendarSource, Interval, NormalisedQuery } from '../../src/core/types.js';
import { defaultDemoQuery } from '../../src/data/demo-calendars.js';
import { SchedulingError, isAbortError } from '../../src/data/errors.js';
import { LocalTransport, demoTransport } from '../../src/data/local.js';
import { FakeClock, HOUR, MINUTE, T0, normalisedQuery, tracked, wireSlot } from './fakes.js';

/** acc_a is busy 10:00-11:00, acc_b 09:30-10:00 (and out of sync); both free otherwise. */
const handMade: CalendarSource = {
  busy(sub: string, _ids: readonly string[] | undefined, window: Interval) {
    const busy: Record<string, Interval[]> = {
      acc_a: [{ start: T0 + HOUR, end: T0 + 2 * HOUR }],
      acc_b: [{ start: T0 + 30 * MINUTE, end: T0 + HOUR }],
    };
    return (busy[sub] ?? []).filter((i) => i.end > window.start && i.start < window.end);
  },
  status: (sub) => (sub === 'acc_b' ? 'pending' : 'active'),
};

const threeHours = (overrides: Partial<NormalisedQuery> = {}) =>
  normalisedQuery({ queryPeriods: [{ start: T0, end: T0 + 3 * HOUR }], ...overrides });

describe('LocalTransport', () => {
  it('answers periods from in-memory calendars', async () => {
    const transport = new LocalTransport({ calendars: handMade });
    const result = await transport.availability(threeHours({ responseFormat: 'periods' }));
    expect(result.format).to.equal('periods');
    expect(result.slots).to.deep.equal([
      wireSlot(T0, T0 + 30 * MINUTE),
      wireSlot(T0 + 2 * HOUR, T0 + 3 * HOUR),
    ]);
    expect(result.stale).to.equal(false);
    expect(result.memberStatuses).to.deep.equal([]);
  });

  it('answers slots and member statuses, marking the answer stale', async () => {
    const transport = new LocalTransport({ calendars: handMade });
    const result = await transport.availability(
      threeHours({ startInterval: 30, includeMemberStatuses: true }),
    );
    expect(result.slots).to.deep.equal([
      wireSlot(T0, T0 + 30 * MINUTE),
      wireSlot(T0 + 2 * HOUR, T0 + 2 * HOUR + 30 * MINUTE),
      wireSlot(T0 + 2 * HOUR + 30 * MINUTE, T0 + 3 * HOUR),
    ]);
    expect(result.memberStatuses).to.deep.equal([
      { sub: 'acc_a', sync_status: 'active' },
      { sub: 'acc_b', sync_status: 'pending' },
    ]);
    expect(result.stale).to.equal(true);
  });

  it('waits its latency and honours an abort meanwhile', async () => {
    const clock = new FakeClock();
    const transport = new LocalTransport({
      calendars: handMade,
      latencyMs: 200,
      sleep: clock.sleep,
    });
    const answered = tracked(transport.availability(threeHours()));
    await clock.settle();
    expect(answered.done).to.equal(false);
    await clock.advance(200);
    expect(answered.value?.slots).to.have.length(3);

    const controller = new AbortController();
    const aborted = tracked(transport.availability(threeHours(), { signal: controller.signal }));
    controller.abort();
    await clock.settle();
    expect(isAbortError(aborted.error)).to.equal(true);
  });

  it('rejects for a signal already aborted, without latency', async () => {
    const transport = new LocalTransport({ calendars: handMade });
    const error = await transport
      .availability(threeHours(), { signal: AbortSignal.abort() })
      .catch((e: unknown) => e);
    expect(isAbortError(error)).to.equal(true);
  });

  it('reports a failing calendar source as a server error', async () => {
    const broken: CalendarSource = {
      busy() {
        throw new Error('calendar store offline');
      },
    };
    const error = await new LocalTransport({ calendars: broken })
      .availability(threeHours())
      .catch((e: unknown) => e);
    expect(error).to.be.instanceOf(SchedulingError);
    expect((error as SchedulingError).kind).to.equal('server');
    expect((error as SchedulingError).message).to.include('calendar store offline');
  });

  it('refuses a query reaching further than a year as the API does (422), asking no calendar', async () => {
    let asked = 0;
    const counting: CalendarSource = {
      busy() {
        asked++;
        return [];
      },
    };
    const error = await new LocalTransport({ calendars: counting })
      .availability(threeHours({ queryPeriods: [{ start: T0, end: T0 + 400 * 24 * HOUR }] }))
      .catch((e: unknown) => e);
    expect((error as SchedulingError).kind).to.equal('invalid_query');
    expect((error as SchedulingError).status).to.equal(422);
    expect(Object.keys((error as SchedulingError).errors ?? {})).to.deep.equal(['query_periods']);
    expect((error as Error).message).to.include('at most 366 days');
    expect(asked).to.equal(0);
  });

  it('answers the default demo query with availability inside it, deterministically', async () => {
    const now = Date.UTC(2026, 10, 25, 6, 7);
    const parsed = parseQuery(defaultDemoQuery(now));
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
    const query = {
      ...parsed.query,
      responseFormat: 'overlapping_slots' as const,
      maxResults: 512,
    };
    const first = await demoTransport().availability(query);
    const second = await demoTransport().availability(query);
    expect(second.slots).to.deep.equal(first.slots);
    expect(first.slots.length).to.be.greaterThan(0);
    const [period] = query.queryPeriods;
    const starts = first.slots.map((s) => Date.parse(s.start));
    expect(starts).to.deep.equal([...starts].sort((a, b) => a - b));
    for (const slot of first.slots) {
      expect(Date.parse(slot.start)).to.be.at.least(period.start);
      expect(Date.parse(slot.end)).to.be.at.most(period.end);
      expect(Date.parse(slot.end) - Date.parse(slot.start)).to.equal(30 * MINUTE);
      expect(slot.participants).to.have.length(3);
    }
  });

  it('gives any sub a demo calendar with both free and busy time', async () => {
    const query = normalisedQuery({
      participants: [{ members: [{ sub: 'acc_anyone_at_all' }], required: 'all' }],
      queryPeriods: [{ start: T0, end: T0 + 7 * 24 * HOUR }],
      responseFormat: 'periods',
      maxResults: 512,
      includeMemberStatuses: true,
    });
    const result = await demoTransport().availability(query);
    const free = result.slots.reduce((sum, s) => sum + Date.parse(s.end) - Date.parse(s.start), 0);
    expect(free).to.be.greaterThan(0);
    expect(free).to.be.lessThan(7 * 24 * HOUR);
    expect(result.memberStatuses).to.deep.equal([
      { sub: 'acc_anyone_at_all', sync_status: 'active' },
    ]);
    expect(result.stale).to.equal(false);
  });
});
