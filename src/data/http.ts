/**
 * The HTTP transport: `POST {apiBase}/v1/availability` against the embedded API or any
 * compatible service.
 *
 * Contract: requests carry JSON and `Authorization: Bearer <token>`, never the token in a URL or
 * in an error message. Identical normalised queries in flight share one request; answered ones
 * are served from a small expiring LRU cache unless `fresh` is asked for. Each attempt passes a
 * shared per-(apiBase, token) rate limiter and has its own timeout; 429, 5xx, timeouts and
 * network failures are retried a bounded number of times with full-jitter exponential backoff
 * (honouring `Retry-After` on 429 and 503); every other failure is final at once. Responses are
 * validated; failures reject with a typed `SchedulingError`, a caller's abort with `AbortError`.
 */
import { queryKey, toApiQuery } from '../core/query.js';
import type { NormalisedQuery } from '../core/types.js';
import { requestBase } from './api-base.js';
import { ExpiringLruCache } from './cache.js';
import { SchedulingError, abortError, errorFromResponse } from './errors.js';
import { sharedRateLimiter, type RateLimiter } from './rate-limit.js';
import { retryAfterOf, retrying, type RetryPolicy } from './retry.js';
import { systemClock, timerSleep, untilAborted, type Clock, type Sleep } from './timing.js';
import type { AvailabilityResult, RequestOptions, Transport } from './transport.js';
import { availabilityResultFromBody } from './validate.js';

/** How to reach the API, and knobs that tests and hosts may turn. */
export interface HttpTransportOptions {
  /** URL the API lives under, e.g. `https://api.example.com` (a trailing slash is ignored). */
  apiBase: string;
  /** Element token or API key, sent as `Authorization: Bearer`; omitted when empty. */
  token?: string;
  /** The `fetch` to use; the global one by default. */
  fetch?: typeof fetch;
  /** Milliseconds one attempt may take, response body included, before it counts as a network failure. */
  timeoutMs?: number;
  /** Retries after the first attempt for 429, 5xx, timeouts and network failures. */
  retries?: number;
  /** Source of jitter in [0, 1). */
  random?: () => number;
  /** The clock for the cache, the limiter and `Retry-After` dates. */
  now?: Clock;
  /** How to wait for backoff, timeouts and the limiter. */
  sleep?: Sleep;
  /** Answered queries kept. */
  cacheSize?: number;
  /** How long an answer stays fresh, in milliseconds. */
  cacheTtlMs?: number;
  /** A limiter to use instead of the one shared per (apiBase, token). */
  rateLimiter?: RateLimiter;
}

/** The `config` failure for a request that cannot be built from what the caller passed. */
function unbuildableRequestError(path: string, error: unknown): SchedulingError {
  const reason = error instanceof Error ? error.message : String(error);
  return new SchedulingError('config', `The request to ${path} cannot be built: ${reason}`, {
    cause: error,
  });
}

/** One shared request and the callers still waiting for it. */
interface Flight {
  promise: Promise<unknown>;
  controller: AbortController;
  callers: number;
  settled: boolean;
}

/** A transport over HTTP with de-duplication, caching, rate limiting, retries and validation. */
export class HttpTransport implements Transport {
  private readonly apiBase: string;
  private readonly token: string;
  private readonly fetch: typeof fetch;
  private readonly timeoutMs: number;
  private readonly retryPolicy: RetryPolicy;
  private readonly now: Clock;
  private readonly sleep: Sleep;
  private readonly limiter: RateLimiter;
  private readonly cache: ExpiringLruCache<unknown>;
  private readonly inFlight = new Map<string, Flight>();

  constructor(options: HttpTransportOptions) {
    this.apiBase = options.apiBase.trim().replace(/\/+$/, '');
    this.token = options.token ?? '';
    this.fetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
    this.timeoutMs = options.timeoutMs ?? 15_000;
    this.now = options.now ?? systemClock;
    this.sleep = options.sleep ?? timerSleep;
    this.retryPolicy = {
      retries: options.retries ?? 3,
      random: options.random ?? Math.random,
      sleep: this.sleep,
    };
    this.limiter =
      options.rateLimiter ?? sharedRateLimiter(this.apiBase, this.token, this.now, this.sleep);
    this.cache = new ExpiringLruCache(
      options.cacheSize ?? 32,
      options.cacheTtlMs ?? 60_000,
      this.now,
    );
  }

  /** Available slots or periods for `query`, from the cache, a request in flight, or a new request. */
  availability(query: NormalisedQuery, options: RequestOptions = {}): Promise<AvailabilityResult> {
    return this.post(
      '/v1/availability',
      () => queryKey(query),
      () => toApiQuery(query),
      (body) => availabilityResultFromBody(body, query),
      options,
    );
  }

