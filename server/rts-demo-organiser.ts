/**
 * The demo organiser: a stand-in for an application's backend that makes booking links with the
 * client secret and receives their webhooks. Mounted by the Vite plugin (`npm start`) and the
 * test runner's middleware only, never by `npm run serve`; the client secret stays on the server.
 *
 * Contract:
 * - `POST /demo/organiser/links` with JSON `{summary, duration?, subs, fields?, description?,
 *   minimum_notice_minutes?, days?}` (duration in minutes, default 30; `fields` as a link's
 *   `recipient_fields`; the window is the next `days` (default 14) from the next quarter hour)
 *   creates a link with every sub required, each sub's first calendar as a target, and every
 *   callback URL pointing at `/demo/organiser/webhooks` on the request's own origin; answers
 *   201 `{id, url}`, or 422 field errors in the API's shape.
 * - `POST /demo/organiser/webhooks` records a webhook: 200 when its `Cronofy-HMAC-SHA256`
 *   matches the raw body under the client secret, 401 when it does not (recorded as
 *   unverified). A repeated `X-Webhook-Id` is acknowledged again but recorded once.
 * - `GET /demo/organiser/webhooks` answers `{webhooks: [{id, received_at, type, verified, body}]}`,
 *   newest first, the last 100 in memory.
 */
import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ApiFieldErrors } from '../src/core/types.js';
import type { Api } from './api.js';
import {
  addFieldError,
  ApiError,
  fieldError,
  isRecord,
  jsonBodyOf,
  sendError,
  sendJson,
} from './http.js';
import { isoOf, newId } from './rts-links.js';
import { signatureOf } from './rts-outbox.js';

/** A webhook the demo organiser received. */
export interface ReceivedWebhook {
  id: string;
  received_at: string;
  type: string | null;
  verified: boolean;
  body: unknown;
}

/** The demo organiser's request handler and what it has received. */
export interface DemoOrganiser {
  /** Answers paths under `/demo/organiser/`; resolves `false` for any other. */
  handle(req: IncomingMessage, res: ServerResponse): Promise<boolean>;
  /** Received webhooks, newest first. */
  webhooks(): readonly ReceivedWebhook[];
}

const KEEP = 100;
const MAX_BODY = 256 * 1024;
const MINUTE = 60_000;
const DAY = 86_400_000;

/** The origin a request was sent to, from its `Host` header. */
function originOf(req: IncomingMessage): string {
  const secure = (req.socket as { encrypted?: boolean }).encrypted === true;
  return `${secure ? 'https' : 'http'}://${req.headers.host ?? 'localhost'}`;
}

/** The raw request body, up to `MAX_BODY` bytes. */
function rawBodyOf(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY) req.destroy(new Error('webhook body too large'));
      else chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/** Whether `header` is the signature of `body` under `secret` (constant-time). */
function verified(body: string, header: string | string[] | undefined, secret: string): boolean {
  if (typeof header !== 'string') return false;
  const want = Buffer.from(signatureOf(body, secret));
  const got = Buffer.from(header.trim());
  return want.length === got.length && timingSafeEqual(want, got);
}

function intIn(
  errors: ApiFieldErrors,
  field: string,
  value: unknown,
  fallback: number,
  min: number,
  max: number,
): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    addFieldError(errors, field, 'errors.invalid', `must be a whole number from ${min} to ${max}`);
    return fallback;
  }
  return value;
}

