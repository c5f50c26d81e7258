/**
 * The embedded API: `POST /v1/availability`, `POST /v1/element_tokens` and real-time scheduling
 * (`/v1/real_time_scheduling...` for the organiser, `/v1/rts/...` for a link's recipient) over
 * the store, as a request handler that Vite, the test runner's Koa server or a bare Node server
 * can mount.
 *
 * Contract: paths under `/v1/` are ours (`handle` resolves `false` for anything else). JSON in and
 * out; every failure is `{"errors": {field: [{key, description}]}}` with its status: 401 missing,
 * unknown or expired credentials; 403 a credential not allowed here (element token on a
 * client-secret endpoint, subs outside the token, another origin); 404 unknown path; 405 wrong
 * method (with `Allow`); 413 body over the limit; 415 body not `application/json`; 422 invalid
 * JSON (field `body`) or invalid fields; 429 over 50 requests a second or 500 a minute per
 * credential (with `Retry-After`, seconds). CORS is granted only to the origin of a recently
 * issued element token, never `*`, except on the recipient's `/v1/rts/` endpoints, open to any
 * origin because the link token in `Authorization` is their only credential. Credentials never
 * appear in logs. Webhooks of scheduling links leave from a persisted outbox (`rts-outbox.ts`).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { computeAvailability } from '../src/core/engine.js';
import { parseQuery, querySpanErrors } from '../src/core/query.js';
import type { ApiFieldErrors, AvailabilityResponse } from '../src/core/types.js';
import { elementTokenGrantOf } from './element-tokens.js';
import {
  addFieldError,
  ApiError,
  fieldError,
  isRecord,
  jsonBodyOf,
  JsonReply,
  sendError,
  sendJson,
  type Credential,
  type Route,
  type RouteContext,
} from './http.js';
import { DEFAULT_RATE_LIMITS, RateLimiter, type RateLimits } from './rate-limit.js';
import { WebhookOutbox, type WebhookOptions } from './rts-outbox.js';
import { createRtsLink, rtsRoutes } from './rts-routes.js';
import { Store } from './store.js';

/** How the API is set up; every field is optional. */
export interface ApiOptions {
  /** Directory of the file-backed store (default `.data`). */
  dataDir?: string;
  /** Keep the store in memory only (tests). */
  memory?: boolean;
  /** Clock, UTC epoch ms (default `Date.now`). */
  now?: () => number;
  /** Origin the demo element token is issued for (default `http://127.0.0.1:5173`, Vite's). */
  demoOrigin?: string;
  /** Largest accepted request body in bytes (default 64 KiB). */
  maxBodyBytes?: number;
  /** Requests per credential per sliding second and minute (default 50 and 500). */
  rateLimits?: RateLimits;
  /** Lifetime of element tokens in seconds (default 64800, 18 hours). */
  elementTokenTtlSeconds?: number;
  /** Receives one line per request (method, path, status, time); no credentials. */
  log?: (line: string) => void;
  /**
   * Origin booking link URLs start with (`{origin}/rts/#token=...`); without it, the origin the
   * creating request was sent to (its `Host` header). Also settable with `setPublicOrigin`.
   */
  publicOrigin?: string;
  /** Retry schedule of scheduling-link webhooks. */
  webhooks?: WebhookOptions;
}

/** A running API: its request handler, store and demo credentials. */
export interface Api {
  /** Answers the request when its path is under `/v1/`; resolves `false` when it is not ours. */
  handle(req: IncomingMessage, res: ServerResponse): Promise<boolean>;
  /** The store behind the API. */
  readonly store: Store;
  /** The application's client secret. */
  readonly clientSecret: string;
  /** An element token for every demo person and the demo origin, renewed before it expires. */
  readonly demoElementToken: string;
  /** Issues a fresh demo element token for `origin` (e.g. once a dev server knows its URL). */
  issueDemoElementToken(origin: string): string;
  /** Sets the origin booking link URLs start with (e.g. once a server knows its address). */
  setPublicOrigin(origin: string): void;
  /**
   * Creates a scheduling link from a `POST /v1/real_time_scheduling` body, as the client-secret
   * caller would, for a backend running in the same process; link URLs start with
   * `publicOrigin`. Throws an `ApiError` (422) on invalid fields.
   */
  createRealTimeScheduling(
    body: unknown,
    publicOrigin: string,
  ): Promise<{ real_time_scheduling: { real_time_scheduling_id: string; url: string } }>;
  /** The webhook outbox's deliverer. */
  readonly webhooks: WebhookOutbox;
  /** Stops webhook delivery (attempts in flight stay pending) and waits for store writes. */
  close(): Promise<void>;
}

