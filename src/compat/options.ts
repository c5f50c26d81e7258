/**
 * The options-object shapes of the reference UI Elements (`element_token`, `target_id`,
 * `availability_query`, `config.*`, `styles`, ...) and how each maps onto our elements.
 *
 * Contract: pure data and functions, no DOM. `optionChanges(kind, options)` reads one options
 * object (a whole one, or the partial one given to `update()`) and returns what to do: property
 * values to set, CSS custom properties to set, a target to mount into, warnings for unknown or
 * ignored options, and a problem (or its absence) for every option it checked. It never throws,
 * whatever it is given.
 */
import type { AvailabilityQuery } from '../core/types.js';
import type { NotificationCallback } from '../elements/shared/notifications.js';
import type { Translations } from '../i18n/localize.js';

/** Translations in the reference's shape: `{locale: {context: {key: text}}}`. */
export interface ReferenceTranslations {
  [locale: string]: { [context: string]: { [key: string]: string } };
}

/** `styles`: a colour map and the reference's class prefix (ignored: we use shadow DOM). */
export interface ReferenceStyles {
  /** Colours by the reference's names (`available`, `buttonActive`, ...) or ours (`accent`). */
  colors?: Record<string, string>;
  /** Ignored with a warning: styles live in each element's shadow root. */
  prefix?: string;
}

/** Options every element accepts. */
export interface CommonOptions {
  /** Element token, sent as `Authorization: Bearer` (never in a URL). */
  element_token?: string;
  /** The element to mount into: its id, or the element itself. */
  target_id?: string | HTMLElement;
  /** Answer from the built-in demo calendars, with no network. */
  demo?: boolean;
  /** Receives every notification, `{notification: {type, ...}}`. */
  callback?: NotificationCallback;
  /** `en`, `de`, `es`, `fr`, `it` or `nl` (region tags use their language). */
  locale?: string;
  /** IANA zone every time is shown in. */
  tzid?: string;
  /** Text overrides, `{locale: {context: {key: text}}}`. */
  translations?: ReferenceTranslations | Translations;
  /** Colours (`styles.colors`) mapped onto `--se-*` custom properties. */
  styles?: ReferenceStyles;
  /** Base URL of the API (`https://api.example.com`); becomes `api-base`. */
  api_domain?: string;
  /** A Cronofy data centre (`us`, `uk`, `de`, `ca`, `au`, `sg`); becomes `api-base`. */
  data_center?: string;
}

/** `config` of the Availability Viewer. */
export interface AvailabilityViewerConfig {
  mode?: 'confirm' | 'no_confirm' | 'multi_select' | 'free_select';
  start_time?: string;
  end_time?: string;
  interval?: number;
  week_start_day?: string;
  slot_selection?: 'available' | 'unrestricted';
  bounds_control?: boolean;
  allow_expansion?: boolean;
  max_selection_count?: number;
  /** Accepted for compatibility; it has no effect (problems arrive as notifications). */
  logs?: string;
}

/** `config` of the Slot Picker. */
export interface SlotPickerConfig {
  mode?: 'confirm' | 'no_confirm';
  layout?: 'list' | 'calendar';
  /** Accepted for compatibility; it has no effect (problems arrive as notifications). */
  logs?: string;
}

/** Options of `SchedulingElements.AvailabilityViewer(options)`. */
export interface AvailabilityViewerOptions extends CommonOptions {
  /** The Availability API query (`query_periods` or `available_periods`). */
  availability_query?: AvailabilityQuery;
  config?: AvailabilityViewerConfig;
}

/** Options of `SchedulingElements.SlotPicker(options)`. */
export interface SlotPickerOptions extends CommonOptions {
  /** The Availability API query (`query_periods` or `query_slots`). */
  availability_query?: AvailabilityQuery;
  config?: SlotPickerConfig;
}

/** Which element an options object configures. */
export type ElementKind = 'availability-viewer' | 'slot-picker';

type Kind = 'string' | 'number' | 'boolean' | 'query' | 'function' | 'object' | 'target';

/** One option: the type it must have and the element property it sets. */
interface OptionSpec {
  kind: Kind;
  /** The element property it sets; absent for options handled on their own. */
  property?: string;
}

const COMMON: Record<string, OptionSpec> = {
  callback: { kind: 'function', property: 'callback' },
  element_token: { kind: 'string', property: 'token' },
  target_id: { kind: 'target' },
  demo: { kind: 'boolean', property: 'demo' },
  locale: { kind: 'string', property: 'locale' },
  tzid: { kind: 'string', property: 'tzid' },
  translations: { kind: 'object', property: 'translations' },
  styles: { kind: 'object' },
  api_domain: { kind: 'string' },
  data_center: { kind: 'string' },
  availability_query: { kind: 'query', property: 'query' },
  config: { kind: 'object' },
};

