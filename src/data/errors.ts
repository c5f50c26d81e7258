/**
 * Typed failures of the data layer.
 *
 * Contract: every failure a transport reports is a `SchedulingError` whose `kind` is one of
 * `SchedulingErrorKind`; `status` is the HTTP status when there was one, `errors` the API's 422
 * field errors, `retryAfter` the server's requested wait in seconds. A caller's own abort is not
 * a failure: it rejects with a `DOMException` named `AbortError`. Messages are developer-facing
 * English and never contain a credential; the UI localises by `kind`.
 */
import type { ApiFieldErrors, SchedulingErrorKind } from '../core/types.js';

/** The plain-object form of a failure, as carried in `scheduling-error` event details. */
export interface SchedulingErrorDetail {
  kind: SchedulingErrorKind;
  status?: number;
  message: string;
  errors?: ApiFieldErrors;
}

/** Extra facts about a failure. */
export interface SchedulingErrorOptions {
  status?: number;
  errors?: ApiFieldErrors;
  retryAfter?: number;
  cause?: unknown;
}

/** A failure of a known kind, thrown or rejected by transports. */
export class SchedulingError extends Error {
  /** What went wrong, for the UI to pick a message and a recovery. */
  readonly kind: SchedulingErrorKind;
  /** The HTTP status, when the failure came from a response. */
  readonly status?: number;
  /** Field errors of a rejected query (422). */
  readonly errors?: ApiFieldErrors;
  /** Seconds the server asked to wait before trying again. */
  readonly retryAfter?: number;

  constructor(kind: SchedulingErrorKind, message: string, options: SchedulingErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'SchedulingError';
    this.kind = kind;
    if (options.status !== undefined) this.status = options.status;
    if (options.errors !== undefined) this.errors = options.errors;
    if (options.retryAfter !== undefined) this.retryAfter = options.retryAfter;
  }

  /** The plain-object form of this failure, for event details. */
  toDetail(): SchedulingErrorDetail {
    const detail: SchedulingErrorDetail = { kind: this.kind, message: this.message };
    if (this.status !== undefined) detail.status = this.status;
    if (this.errors !== undefined) detail.errors = this.errors;
    return detail;
  }
}

/** A fresh `AbortError`, the rejection of a request its caller aborted or superseded. */
export function abortError(): DOMException {
  return new DOMException('The request was aborted.', 'AbortError');
}

/** Whether `error` is an abort (the caller's own doing), not a failure to report. */
export function isAbortError(error: unknown): boolean {
  return (
    typeof error === 'object' &&
    error !== null &&
    (error as { name?: unknown }).name === 'AbortError'
  );
}

/** The plain-object form of any thrown value; an untyped one (say, from a custom transport) gets `fallbackKind`. */
export function errorDetail(
  error: unknown,
  fallbackKind: SchedulingErrorKind = 'server',
): SchedulingErrorDetail {
  if (error instanceof SchedulingError) return error.toDetail();
  const message = error instanceof Error ? error.message : String(error);
  // An injected transport may reject with its own object that names a kind (and a status).
  const named =
    typeof error === 'object' && error !== null ? (error as Partial<SchedulingErrorDetail>) : {};
  const kind =
    typeof named.kind === 'string' && Object.hasOwn(KINDS, named.kind) ? named.kind : fallbackKind;
  const detail: SchedulingErrorDetail = {
    kind,
    message: typeof named.message === 'string' ? named.message : message,
  };
  if (typeof named.status === 'number') detail.status = named.status;
  return detail;
}

/** Every kind, as a record so that the compiler keeps it complete. */
const KINDS: Readonly<Record<SchedulingErrorKind, true>> = {
  config: true,
  auth: true,
  forbidden: true,
  not_found: true,
  invalid_query: true,
  rate_limited: true,
  server: true,
  network: true,
  bad_response: true,
  conflict: true,
  gone: true,
};

const KIND_BY_STATUS: Readonly<Record<number, SchedulingErrorKind>> = {
  400: 'invalid_query',
  401: 'auth',
  403: 'forbidden',
  404: 'not_found',
  409: 'conflict',
  410: 'gone',
  413: 'invalid_query',
  422: 'invalid_query',
  429: 'rate_limited',
};

const DESCRIPTION_BY_KIND: Partial<Record<SchedulingErrorKind, string>> = {
  auth: 'the credentials were not accepted',
  forbidden: 'the credentials lack permission for this request',
  not_found: 'the resource was not found',
  conflict: 'the request conflicts with the current state',
  gone: 'the resource is no longer available',
  invalid_query: 'the API rejected the request',
  rate_limited: 'too many requests',
  server: 'the server failed',
  bad_response: 'unexpected response status',
};

/** The field errors of an API error body, or undefined when the body is not in that shape. */
export function fieldErrorsFromBody(body: unknown): ApiFieldErrors | undefined {
  if (typeof body !== 'object' || body === null) return undefined;
  const errors = (body as { errors?: unknown }).errors;
  if (typeof errors !== 'object' || errors === null || Array.isArray(errors)) return undefined;
  const result: ApiFieldErrors = {};
  for (const [field, list] of Object.entries(errors)) {
    if (!Array.isArray(list)) return undefined;
    result[field] = [];
    for (const item of list) {
      const { key, description } = (item ?? {}) as { key?: unknown; description?: unknown };
      if (typeof key !== 'string') return undefined;
      result[field].push({ key, description: typeof description === 'string' ? description : key });
    }
  }
  return result;
}

/** A one-line summary of field errors: the first one and how many more there are. */
function fieldErrorsSummary(errors: ApiFieldErrors): string {
  const entries = Object.entries(errors).flatMap(([field, list]) =>
    list.map((e) => `${field}: ${e.description}`),
  );
  if (entries.length === 0) return '';
  const more = entries.length > 1 ? ` (and ${entries.length - 1} more)` : '';
  return `: ${entries[0]}${more}`;
}

/** The typed failure for a non-2xx response with parsed JSON `body` (undefined when not JSON). */
export function errorFromResponse(
  status: number,
  body: unknown,
  retryAfter?: number,
): SchedulingError {
  const kind: SchedulingErrorKind =
    KIND_BY_STATUS[status] ?? (status >= 500 && status <= 599 ? 'server' : 'bad_response');
  const errors = fieldErrorsFromBody(body);
  const summary = errors ? fieldErrorsSummary(errors) : '';
  const wait = retryAfter !== undefined ? `; retry after ${retryAfter} s` : '';
  return new SchedulingError(
    kind,
    `HTTP ${status}: ${DESCRIPTION_BY_KIND[kind]}${summary}${wait}`,
    {
      status,
      ...(errors ? { errors } : {}),
      ...(retryAfter !== undefined ? { retryAfter } : {}),
    },
  );
}