/** The demo organiser over `api` (or the promise `createApi` returns). */
export function createDemoOrganiser(api: Api | Promise<Api>): DemoOrganiser {
  const received: ReceivedWebhook[] = [];

  async function createLink(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const ready = await api;
    const body = await jsonBodyOf(req, 64 * 1024);
    if (!isRecord(body)) {
      throw fieldError(422, 'body', 'errors.invalid_type', 'the body must be a JSON object');
    }
    const errors: ApiFieldErrors = {};
    if (typeof body.summary !== 'string' || !body.summary.trim()) {
      addFieldError(errors, 'summary', 'errors.required', 'required');
    }
    const duration = intIn(errors, 'duration', body.duration, 30, 5, 480);
    const notice = intIn(
      errors,
      'minimum_notice_minutes',
      body.minimum_notice_minutes,
      60,
      0,
      10_080,
    );
    const days = intIn(errors, 'days', body.days, 14, 1, 60);
    const subs = Array.isArray(body.subs) ? body.subs : [];
    if (!subs.length || subs.length > 10) {
      addFieldError(errors, 'subs', 'errors.invalid', 'must be an array of 1 to 10 demo subs');
    }
    subs.forEach((sub: unknown, i) => {
      if (typeof sub !== 'string' || !ready.store.account(sub)) {
        addFieldError(errors, `subs[${i}]`, 'errors.unknown_sub', `no demo person ${String(sub)}`);
      }
    });
    if (Object.keys(errors).length) throw new ApiError(422, errors);
    const people = (subs as string[]).map((sub) => ready.store.account(sub)!);
    const origin = originOf(req);
    const hook = `${origin}/demo/organiser/webhooks`;
    const quarter = 15 * MINUTE;
    const start = Math.ceil(ready.store.now() / quarter) * quarter;
    const created = await ready
      .createRealTimeScheduling(
        {
          event: {
            event_id: newId('demo'),
            summary: (body.summary as string).trim(),
            description: body.description,
            tzid: people[0].tzid,
          },
          availability: {
            participants: [{ members: people.map(({ sub }) => ({ sub })), required: 'all' }],
            required_duration: { minutes: duration },
            query_periods: [{ start: isoOf(start), end: isoOf(start + days * DAY) }],
            start_interval: { minutes: duration >= 30 ? 30 : 15 },
          },
          target_calendars: people.map(({ sub }) => ({
            sub,
            calendar_id: ready.store.calendarsOf(sub)[0].id,
          })),
          callback_urls: {
            completed_url: hook,
            no_times_suitable_url: hook,
            no_times_displayed_url: hook,
          },
          minimum_notice: { minutes: notice },
          tzid: people[0].tzid,
          recipient_fields: body.fields,
        },
        origin,
      )
      .catch((error: unknown) => {
        // Name the fields as this endpoint's request does.
        if (!(error instanceof ApiError)) throw error;
        const renamed: ApiFieldErrors = {};
        for (const [field, list] of Object.entries(error.errors)) {
          renamed[field.replace(/^recipient_fields/, 'fields')] = list;
        }
        throw new ApiError(error.status, renamed);
      });
    const { real_time_scheduling_id: id, url } = created.real_time_scheduling;
    sendJson(res, 201, { id, url });
  }

  async function receive(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const ready = await api;
    const raw = await rawBodyOf(req);
    const ok = verified(raw, req.headers['cronofy-hmac-sha256'], ready.clientSecret);
    let body: unknown;
    try {
      body = JSON.parse(raw);
    } catch {
      body = raw;
    }
    const header = req.headers['x-webhook-id'];
    const id =
      typeof header === 'string'
        ? header
        : isRecord(body) && typeof body.webhook_id === 'string'
          ? body.webhook_id
          : newId('unknown');
    const seen = received.some((w) => w.id === id && w.verified);
    if (!seen) {
      received.unshift({
        id,
        received_at: isoOf(Date.now()),
        type: isRecord(body) && typeof body.type === 'string' ? body.type : null,
        verified: ok,
        body,
      });
      received.splice(KEEP);
    }
    if (ok) sendJson(res, 200, { received: id });
    else {
      sendError(
        res,
        fieldError(
          401,
          'signature',
          'errors.invalid_signature',
          'Cronofy-HMAC-SHA256 does not match',
        ),
      );
    }
  }

  return {
    webhooks: () => received,
    async handle(req, res) {
      const pathname = new URL(req.url ?? '/', 'http://demo.invalid').pathname;
      if (!pathname.startsWith('/demo/organiser/')) return false;
      try {
        if (pathname === '/demo/organiser/links' && req.method === 'POST') {
          await createLink(req, res);
        } else if (pathname === '/demo/organiser/webhooks' && req.method === 'POST') {
          await receive(req, res);
        } else if (pathname === '/demo/organiser/webhooks' && req.method === 'GET') {
          sendJson(res, 200, { webhooks: received });
        } else if (
          pathname === '/demo/organiser/links' ||
          pathname === '/demo/organiser/webhooks'
        ) {
          const allow = pathname.endsWith('/links') ? 'POST' : 'GET, POST';
          throw fieldError(
            405,
            'method',
            'errors.method_not_allowed',
            `${pathname} answers ${allow}`,
            {
              Allow: allow,
            },
          );
        } else {
          throw fieldError(404, 'path', 'errors.not_found', `no endpoint ${pathname}`);
        }
      } catch (error) {
        if (error instanceof ApiError) sendError(res, error);
        else {
          console.error(`${req.method} ${pathname} failed:`, error);
          sendError(res, fieldError(500, 'server', 'errors.internal', 'internal error'));
        }
      }
      return true;
    },
  };
}