const CONFIG: Record<ElementKind, Record<string, OptionSpec>> = {
  'availability-viewer': {
    mode: { kind: 'string', property: 'mode' },
    start_time: { kind: 'string', property: 'startTime' },
    end_time: { kind: 'string', property: 'endTime' },
    interval: { kind: 'number', property: 'interval' },
    week_start_day: { kind: 'string', property: 'weekStartDay' },
    slot_selection: { kind: 'string', property: 'slotSelection' },
    bounds_control: { kind: 'boolean', property: 'boundsControl' },
    allow_expansion: { kind: 'boolean', property: 'allowExpansion' },
    max_selection_count: { kind: 'number', property: 'maxSelectionCount' },
    logs: { kind: 'string' },
  },
  'slot-picker': {
    mode: { kind: 'string', property: 'mode' },
    layout: { kind: 'string', property: 'layout' },
    logs: { kind: 'string' },
  },
};

/** API hosts of the reference's data centres. */
export const DATA_CENTERS: Readonly<Record<string, string>> = {
  us: 'https://api.cronofy.com',
  uk: 'https://api-uk.cronofy.com',
  de: 'https://api-de.cronofy.com',
  ca: 'https://api-ca.cronofy.com',
  au: 'https://api-au.cronofy.com',
  sg: 'https://api-sg.cronofy.com',
};

/** Our colour tokens (`--se-color-<name>`), from the elements' `@cssprop` lists. */
const COLOR_TOKENS = [
  'accent',
  'accent-text',
  'background',
  'surface',
  'text',
  'text-muted',
  'border',
  'error',
  'notice',
  'focus',
  'available',
  'available-strong',
  'unavailable',
  'selected',
  'preview',
] as const;

/** The reference's colour names and the token each sets. */
const REFERENCE_COLORS: Readonly<Record<string, (typeof COLOR_TOKENS)[number]>> = {
  primary: 'accent',
  buttonActive: 'accent',
  buttonConfirm: 'accent',
  buttonActiveText: 'accent-text',
  buttonText: 'text',
  hairline: 'border',
  available: 'available',
  availableActive: 'selected',
  availableHover: 'preview',
  unavailable: 'unavailable',
};

/** Reference translation keys whose text lives under another key here. */
const TRANSLATION_ALIASES: Readonly<Record<string, string>> = {
  no_slots_found: 'common.no_times',
};

/** What applying an options object does to an element. */
export interface OptionChanges {
  /** Element properties to set, in order (`callback` first, so it hears what follows). */
  properties: [property: string, value: unknown][];
  /** CSS custom properties to set on the element. */
  cssProperties: [name: string, value: string][];
  /** Where to mount, when `target_id` was given and valid. */
  target?: string | HTMLElement;
  /** Messages for unknown or ignored options. */
  warnings: string[];
  /** For every option checked: its problem, or undefined when it is now fine. */
  problems: [option: string, reason: string | undefined][];
}

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Why `value` does not fit `kind`, or undefined when it does. */
function typeProblem(kind: Kind, value: unknown): string | undefined {
  switch (kind) {
    case 'string':
      return typeof value === 'string' ? undefined : `expected text, got ${describe(value)}`;
    case 'number':
      return typeof value === 'number' && Number.isFinite(value)
        ? undefined
        : `expected a number, got ${describe(value)}`;
    case 'boolean':
      return typeof value === 'boolean'
        ? undefined
        : `expected true or false, got ${describe(value)}`;
    case 'function':
      return typeof value === 'function'
        ? undefined
        : `expected a function, got ${describe(value)}`;
    case 'object':
      return isPlainObject(value) ? undefined : `expected an object, got ${describe(value)}`;
    case 'query':
      return isPlainObject(value) || typeof value === 'string'
        ? undefined
        : `expected an availability query object, got ${describe(value)}`;
    case 'target':
      return (typeof value === 'string' && value.trim() !== '') ||
        (typeof HTMLElement !== 'undefined' && value instanceof HTMLElement)
        ? undefined
        : `expected the id of an element or an element, got ${describe(value)}`;
  }
}

/** A short description of a value for messages. */
function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') return value === '' ? 'an empty string' : `"${value}"`;
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'function') return 'a function';
  if (value === undefined) return 'nothing';
  return `${typeof value} ${String(value)}`;
}

/**
 * Translations in the reference's `{locale: {context: {key: text}}}` shape with the reference's
 * key names replaced by ours where they differ; every other key passes through unchanged, so the
 * element reports keys it does not know with a warning.
 */
export function mappedTranslations(input: Record<string, unknown>): Translations {
  const rename = (context: string, key: string) =>
    TRANSLATION_ALIASES[`${context}.${key}`] ?? TRANSLATION_ALIASES[key] ?? `${context}.${key}`;
  const out: Translations = {};
  for (const [locale, contexts] of Object.entries(input)) {
    if (!isPlainObject(contexts)) {
      out[locale] = contexts as string;
      continue;
    }
    const texts: Translations = {};
    for (const [context, keys] of Object.entries(contexts)) {
      if (!isPlainObject(keys)) {
        texts[context] = keys as string;
        continue;
      }
      for (const [key, text] of Object.entries(keys)) texts[rename(context, key)] = text as string;
    }
    out[locale] = texts;
  }
  return out;
}

