/**
 * When and how long to wait before asking the API again, shared by `HttpTransport` and
 * `RtsClient`.
 *
 * Contract: only `network`, `rate_limited` and `server` failures are retried, at most `retries`
 * times after the first attempt. Retry n waits a random time below `min(RETRY_CAP_MS,
 * RETRY_BASE_MS * 2^n)` (full jitter), or the server's `Retry-After` when that is longer; a
 * `Retry-After` above `MAX_RETRY_AFTER_SECONDS` is not waited for and the failure is final.
 * Every other failure, and a caller's abort (during a wait too), is final at once.
 */
import { SchedulingError } from './errors.js';
import type { Sleep } from './timing.js';

/** First backoff ceiling: retry n waits a random time below `min(cap, base * 2^n)`. */
export const RETRY_BASE_MS = 300;
/** Longest backoff ceiling. */
export const RETRY_CAP_MS = 5000;
/** A `Retry-After` longer than this is not waited for: the failure is reported at once. */
export const MAX_RETRY_AFTER_SECONDS = 30;

const RETRYABLE_KINDS = new Set(['network', 'rate_limited', 'server']);

/** How often and how long to retry. */
export interface RetryPolicy {
  /** Retries after the first attempt. */
  retries: number;
  /** Source of jitter in [0, 1). */
  random: () => number;
  /** How to wait between attempts. */
  sleep: Sleep;
}

/** Seconds a `Retry-After` header asks to wait (delta-seconds or an HTTP date), or undefined. */
export function retryAfterSeconds(header: string | null, nowMs: number): number | undefined {
  if (header === null) return undefined;
  const value = header.trim();
  if (/^\d+$/.test(value)) return Number(value);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, Math.ceil((date - nowMs) / 1000));
}

/** Seconds a 429 or 503 `response` asks to wait, when it says; undefined for any other status. */
export function retryAfterOf(response: Response, nowMs: number): number | undefined {
  return response.status === 429 || response.status === 503
    ? retryAfterSeconds(response.headers.get('Retry-After'), nowMs)
    : undefined;
}

/** Milliseconds to wait before retrying after `error` on attempt `attempt` (0 first), or undefined when it is final. */
export function retryDelayMs(
  error: unknown,
  attempt: number,
  policy: Pick<RetryPolicy, 'retries' | 'random'>,
): number | undefined {
  if (!(error instanceof SchedulingError) || !RETRYABLE_KINDS.has(error.kind)) return undefined;
  if (attempt >= policy.retries) return undefined;
  const backoff = policy.random() * Math.min(RETRY_CAP_MS, RETRY_BASE_MS * 2 ** attempt);
  if (error.retryAfter === undefined) return backoff;
  if (error.retryAfter > MAX_RETRY_AFTER_SECONDS) return undefined;
  return Math.max(error.retryAfter * 1000, backoff);
}

/** The result of `attempt`, run again after each retryable failure as `policy` allows. */
export async function retrying<T>(
  attempt: () => Promise<T>,
  policy: RetryPolicy,
  signal?: AbortSignal,
): Promise<T> {
  for (let n = 0; ; n++) {
    try {
      return await attempt();
    } catch (error) {
      const delay = retryDelayMs(error, n, policy);
      if (delay === undefined) throw error;
      await policy.sleep(delay, signal);
    }
  }
}
