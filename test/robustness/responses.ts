/**
 * Generated API answers for the bad-data suite, each with the outcome the contract promises,
 * decided without the code under test: a fetch failure is `network`; a non-2xx status has the
 * kind `errors.ts` documents for it; a 2xx body that is not JSON, not an object, lacks the
 * field the query's format needs, has a malformed entry anywhere (missing or wrong-typed field,
 * impossible date, no offset, end not after start, a slot not of the required length, a bad sync
 * status) or more than 10 000 entries is `bad_response`; anything else is an answer whose slots
 * are the well-formed ones lying wholly inside the query's window, sorted, without duplicates.
 *
 * The mix: valid answers (tidy, or unsorted, overlapping, duplicated, partly or wholly outside
 * the query, with odd-unicode and markup subs, extra and `__proto__` fields, several ISO offset
 * spellings, stale member statuses, thousands of entries), corrupt ones, malformed JSON, and
 * every status class from 200 to 599.
 */
import fc from 'fast-check';
import type { SchedulingErrorKind } from '../../src/core/types.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
/** The query window every generated answer is judged against: [Dec 1, Dec 6) 2026 UTC. */
export const WINDOW = { start: Date.UTC(2026, 11, 1), end: Date.UTC(2026, 11, 6) };
/** Slot length the queries ask for. */
export const DURATION_MIN = 30;

/** What a generated answer must end in. */
export type Expectation =
  | { outcome: 'ok'; slots: ExpectedSlot[]; stale: boolean }
  | { outcome: 'error'; kind: SchedulingErrorKind };

/** A slot the answer must contain, in epoch ms with its sorted, distinct subs. */
export interface ExpectedSlot {
  start: number;
  end: number;
  subs: string[];
}

/** One generated exchange: how `fetch` answers, and what must come of it. */
export interface GeneratedAnswer {
  /** `throw`: fetch rejects (network down); `hang`: it never answers. */
  transport: 'respond' | 'throw' | 'hang';
  status: number;
  headers: Record<string, string>;
  /** The raw body text (null for a bodiless status). */
  body: string | null;
  expect: Expectation;
  /**
   * What the booking link's slots endpoint (`RtsClient.slots`) must make of the same answer: it
   * accepts only 200, does not check slot lengths or member statuses, and clips nothing.
   */
  rts: Expectation;
  /** Short description for failure messages. */
  label: string;
}

/** Subs, including markup and unicode that must stay inert text. */
export const ODD_SUBS = [
  'acc_a',
  'acc_b',
  'Zoë Ñúñez',
  '山田太郎',
  'سارة',
  '\u202Eevil\u202C',
  'a\u200Bb\u200D',
  '𝔘𝔫𝔦𝔠𝔬𝔡𝔢 🙂',
  '<img src=x onerror="window.__pwned=1">',
  '"><svg onload="window.__pwned=1">',
  'javascript:window.__pwned=1',
  "'; DROP TABLE slots; --",
];

const subArb = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...ODD_SUBS) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 12 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 8 }) },
);

