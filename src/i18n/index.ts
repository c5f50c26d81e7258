/**
 * Localisation: locale resolution, the message catalogue, per-locale string lookup with
 * integrator overrides, and date, time and count formatters cached per locale and zone.
 */
export { resolveLocale, supportedLocales } from './locale.js';
export type { ResolvedLocale, SupportedLocale } from './locale.js';
export { catalogue, isStringKey, pluralCategories } from './strings.js';
export type { CountKey, StringArgs, StringKey, StringParams } from './strings.js';
export { loadStrings, setupLocalization, withOverrides } from './localize.js';
export type { Strings, Translations } from './localize.js';
export { formatCount, formattersFor, labelled, rangeAcrossClockChange } from './format.js';
export type { CountArgs, Formatters, HourCycle } from './format.js';