const DEFAULT_DEMO_ORIGIN = 'http://127.0.0.1:5173';
const DEFAULT_TTL_SECONDS = 64_800;
const DEFAULT_MAX_BODY_BYTES = 64 * 1024;
/** The demo token is renewed when it has less than this left. */
const DEMO_RENEW_MS = 3_600_000;

/** The origin a request was sent to, from its `Host` header. */
function requestOriginOf(req: IncomingMessage): string {
  const secure = (req.socket as { encrypted?: boolean }).encrypted === true;
  return `${secure ? 'https' : 'http'}://${req.headers.host ?? 'localhost'}`;
}

/** The `params` of `pathname` against a route path, or undefined when it does not match. */
function paramsOf(pattern: string, pathname: string): Record<string, string> | undefined {
  const want = pattern.split('/');
  const got = pathname.replace(/\/$/, '').split('/');
  if (want.length !== got.length) return undefined;
  const params: Record<string, string> = {};
  for (let i = 0; i < want.length; i++) {
    if (!want[i].startsWith(':')) {
      if (want[i] !== got[i]) return undefined;
      continue;
    }
    try {
      params[want[i].slice(1)] = decodeURIComponent(got[i]);
    } catch {
      return undefined;
    }
  }
  return params;
}

/** Creates the API over a store opened (and seeded on first use) from `options`. */
export async function createApi(options: ApiOptions = {}): Promise<Api> {
  const now = options.now ?? Date.now;
  const store = await Store.open({ dir: options.dataDir, memory: options.memory, now });
  const limiter = new RateLimiter(options.rateLimits ?? DEFAULT_RATE_LIMITS);
  const ttlSeconds = options.elementTokenTtlSeconds ?? DEFAULT_TTL_SECONDS;
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  const demoSubs = store.accounts().map((a) => a.sub);
  const issueDemo = (origin: string) =>
    store.issueElementToken({ permissions: ['availability'], subs: demoSubs, origin, ttlSeconds });
  let demoToken = issueDemo(options.demoOrigin ?? DEFAULT_DEMO_ORIGIN);
  let publicOrigin = options.publicOrigin;
  const webhooks = new WebhookOutbox(store, now, store.clientSecret, options.webhooks);
  // Webhooks left pending by an earlier process go out now.
  webhooks.kick();

  /** 422 for unknown subs and calendars, 403 for subs outside an element token. */
  function checkMembers(body: Record<string, unknown>, credential: Credential): void {
    const unknown: ApiFieldErrors = {};
    const forbidden: ApiFieldErrors = {};
    const groups = Array.isArray(body.participants) ? body.participants : [];
    groups.forEach((group: unknown, g) => {
      const members = isRecord(group) && Array.isArray(group.members) ? group.members : [];
      members.forEach((member: unknown, m) => {
        if (!isRecord(member) || typeof member.sub !== 'string') return;
        const field = `participants[${g}].members[${m}]`;
        const sub = member.sub;
        if (credential.kind === 'element_token' && !credential.token.subs.includes(sub)) {
          addFieldError(
            forbidden,
            `${field}.sub`,
            'errors.forbidden_sub',
            `the element token does not cover ${sub}`,
          );
        } else if (!store.account(sub)) {
          addFieldError(unknown, `${field}.sub`, 'errors.unknown_sub', `no account ${sub}`);
        } else if (Array.isArray(member.calendar_ids)) {
          const own = new Set(store.calendarsOf(sub).map((c) => c.id));
          member.calendar_ids.forEach((id: unknown, c) => {
            if (typeof id === 'string' && !own.has(id)) {
              addFieldError(
                unknown,
                `${field}.calendar_ids[${c}]`,
                'errors.unknown_calendar',
                `${sub} has no calendar ${id}`,
              );
            }
          });
        }
      });
    });
    if (Object.keys(forbidden).length) throw new ApiError(403, forbidden);
    if (Object.keys(unknown).length) throw new ApiError(422, unknown);
  }

  function availability({ body, credential }: RouteContext): AvailabilityResponse {
    const parsed = parseQuery(body);
    if (!parsed.ok) throw new ApiError(422, parsed.errors);
    const tooLong = querySpanErrors(parsed.query);
    if (tooLong) throw new ApiError(422, tooLong);
    checkMembers(body as Record<string, unknown>, credential);
    return computeAvailability(parsed.query, store.calendarSource());
  }

  function elementTokens({ body }: RouteContext) {
    const grant = elementTokenGrantOf(body, (sub) => store.account(sub) !== undefined);
    const token = store.issueElementToken({ ...grant, ttlSeconds });
    return {
      element_token: {
        permissions: token.permissions,
        origin: token.origin,
        token: token.token,
        expires_in: ttlSeconds,
      },
    };
  }

  const routes: Route[] = [
    {
      method: 'POST',
      path: '/v1/availability',
      auth: { permission: 'availability' },
      handle: availability,
    },
    { method: 'POST', path: '/v1/element_tokens', auth: 'client_secret', handle: elementTokens },
    ...rtsRoutes({
      store,
      now,
      outbox: webhooks,
      publicOriginFor: (req) => publicOrigin ?? requestOriginOf(req),
    }),
  ];

  /** The caller's credential from `Authorization: Bearer ...`; throws 401. */
  function credentialOf(req: IncomingMessage): Credential {
    const header = req.headers.authorization;
    if (!header) {
      throw fieldError(
        401,
        'authorization',
        'errors.missing_credentials',
        'send Authorization: Bearer <client secret, element token or link token>',
      );
    }
    const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
    const secret = match?.[1];
    if (secret && store.isClientSecret(secret)) return { kind: 'client_secret' };
    const link = secret === undefined ? undefined : store.rtsLinkByToken(secret);
    if (link) return { kind: 'link', link };
    const token = secret === undefined ? undefined : store.elementToken(secret);
    if (!token) {
      throw fieldError(
        401,
        'authorization',
        'errors.invalid_credentials',
        'the credentials are not a valid client secret, element token or link token',
      );
    }
    if (token.expiresAt <= now()) {
      throw fieldError(
        401,
        'authorization',
        'errors.expired_token',
        `the element token expired at ${new Date(token.expiresAt).toISOString()}`,
      );
    }
    return { kind: 'element_token', token };
  }

  /** Throws 403 unless `credential` may call `route` from `origin`. */
  function authorise(route: Route, credential: Credential, origin: string | undefined): void {
    if (route.auth === 'link') {
      if (credential.kind === 'link') return;
      throw fieldError(
        403,
        'authorization',
        'errors.link_token_required',
        "this endpoint answers a booking link's token only",
      );
    }
    if (credential.kind === 'link') {
      throw fieldError(
        403,
        'authorization',
        'errors.link_token_not_allowed',
        'a booking link token only opens the /v1/rts/ endpoints',
      );
    }
    if (credential.kind === 'client_secret') return;
    if (route.auth === 'client_secret') {
      throw fieldError(
        403,
        'authorization',
        'errors.client_secret_required',
        'this endpoint needs the client secret, not an element token',
      );
    }
    const { token } = credential;
    if (!token.permissions.includes(route.auth.permission)) {
      throw fieldError(
        403,
        'permissions',
        'errors.missing_permission',
        `the element token lacks the ${route.auth.permission} permission`,
      );
    }
    // Requests without an Origin header come from outside a browser (curl, servers).
    if (origin !== undefined && origin !== token.origin) {
      throw fieldError(
        403,
        'origin',
        'errors.origin_not_allowed',
        `the element token is for ${token.origin}, not ${origin}`,
      );
    }
  }

  /** The request's body for `route`: none for GET, `{}` for an empty optional one. */
  async function bodyFor(route: Route, req: IncomingMessage): Promise<unknown> {
    if (route.method === 'GET') {
      req.resume();
      return undefined;
    }
    const empty =
      !req.headers['content-type'] &&
      !req.headers['transfer-encoding'] &&
      Number(req.headers['content-length'] ?? 0) === 0;
    if (route.body === 'optional' && empty) return {};
    return jsonBodyOf(req, maxBodyBytes);
  }

  async function respond(req: IncomingMessage, res: ServerResponse, pathname: string) {
    const origin = req.headers.origin;
    const matches = routes.flatMap((route) => {
      const params = paramsOf(route.path, pathname);
      return params ? [{ route, params }] : [];
    });
    const openCors = matches.length > 0 && matches.every((m) => m.route.cors === 'any');
    const cors: Record<string, string> = openCors
      ? { 'Access-Control-Allow-Origin': '*', 'Access-Control-Expose-Headers': 'Retry-After' }
      : origin && store.isTokenOrigin(origin)
        ? {
            'Access-Control-Allow-Origin': origin,
            'Access-Control-Expose-Headers': 'Retry-After',
            Vary: 'Origin',
          }
        : { Vary: 'Origin' };
    try {
      if (!matches.length) {
        throw fieldError(404, 'path', 'errors.not_found', `no endpoint ${pathname}`);
      }
      const allow = [...matches.map((m) => m.route.method), 'OPTIONS'].join(', ');
      if (req.method === 'OPTIONS') {
        if (!cors['Access-Control-Allow-Origin']) {
          throw fieldError(
            403,
            'origin',
            'errors.origin_not_allowed',
            `no element token was issued for ${origin ?? 'a missing Origin'}`,
          );
        }
        res.writeHead(204, {
          ...cors,
          'Access-Control-Allow-Methods': allow,
          'Access-Control-Allow-Headers': 'Authorization, Content-Type',
          'Access-Control-Max-Age': '600',
        });
        res.end();
        return;
      }
      const match = matches.find((m) => m.route.method === req.method);
      if (!match) {
        throw fieldError(
          405,
          'method',
          'errors.method_not_allowed',
          `${pathname} answers ${allow}, not ${req.method}`,
          { Allow: allow },
        );
      }
      const credential = credentialOf(req);
      authorise(match.route, credential, origin);
      const key =
        credential.kind === 'client_secret'
          ? 'client_secret'
          : credential.kind === 'link'
            ? `link:${credential.link.id}`
            : credential.token.token;
      const wait = limiter.retryAfterSeconds(key, now());
      if (wait > 0) {
        throw fieldError(
          429,
          'rate_limit',
          'errors.rate_limited',
          `too many requests; retry after ${wait} s`,
          { 'Retry-After': String(wait) },
        );
      }
      const body = await bodyFor(match.route, req);
      const result = await match.route.handle({ body, credential, params: match.params, req });
      if (result instanceof JsonReply) sendJson(res, result.status, result.body, cors);
      else sendJson(res, 200, result, cors);
    } catch (error) {
      if (error instanceof ApiError) {
        const headers = { ...cors, ...error.headers };
        sendError(res, new ApiError(error.status, error.errors, headers, error.extra));
      } else {
        console.error(`${req.method} ${pathname} failed:`, error);
        sendError(
          res,
          new ApiError(
            500,
            { server: [{ key: 'errors.internal', description: 'internal error' }] },
            cors,
          ),
        );
      }
    }
  }

  return {
    store,
    clientSecret: store.clientSecret,
    get demoElementToken() {
      if (demoToken.expiresAt - now() < DEMO_RENEW_MS) demoToken = issueDemo(demoToken.origin);
      return demoToken.token;
    },
    issueDemoElementToken(origin: string) {
      demoToken = issueDemo(origin);
      return demoToken.token;
    },
    setPublicOrigin(origin: string) {
      publicOrigin = new URL(origin).origin;
    },
    createRealTimeScheduling: (body: unknown, origin: string) =>
      createRtsLink(store, body, now(), new URL(origin).origin),
    webhooks,
    async handle(req, res) {
      const pathname = new URL(req.url ?? '/', 'http://api.invalid').pathname;
      if (!pathname.startsWith('/v1/')) return false;
      const started = Date.now();
      await respond(req, res, pathname);
      options.log?.(`${req.method} ${pathname} ${res.statusCode} ${Date.now() - started} ms`);
      return true;
    },
    async close() {
      await webhooks.close();
      await store.flush();
      await store.close();
    },
  };
}
