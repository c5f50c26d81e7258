/**
 * Which of the library's locales serves a requested language tag.
 *
 * Contract: input is any string an integrator may put in a `locale` attribute (BCP 47, any case,
 * `_` or `-` separators) or `undefined`; output is always one of `supportedLocales`, plus the
 * canonical tag to format dates and numbers with, plus a warning when the tag had to fall back
 * to English. Reading `navigator.language` is the caller's business.
 */
import { allLocales, sourceLocale } from './generated/locale-codes.js';

/** A locale the library has translations for. */
export type SupportedLocale = (typeof allLocales)[number];

/** Every locale the library has translations for, English included. */
export const supportedLocales: readonly SupportedLocale[] = allLocales;

/** The result of resolving a requested language tag. */
export interface ResolvedLocale {
  /** The locale whose strings to show. */
  locale: SupportedLocale;
  /** The tag for `Intl` formatting: the canonical requested tag, or `en` after a fallback. */
  formatLocale: string;
  /** Set when the requested tag is unsupported or malformed and English is shown instead. */
  warning?: string;
}

/** Whether `code` (lower case) is one of the supported locales. */
function isSupportedLocale(code: string): code is SupportedLocale {
  return (supportedLocales as readonly string[]).includes(code);
}

/** Resolves a tag: exact match, then its base language (`fr-CA` to `fr`), then English. */
export function resolveLocale(tag: string | undefined): ResolvedLocale {
  const requested = tag?.trim() ?? '';
  if (requested === '') return { locale: sourceLocale, formatLocale: sourceLocale };
  let canonical: string;
  try {
    [canonical] = Intl.getCanonicalLocales(requested.replace(/_/g, '-'));
  } catch {
    return {
      locale: sourceLocale,
      formatLocale: sourceLocale,
      warning: `The locale "${requested}" is not a valid language tag; showing English.`,
    };
  }
  const exact = canonical.toLowerCase();
  if (isSupportedLocale(exact)) return { locale: exact, formatLocale: canonical };
  const base = exact.split('-')[0];
  if (isSupportedLocale(base)) return { locale: base, formatLocale: canonical };
  return {
    locale: sourceLocale,
    formatLocale: sourceLocale,
    warning:
      `The locale "${requested}" is not supported; showing English. ` +
      `Supported: ${supportedLocales.join(', ')}.`,
  };
}
