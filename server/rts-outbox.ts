/**
 * Webhook delivery for scheduling links: a persisted outbox in the store, delivered with
 * exponential backoff, surviving restarts.
 *
 * Contract: a webhook is queued in the store in the same write as the change it reports, with
 * its exact JSON body and an id (`whk_...`, also the body's `webhook_id` and the `X-Webhook-Id`
 * header), so receivers can drop repeats: delivery is at least once. Each attempt POSTs the body
 * with `Content-Type: application/json`, `Cronofy-HMAC-SHA256` (base64 HMAC-SHA256 of the raw
 * body keyed by the client secret) and `X-Webhook-Attempt`; any 2xx within the timeout settles it.
 * Otherwise attempt n (1-based) is retried `min(base * 2^(n-1), max)` later (plus up to 10%
 * jitter), until `maxAttempts`, then marked `failed`. Pending webhooks are sent again when the
 * store is opened by a new process; `close()` aborts attempts in flight without counting them.
 */
import { createHmac } from 'node:crypto';
import { isoOf, newId } from './rts-links.js';
import type { Store, StoredDelivery } from './store.js';

/** How webhooks are retried; every field is optional. */
export interface WebhookOptions {
  /** Delay before the second attempt, in ms (default 1000). */
  retryBaseMs?: number;
  /** Longest delay between attempts, in ms (default one hour). */
  retryMaxMs?: number;
  /** Attempts before a webhook is given up (default 15, spread over about 3 hours). */
  maxAttempts?: number;
  /** How long one attempt may take, in ms (default 10 s). */
  timeoutMs?: number;
}

const DEFAULTS: Required<WebhookOptions> = {
  retryBaseMs: 1000,
  retryMaxMs: 3_600_000,
  maxAttempts: 15,
  timeoutMs: 10_000,
};
/** Longest delay `setTimeout` accepts. */
const MAX_TIMER_MS = 2 ** 31 - 1;

/** The `Cronofy-HMAC-SHA256` header value for `body`: base64 HMAC-SHA256 keyed by `secret`. */
export function signatureOf(body: string, secret: string): string {
  return createHmac('sha256', secret).update(body).digest('base64');
}

/** Delivers the store's outbox. */
export class WebhookOutbox {
  private readonly options: Required<WebhookOptions>;
  private readonly inFlight = new Map<string, AbortController>();
  private readonly settled = new Set<() => void>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private closed = false;

  constructor(
    private readonly store: Store,
    private readonly now: () => number,
    private readonly secret: string,
    options: WebhookOptions = {},
  ) {
    this.options = { ...DEFAULTS, ...options };
  }

  /**
   * Builds a webhook for `url` (its body is `payload` with `webhook_id`, `type` and
   * `created_at` first) and adds it to the store in memory; the caller saves it together with
   * the change it reports, then calls `kick()`.
   */
  enqueue(
    linkId: string,
    type: StoredDelivery['type'],
    url: string,
    payload: Record<string, unknown>,
  ): StoredDelivery {
    const id = newId('whk');
    const createdAt = isoOf(this.now());
    const body = JSON.stringify({ webhook_id: id, type, created_at: createdAt, ...payload });
    const delivery: StoredDelivery = {
      id,
      link_id: linkId,
      type,
      url,
      body,
      created_at: createdAt,
      status: 'pending',
      attempts: 0,
      next_attempt_at: createdAt,
    };
    this.store.insertDeliveries([delivery]);
    return delivery;
  }

  /** Sends whatever is due now and plans the next attempt. */
  kick(): void {
    if (this.closed) return;
    this.run(this.now());
  }

  /** Resolves once no attempt is in flight (for an orderly stop or a test). */
  async idle(): Promise<void> {
    while (this.inFlight.size) {
      await new Promise<void>((resolve) => this.settled.add(resolve));
    }
  }

  /** Stops delivering: aborts attempts in flight (they stay pending) and cancels the timer. */
  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.timer);
    for (const controller of this.inFlight.values()) controller.abort();
    await this.idle();
  }

  private pending(): StoredDelivery[] {
    return this.store
      .deliveries()
      .filter((d) => d.status === 'pending' && !this.inFlight.has(d.id));
  }

  /** Starts every pending webhook due by `dueBy`, then sets the timer for the next one. */
  private run(dueBy: number): void {
    for (const delivery of this.pending()) {
      if (Date.parse(delivery.next_attempt_at) <= dueBy) void this.attempt(delivery);
    }
    this.plan();
  }

  private plan(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    if (this.closed) return;
    const waiting = this.pending();
    if (!waiting.length) return;
    const next = Math.min(...waiting.map((d) => Date.parse(d.next_attempt_at)));
    const delay = Math.min(Math.max(0, next - this.now()), MAX_TIMER_MS);
    // The timer firing means `next` has come, even under a clock that tests move by hand.
    this.timer = setTimeout(() => this.run(Math.max(next, this.now())), delay);
    this.timer.unref?.();
  }

  private async attempt(delivery: StoredDelivery): Promise<void> {
    const controller = new AbortController();
    this.inFlight.set(delivery.id, controller);
    const timeout = setTimeout(() => controller.abort(), this.options.timeoutMs);
    let failure: string | undefined;
    try {
      const res = await fetch(delivery.url, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          'Cronofy-HMAC-SHA256': signatureOf(delivery.body, this.secret),
          'X-Webhook-Id': delivery.id,
          'X-Webhook-Attempt': String(delivery.attempts + 1),
          'User-Agent': 'scheduling-elements-webhooks',
        },
        body: delivery.body,
        redirect: 'manual',
        signal: controller.signal,
      });
      await res.arrayBuffer().catch(() => undefined);
      if (res.status < 200 || res.status > 299) failure = `HTTP ${res.status}`;
    } catch (error) {
      failure = controller.signal.aborted ? 'timed out' : (error as Error).message;
    } finally {
      clearTimeout(timeout);
    }
    try {
      // Stopped mid-attempt: the receiver's answer is unknown, so the webhook stays pending.
      if (this.closed) return;
      const now = this.now();
      delivery.attempts += 1;
      delivery.last_attempt_at = isoOf(now);
      if (failure === undefined) {
        delivery.status = 'delivered';
        delivery.delivered_at = isoOf(now);
        delete delivery.last_error;
      } else {
        delivery.last_error = failure;
        if (delivery.attempts >= this.options.maxAttempts) {
          delivery.status = 'failed';
        } else {
          const { retryBaseMs, retryMaxMs } = this.options;
          const backoff = Math.min(retryBaseMs * 2 ** (delivery.attempts - 1), retryMaxMs);
          const jitter = Math.floor(Math.random() * backoff * 0.1);
          delivery.next_attempt_at = isoOf(now + backoff + jitter);
        }
      }
      await this.store.save().catch((error: unknown) => {
        console.error(`could not save webhook ${delivery.id}: ${(error as Error).message}`);
      });
    } finally {
      this.inFlight.delete(delivery.id);
      for (const resolve of this.settled) resolve();
      this.settled.clear();
      this.plan();
    }
  }
}
