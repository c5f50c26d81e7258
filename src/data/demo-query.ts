/**
 * The query the elements show with `demo` and no query of their own: kept apart from the demo
 * calendars so that an element bundles only this, and the calendars load with the demo engine.
 *
 * Contract: pure; every instant is UTC.
 */
import type { AvailabilityQuery } from '../core/types.js';

const QUARTER_HOUR = 15 * 60_000;
const DAY = 86_400_000;

function isoOf(ms: number): string {
  return new Date(ms).toISOString().replace('.000Z', 'Z');
}

/** Three demo people, all required, for 30 minutes in the 14 days from the next quarter hour. */
export function defaultDemoQuery(nowMs: number): AvailabilityQuery {
  const start = Math.ceil(nowMs / QUARTER_HOUR) * QUARTER_HOUR;
  return {
    participants: [
      {
        members: ['acc_demo_ada', 'acc_demo_bruno', 'acc_demo_dagny'].map((sub) => ({ sub })),
        required: 'all',
      },
    ],
    required_duration: { minutes: 30 },
    query_periods: [{ start: isoOf(start), end: isoOf(start + 14 * DAY) }],
  };
}
