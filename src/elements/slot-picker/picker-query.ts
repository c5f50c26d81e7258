/**
 * The query `<slot-picker>` sends, from whatever the host gave it.
 *
 * Contract: input is the `query` property (an object), the attribute's JSON text, or nothing;
 * output is a validated `NormalisedQuery` asking for `slots` (when the input names no format or
 * `periods`, since a picker picks slots), or a one-line, developer-facing reason naming the
 * first field at fault. Never throws.
 */
import { parseQuery, queryInputOfJson } from '../../core/query.js';
import type { ApiFieldErrors, AvailabilityQuery, NormalisedQuery } from '../../core/types.js';
import { defaultDemoQuery } from '../../data/demo-query.js';

/** A usable query or why there is none. */
export type PickerQueryResult = { query: NormalisedQuery } | { problem: string };

/** `field: description` of the first field error, and how many more there are. */
export function fieldErrorsReason(errors: ApiFieldErrors): string {
  const all = Object.entries(errors).flatMap(([f, list]) =>
    list.map((e) => `${f}: ${e.description}`),
  );
  return all.length > 1 ? `${all[0]} (and ${all.length - 1} more)` : (all[0] ?? 'invalid');
}

/** The picker's query for `input`; with `demo` and no input, the default demo query at `nowMs`. */
export function pickerQuery(input: unknown, demo: boolean, nowMs: number): PickerQueryResult {
  if (input === undefined || input === null || input === '') {
    if (!demo) {
      return { problem: 'a query is required: set the query property or JSON in the attribute.' };
    }
    // The default demo covers 14 days: ask for all their slots, not the API's default 20.
    input = { ...defaultDemoQuery(nowMs), max_results: 512 };
  }
  if (typeof input === 'string') {
    const json = queryInputOfJson(input);
    if (!json.ok) return { problem: fieldErrorsReason(json.errors) };
    input = json.input;
  }
  if (typeof input === 'object' && input !== null && !Array.isArray(input)) {
    const format = (input as AvailabilityQuery).response_format;
    if (format === undefined || format === 'periods')
      input = { ...input, response_format: 'slots' };
  }
  const parsed = parseQuery(input);
  return parsed.ok ? { query: parsed.query } : { problem: fieldErrorsReason(parsed.errors) };
}