/** The custom properties `colors` sets, and warnings for names or values it cannot use. */
export function colorProperties(colors: Record<string, unknown>): {
  properties: [string, string][];
  warnings: string[];
} {
  const properties: [string, string][] = [];
  const warnings: string[] = [];
  for (const [name, value] of Object.entries(colors)) {
    const kebab = name.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`);
    const token =
      REFERENCE_COLORS[name] ??
      (COLOR_TOKENS as readonly string[]).find((candidate) => candidate === kebab);
    if (!token) {
      warnings.push(
        `styles.colors.${name} has no equivalent and was ignored; ` +
          `style the element with --se-* custom properties and ::part() instead.`,
      );
    } else if (typeof value !== 'string' || value.trim() === '') {
      warnings.push(`styles.colors.${name} must be a CSS colour; ${describe(value)} was ignored.`);
    } else {
      properties.push([`--se-color-${token}`, value]);
    }
  }
  return { properties, warnings };
}

/** What applying `options` to an element of `kind` does. Never throws. */
export function optionChanges(kind: ElementKind, options: Record<string, unknown>): OptionChanges {
  const changes: OptionChanges = { properties: [], cssProperties: [], warnings: [], problems: [] };
  const apply = (path: string, spec: OptionSpec, value: unknown) => {
    const problem = typeProblem(spec.kind, value);
    changes.problems.push([path, problem]);
    if (problem !== undefined) return false;
    if (spec.property) changes.properties.push([spec.property, value]);
    return true;
  };
  // The callback first, so notifications about the other options reach it.
  const keys = Object.keys(options).sort(
    (a, b) => Number(b === 'callback') - Number(a === 'callback'),
  );
  for (const key of keys) {
    const value = options[key];
    if (value === undefined) continue;
    const spec = COMMON[key];
    if (!spec) {
      changes.warnings.push(`Unknown option "${key}" ignored.`);
      continue;
    }
    if (key === 'translations' && isPlainObject(value)) {
      changes.problems.push([key, undefined]);
      changes.properties.push(['translations', mappedTranslations(value)]);
      continue;
    }
    if (!apply(key, spec, value)) continue;
    if (key === 'target_id') changes.target = value as string | HTMLElement;
    else if (key === 'api_domain') changes.properties.push(['apiBase', value]);
    else if (key === 'data_center') {
      const host = DATA_CENTERS[(value as string).toLowerCase()];
      if (host === undefined) {
        changes.problems.push([
          key,
          `"${value as string}" is not a data centre; use one of ${Object.keys(DATA_CENTERS).join(', ')}, or api_domain`,
        ]);
      } else if (options.api_domain === undefined) {
        changes.properties.push(['apiBase', host]);
      } else {
        changes.warnings.push('data_center was ignored because api_domain is set.');
      }
    } else if (key === 'styles') {
      const styles = value as Record<string, unknown>;
      for (const [name, entry] of Object.entries(styles)) {
        if (name === 'colors' && isPlainObject(entry)) {
          const colors = colorProperties(entry);
          changes.cssProperties.push(...colors.properties);
          changes.warnings.push(...colors.warnings);
        } else if (name === 'colors') {
          changes.warnings.push(`styles.colors must be an object; ${describe(entry)} was ignored.`);
        } else if (name === 'prefix') {
          changes.warnings.push(
            'styles.prefix was ignored: the elements keep their styles in a shadow root; ' +
              'use --se-* custom properties and ::part() to style them.',
          );
        } else {
          changes.warnings.push(`Unknown option "styles.${name}" ignored.`);
        }
      }
    } else if (key === 'config') {
      for (const [name, entry] of Object.entries(value as Record<string, unknown>)) {
        const configSpec = CONFIG[kind][name];
        if (!configSpec) changes.warnings.push(`Unknown option "config.${name}" ignored.`);
        else if (entry !== undefined) apply(`config.${name}`, configSpec, entry);
      }
    }
  }
  return changes;
}

/** `base` with `partial` on top; `config` and `styles` (and `styles.colors`) merge key by key. */
export function mergedOptions(
  base: Record<string, unknown>,
  partial: Record<string, unknown>,
): Record<string, unknown> {
  const out: Record<string, unknown> = { ...base, ...partial };
  for (const key of ['config', 'styles']) {
    if (isPlainObject(base[key]) && isPlainObject(partial[key]))
      out[key] = { ...base[key], ...partial[key] };
  }
  const baseColors = isPlainObject(base.styles) ? base.styles.colors : undefined;
  const newColors = isPlainObject(partial.styles) ? partial.styles.colors : undefined;
  if (isPlainObject(baseColors) && isPlainObject(newColors))
    (out.styles as Record<string, unknown>).colors = { ...baseColors, ...newColors };
  return out;
}

export { isPlainObject };
