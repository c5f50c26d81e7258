/**
 * HTTP plumbing of the embedded API: typed API errors, JSON replies and size-limited JSON bodies.
 *
 * Contract: every error leaves as `{"errors": {field: [{key, description}]}}` with its status;
 * bodies are read only when declared `application/json`, and never beyond the byte limit.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ApiErrorBody, ApiFieldErrors } from '../src/core/types.js';
import type { ElementTokenPermission } from './element-tokens.js';
import type { ElementToken, StoredRtsLink } from './store.js';

/** Who is calling: the application, an element, or the recipient of a scheduling link. */
export type Credential =
  | { kind: 'client_secret' }
  | { kind: 'element_token'; token: ElementToken }
  | { kind: 'link'; link: StoredRtsLink };

/** What a route handler gets: the parsed body, the caller's credential and path parameters. */
export interface RouteContext {
  body: unknown;
  credential: Credential;
  params: Record<string, string>;
  req: IncomingMessage;
}

/** One endpoint; `:name` segments in `path` become `params`. */
export interface Route {
  method: 'GET' | 'POST';
  path: string;
  /**
   * Who may call it: only the client secret; an element token with this permission too; or only
   * a scheduling link's token (`link`).
   */
  auth: 'client_secret' | { permission: ElementTokenPermission } | 'link';
  /** `optional`: a POST may come without a body (read as `{}`). GET bodies are never read. */
  body?: 'required' | 'optional';
  /** `any`: CORS for every origin (the bearer token is the only credential; no cookies). */
  cors?: 'any';
  handle(context: RouteContext): Promise<unknown> | unknown;
}

/** Statuses the API answers failures with. */
export type ErrorStatus = 401 | 403 | 404 | 405 | 409 | 410 | 413 | 415 | 422 | 429 | 500;

/**
 * A failure that becomes an error response: a status, field errors, extra headers, and extra
 * top-level body fields next to `errors` (a 409's fresh `available_slots`, a 410's `link`).
 */
export class ApiError extends Error {
  constructor(
    readonly status: ErrorStatus,
    readonly errors: ApiFieldErrors,
    readonly headers: Record<string, string> = {},
    readonly extra: Record<string, unknown> = {},
  ) {
    super(Object.values(errors)[0]?.[0]?.description ?? `status ${status}`);
  }
}

/** A route's answer with a status other than 200 (e.g. 201 Created, 202 Accepted). */
export class JsonReply {
  constructor(
    readonly status: number,
    readonly body: unknown,
  ) {}
}

/** An `ApiError` with a single error on one field. */
export function fieldError(
  status: ErrorStatus,
  field: string,
  key: string,
  description: string,
  headers?: Record<string, string>,
): ApiError {
  return new ApiError(status, { [field]: [{ key, description }] }, headers);
}

/** Adds one error on `field` to `errors`. */
export function addFieldError(
  errors: ApiFieldErrors,
  field: string,
  key: string,
  description: string,
): void {
  (errors[field] ??= []).push({ key, description });
}

/** Whether `value` is a plain JSON object (not null, not an array). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Writes `body` as JSON with `status`, plus any extra headers. */
export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    ...headers,
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': String(Buffer.byteLength(text)),
    'Cache-Control': 'no-store',
  });
  res.end(text);
}

/** Writes an `ApiError` in the API's error shape. */
export function sendError(res: ServerResponse, error: ApiError): void {
  const body: ApiErrorBody & Record<string, unknown> = { errors: error.errors, ...error.extra };
  sendJson(res, error.status, body, error.headers);
}

/** Bytes drained from an oversized body before the connection is cut instead. */
const DRAIN_LIMIT = 1 << 20;

/**
 * The request's JSON body, parsed; throws 415 unless it is declared `application/json`, 413 past
 * `maxBytes`, and 422 on the `body` field when it is not valid JSON.
 */
export async function jsonBodyOf(req: IncomingMessage, maxBytes: number): Promise<unknown> {
  const type = (req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
  if (type !== 'application/json') {
    req.resume();
    throw fieldError(
      415,
      'content_type',
      'errors.unsupported_media_type',
      `the body must be sent as application/json, not ${type || 'without a Content-Type'}`,
    );
  }
  const tooLarge = () =>
    fieldError(413, 'body', 'errors.too_large', `the body must be at most ${maxBytes} bytes`, {
      Connection: 'close',
    });
  const declared = Number(req.headers['content-length']);
  // Node discards an unread body once the response is sent; `Connection: close` ends the socket.
  if (declared > DRAIN_LIMIT) throw tooLarge();
  const text = await new Promise<string | undefined>((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      // Past the limit keep draining (so the client can read the 413), up to a point.
      if (size > DRAIN_LIMIT) req.destroy();
      else if (size <= maxBytes) chunks.push(chunk);
    });
    req.on('end', () => resolve(size > maxBytes ? undefined : Buffer.concat(chunks).toString()));
    req.on('error', reject);
    req.on('close', () => {
      if (req.complete) return;
      if (size > maxBytes) resolve(undefined);
      else reject(new Error('the client closed the request before sending its body'));
    });
  });
  if (text === undefined) throw tooLarge();
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw fieldError(
      422,
      'body',
      'errors.invalid_json',
      `the body is not valid JSON: ${(error as Error).message}`,
    );
  }
}