  /** The parsed answer to POSTing `payload()` to `path`, shared by every caller asking the same `key()`. */
  private post<T>(
    path: string,
    key: () => string,
    payload: () => unknown,
    parse: (body: unknown) => T,
    { signal, fresh }: RequestOptions,
  ): Promise<T> {
    if (signal?.aborted) return Promise.reject(abortError());
    let flightKey: string;
    try {
      flightKey = `${path} ${key()}`;
    } catch (error) {
      return Promise.reject(unbuildableRequestError(path, error));
    }
    if (!fresh) {
      const cached = this.cache.get(flightKey);
      if (cached !== undefined) return Promise.resolve(cached as T);
    }
    const flight = this.inFlight.get(flightKey) ?? this.started(flightKey, path, payload, parse);
    flight.callers += 1;
    const leave = () => {
      flight.callers -= 1;
      // The last caller gone: nobody wants the answer, so stop asking for it.
      if (flight.callers === 0 && !flight.settled) {
        flight.controller.abort();
        if (this.inFlight.get(flightKey) === flight) this.inFlight.delete(flightKey);
      }
    };
    return untilAborted(flight.promise as Promise<T>, signal).finally(leave);
  }

  /** A new shared request, registered in flight until it settles and cached when it succeeds. */
  private started<T>(
    flightKey: string,
    path: string,
    payload: () => unknown,
    parse: (body: unknown) => T,
  ): Flight {
    const controller = new AbortController();
    const flight: Flight = { promise: Promise.resolve(), controller, callers: 0, settled: false };
    flight.promise = this.withRetries(path, payload, parse, controller.signal)
      .then((result) => {
        this.cache.set(flightKey, result);
        return result;
      })
      .finally(() => {
        flight.settled = true;
        if (this.inFlight.get(flightKey) === flight) this.inFlight.delete(flightKey);
      });
    // Callers see the rejection through their own promise; this one must not go unhandled.
    flight.promise.catch(() => undefined);
    this.inFlight.set(flightKey, flight);
    return flight;
  }

  /** The parsed answer, after as many retries as the failures allow. */
  private async withRetries<T>(
    path: string,
    payload: () => unknown,
    parse: (body: unknown) => T,
    signal: AbortSignal,
  ): Promise<T> {
    const url = this.url(path);
    let body: string;
    try {
      body = JSON.stringify(payload());
    } catch (error) {
      throw unbuildableRequestError(path, error);
    }
    return retrying(() => this.attempt(url, body, parse, signal), this.retryPolicy, signal);
  }

  /** The full URL of `path`, or a `config` error when the API base is not a usable http(s) URL. */
  private url(path: string): string {
    return `${requestBase(this.apiBase)}${path}`;
  }

  /** One rate-limited, timed request and its parsed answer. */
  private async attempt<T>(
    url: string,
    body: string,
    parse: (body: unknown) => T,
    signal: AbortSignal,
  ): Promise<T> {
    await this.limiter.acquire(signal);
    const request = new AbortController();
    const abortRequest = () => request.abort();
    signal.addEventListener('abort', abortRequest, { once: true });
    const timer = new AbortController();
    let timedOut = false;
    this.sleep(this.timeoutMs, timer.signal).then(
      () => {
        timedOut = true;
        request.abort();
      },
      () => undefined,
    );
    let response: Response;
    let text: string;
    try {
      response = await untilAborted(
        this.fetch(url, {
          method: 'POST',
          headers: this.headers(),
          body,
          credentials: 'omit',
          signal: request.signal,
        }),
        request.signal,
      );
      text = await untilAborted(response.text(), request.signal);
    } catch (error) {
      if (signal.aborted) throw abortError();
      if (timedOut) {
        throw new SchedulingError('network', `POST ${url} timed out after ${this.timeoutMs} ms`, {
          cause: error,
        });
      }
      const reason = error instanceof Error ? error.message : String(error);
      throw new SchedulingError('network', `POST ${url} failed: ${reason}`, { cause: error });
    } finally {
      timer.abort();
      signal.removeEventListener('abort', abortRequest);
    }
    return this.answer(url, response, text, parse);
  }

  /** Request headers: JSON both ways, and the credential when there is one. */
  private headers(): Record<string, string> {
    const headers: Record<string, string> = {
      Accept: 'application/json',
      'Content-Type': 'application/json',
    };
    if (this.token !== '') headers.Authorization = `Bearer ${this.token}`;
    return headers;
  }

  /** The parsed answer of a 2xx response, or the typed failure of any other. */
  private answer<T>(url: string, response: Response, text: string, parse: (body: unknown) => T): T {
    let json: unknown;
    let jsonError: unknown;
    try {
      json = JSON.parse(text);
    } catch (error) {
      jsonError = error;
    }
    const { status } = response;
    if (!response.ok) {
      const retryAfter = retryAfterOf(response, this.now());
      throw errorFromResponse(status, jsonError === undefined ? json : undefined, retryAfter);
    }
    if (jsonError !== undefined) {
      const reason = jsonError instanceof Error ? jsonError.message : String(jsonError);
      throw new SchedulingError(
        'bad_response',
        `POST ${url} answered ${status} with a body that is not JSON: ${reason}`,
        { status },
      );
    }
    return parse(json);
  }
}
