import { expect } from '@open-wc/testing';
import { parseQuery } from '../../src/core/query.js';
import type { Interval, NormalisedQuery } from '../../src/core/types.js';
import { visibleLookAheads } from '../../src/elements/availability-viewer/viewer-model.js';

const DAY = 86_400_000;
const HOUR = 3_600_000;
const START = Date.UTC(2027, 0, 4);

function normalised(periods: [number, number][]): NormalisedQuery {
  const result = parseQuery({
    participants: [{ members: [{ sub: 'a' }], required: 'all' }],
    required_duration: { minutes: 30 },
    query_periods: periods.map(([start, end]) => ({
      start: new Date(start).toISOString(),
      end: new Date(end).toISOString(),
    })),
  });
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.query;
}

/** 09:00-17:00 UTC on `days` days from START. */
const dayWindows = (days: number): Interval[] =>
  Array.from({ length: days }, (_, i) => ({
    start: START + i * DAY + 9 * HOUR,
    end: START + i * DAY + 17 * HOUR,
  }));

describe('visibleLookAheads', () => {
  it('asks only the visible hours, first result only, in requests of at most 50 periods', () => {
    const query = normalised([[START, START + 120 * DAY]]);
    const looks = visibleLookAheads(query, dayWindows(120));
    expect(looks.map((l) => l.query.queryPeriods.length)).to.deep.equal([50, 50, 20]);
    const all = looks.flatMap((l) => l.query.queryPeriods);
    expect(all).to.deep.equal(dayWindows(120));
    for (const look of looks) {
      expect(look.query.maxResults).to.equal(1);
      expect(look.query.querySlots).to.equal(undefined);
    }
    // Earliest first, and distinct cache keys.
    expect(looks[0]!.query.queryPeriods[0]!.start).to.equal(START + 9 * HOUR);
    expect(new Set(looks.map((l) => l.key)).size).to.equal(3);
  });

  it('keeps to the query periods inside the windows and asks nothing outside them', () => {
    // The query covers only the afternoons of days 2 and 3.
    const query = normalised([
      [START + 2 * DAY + 14 * HOUR, START + 2 * DAY + 20 * HOUR],
      [START + 3 * DAY + 14 * HOUR, START + 3 * DAY + 20 * HOUR],
    ]);
    const looks = visibleLookAheads(query, dayWindows(5));
    expect(looks).to.have.length(1);
    expect(looks[0]!.query.queryPeriods).to.deep.equal([
      { start: START + 2 * DAY + 14 * HOUR, end: START + 2 * DAY + 17 * HOUR },
      { start: START + 3 * DAY + 14 * HOUR, end: START + 3 * DAY + 17 * HOUR },
    ]);
    expect(visibleLookAheads(query, [])).to.deep.equal([]);
  });
});
