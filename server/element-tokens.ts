/**
 * Validation of `POST /v1/element_tokens` requests, in the compatible shape
 * `{version: "1", permissions: [...], subs: [...], origin}`.
 *
 * Contract: a valid request becomes a grant (permissions and subs deduplicated, the origin in its
 * canonical `scheme://host[:port]` form); anything else throws a 422 `ApiError` naming every
 * offending field (`version`, `permissions[1]`, `subs[0]`, `origin`, or `body`).
 */
import type { ApiFieldErrors } from '../src/core/types.js';
import { addFieldError, ApiError, fieldError, isRecord } from './http.js';

/** Element token permissions of the compatible API; only `availability` unlocks an endpoint here. */
export const ELEMENT_TOKEN_PERMISSIONS = [
  'availability',
  'agenda',
  'managed_availability',
  'account_management',
] as const;

/** One element token permission. */
export type ElementTokenPermission = (typeof ELEMENT_TOKEN_PERMISSIONS)[number];

/** Most subs one element token may cover. */
const MAX_SUBS = 100;

/** What a valid request asks for. */
export interface ElementTokenGrant {
  permissions: ElementTokenPermission[];
  subs: string[];
  origin: string;
}

/** The canonical origin of `text`, or undefined unless it is a bare http(s) origin. */
export function canonicalOriginOf(text: string): string | undefined {
  try {
    const url = new URL(text);
    const bare = url.pathname === '/' && !url.search && !url.hash && !url.username;
    return bare && /^https?:$/.test(url.protocol) && !text.endsWith('/') ? url.origin : undefined;
  } catch {
    return undefined;
  }
}

/** The grant a request body asks for; throws a 422 `ApiError` listing every invalid field. */
export function elementTokenGrantOf(
  body: unknown,
  isKnownSub: (sub: string) => boolean,
): ElementTokenGrant {
  if (!isRecord(body)) {
    throw fieldError(422, 'body', 'errors.invalid_type', 'the body must be a JSON object');
  }
  const errors: ApiFieldErrors = {};
  const { version, permissions, subs, origin } = body;
  if (version === undefined) addFieldError(errors, 'version', 'errors.required', 'required');
  else if (version !== '1') addFieldError(errors, 'version', 'errors.invalid', 'must be "1"');

  const known: readonly string[] = ELEMENT_TOKEN_PERMISSIONS;
  if (permissions === undefined) {
    addFieldError(errors, 'permissions', 'errors.required', 'required');
  } else if (!Array.isArray(permissions) || permissions.length === 0) {
    addFieldError(errors, 'permissions', 'errors.invalid', 'must be a non-empty array');
  } else {
    permissions.forEach((p: unknown, i) => {
      if (typeof p !== 'string' || !known.includes(p)) {
        const description = `must be one of ${known.join(', ')}`;
        addFieldError(errors, `permissions[${i}]`, 'errors.unknown_permission', description);
      }
    });
  }

  if (subs === undefined) {
    addFieldError(errors, 'subs', 'errors.required', 'required');
  } else if (!Array.isArray(subs) || subs.length === 0 || subs.length > MAX_SUBS) {
    addFieldError(errors, 'subs', 'errors.invalid', `must be an array of 1 to ${MAX_SUBS} subs`);
  } else {
    subs.forEach((sub: unknown, i) => {
      if (typeof sub !== 'string') {
        addFieldError(errors, `subs[${i}]`, 'errors.invalid', 'must be a string');
      } else if (!isKnownSub(sub)) {
        addFieldError(errors, `subs[${i}]`, 'errors.unknown_sub', `no account ${sub}`);
      }
    });
  }

  const canonical = typeof origin === 'string' ? canonicalOriginOf(origin) : undefined;
  if (origin === undefined) {
    addFieldError(errors, 'origin', 'errors.required', 'required');
  } else if (canonical === undefined) {
    const description =
      'must be an http(s) origin such as https://app.example.com, with no path or trailing slash';
    addFieldError(errors, 'origin', 'errors.invalid_origin', description);
  }

  if (Object.keys(errors).length) throw new ApiError(422, errors);
  return {
    permissions: [...new Set(permissions as ElementTokenPermission[])],
    subs: [...new Set(subs as string[])],
    origin: canonical as string,
  };
}
