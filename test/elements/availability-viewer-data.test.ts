import { aTimeout, expect, waitUntil } from '@open-wc/testing';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { NormalisedQuery } from '../../src/core/types.js';
import { SchedulingError } from '../../src/data/errors.js';
import type { AvailabilityResult, RequestOptions, Transport } from '../../src/data/transport.js';
import {
  PageDataController,
  type PageQuery,
} from '../../src/elements/availability-viewer/page-data-controller.js';

class TestHost implements ReactiveControllerHost {
  updates = 0;
  readonly updateComplete = Promise.resolve(true);
  addController(_controller: ReactiveController): void {}
  removeController(_controller: ReactiveController): void {}
  requestUpdate(): void {
    this.updates += 1;
  }
}

interface Call {
  start: number;
  fresh: boolean;
  signal: AbortSignal | undefined;
}

/** A transport that answers after `latencyMs` with one slot at the first period's start. */
class CountingTransport implements Transport {
  calls: Call[] = [];
  failWith: SchedulingError | undefined;
  constructor(private readonly latencyMs = 5) {}
  async availability(query: NormalisedQuery, options: RequestOptions = {}) {
    const start = query.queryPeriods[0]!.start;
    this.calls.push({ start, fresh: options.fresh === true, signal: options.signal });
    await new Promise((resolve) => setTimeout(resolve, this.latencyMs));
    if (options.signal?.aborted) throw new DOMException('aborted', 'AbortError');
    if (this.failWith) throw this.failWith;
    const result: AvailabilityResult = {
      slots: [
        {
          start: new Date(start).toISOString(),
          end: new Date(start + 1_800_000).toISOString(),
          participants: [{ sub: 'a' }],
        },
      ],
      format: 'slots',
      memberStatuses: [],
      stale: false,
    };
    return result;
  }
}

const WEEK = 7 * 86_400_000;
const base = Date.parse('2026-12-06T00:00:00Z');

function page(index: number): PageQuery {
  const start = base + index * WEEK;
  return {
    key: `week-${index}`,
    query: {
      participants: [{ members: [{ sub: 'a' }], required: 'all' }],
      requiredDuration: 30,
      queryPeriods: [{ start, end: start + WEEK }],
      buffer: { before: 0, after: 0 },
      maxResults: 512,
      responseFormat: 'slots',
      includeMemberStatuses: false,
    },
  };
}

function show(data: PageDataController, transport: Transport, index: number) {
  data.show(transport, page(index), [page(index - 1), page(index + 1)]);
}

const fast = { settleMs: 150, prefetchDelayMs: 200 };

