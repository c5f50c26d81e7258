import { expect } from '@open-wc/testing';
import type { ResponseFormat } from '../../src/core/types.js';
import { SchedulingError } from '../../src/data/errors.js';
import {
  MAX_RESPONSE_ITEMS,
  availabilityResultFromBody,
  instantFromIso,
  isoFromInstant,
} from '../../src/data/validate.js';
import { HOUR, MINUTE, T0, normalisedQuery, wireSlot } from './fakes.js';

/** The `bad_response` message for `body`, failing the test if it validates. */
function badResponseMessage(body: unknown, query = normalisedQuery()): string {
  try {
    availabilityResultFromBody(body, query);
  } catch (error) {
    expect(error).to.be.instanceOf(SchedulingError);
    expect((error as SchedulingError).kind).to.equal('bad_response');
    return (error as SchedulingError).message;
  }
  throw new Error('expected a bad_response');
}

describe('availabilityResultFromBody', () => {
  describe('rejects malformed bodies with the offending path', () => {
    const good = wireSlot(T0, T0 + 30 * MINUTE);
    const cases: [string, unknown, string | RegExp, ResponseFormat?][] = [
      ['a non-object body', [good], 'the response body must be a JSON object'],
      ['null', null, 'the response body must be a JSON object'],
      ['a missing result array', {}, 'available_slots is missing'],
      [
        'the wrong result array for the format',
        { available_periods: [good] },
        /available_slots is missing \(the response has available_periods/,
      ],
      ['a non-array result', { available_slots: {} }, 'available_slots must be an array'],
      [
        'a non-object slot',
        { available_slots: [good, 'x'] },
        'available_slots[1] must be an object',
      ],
      [
        'an invalid end',
        { available_slots: [good, good, good, { ...good, end: 'soon' }] },
        'available_slots[3].end is not a valid instant',
      ],
      [
        'a start without an offset',
        { available_slots: [{ ...good, start: '2026-12-01T09:00:00' }] },
        'available_slots[0].start is not a valid instant',
      ],
      [
        'a date that does not exist',
        { available_slots: [{ ...good, start: '2026-02-30T09:00:00Z' }] },
        'available_slots[0].start is not a valid instant',
      ],
      [
        'a number for an instant',
        { available_slots: [{ ...good, start: T0 }] },
        'available_slots[0].start is not a valid instant',
      ],
      [
        'an end before its start',
        { available_slots: [wireSlot(T0 + HOUR, T0)] },
        'available_slots[0].end must be after available_slots[0].start',
      ],
      [
        'an empty period',
        { available_slots: [wireSlot(T0, T0)] },
        'available_slots[0].end must be after available_slots[0].start',
      ],
      [
        'a slot longer than the required duration',
        { available_slots: [good, wireSlot(T0, T0 + 45 * MINUTE)] },
        'available_slots[1] lasts 45 minutes, not the required 30',
      ],
      [
        'a period shorter than the required duration',
        { available_periods: [wireSlot(T0, T0 + 15 * MINUTE)] },
        'available_periods[0] lasts 15 minutes, less than the required 30',
        'periods',
      ],
      [
        'missing participants',
        { available_slots: [{ start: good.start, end: good.end }] },
        'available_slots[0].participants must be an array',
      ],
      [
        'a participant without a sub',
        { available_slots: [{ ...good, participants: [{ sub: 'acc_a' }, { id: 'x' }] }] },
        'available_slots[0].participants[1].sub must be a non-empty string',
      ],
      [
        'a non-array member_statuses',
        { available_slots: [], member_statuses: 'all good' },
        'member_statuses must be an array',
      ],
      [
        'an unknown sync status',
        { available_slots: [], member_statuses: [{ sub: 'acc_a', sync_status: 'syncing' }] },
        'member_statuses[0].sync_status must be one of active, pending, disconnected',
      ],
      [
        'a member status without a sub',
        { available_slots: [], member_statuses: [{ sync_status: 'active' }] },
        'member_statuses[0].sub must be a non-empty string',
      ],
    ];
    for (const [name, body, message, responseFormat = 'slots'] of cases) {
      it(name, () => {
        const actual = badResponseMessage(body, normalisedQuery({ responseFormat }));
        if (typeof message === 'string') expect(actual).to.equal(message);
        else expect(actual).to.match(message);
      });
    }

    it('a result array beyond the cap', () => {
      const slots = Array.from({ length: MAX_RESPONSE_ITEMS + 1 }, () => wireSlot(T0, T0 + 1));
      expect(badResponseMessage({ available_slots: slots })).to.equal(
        `available_slots has ${MAX_RESPONSE_ITEMS + 1} entries, more than the ${MAX_RESPONSE_ITEMS} accepted`,
      );
    });
  });

  it('sorts slots by start and removes exact duplicates, keeping overlapping ones', () => {
    const a = wireSlot(T0 + HOUR, T0 + HOUR + 30 * MINUTE);
    const b = wireSlot(T0, T0 + 30 * MINUTE);
    const c = wireSlot(T0 + 15 * MINUTE, T0 + 45 * MINUTE);
    const result = availabilityResultFromBody(
      { available_slots: [a, b, a, c, b] },
      normalisedQuery(),
    );
    expect(result.slots).to.deep.equal([b, c, a]);
    expect(result.format).to.equal('slots');
  });

  it('keeps slots with the same times but different participants apart', () => {
    const both = wireSlot(T0, T0 + 30 * MINUTE);
    const one = wireSlot(T0, T0 + 30 * MINUTE, ['acc_b']);
    const result = availabilityResultFromBody(
      {
        available_slots: [
          both,
          one,
          { ...both, participants: [{ sub: 'acc_b' }, { sub: 'acc_a' }] },
        ],
      },
      normalisedQuery({ responseFormat: 'overlapping_slots' }),
    );
    expect(result.slots).to.have.length(2);
    expect(result.format).to.equal('overlapping_slots');
  });

  it('leaves out fixed slots that do not fit inside a query period', () => {
    const query = normalisedQuery({
      queryPeriods: [
        { start: T0, end: T0 + HOUR },
        { start: T0 + 2 * HOUR, end: T0 + 3 * HOUR },
      ],
    });
    const inside = wireSlot(T0 + 2 * HOUR, T0 + 2 * HOUR + 30 * MINUTE);
    const body = {
      available_slots: [
        wireSlot(T0 - 15 * MINUTE, T0 + 15 * MINUTE),
        wireSlot(T0 + 45 * MINUTE, T0 + 75 * MINUTE),
        inside,
        wireSlot(T0 + 5 * HOUR, T0 + 5 * HOUR + 30 * MINUTE),
      ],
    };
    expect(availabilityResultFromBody(body, query).slots).to.deep.equal([inside]);
  });

  it('clips periods to the query periods and merges overlapping ones of the same participants', () => {
    const query = normalisedQuery({
      responseFormat: 'periods',
      queryPeriods: [
        { start: T0, end: T0 + 4 * HOUR },
        { start: T0 + 5 * HOUR, end: T0 + 8 * HOUR },
      ],
    });
    const body = {
      available_periods: [
        wireSlot(T0 + 3 * HOUR, T0 + 6 * HOUR),
        wireSlot(T0 - HOUR, T0 + HOUR),
        wireSlot(T0 + 30 * MINUTE, T0 + 90 * MINUTE, ['acc_b', 'acc_a']),
        wireSlot(T0 + 30 * MINUTE, T0 + 2 * HOUR, ['acc_a']),
        wireSlot(T0 + 9 * HOUR, T0 + 10 * HOUR),
        wireSlot(T0 + 7 * HOUR + 45 * MINUTE, T0 + 9 * HOUR),
      ],
    };
    expect(availabilityResultFromBody(body, query).slots).to.deep.equal([
      wireSlot(T0, T0 + 90 * MINUTE),
      wireSlot(T0 + 30 * MINUTE, T0 + 2 * HOUR, ['acc_a']),
      wireSlot(T0 + 3 * HOUR, T0 + 4 * HOUR),
      wireSlot(T0 + 5 * HOUR, T0 + 6 * HOUR),
    ]);
  });

  it('answers query slots as available_slots inside the slots they ask for', () => {
    const query = normalisedQuery({
      responseFormat: 'periods',
      queryPeriods: [],
      querySlots: [T0, T0 + HOUR],
    });
    const asked = wireSlot(T0 + HOUR, T0 + HOUR + 30 * MINUTE);
    const result = availabilityResultFromBody(
      { available_slots: [asked, wireSlot(T0 + 2 * HOUR, T0 + 2 * HOUR + 30 * MINUTE)] },
      query,
    );
    expect(result.format).to.equal('slots');
    expect(result.slots).to.deep.equal([asked]);
  });

  it('writes instants in canonical UTC whatever offset the response used', () => {
    const body = {
      available_slots: [
        {
          start: '2026-12-01T10:00:00+01:00',
          end: '2026-12-01T04:30-05:00',
          participants: [{ sub: 'acc_a' }],
        },
      ],
    };
    expect(availabilityResultFromBody(body, normalisedQuery()).slots).to.deep.equal([
      wireSlot(T0, T0 + 30 * MINUTE, ['acc_a']),
    ]);
  });

  it('surfaces member statuses and marks the answer stale when one is not active', () => {
    const query = normalisedQuery({ includeMemberStatuses: true });
    const fresh = availabilityResultFromBody(
      { available_slots: [], member_statuses: [{ sub: 'acc_a', sync_status: 'active' }] },
      query,
    );
    expect(fresh.stale).to.equal(false);
    const statuses = [
      { sub: 'acc_a', sync_status: 'active' },
      { sub: 'acc_b', sync_status: 'disconnected' },
    ];
    const stale = availabilityResultFromBody(
      { available_slots: [], member_statuses: statuses },
      query,
    );
    expect(stale.memberStatuses).to.deep.equal(statuses);
    expect(stale.stale).to.equal(true);
    expect(availabilityResultFromBody({ available_slots: [] }, query).memberStatuses).to.deep.equal(
      [],
    );
  });

  it('returns frozen results that share nothing with the body', () => {
    const slot = wireSlot(T0, T0 + 30 * MINUTE);
    const result = availabilityResultFromBody({ available_slots: [slot] }, normalisedQuery());
    expect(Object.isFrozen(result.slots)).to.equal(true);
    expect(Object.isFrozen(result.slots[0])).to.equal(true);
    expect(Object.isFrozen(result.slots[0].participants)).to.equal(true);
    slot.participants[0].sub = 'changed';
    expect(result.slots[0].participants[0].sub).to.equal('acc_a');
  });
});

describe('instantFromIso and isoFromInstant', () => {
  it('parse instants with an explicit offset and print canonical UTC', () => {
    expect(instantFromIso('2026-12-01T09:00:00Z')).to.equal(T0);
    expect(instantFromIso('2026-12-01T09:00Z')).to.equal(T0);
    expect(instantFromIso('2026-12-01T14:30:00.250+05:30')).to.equal(T0 + 250);
    expect(instantFromIso('2028-02-29T00:00:00Z')).to.equal(Date.UTC(2028, 1, 29));
    expect(isoFromInstant(T0)).to.equal('2026-12-01T09:00:00Z');
    expect(isoFromInstant(T0 + 250)).to.equal('2026-12-01T09:00:00.250Z');
  });

  it('reject anything else', () => {
    for (const bad of [
      '2026-12-01',
      '2026-12-01 09:00:00Z',
      '2026-13-01T09:00:00Z',
      '2027-02-29T00:00:00Z',
      '2026-12-01T24:00:00Z',
      '2026-12-01T09:60:00Z',
      '2026-12-01T09:00:00+25:00',
      '',
      null,
      1764579600000,
    ]) {
      expect(instantFromIso(bad), String(bad)).to.equal(undefined);
    }
  });
});
