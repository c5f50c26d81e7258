/**
 * Per-credential rate limits over sliding windows (by default 50 requests a second and 500 a
 * minute, as the compatible API allows an application).
 *
 * Contract: state lives in memory only; instants are UTC epoch ms from the caller's clock; a
 * refused request is not counted.
 */

/** Requests allowed per sliding second and per sliding minute. */
export interface RateLimits {
  perSecond: number;
  perMinute: number;
}

/** The compatible API's default limits. */
export const DEFAULT_RATE_LIMITS: RateLimits = { perSecond: 50, perMinute: 500 };

/** Keys kept before idle ones are swept. */
const SWEEP_AT = 10_000;

/** Sliding-window request counts per key. */
export class RateLimiter {
  private readonly hits = new Map<string, number[]>();

  constructor(private readonly limits: RateLimits = DEFAULT_RATE_LIMITS) {}

  /**
   * Whole seconds `key` must wait before its next request, or 0 when the request at `now` is
   * within the limits (it is then counted).
   */
  retryAfterSeconds(key: string, now: number): number {
    let times = this.hits.get(key);
    if (!times) {
      if (this.hits.size >= SWEEP_AT) this.sweep(now);
      times = [];
      this.hits.set(key, times);
    }
    let stale = 0;
    while (stale < times.length && times[stale] <= now - 60_000) stale++;
    if (stale) times.splice(0, stale);
    let waitMs = 0;
    const { perSecond, perMinute } = this.limits;
    if (times.length >= perSecond && times[times.length - perSecond] > now - 1000) {
      waitMs = times[times.length - perSecond] + 1000 - now;
    }
    if (times.length >= perMinute) {
      waitMs = Math.max(waitMs, times[times.length - perMinute] + 60_000 - now);
    }
    if (waitMs > 0) return Math.max(1, Math.ceil(waitMs / 1000));
    times.push(now);
    return 0;
  }

  private sweep(now: number): void {
    for (const [key, times] of this.hits) {
      if (!times.length || times[times.length - 1] <= now - 60_000) this.hits.delete(key);
    }
  }
}
