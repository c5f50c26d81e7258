import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parseQueryJson, queryKey, toApiQuery } from '../../src/core/query.js';

// The embedded server parses request bodies with this module: it must work in Node with no DOM.
const seedQuery = `{
  "participants": [
    { "members": [{ "sub": "acc_567236000909002" }, { "sub": "acc_678347111010113" }], "required": "all" }
  ],
  "required_duration": { "minutes": 60 },
  "query_periods": [
    { "start": "2020-06-17T09:00:00Z", "end": "2020-06-17T18:00:00Z" },
    { "start": "2020-06-18T09:00:00Z", "end": "2020-06-18T18:00:00Z" }
  ]
}`;

describe('query parsing in Node', () => {
  it('parses the seeds example and writes it back unchanged apart from defaults', () => {
    const result = parseQueryJson(seedQuery);
    assert.ok(result.ok);
    assert.deepEqual(toApiQuery(result.query), {
      ...JSON.parse(seedQuery),
      max_results: 20,
      response_format: 'periods',
    });
  });

  it('gives the alias the same cache key', () => {
    const legacy = parseQueryJson(seedQuery.replace('query_periods', 'available_periods'));
    const current = parseQueryJson(seedQuery);
    assert.ok(legacy.ok && current.ok);
    assert.equal(queryKey(legacy.query), queryKey(current.query));
  });

  it('reports broken JSON as a field error', () => {
    const broken = parseQueryJson(seedQuery.slice(0, -2));
    assert.ok(!broken.ok);
    assert.deepEqual(Object.keys(broken.errors), ['query']);
    assert.equal(broken.errors.query![0]!.key, 'errors.invalid');
    // The parser's own words follow, saying what it expected where.
    assert.match(broken.errors.query![0]!.description, /^the query is not valid JSON: \S/);
  });
});
