/**
 * Test helpers for real-time scheduling: a webhook receiver on 127.0.0.1 port 0 that records
 * every request and answers as the test says, and a link request builder.
 */
import { createHmac } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request the receiver got. */
export interface ReceivedRequest {
  path: string;
  headers: IncomingMessage['headers'];
  raw: string;
  body: any; // eslint-disable-line @typescript-eslint/no-explicit-any
}

/** How the receiver answers: a status, or `hold` to never answer. */
export type ReceiverAnswer = number | 'hold';

/** A webhook receiver. */
export interface Receiver {
  /** `http://127.0.0.1:PORT`. */
  base: string;
  /** Every request, in arrival order. */
  requests: ReceivedRequest[];
  /** Ids of webhooks answered with 2xx, once each (what a de-duplicating receiver keeps). */
  accepted: Map<string, ReceivedRequest>;
  /** How the next requests are answered (default 200). */
  answer: (request: ReceivedRequest) => ReceiverAnswer;
  /** Resolves once `count` requests have arrived. */
  waitFor(count: number, timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

/** Starts a receiver on 127.0.0.1, port 0. */
export async function startReceiver(): Promise<Receiver> {
  const held: ServerResponse[] = [];
  const waiters = new Set<() => void>();
  const receiver: Receiver = {
    base: '',
    requests: [],
    accepted: new Map(),
    answer: () => 200,
    async waitFor(count, timeoutMs = 5000) {
      const deadline = Date.now() + timeoutMs;
      while (receiver.requests.length < count) {
        if (Date.now() > deadline) {
          throw new Error(`waited for ${count} requests, got ${receiver.requests.length}`);
        }
        await new Promise<void>((resolve) => {
          waiters.add(resolve);
          setTimeout(resolve, 50);
        });
      }
    },
    async close() {
      for (const res of held) res.destroy();
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const raw = Buffer.concat(chunks).toString('utf8');
      let body: unknown;
      try {
        body = JSON.parse(raw);
      } catch {
        body = raw;
      }
      const request: ReceivedRequest = { path: req.url ?? '/', headers: req.headers, raw, body };
      receiver.requests.push(request);
      for (const wake of waiters) wake();
      waiters.clear();
      const answer = receiver.answer(request);
      if (answer === 'hold') {
        held.push(res);
        return;
      }
      if (answer >= 200 && answer < 300) {
        const id = String(req.headers['x-webhook-id']);
        if (!receiver.accepted.has(id)) receiver.accepted.set(id, request);
      }
      res.writeHead(answer, { 'Content-Type': 'text/plain' }).end('ok');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  receiver.base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return receiver;
}

/** The `Cronofy-HMAC-SHA256` value a receiver expects for `raw` under `secret`. */
export function expectedSignature(raw: string, secret: string): string {
  return createHmac('sha256', secret).update(raw).digest('base64');
}

/** Waits until `check` holds, polling every 20 ms. */
export async function eventually(check: () => boolean, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** A valid `POST /v1/real_time_scheduling` body for `subs`, with overrides. */
export function linkRequest(
  subs: string[],
  period: { start: string; end: string },
  extra: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    event: {
      event_id: 'interview-42',
      summary: 'Product interview',
      description: 'A chat about the role',
      location: { description: 'Video call' },
    },
    availability: {
      participants: [{ members: subs.map((sub) => ({ sub })), required: 'all' }],
      required_duration: { minutes: 30 },
      query_periods: [period],
      start_interval: { minutes: 30 },
    },
    target_calendars: subs.map((sub) => ({ sub, calendar_id: `cal_${sub.slice(4)}_work` })),
    tzid: 'Europe/London',
    ...extra,
  };
}
