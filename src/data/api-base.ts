/**
 * The API base URL, checked once for the elements and both transports: empty means the page's
 * own origin; anything else must be an absolute http(s) URL without a user name or password, or
 * a path from the page's origin (`/api`). A bare host such as `api.example.com` is refused rather
 * than read as a path under the page, which would send the token to the page's own server.
 */
import { SchedulingError } from './errors.js';

/** Why `apiBase` cannot be used for requests, or undefined when it can (empty means the page's origin). */
export function apiBaseProblem(apiBase: string): string | undefined {
  const value = apiBase.trim();
  if (value === '') {
    return globalThis.location?.origin && globalThis.location.origin !== 'null'
      ? undefined
      : "it is empty, which means the page's origin, and this page has none; give the API's URL.";
  }
  if (!/^[a-z][a-z\d+.-]*:/i.test(value) && !value.startsWith('/')) {
    return `"${apiBase}" has no scheme; give an absolute URL such as https://api.example.com, or a path from the page's origin such as /api.`;
  }
  let url: URL;
  try {
    url = new URL(value, globalThis.location?.href);
  } catch {
    return `"${apiBase}" is not a URL.`;
  }
  // Not echoed: the value holds a secret.
  if (url.username !== '' || url.password !== '') {
    return 'it holds a user name or password; credentials travel in the token attribute only.';
  }
  return url.protocol === 'http:' || url.protocol === 'https:'
    ? undefined
    : `"${apiBase}" is not an http or https URL.`;
}

/**
 * The base requests go to, without a trailing slash: `apiBase` or, when it is empty, the page's
 * origin. Throws a `config` `SchedulingError` naming the problem when there is none usable.
 */
export function requestBase(apiBase: string): string {
  const problem = apiBaseProblem(apiBase);
  if (problem !== undefined) throw new SchedulingError('config', `api-base: ${problem}`);
  return (apiBase.trim() || globalThis.location.origin).replace(/\/+$/, '');
}
