/**
 * Availability per shown page (week) for the viewer: efficient, quiet and never bursting.
 *
 * Contract: the host calls `show(current, neighbours)` whenever the shown page or its query
 * changes; each `PageQuery` is the query already clipped to that page's days and visible hours,
 * and `key` names it (a page seen again with the same key is the same request).
 * - A page in the cache is shown at once (`status` `ready`); when older than `staleAfterMs` it
 *   is asked again quietly and the cached answer stays on screen meanwhile.
 * - A page not in the cache is asked for at once when navigation is idle; while the user keeps
 *   navigating (shows less than `settleMs` apart) only the page shown last is asked for, once
 *   navigation settles. A newer page's request aborts the superseded one.
 * - Once the current page has an answer and navigation has been idle for `prefetchDelayMs`, the
 *   neighbours not yet cached are asked for, one request each.
 * - `lookAhead(key, query)` answers where the first slot of `query` (a `max_results: 1` query
 *   beyond the page) starts, or `null` when there is none, cached by key.
 * Failures of the current page set `status` `error` and reach `onError`, those of the host's
 * `refresh()` too (the cached answer gives way to the error, as the host asked for fresh data);
 * prefetch failures and those of the quiet refresh of a stale page are dropped (the page asks
 * again when shown). Aborts are never reported.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { NormalisedQuery } from '../../core/types.js';
import { ExpiringLruCache } from '../../data/cache.js';
import { errorDetail, isAbortError, type SchedulingErrorDetail } from '../../data/errors.js';
import { LatestRequest } from '../../data/latest.js';
import { systemClock, type Clock } from '../../data/timing.js';
import {
  askTransport,
  type AvailabilityResult,
  type RequestOptions,
  type Transport,
} from '../../data/transport.js';
import { asksAnything } from './viewer-model.js';

/** One page's request: its cache key and the query clipped to it. */
export interface PageQuery {
  key: string;
  query: NormalisedQuery;
}

/** Where the current page's data stands. */
export type PageStatus = 'idle' | 'loading' | 'ready' | 'error';

/** Timing and callbacks of the controller. */
export interface PageDataOptions {
  /** The current page's answer arrived (from cache or network). */
  onResult?: (result: AvailabilityResult, page: PageQuery) => void;
  /** The current page's request failed. */
  onError?: (error: SchedulingErrorDetail, page: PageQuery) => void;
  /** Shows closer together than this count as rapid navigation (ms); default 250. */
  settleMs?: number;
  /** Idle time before neighbours are prefetched (ms); default 600. */
  prefetchDelayMs?: number;
  /** A cached page older than this is refreshed quietly when shown (ms); default 60 000. */
  staleAfterMs?: number;
  /** Clock for ages; the system clock by default. */
  clock?: Clock;
}

interface CachedPage {
  result: AvailabilityResult;
  fetchedAt: number;
}

/** Loads, caches and prefetches the viewer's pages. */
export class PageDataController implements ReactiveController {
  /** Where the current page stands. */
  status: PageStatus = 'idle';
  /** The current page's answer (also while it is quietly refreshed). */
  result: AvailabilityResult | undefined;
  /** The current page's failure, while `status` is `error`. */
  error: SchedulingErrorDetail | undefined;
  /** Requests started since the controller was made (prefetches and look-aheads included). */
  requestCount = 0;

  private readonly host: ReactiveControllerHost;
  private readonly options: PageDataOptions;
  private readonly clock: Clock;
  private readonly cache: ExpiringLruCache<CachedPage>;
  private readonly lookAheads: ExpiringLruCache<number | null>;
  private readonly main = new LatestRequest<AvailabilityResult>();
  private readonly prefetches = new Map<string, AbortController>();
  private transport: Transport | undefined;
  private current: PageQuery | undefined;
  private neighbours: PageQuery[] = [];
  private lastShow = -Infinity;
  private settleTimer: ReturnType<typeof setTimeout> | undefined;
  private prefetchTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(host: ReactiveControllerHost, options: PageDataOptions = {}) {
    this.host = host;
    this.options = options;
    this.clock = options.clock ?? systemClock;
    this.cache = new ExpiringLruCache(32, 30 * 60_000, this.clock);
    this.lookAheads = new ExpiringLruCache(32, 5 * 60_000, this.clock);
    host.addController(this);
  }

  hostConnected(): void {
    if (this.current && this.transport && this.status === 'loading')
      this.fetchCurrent(false, false);
  }

  hostDisconnected(): void {
    this.cancelTimers();
    this.main.abort();
    this.abortPrefetches(new Set());
  }

  /** Shows `current` from `transport`, with `neighbours` to prefetch once idle. */
  show(transport: Transport, current: PageQuery, neighbours: PageQuery[]): void {
    if (transport !== this.transport) {
      this.transport = transport;
      this.cache.clear();
      this.lookAheads.clear();
      this.current = undefined;
    }
    this.neighbours = neighbours;
    // Showing the page already shown (a re-render) changes nothing; Retry goes through `refresh`.
    if (this.current?.key === current.key) return;
    const now = this.clock();
    const rapid = now - this.lastShow < (this.options.settleMs ?? 250);
    this.lastShow = now;
    this.current = current;
    this.cancelTimers();
    this.abortPrefetches(new Set(neighbours.map((n) => n.key).concat(current.key)));
    const cached = this.cache.get(current.key);
    if (cached) {
      this.main.abort();
      this.deliver(cached.result);
      if (now - cached.fetchedAt > (this.options.staleAfterMs ?? 60_000)) {
        this.later(() => this.fetchCurrent(true, true), rapid);
      } else {
        this.schedulePrefetch();
      }
      return;
    }
    this.status = 'loading';
    this.result = undefined;
    this.error = undefined;
    this.host.requestUpdate();
    if (this.prefetches.has(current.key)) return;
    this.later(() => this.fetchCurrent(false, false), rapid);
  }

