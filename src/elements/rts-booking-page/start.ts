/**
 * Starting a booking link's page from its address: the token from the fragment onto the page's
 * `<rts-booking-page>`, and the fragment removed from the address bar.
 *
 * Contract: side-effect free until `startBookingPage` is called (the `src/rts-page.ts` module
 * calls it on load). Expects `<rts-booking-page>` to be registered before it is called. The page
 * has no other way to learn the recipient's language, so an element without a `locale` gets the
 * first of the browser's languages the library has translations for (none: English, quietly).
 */
import { resolveLocale } from '../../i18n/locale.js';
import type { RtsBookingPage } from './rts-booking-page.js';
/** The token in a fragment such as `#token=abc` (also `#x=1&token=abc`), or an empty string. */
export function tokenFromHash(hash: string): string {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  return (params.get('token') ?? '').trim();
}

/** The first of `languages` the library has translations for (`fr-CA` counts as `fr`), or ''. */
export function localeFromLanguages(languages: readonly string[]): string {
  return languages.find((tag) => resolveLocale(tag).warning === undefined && tag.trim()) ?? '';
}

/**
 * Hands the fragment's token to the page's booking element and clears the fragment; an element
 * without a `locale` follows `languages` (the browser's); returns the element.
 */
export function startBookingPage(
  doc: Document = document,
  languages: readonly string[] = (doc.defaultView ?? window).navigator.languages,
): RtsBookingPage {
  const win = doc.defaultView ?? window;
  const token = tokenFromHash(win.location.hash);
  let element = doc.querySelector('rts-booking-page');
  if (!element) {
    element = doc.createElement('rts-booking-page');
    doc.body.append(element);
  }
  if (!element.locale) element.locale = localeFromLanguages(languages);
  element.token = token;
  if (win.location.hash !== '') {
    const { pathname, search } = win.location;
    win.history.replaceState(win.history.state, '', `${pathname}${search}`);
  }
  return element;
}