/** ISO spellings of one instant, all with an explicit offset (valid). */
function isoOf(ms: number, variant: number): string {
  const utc = new Date(ms).toISOString();
  switch (variant) {
    case 0:
      return utc.replace('.000Z', 'Z');
    case 1:
      return utc;
    case 2:
      return utc.replace('.000Z', '+00:00');
    default: {
      // The same instant written in another offset.
      const offsetMin = variant === 3 ? 330 : -300;
      const local = new Date(ms + offsetMin * MINUTE).toISOString().slice(0, 19);
      const sign = offsetMin < 0 ? '-' : '+';
      const abs = Math.abs(offsetMin);
      return `${local}${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
    }
  }
}

/** A generated slot: its JSON, whether it is well formed, and its facts when it is. */
interface GenSlot {
  json: unknown;
  valid: boolean;
  /** Well formed for the booking link's slots (which do not check the length). */
  rtsValid: boolean;
  start: number;
  end: number;
  subs: string[];
}

/** Extra fields a slot may carry, including a `__proto__` key as JSON.parse creates it. */
const extraArb = fc.constantFrom<Record<string, unknown> | undefined>(
  undefined,
  { available: 'yes' },
  { note: '<script>window.__pwned=1</script>' },
  JSON.parse('{"__proto__": {"polluted": true}, "constructor": {"prototype": {"polluted": true}}}'),
);

/**
 * A well-formed slot of `lengthMin` minutes starting `startMin` minutes after `WINDOW.start - 6
 * days` on a whole minute; `aligned` keeps starts on half hours inside 09:00-16:30 UTC of the
 * window's days (so an element's grid shows it in a cell of its own).
 */
function validSlotArb(lengthArb: fc.Arbitrary<number>, aligned: boolean): fc.Arbitrary<GenSlot> {
  const startArb = aligned
    ? fc.oneof(
        {
          weight: 5,
          arbitrary: fc
            .record({ day: fc.integer({ min: 0, max: 4 }), half: fc.integer({ min: 18, max: 33 }) })
            .map(({ day, half }) => WINDOW.start + day * 24 * HOUR + half * 30 * MINUTE),
        },
        {
          // Wholly outside every element's window: days before or after the query.
          weight: 1,
          arbitrary: fc
            .record({ day: fc.integer({ min: 1, max: 5 }), half: fc.integer({ min: 0, max: 47 }) })
            .chain(({ day, half }) =>
              fc.constantFrom(
                WINDOW.start - day * 24 * HOUR + half * 30 * MINUTE,
                WINDOW.end + (day - 1) * 24 * HOUR + half * 30 * MINUTE,
              ),
            ),
        },
      )
    : fc
        .integer({ min: 0, max: 17 * 24 * 60 })
        .map((minutes) => WINDOW.start - 6 * 24 * HOUR + minutes * MINUTE);
  return fc
    .record({
      start: startArb,
      length: aligned ? fc.constant(DURATION_MIN) : lengthArb,
      subs: fc.array(subArb, { minLength: 1, maxLength: 3 }),
      startIso: fc.integer({ min: 0, max: aligned ? 1 : 4 }),
      endIso: fc.integer({ min: 0, max: aligned ? 1 : 4 }),
      extra: aligned ? fc.constant(undefined) : extraArb,
    })
    .map(({ start, length, subs, startIso, endIso, extra }) => {
      const end = start + length * MINUTE;
      const json = {
        ...(extra ? JSON.parse(JSON.stringify(extra)) : {}),
        start: isoOf(start, startIso),
        end: isoOf(end, endIso),
        participants: subs.map((sub) => ({ sub })),
      };
      if (extra && '__proto__' in extra) {
        Object.defineProperty(json, '__proto__', {
          value: { polluted: true },
          enumerable: true,
          configurable: true,
          writable: true,
        });
      }
      return { json, valid: true, rtsValid: true, start, end, subs: [...new Set(subs)].sort() };
    });
}

const badInstant = fc.constantFrom<unknown>(
  '2026-02-30T10:00:00Z',
  '2026-12-01T24:00:00Z',
  '2026-12-01T10:60:00Z',
  '2026-12-01 10:00:00Z',
  '2026-12-01T10:00:00',
  '2026-12-01T10:00:00z',
  '2026-13-01T10:00:00Z',
  'tomorrow at ten',
  '',
  ' 2026-12-01T10:00:00Z',
  '2026-12-01T10:00:00+25:00',
  Date.UTC(2026, 11, 1, 10),
  null,
  true,
  [],
  {},
);

/** A malformed slot: one defect anywhere in it. */
function corruptSlotArb(base: fc.Arbitrary<GenSlot>): fc.Arbitrary<GenSlot> {
  return fc
    .record({
      slot: base,
      defect: fc.integer({ min: 0, max: 11 }),
      instant: badInstant,
      junk: fc.constantFrom<unknown>(null, 42, 'slot', [], true),
    })
    .map(({ slot, defect, instant, junk }) => {
      const json = { ...(slot.json as Record<string, unknown>) };
      let out: unknown = json;
      switch (defect) {
        case 0:
          out = junk;
          break;
        case 1:
          delete json.start;
          break;
        case 2:
          json.start = instant;
          break;
        case 3:
          json.end = instant;
          break;
        case 4:
          // End not after start.
          json.end = json.start;
          break;
        case 5:
          [json.start, json.end] = [json.end, json.start];
          break;
        case 6:
          delete json.participants;
          break;
        case 7:
          json.participants = junk === null || Array.isArray(junk) ? 'acc_a' : junk;
          break;
        case 8:
          json.participants = [{ sub: '' }];
          break;
        case 9:
          json.participants = [{ sub: 7 }];
          break;
        case 10:
          json.participants = [junk];
          break;
        default:
          // A slot one minute too long.
          json.end = isoOf(slot.end + MINUTE, 0);
          break;
      }
      // Only the last defect (a minute too long) leaves a slot the booking link accepts.
      const end = defect === 11 ? slot.end + MINUTE : slot.end;
      return { ...slot, end, json: out, valid: false, rtsValid: defect === 11 };
    });
}

/** Member statuses: valid ones (maybe stale) or a malformed list. */
const memberStatusesArb = fc.oneof(
  { weight: 6, arbitrary: fc.constant({ json: undefined, valid: true, stale: false }) },
  {
    weight: 3,
    arbitrary: fc
      .array(
        fc.record({
          sub: fc.constantFrom('acc_a', 'acc_b', '\u202Eevil'),
          sync_status: fc.constantFrom('active', 'pending', 'disconnected'),
        }),
        { maxLength: 3 },
      )
      .map((list) => ({
        json: list as unknown,
        valid: true,
        stale: list.some((s) => s.sync_status !== 'active'),
      })),
  },
  {
    weight: 1,
    arbitrary: fc
      .constantFrom<unknown>(
        'active',
        {},
        [{ sub: 'acc_a', sync_status: 'ACTIVE' }],
        [{ sub: '', sync_status: 'active' }],
        [{ sync_status: 'active' }],
        [null],
      )
      .map((json) => ({ json, valid: false, stale: false })),
  },
);

/** The slots an answer made of `slots` must hold: well-formed ones inside the window, sorted, distinct. */
export function expectedSlots(slots: readonly GenSlot[]): ExpectedSlot[] {
  const inside = slots
    .filter((s) => s.start >= WINDOW.start && s.end <= WINDOW.end)
    .map(({ start, end, subs }) => ({ start, end, subs }));
  const key = (s: ExpectedSlot) => `${s.start}|${s.end}|${s.subs.join('\n')}`;
  const byKey = new Map(inside.map((s) => [key(s), s]));
  return [...byKey.values()].sort(
    (a, b) => a.start - b.start || a.end - b.end || (key(a) < key(b) ? -1 : 1),
  );
}

/** A 2xx body in the `slots` format with its expectation. */
function slotsBodyArb(
  aligned: boolean,
): fc.Arbitrary<{ body: string; expect: Expectation; rts: Expectation; label: string }> {
  const valid = validSlotArb(fc.constant(DURATION_MIN), aligned);
  const entries: fc.Arbitrary<GenSlot[]> = fc.oneof(
    // Tidy or untidy valid lists: unsorted, duplicated, overlapping (30-minute slots 1 minute apart).
    {
      weight: 8,
      arbitrary: fc
        .array(valid, { maxLength: 24 })
        .chain((list) =>
          fc.shuffledSubarray([...list, ...list.slice(0, 3)], { minLength: list.length }),
        ),
    },
    {
      weight: 3,
      arbitrary: fc
        .tuple(
          fc.array(valid, { maxLength: 10 }),
          corruptSlotArb(valid),
          fc.array(valid, { maxLength: 10 }),
        )
        .map(([a, bad, b]) => [...a, bad, ...b]),
    },
    // Many entries: thousands of valid ones, or one over the 10 000 limit.
    {
      weight: 1,
      arbitrary: fc.tuple(valid, fc.constantFrom(2_000, 9_999, 10_001)).map(([slot, count]) =>
        Array.from({ length: count }, (_, i) => ({
          ...slot,
          json: { ...(slot.json as object), participants: [{ sub: `acc_${i % 7}` }] },
          rtsValid: slot.rtsValid,
          subs: [`acc_${i % 7}`],
        })),
      ),
    },
  );
  return fc
    .record({
      slots: entries,
      statuses: memberStatusesArb,
      wrongField: fc.integer({ min: 0, max: 40 }),
    })
    .map(({ slots, statuses, wrongField }) => {
      const body: Record<string, unknown> = {};
      let fieldOk = true;
      if (wrongField === 0) {
        body.available_periods = slots.map((s) => s.json);
        fieldOk = false;
      } else if (wrongField === 1) {
        body.available_slots = { 0: slots[0]?.json };
        fieldOk = false;
      } else if (wrongField === 2) {
        body.available_slots = null;
        fieldOk = false;
      } else {
        body.available_slots = slots.map((s) => s.json);
      }
      if (statuses.json !== undefined) body.member_statuses = statuses.json;
      const valid =
        fieldOk && statuses.valid && slots.length <= 10_000 && slots.every((s) => s.valid);
      const expect: Expectation = valid
        ? { outcome: 'ok', slots: expectedSlots(slots), stale: statuses.stale }
        : { outcome: 'error', kind: 'bad_response' };
      const rtsValid = fieldOk && slots.length <= 10_000 && slots.every((s) => s.rtsValid);
      const rts: Expectation = rtsValid
        ? {
            outcome: 'ok',
            slots: slots.map(({ start, end, subs }) => ({ start, end, subs })),
            stale: false,
          }
        : { outcome: 'error', kind: 'bad_response' };
      return {
        body: JSON.stringify(body),
        rts,
        expect,
        label: `${slots.length} slots${valid ? '' : ', malformed'}`,
      };
    });
}

/** 2xx answers that are not usable JSON objects. */
const notAnObjectArb: fc.Arbitrary<{
  body: string;
  expect: Expectation;
  rts: Expectation;
  label: string;
}> = fc
  .oneof(
    fc.constantFrom(
      '',
      ' ',
      'null',
      'true',
      '42',
      '"available_slots"',
      '[]',
      '[{"start":"2026-12-01T10:00:00Z"}]',
      '<!doctype html><h1>502 Bad Gateway</h1>',
      '{"available_slots": [}',
      '{"available_slots": [{"start": "2026-12-01T10:00:00Z", "end": "2026-12-01T10:30:00Z"',
      "{'available_slots': []}",
      '{"available_slots": [], }',
      'NaN',
      '{}',
      '{"errors": {}}',
    ),
    fc.string({ unit: 'binary', maxLength: 40 }).filter((s) => {
      try {
        // A leading byte order mark is stripped by `Response.text()`, as the Fetch standard decodes.
        const v = JSON.parse(s.replace(/^\uFEFF/, ''));
        return typeof v !== 'object' || v === null || Array.isArray(v) || !('available_slots' in v);
      } catch {
        return true;
      }
    }),
  )
  .map((body) => ({
    body,
    expect: { outcome: 'error', kind: 'bad_response' },
    rts: { outcome: 'error', kind: 'bad_response' },
    label: 'not a usable object',
  }));

/** The kind `errors.ts` documents for a non-2xx status. */
export function kindOfStatus(status: number): SchedulingErrorKind {
  const known: Record<number, SchedulingErrorKind> = {
    400: 'invalid_query',
    401: 'auth',
    403: 'forbidden',
    404: 'not_found',
    409: 'conflict',
    410: 'gone',
    413: 'invalid_query',
    422: 'invalid_query',
    429: 'rate_limited',
  };
  return known[status] ?? (status >= 500 ? 'server' : 'bad_response');
}

/** Error bodies: the API's shape (with markup in descriptions), other JSON, or none at all. */
const errorBodyArb = fc.oneof(
  fc
    .record({
      field: fc.constantFrom('participants[0].members[0].sub', 'query_periods', '<b>field</b>'),
      description: fc.constantFrom(
        'required',
        '<img src=x onerror="window.__pwned=1">',
        '"><svg onload="window.__pwned=1">',
        '\u202Egnirts desrever\u202C',
      ),
    })
    .map(({ field, description }) =>
      JSON.stringify({ errors: { [field]: [{ key: 'errors.invalid', description }] } }),
    ),
  fc.constantFrom('', '<html>oops</html>', '{"errors": "nope"}', '{"message": "Internal"}', 'null'),
);

/** Any answer, with what it must end in; `aligned` shapes valid slots for the elements' grids. */
export function answerArb(aligned: boolean): fc.Arbitrary<GeneratedAnswer> {
  const ok = fc
    .record({
      status: fc.constantFrom(200, 200, 200, 200, 201, 203),
      part: fc.oneof(
        { weight: 6, arbitrary: slotsBodyArb(aligned) },
        { weight: 1, arbitrary: notAnObjectArb },
      ),
    })
    .map(({ status, part }) => ({
      transport: 'respond' as const,
      status,
      headers: { 'Content-Type': 'application/json' },
      body: part.body,
      expect: part.expect,
      // The booking link's slots endpoint answers 200 and nothing else.
      rts: status === 200 ? part.rts : ({ outcome: 'error', kind: 'bad_response' } as Expectation),
      label: `${status}: ${part.label}`,
    }));
  const bodiless = fc.constantFrom(204, 205).map((status) => ({
    transport: 'respond' as const,
    status,
    headers: {},
    body: null,
    expect: { outcome: 'error', kind: 'bad_response' } as Expectation,
    rts: { outcome: 'error', kind: 'bad_response' } as Expectation,
    label: `${status} without a body`,
  }));
  const failed = fc
    .record({
      status: fc.oneof(
        fc.constantFrom(400, 401, 403, 404, 409, 410, 413, 422, 429, 500, 502, 503, 504),
        fc.integer({ min: 300, max: 599 }),
      ),
      body: errorBodyArb,
      retryAfter: fc.constantFrom(
        undefined,
        '0',
        '1',
        '120',
        'soon',
        'Wed, 21 Oct 2015 07:28:00 GMT',
      ),
    })
    .map(({ status, body, retryAfter }) => ({
      transport: 'respond' as const,
      status,
      headers: {
        'Content-Type': 'application/json',
        ...(retryAfter === undefined ? {} : { 'Retry-After': retryAfter }),
      },
      body: status === 304 ? null : body,
      expect: { outcome: 'error', kind: kindOfStatus(status) } as Expectation,
      rts: { outcome: 'error', kind: kindOfStatus(status) } as Expectation,
      label: `${status} error`,
    }));
  const down = fc.constantFrom('throw' as const, 'hang' as const).map((transport) => ({
    transport,
    status: 0,
    headers: {},
    body: null,
    expect: { outcome: 'error', kind: 'network' } as Expectation,
    rts: { outcome: 'error', kind: 'network' } as Expectation,
    label: transport === 'throw' ? 'network down' : 'no answer (timeout)',
  }));
  return fc.oneof(
    { weight: 14, arbitrary: ok },
    { weight: 1, arbitrary: bodiless },
    { weight: 4, arbitrary: failed },
    { weight: 1, arbitrary: down },
  );
}

/** A `fetch` that answers every call with `answer` (the first call) and an empty valid answer after. */
export function generatedFetch(answer: GeneratedAnswer): typeof fetch {
  let calls = 0;
  return (_input, init) => {
    calls += 1;
    if (calls > 1) {
      return Promise.resolve(
        new Response('{"available_slots": []}', {
          status: 200,
          headers: { 'Content-Type': 'application/json' },
        }),
      );
    }
    if (answer.transport === 'throw') return Promise.reject(new TypeError('Failed to fetch'));
    if (answer.transport === 'hang') {
      return new Promise((_, reject) =>
        init?.signal?.addEventListener('abort', () =>
          reject(new DOMException('The operation was aborted.', 'AbortError')),
        ),
      );
    }
    return Promise.resolve(
      new Response(answer.body, { status: answer.status, headers: answer.headers }),
    );
  };
}

/** A valid open booking link, as `GET /v1/rts/link` answers it. */
export const RTS_LINK = {
  id: 'sch_robust',
  status: 'open',
  summary: 'Intro call',
  description: null,
  location: null,
  duration_minutes: DURATION_MIN,
  organizer: { name: 'Ada Demo', tzid: 'Europe/London' },
  fields: { name: 'required', email: 'required', note: 'off' },
  window: { start: '2026-11-01T00:00:00Z', end: '2027-01-01T00:00:00Z' },
  display_message: null,
  booking: null,
};

/**
 * A `fetch` for the booking page: the link's view is always valid, the slots request meets
 * `answer`, and the page's signals (`no_times_displayed`) are accepted.
 */
export function rtsFetch(answer: GeneratedAnswer): typeof fetch {
  const slots = generatedFetch(answer);
  return (input, init) => {
    const path = new URL(String(input), 'https://api.example.test').pathname;
    if (path === '/v1/rts/slots') return slots(input, init);
    const body = path === '/v1/rts/link' ? { link: RTS_LINK } : {};
    return Promise.resolve(
      new Response(JSON.stringify(body), {
        status: path === '/v1/rts/link' ? 200 : 202,
        headers: { 'Content-Type': 'application/json' },
      }),
    );
  };
}

/**
 * Answers in the `periods` format: periods of 30 minutes to 12 hours for a few participant
 * groups, unsorted and overlapping (so they must be merged per group), partly outside the
 * window (so they must be clipped, and dropped when clipping leaves less than 30 minutes),
 * sometimes with a malformed entry or one shorter than the required duration.
 */
export function periodsAnswerArb(): fc.Arbitrary<GeneratedAnswer> {
  const period = fc
    .record({
      start: fc.integer({ min: 0, max: 8 * 24 * 60 }),
      length: fc.integer({ min: DURATION_MIN, max: 12 * 60 }),
      subs: fc.subarray(['acc_a', 'acc_b', '\u202Eevil'], { minLength: 1 }),
      startIso: fc.integer({ min: 0, max: 4 }),
      endIso: fc.integer({ min: 0, max: 4 }),
    })
    .map(({ start, length, subs, startIso, endIso }) => {
      const from = WINDOW.start - 2 * 24 * HOUR + start * MINUTE;
      const to = from + length * MINUTE;
      return {
        json: {
          start: isoOf(from, startIso),
          end: isoOf(to, endIso),
          participants: subs.map((sub) => ({ sub })),
        } as unknown,
        valid: true,
        rtsValid: true,
        start: from,
        end: to,
        subs: [...subs].sort(),
      };
    });
  const tooShort = period.map((p) => ({
    ...p,
    json: { ...(p.json as object), end: isoOf(p.start + (DURATION_MIN - 1) * MINUTE, 0) },
    valid: false,
  }));
  const entry = fc.oneof(
    { weight: 30, arbitrary: period },
    // A minute past a slot's length is fine for a period; every other defect is not.
    { weight: 1, arbitrary: corruptSlotArb(period).map((p) => ({ ...p, valid: p.rtsValid })) },
    { weight: 1, arbitrary: tooShort },
  );
  return fc
    .record({ periods: fc.array(entry, { maxLength: 30 }), statuses: memberStatusesArb })
    .map(({ periods, statuses }) => {
      const body: Record<string, unknown> = { available_periods: periods.map((p) => p.json) };
      if (statuses.json !== undefined) body.member_statuses = statuses.json;
      const valid = statuses.valid && periods.every((p) => p.valid);
      return {
        transport: 'respond' as const,
        status: 200,
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(body),
        expect: valid
          ? { outcome: 'ok', slots: expectedPeriods(periods), stale: statuses.stale }
          : { outcome: 'error', kind: 'bad_response' },
        // The booking link's slots endpoint reads `available_slots` only.
        rts: { outcome: 'error', kind: 'bad_response' },
        label: `${periods.length} periods${valid ? '' : ', malformed'}`,
      };
    });
}

/**
 * The periods an answer made of `periods` must hold: per participant group, the union of its
 * periods (touching ones joined) cut to the window, without pieces shorter than the duration,
 * sorted by start, end and group.
 */
export function expectedPeriods(periods: readonly GenSlot[]): ExpectedSlot[] {
  const byGroup = new Map<string, { subs: string[]; spans: [number, number][] }>();
  for (const p of periods) {
    const subs = [...new Set(p.subs)].sort();
    const key = subs.join('\n');
    const start = Math.max(p.start, WINDOW.start);
    const end = Math.min(p.end, WINDOW.end);
    if (end <= start) continue;
    const group = byGroup.get(key) ?? { subs, spans: [] };
    group.spans.push([start, end]);
    byGroup.set(key, group);
  }
  const out: ExpectedSlot[] = [];
  for (const { subs, spans } of byGroup.values()) {
    spans.sort((a, b) => a[0] - b[0]);
    let current: [number, number] | undefined;
    for (const span of spans) {
      if (current && span[0] <= current[1]) current[1] = Math.max(current[1], span[1]);
      else {
        if (current) out.push({ start: current[0], end: current[1], subs });
        current = [...span];
      }
    }
    if (current) out.push({ start: current[0], end: current[1], subs });
  }
  const key = (s: ExpectedSlot) => s.subs.join('\n');
  return out
    .filter((s) => s.end - s.start >= DURATION_MIN * MINUTE)
    .sort((a, b) => a.start - b.start || a.end - b.end || (key(a) < key(b) ? -1 : 1));
}
