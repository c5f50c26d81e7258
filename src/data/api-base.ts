/**
 * The API base URL, checked once for the elements and both transports: empty means the page's
 * own origin; anything else must be an absolute or page-relative http(s) URL.
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
  let url: URL;
  try {
    url = new URL(value, globalThis.location?.href);
  } catch {
    return `"${apiBase}" is not a URL.`;
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
