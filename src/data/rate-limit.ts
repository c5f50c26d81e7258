/**
 * A client-side rate limiter: requests wait for a free slot instead of bursting.
 *
 * Contract: `acquire()` resolves when a request may start and records that start; at no time do
 * more than `perSecond` starts fall in any half-open one-second window, nor more than
 * `perMinute` in any one-minute window. Waiters are served first come, first served; an aborted
 * waiter leaves the queue at once with an `AbortError`. Limiters are shared per API base and
 * credential through `sharedRateLimiter`, so every element on a page draws on one budget.
 */
import { abortError } from './errors.js';
import { systemClock, timerSleep, type Clock, type Sleep } from './timing.js';

/** Most request starts allowed per second and per minute. */
export interface RateLimits {
  perSecond: number;
  perMinute: number;
}

/** The Availability API's default limits per application. */
export const API_RATE_LIMITS: Readonly<RateLimits> = Object.freeze({
  perSecond: 50,
  perMinute: 500,
});

interface Waiter {
  resolve: () => void;
  reject: (error: unknown) => void;
  signal: AbortSignal | undefined;
  onAbort: () => void;
}

/** A sliding-window limiter over request starts. */
export class RateLimiter {
  /** Start times within the last minute, ascending. */
  private readonly starts: number[] = [];
  private readonly queue: Waiter[] = [];
  private pumping = false;

  constructor(
    private readonly limits: Readonly<RateLimits> = API_RATE_LIMITS,
    private readonly now: Clock = systemClock,
    private readonly sleep: Sleep = timerSleep,
  ) {}

  /** Resolves when a request may start; rejects with an `AbortError` if `signal` aborts first. */
  acquire(signal?: AbortSignal): Promise<void> {
    if (signal?.aborted) return Promise.reject(abortError());
    return new Promise<void>((resolve, reject) => {
      const waiter: Waiter = {
        resolve,
        reject,
        signal,
        onAbort: () => {
          const index = this.queue.indexOf(waiter);
          if (index >= 0) this.queue.splice(index, 1);
          reject(abortError());
        },
      };
      signal?.addEventListener('abort', waiter.onAbort, { once: true });
      this.queue.push(waiter);
      void this.pump();
    });
  }

  /** Whether nobody waits and no start lies within the last minute. */
  isIdle(): boolean {
    this.forgetOldStarts(this.now());
    return this.queue.length === 0 && this.starts.length === 0;
  }

  private forgetOldStarts(now: number): void {
    while (this.starts.length > 0 && this.starts[0] <= now - 60_000) this.starts.shift();
  }

  /** Milliseconds until one more start fits both windows at `now` (0 when it fits now). */
  private waitMs(now: number): number {
    this.forgetOldStarts(now);
    const { starts } = this;
    const { perSecond, perMinute } = this.limits;
    let wait = 0;
    if (starts.length >= perMinute) wait = starts[starts.length - perMinute] + 60_000 - now;
    if (starts.length >= perSecond) {
      wait = Math.max(wait, starts[starts.length - perSecond] + 1000 - now);
    }
    return Math.max(0, wait);
  }

  /** Serves the queue in order, sleeping while the windows are full. */
  private async pump(): Promise<void> {
    if (this.pumping) return;
    this.pumping = true;
    try {
      while (this.queue.length > 0) {
        const wait = this.waitMs(this.now());
        if (wait > 0) {
          await this.sleep(wait);
          continue;
        }
        const waiter = this.queue.shift()!;
        waiter.signal?.removeEventListener('abort', waiter.onAbort);
        this.starts.push(this.now());
        waiter.resolve();
      }
    } finally {
      this.pumping = false;
    }
  }
}

const sharedLimiters = new Map<string, RateLimiter>();

/** The limiter every request to `apiBase` with `token` shares; the first caller's clock wins. */
export function sharedRateLimiter(
  apiBase: string,
  token: string,
  now: Clock = systemClock,
  sleep: Sleep = timerSleep,
): RateLimiter {
  const key = `${apiBase}\n${token}`;
  let limiter = sharedLimiters.get(key);
  if (!limiter) {
    // Short-lived tokens come and go: forget limiters with nothing left to limit.
    for (const [k, idle] of sharedLimiters) if (idle.isIdle()) sharedLimiters.delete(k);
    limiter = new RateLimiter(API_RATE_LIMITS, now, sleep);
    sharedLimiters.set(key, limiter);
  }
  return limiter;
}