describe('page data controller', () => {
  it('asks once for a new page at once, then prefetches both neighbours when idle', async () => {
    const transport = new CountingTransport();
    const data = new PageDataController(new TestHost(), fast);
    show(data, transport, 0);
    expect(data.status).to.equal('loading');
    expect(transport.calls.map((c) => c.start)).to.deep.equal([base]);
    await waitUntil(() => data.status === 'ready');
    expect(data.result!.slots).to.have.length(1);
    await waitUntil(() => transport.calls.length === 3);
    expect(transport.calls.map((c) => c.start).sort()).to.deep.equal(
      [base - WEEK, base, base + WEEK].sort(),
    );
  });

  it('shows a prefetched page from the cache at once, without a request', async () => {
    const transport = new CountingTransport();
    const data = new PageDataController(new TestHost(), fast);
    show(data, transport, 0);
    await waitUntil(() => data.isCached('week-1'));
    const before = transport.calls.length;
    await aTimeout(fast.settleMs + 20);
    show(data, transport, 1);
    expect(data.status).to.equal('ready');
    expect(data.result!.slots[0]!.start).to.equal(new Date(base + WEEK).toISOString());
    expect(transport.calls.length).to.equal(before);
  });

  it('twenty rapid navigations cause at most four requests', async () => {
    const transport = new CountingTransport();
    const data = new PageDataController(new TestHost(), fast);
    for (let i = 0; i < 20; i++) {
      show(data, transport, i);
      await aTimeout(fast.settleMs / 8);
    }
    await waitUntil(() => data.status === 'ready');
    await aTimeout(fast.prefetchDelayMs + 60);
    expect(transport.calls.map((c) => (c.start - base) / WEEK)).to.have.length.at.most(4);
    expect(data.result!.slots[0]!.start).to.equal(new Date(base + 19 * WEEK).toISOString());
  });

  it('aborts the superseded request', async () => {
    const transport = new CountingTransport(200);
    const data = new PageDataController(new TestHost(), fast);
    show(data, transport, 0);
    await aTimeout(fast.settleMs + 10);
    show(data, transport, 5);
    expect(transport.calls[0]!.signal!.aborted).to.equal(true);
    await waitUntil(() => data.status === 'ready', undefined, { timeout: 2000 });
    expect(data.result!.slots[0]!.start).to.equal(new Date(base + 5 * WEEK).toISOString());
  });

  it('refreshes a stale cached page quietly while showing it', async () => {
    let now = 1_000_000;
    const transport = new CountingTransport();
    const data = new PageDataController(new TestHost(), {
      ...fast,
      staleAfterMs: 1000,
      clock: () => now,
    });
    show(data, transport, 0);
    await waitUntil(() => data.isCached('week-1'));
    now += 5000;
    show(data, transport, 1);
    expect(data.status).to.equal('ready');
    const refresh = transport.calls[transport.calls.length - 1]!;
    expect(refresh.start).to.equal(base + WEEK);
    expect(refresh.fresh).to.equal(true);
  });

  it('reports a failure of the current page once, and Retry loads it', async () => {
    const transport = new CountingTransport();
    transport.failWith = new SchedulingError('server', 'HTTP 503', { status: 503 });
    const errors: string[] = [];
    const data = new PageDataController(new TestHost(), {
      ...fast,
      onError: (error) => errors.push(error.kind),
    });
    show(data, transport, 0);
    await waitUntil(() => data.status === 'error');
    expect(errors).to.deep.equal(['server']);
    expect(data.error!.status).to.equal(503);
    show(data, transport, 0);
    expect(transport.calls.length).to.equal(1);
    transport.failWith = undefined;
    data.refresh();
    expect(data.status).to.equal('loading');
    await waitUntil(() => data.status === 'ready');
  });

  it("drops the failure of a stale page's quiet refresh, but reports a failed refresh()", async () => {
    let now = 1_000_000;
    const transport = new CountingTransport();
    const errors: string[] = [];
    const data = new PageDataController(new TestHost(), {
      ...fast,
      staleAfterMs: 1000,
      clock: () => now,
      onError: (error) => errors.push(error.kind),
    });
    show(data, transport, 0);
    await waitUntil(() => data.isCached('week-1'));
    transport.failWith = new SchedulingError('network', 'offline');
    now += 5000;
    const asked = transport.calls.length;
    show(data, transport, 1);
    await waitUntil(() => transport.calls.length > asked);
    await aTimeout(30);
    expect(data.status, 'the cached week stays').to.equal('ready');
    expect(errors).to.deep.equal([]);

    data.refresh();
    await waitUntil(() => data.status !== 'ready', 'the refresh fails', { timeout: 2000 });
    expect(data.status).to.equal('error');
    expect(errors).to.deep.equal(['network']);
  });

  it('caches look-aheads by key', async () => {
    const transport = new CountingTransport();
    const data = new PageDataController(new TestHost(), fast);
    show(data, transport, 0);
    await waitUntil(() => data.status === 'ready');
    const before = transport.calls.length;
    expect(await data.lookAhead('after-0', page(3).query)).to.equal(base + 3 * WEEK);
    expect(await data.lookAhead('after-0', page(3).query)).to.equal(base + 3 * WEEK);
    expect(transport.calls.length).to.equal(before + 1);
  });
});