  /** Asks the current page again past every cache (the host's `refresh()` and Retry). */
  refresh(): void {
    if (!this.current || !this.transport) return;
    this.cache.clear();
    this.lookAheads.clear();
    this.cancelTimers();
    if (this.status === 'error') {
      this.status = 'loading';
      this.error = undefined;
      this.host.requestUpdate();
    }
    this.fetchCurrent(true, false);
  }

  /** Whether `page` has an answer in the cache. */
  isCached(key: string): boolean {
    return this.cache.get(key) !== undefined;
  }

  /** The start (epoch ms) of the first slot `query` (a look-ahead beyond the page) finds, or `null`; cached by `key`. */
  async lookAhead(key: string, query: NormalisedQuery): Promise<number | null> {
    const known = this.lookAheads.get(key);
    if (known !== undefined) return known;
    const transport = this.transport;
    if (!transport) return null;
    this.requestCount += 1;
    const result = await askTransport(transport, query);
    const first = result.slots[0];
    const found = first ? Date.parse(first.start) : null;
    if (transport === this.transport) this.lookAheads.set(key, found);
    return found;
  }

  private later(run: () => void, rapid: boolean): void {
    if (!rapid) {
      run();
      return;
    }
    this.settleTimer = setTimeout(() => {
      this.settleTimer = undefined;
      run();
    }, this.options.settleMs ?? 250);
  }

  /** Asks for the current page; a `quiet` request's failure leaves an answer on screen alone. */
  private fetchCurrent(fresh: boolean, quiet: boolean): void {
    const page = this.current;
    const transport = this.transport;
    if (!page || !transport) return;
    this.main
      .run((signal) => this.ask(transport, page, { signal, fresh }))
      .then(
        (result) => {
          this.cache.set(page.key, { result, fetchedAt: this.clock() });
          if (this.current?.key === page.key) {
            this.deliver(result);
            this.schedulePrefetch();
          }
        },
        (error: unknown) => {
          if (isAbortError(error) || this.current?.key !== page.key) return;
          // A quiet refresh that fails leaves the cached answer on screen.
          if (quiet && this.status === 'ready') return;
          this.status = 'error';
          this.error = errorDetail(error);
          this.host.requestUpdate();
          this.options.onError?.(this.error, page);
        },
      );
  }

  /**
   * The page's answer. A page wholly outside the query's periods (say, today's hours already
   * past) asks about no time: it is answered empty here, since the API refuses a query without
   * periods (422).
   */
  private ask(
    transport: Transport,
    page: PageQuery,
    options: RequestOptions,
  ): Promise<AvailabilityResult> {
    if (!asksAnything(page)) {
      const format = page.query.responseFormat;
      return Promise.resolve({ slots: [], format, memberStatuses: [], stale: false });
    }
    this.requestCount += 1;
    return askTransport(transport, page.query, options);
  }

  private deliver(result: AvailabilityResult): void {
    this.status = 'ready';
    this.result = result;
    this.error = undefined;
    this.host.requestUpdate();
    if (this.current) this.options.onResult?.(result, this.current);
  }

  private schedulePrefetch(): void {
    clearTimeout(this.prefetchTimer);
    this.prefetchTimer = setTimeout(() => {
      this.prefetchTimer = undefined;
      for (const page of this.neighbours) this.prefetch(page);
    }, this.options.prefetchDelayMs ?? 600);
  }

  private prefetch(page: PageQuery): void {
    const transport = this.transport;
    if (!transport || this.cache.get(page.key) || this.prefetches.has(page.key)) return;
    const controller = new AbortController();
    this.prefetches.set(page.key, controller);
    this.ask(transport, page, { signal: controller.signal })
      .then(
        (result) => {
          this.cache.set(page.key, { result, fetchedAt: this.clock() });
          // The user moved onto this page while it was being prefetched.
          if (this.current?.key === page.key && this.status !== 'ready') {
            this.main.abort();
            this.deliver(result);
            this.schedulePrefetch();
          }
        },
        (error: unknown) => {
          if (!isAbortError(error) && this.current?.key === page.key && this.status === 'loading')
            this.fetchCurrent(false, false);
        },
      )
      .finally(() => {
        if (this.prefetches.get(page.key) === controller) this.prefetches.delete(page.key);
      });
  }

  private abortPrefetches(keep: Set<string>): void {
    for (const [key, controller] of this.prefetches) {
      if (!keep.has(key)) {
        controller.abort();
        this.prefetches.delete(key);
      }
    }
  }

  private cancelTimers(): void {
    clearTimeout(this.settleTimer);
    clearTimeout(this.prefetchTimer);
    this.settleTimer = undefined;
    this.prefetchTimer = undefined;
  }
}
