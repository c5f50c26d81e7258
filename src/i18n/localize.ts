/**
 * Per-element string lookup over the message catalogue, and the @lit/localize runtime setup.
 *
 * Contract: `loadStrings(locale)` lazily imports `generated/<locale>.ts` (a `templates` map of
 * message id to a string or a `str` template whose `${i}` are indexes into the source message's
 * parameters) once per locale and resolves to a synchronous `t(key, params)`. English comes from
 * the catalogue itself; `t` renders the messages `strings.ts` knows at the time of the call (the
 * common ones, and an element's own once its module has added them). Several locales can be
 * loaded at once, so two elements on one page can speak different languages without touching
 * @lit/localize's single global locale.
 * `withOverrides` layers integrator texts on top (`{zone}`-style placeholders take the
 * message's parameters).
 */
import { configureLocalization, joinStringsAndValues } from '@lit/localize';
import type { LocaleModule, MsgFn, MsgOptions, StrResult, TemplateLike } from '@lit/localize';
import { sourceLocale, targetLocales } from './generated/locale-codes.js';
import { resolveLocale } from './locale.js';
import type { SupportedLocale } from './locale.js';
import { isStringKey, messageEntry } from './strings.js';
import type { StringArgs, StringKey } from './strings.js';

/** The strings of one locale, looked up synchronously. */
export interface Strings {
  /** The locale these strings are in. */
  readonly locale: SupportedLocale;
  /** Problems found in overrides (unknown keys, non-text values), for a warning event. */
  readonly warnings: readonly string[];
  /** The text of message `key` with its parameters filled in. */
  t<K extends StringKey>(key: K, ...args: StringArgs<K>): string;
}

/**
 * Integrator texts: flat `{'slot_picker.confirm': 'Book'}`, nested by context
 * `{slot_picker: {confirm: 'Book'}}`, or either of those per locale `{en: {...}, de: {...}}`.
 */
export interface Translations {
  [key: string]: string | Translations;
}

type TargetLocale = (typeof targetLocales)[number];
type Params = Readonly<Record<string, string>>;
type AnyEntry = (msg: MsgFn, params?: Params) => string;

const localeModules: Record<TargetLocale, () => Promise<LocaleModule>> = {
  de: () => import('./generated/de.js'),
  es: () => import('./generated/es.js'),
  fr: () => import('./generated/fr.js'),
  it: () => import('./generated/it.js'),
  nl: () => import('./generated/nl.js'),
};

/** A `msg` that reads one locale's templates, falling back to the English source. */
function msgFromTemplates(templates: LocaleModule['templates'] | undefined): MsgFn {
  const lookup = (template: TemplateLike, options?: MsgOptions): string => {
    // The catalogue holds only plain and `str` messages, never `html` ones.
    const source = template as string | StrResult;
    const localized = options?.id === undefined ? undefined : templates?.[options.id];
    if (localized === undefined) {
      return typeof source === 'string'
        ? source
        : joinStringsAndValues(source.strings, source.values);
    }
    if (typeof localized === 'string') return localized;
    const translated = localized as StrResult;
    return joinStringsAndValues(
      translated.strings,
      typeof source === 'string' ? [] : source.values,
      translated.values as number[],
    );
  };
  return lookup as MsgFn;
}

/** Strings that render every message through `msg`. */
function catalogueStrings(locale: SupportedLocale, msg: MsgFn): Strings {
  return {
    locale,
    warnings: [],
    t: (key, ...args) => (messageEntry(key) as AnyEntry)(msg, args[0] as Params | undefined),
  };
}

const loadedStrings = new Map<SupportedLocale, Promise<Strings>>();

