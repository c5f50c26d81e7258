/**
 * Loads availability for an element: one request at a time through a transport, the superseded
 * one aborted, the previous answer kept on screen while a new one loads.
 *
 * Contract: `request(transport, query)` starts a load only when the transport or the query's
 * `queryKey` differs from the last request; `reload()` asks the same again past any cache.
 * `status` is `idle` before any request, `loading` while one is under way (with the previous
 * `result` still readable, so `refreshing` tells a reload from a first load), then `ready` with
 * `result` or `error` with `error`. Aborts are never reported; failures reach `onError` once.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { queryKey } from '../core/query.js';
import type { NormalisedQuery } from '../core/types.js';
import { errorDetail, isAbortError, type SchedulingErrorDetail } from '../data/errors.js';
import { LatestRequest } from '../data/latest.js';
import { askTransport, type AvailabilityResult, type Transport } from '../data/transport.js';

/** Where a load stands. */
export type LoadStatus = 'idle' | 'loading' | 'ready' | 'error';

/** What the host hears about, besides the re-render every change requests. */
export interface AvailabilityControllerOptions {
  /** An answer arrived for `query`. */
  onResult?: (result: AvailabilityResult, query: NormalisedQuery) => void;
  /** A request failed (never called for aborts). */
  onError?: (error: SchedulingErrorDetail, query: NormalisedQuery) => void;
}

/** Latest-wins availability loading for a Lit host. */
export class AvailabilityController implements ReactiveController {
  /** Where the current load stands. */
  status: LoadStatus = 'idle';
  /** The latest answer; kept while a newer one loads, cleared by `clear()`. */
  result: AvailabilityResult | undefined;
  /** The failure of the latest request, while `status` is `error`. */
  error: SchedulingErrorDetail | undefined;
  /** The query the latest answer or failure belongs to. */
  query: NormalisedQuery | undefined;

  private readonly host: ReactiveControllerHost;
  private readonly options: AvailabilityControllerOptions;
  private readonly latest = new LatestRequest<AvailabilityResult>();
  private transport: Transport | undefined;
  private key: string | undefined;
  private interrupted = false;

  constructor(host: ReactiveControllerHost, options: AvailabilityControllerOptions = {}) {
    this.host = host;
    this.options = options;
    host.addController(this);
  }

  /** Whether a load is under way while an earlier answer is still shown. */
  get refreshing(): boolean {
    return this.status === 'loading' && this.result !== undefined;
  }

  /** Loads `query` from `transport` unless that exact request is already loaded or loading. */
  request(transport: Transport, query: NormalisedQuery): Promise<void> {
    const key = queryKey(query);
    if (transport === this.transport && key === this.key) return Promise.resolve();
    this.transport = transport;
    this.key = key;
    return this.load(transport, query, false);
  }

  /** Asks the last request again, skipping caches; does nothing before any request. */
  reload(): Promise<void> {
    if (!this.transport || !this.query) return Promise.resolve();
    return this.load(this.transport, this.query, true);
  }

  /** Forgets the answer and aborts any load, back to `idle`. */
  clear(): void {
    this.latest.abort();
    this.transport = undefined;
    this.key = undefined;
    this.query = undefined;
    this.interrupted = false;
    this.result = undefined;
    this.error = undefined;
    this.status = 'idle';
    this.host.requestUpdate();
  }

  /** Resumes a load that leaving the page interrupted. */
  hostConnected(): void {
    if (this.interrupted && this.transport && this.query) {
      this.interrupted = false;
      void this.load(this.transport, this.query, false);
    }
  }

  /** Aborts the load in flight when the host leaves the page. */
  hostDisconnected(): void {
    if (this.status === 'loading') {
      this.latest.abort();
      this.interrupted = true;
    }
  }

  private async load(transport: Transport, query: NormalisedQuery, fresh: boolean): Promise<void> {
    this.query = query;
    this.status = 'loading';
    this.error = undefined;
    this.host.requestUpdate();
    try {
      const result = await this.latest.run((signal) =>
        askTransport(transport, query, { signal, fresh }),
      );
      this.result = result;
      this.status = 'ready';
      this.host.requestUpdate();
      this.options.onResult?.(result, query);
    } catch (error) {
      if (isAbortError(error)) return;
      this.error = errorDetail(error);
      this.status = 'error';
      this.host.requestUpdate();
      this.options.onError?.(this.error, query);
    }
  }
}