/** Loads (once, then from cache) the strings of a supported locale. */
export function loadStrings(locale: SupportedLocale): Promise<Strings> {
  const cached = loadedStrings.get(locale);
  if (cached) return cached;
  let loading: Promise<Strings>;
  if (locale === sourceLocale) {
    loading = Promise.resolve(catalogueStrings(locale, msgFromTemplates(undefined)));
  } else if (Object.hasOwn(localeModules, locale)) {
    loading = localeModules[locale]().then((module) =>
      catalogueStrings(locale, msgFromTemplates(module.templates)),
    );
    // A failed chunk load (offline, deploy in progress) must not stick for the page's lifetime.
    loading.catch(() => loadedStrings.delete(locale));
  } else {
    return Promise.reject(
      new RangeError(
        `Unsupported locale "${String(locale)}": resolve it with resolveLocale() first.`,
      ),
    );
  }
  loadedStrings.set(locale, loading);
  return loading;
}

/** The catalogue key an override id names, trying `common.<key>` for keys shared by all. */
function catalogueKeyFor(id: string): StringKey | undefined {
  if (isStringKey(id)) return id;
  const common = `common.${id.slice(id.indexOf('.') + 1)}`;
  return isStringKey(common) ? common : undefined;
}

/** Flattens nested overrides into `[dotted id, text]` pairs, reporting non-text leaves. */
function flattenOverrides(
  node: Translations,
  prefix: string,
  into: Map<StringKey, string>,
  warnings: string[],
): void {
  for (const [name, value] of Object.entries(node)) {
    const id = prefix === '' ? name : `${prefix}.${name}`;
    if (typeof value === 'string') {
      const key = catalogueKeyFor(id);
      if (key) into.set(key, value);
      else warnings.push(`translations: unknown key "${id}" ignored.`);
    } else if (value !== null && typeof value === 'object') {
      flattenOverrides(value, id, into, warnings);
    } else {
      warnings.push(`translations: the value of "${id}" is not text; ignored.`);
    }
  }
}

/** The overrides in `translations` that apply to `locale`, with any problems found. */
function overridesFor(
  locale: SupportedLocale,
  translations: Translations,
): { texts: Map<StringKey, string>; warnings: string[] } {
  const texts = new Map<StringKey, string>();
  const warnings: string[] = [];
  if (typeof translations !== 'object' || translations === null || Array.isArray(translations)) {
    warnings.push('translations: expected an object of texts by key; ignored.');
    return { texts, warnings };
  }
  const general: Translations = {};
  const perLocale: Translations[] = [];
  for (const [name, value] of Object.entries(translations)) {
    const asLocale = typeof value === 'object' && value !== null ? resolveLocale(name) : undefined;
    if (asLocale && !asLocale.warning) {
      if (asLocale.locale === locale) perLocale.push(value as Translations);
    } else {
      general[name] = value;
    }
  }
  // Locale sections are applied last so they win over keys given for every locale.
  for (const node of [general, ...perLocale]) flattenOverrides(node, '', texts, warnings);
  return { texts, warnings };
}

/** Fills `{name}` placeholders of an override text with the message's parameters. */
function fillPlaceholders(text: string, params: Params | undefined): string {
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.hasOwn(params, name) ? params[name] : whole,
  );
}

/** Strings with integrator texts in place of the catalogue's for the keys they name. */
export function withOverrides(strings: Strings, translations: Translations | undefined): Strings {
  if (!translations) return strings;
  const { texts, warnings } = overridesFor(strings.locale, translations);
  if (texts.size === 0 && warnings.length === 0) return strings;
  return {
    locale: strings.locale,
    warnings: [...strings.warnings, ...warnings],
    t: (key, ...args) => {
      // An element's own word (`slot_picker.back`) follows an override of the shared one
      // (`common.back`, which `global.back` names) unless it is overridden itself.
      const text =
        texts.get(key) ?? texts.get(`common.${key.slice(key.indexOf('.') + 1)}` as StringKey);
      return text === undefined
        ? strings.t(key, ...args)
        : fillPlaceholders(text, args[0] as Params | undefined);
    },
  };
}

let runtime: ReturnType<typeof configureLocalization> | undefined;

/** Configures @lit/localize's global runtime (once) for code that uses `msg()` or `@localized`. */
export function setupLocalization(): ReturnType<typeof configureLocalization> {
  runtime ??= configureLocalization({
    sourceLocale,
    targetLocales,
    loadLocale: (locale) => localeModules[locale as TargetLocale](),
  });
  return runtime;
}
