/**
 * Date, time and count formatting for a locale in an explicit IANA zone.
 *
 * Contract: every instant passed in is a UTC epoch millisecond number; every wall-clock field
 * comes from `Intl.DateTimeFormat` with `timeZone` set, so output never depends on the host's
 * zone and is DST-correct. Formatters are built once per (locale, zone, hour cycle) and cached.
 * The hour cycle follows the locale's convention (`en` 12-hour, `de` 24-hour...) unless given.
 */
import type { Strings } from './localize.js';
import { pluralCategories } from './strings.js';
import type { CountKey, StringKey, StringParams } from './strings.js';

/** 12-hour (`9:00 AM`) or 24-hour (`09:00`) clock. */
export type HourCycle = 'h12' | 'h23';

/** Formatters for one locale, zone and hour cycle; all take UTC epoch milliseconds. */
export interface Formatters {
  /** The BCP 47 tag the formatters use. */
  readonly locale: string;
  /** The IANA zone wall-clock values are shown in. */
  readonly zone: string;
  /** The clock in use: the override, or the locale's convention. */
  readonly hourCycle: HourCycle;
  /** Abbreviated weekday: `Tue`, `Di.`. */
  weekdayShort(instant: number): string;
  /** Full weekday: `Tuesday`, `Dienstag`. */
  weekdayLong(instant: number): string;
  /** Full date with weekday: `Tuesday, December 1, 2026`, `Dienstag, 1. Dezember 2026`. */
  date(instant: number): string;
  /** Day and short month: `Dec 1`, `1. Dez.`. */
  dayMonth(instant: number): string;
  /** Month and year: `December 2026`. */
  monthYear(instant: number): string;
  /** Time of day: `9:00 AM` or `09:00`. */
  time(instant: number): string;
  /** Time range with shared parts once: `9:00 – 9:30 AM`, `09:00–09:30 Uhr`. */
  timeRange(start: number, end: number): string;
  /** The zone's offset at that instant: `GMT+1`, `GMT+5:30`, `GMT+0`. */
  zoneOffset(instant: number): string;
}

const formattersCache = new Map<string, Formatters>();

/** A DateTimeFormat, turning Intl's terse RangeErrors into ones that name the bad input. */
function dateTimeFormat(
  locale: string,
  zone: string,
  options: Intl.DateTimeFormatOptions,
): Intl.DateTimeFormat {
  try {
    Intl.getCanonicalLocales(locale);
  } catch {
    throw new RangeError(
      `Invalid locale "${locale}": expected a BCP 47 tag such as "en" or "fr-CA".`,
    );
  }
  try {
    return new Intl.DateTimeFormat(locale, { ...options, timeZone: zone });
  } catch {
    throw new RangeError(
      `Unknown time zone "${zone}": expected an IANA name such as "Europe/Berlin".`,
    );
  }
}

/** The clock the locale uses by convention. */
function conventionalHourCycle(locale: string, zone: string): HourCycle {
  const cycle = dateTimeFormat(locale, zone, { hour: 'numeric' }).resolvedOptions().hourCycle;
  return cycle === 'h11' || cycle === 'h12' ? 'h12' : 'h23';
}

/** The text a locale puts between the two ends of a time range (` – `, `–`). */
function rangeSeparator(time: Intl.DateTimeFormat): string {
  // Noon UTC plus one minute falls within one calendar day in every zone (offsets -12 to +14).
  const probe = Date.UTC(2000, 0, 1, 12);
  const parts = time.formatRangeToParts(probe, probe + 60_000);
  const lastOfStart = parts.findLastIndex((part) => part.source === 'startRange');
  const firstOfEnd = parts.findIndex((part) => part.source === 'endRange');
  const between = parts.slice(lastOfStart + 1, firstOfEnd).map((part) => part.value);
  return between.join('') || ' – ';
}

/** Entries a formatted-text cache keeps before it starts afresh. */
const TEXT_CACHE_LIMIT = 4096;

/** Stores `text` under `key`, emptying `cache` first when it is full. */
function remember(cache: Map<string, string>, key: string, text: string): void {
  if (cache.size >= TEXT_CACHE_LIMIT) cache.clear();
  cache.set(key, text);
}

/** Formatters for `locale` in `zone` (cached); `hourCycle` overrides the locale's clock. */
export function formattersFor(locale: string, zone: string, hourCycle?: HourCycle): Formatters {
  const cacheKey = `${locale}\n${zone}\n${hourCycle ?? ''}`;
  const cached = formattersCache.get(cacheKey);
  if (cached) return cached;

  const cycle = hourCycle ?? conventionalHourCycle(locale, zone);
  const make = (options: Intl.DateTimeFormatOptions) => dateTimeFormat(locale, zone, options);
  const weekdayShort = make({ weekday: 'short' });
  const weekdayLong = make({ weekday: 'long' });
  const date = make({ weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' });
  const dayMonth = make({ day: 'numeric', month: 'short' });
  const monthYear = make({ month: 'long', year: 'numeric' });
  const time = make({
    hour: cycle === 'h12' ? 'numeric' : '2-digit',
    minute: '2-digit',
    hourCycle: cycle,
  });
  const offset = make({ timeZoneName: 'shortOffset' });
  const day = make({ year: 'numeric', month: 'numeric', day: 'numeric' });
  let separator: string | undefined;
  // `formatRange` costs some 20 times `format`. Within one day its text is fixed by the two
  // wall-clock times alone, so it is cached by their formatted texts; offsets by the instant's
  // date and offset as `format` writes them. Both caches are bounded.
  const ranges = new Map<string, string>();
  const offsets = new Map<string, string>();

  const formatters: Formatters = {
    locale,
    zone,
    hourCycle: cycle,
    weekdayShort: (instant) => weekdayShort.format(instant),
    weekdayLong: (instant) => weekdayLong.format(instant),
    date: (instant) => date.format(instant),
    dayMonth: (instant) => dayMonth.format(instant),
    monthYear: (instant) => monthYear.format(instant),
    time: (instant) => time.format(instant),
    timeRange: (start, end) => {
      const from = time.format(start);
      const to = time.format(end);
      // Intl collapses a range whose ends print alike (an hour across a fall-back) to one time.
      if (day.format(start) === day.format(end) && from !== to) {
        const key = `${from}\n${to}`;
        let text = ranges.get(key);
        if (text === undefined) {
          text = time.formatRange(start, end);
          remember(ranges, key, text);
        }
        return text;
      }
      // Across midnight Intl would add both dates; a slot label wants the two times only.
      separator ??= rangeSeparator(time);
      return `${from}${separator}${to}`;
    },
    zoneOffset: (instant) => {
      const key = offset.format(instant);
      let text = offsets.get(key);
      if (text === undefined) {
        text =
          offset.formatToParts(instant).find((part) => part.type === 'timeZoneName')?.value ?? zone;
        remember(offsets, key, text);
      }
      return text;
    },
  };
  formattersCache.set(cacheKey, formatters);
  return formatters;
}

/**
 * `start`-`end` with the zone's offset at each end, "1:30 AM (GMT+1) – 1:00 AM (GMT+0)", when a
 * clock change falls inside the range (its two offsets differ), so that a range that looks
 * longer or shorter than it is, or backwards, says why; undefined when both offsets agree.
 */
export function rangeAcrossClockChange(
  f: Formatters,
  start: number,
  end: number,
): string | undefined {
  const from = f.zoneOffset(start);
  const to = f.zoneOffset(end);
  return from === to ? undefined : `${f.time(start)} (${from}) – ${f.time(end)} (${to})`;
}

/**
 * `label: value` as the locale punctuates it: French puts a narrow no-break space before the
 * colon (`Confirmer : lundi…`).
 */
export function labelled(locale: string, label: string, value: string): string {
  return `${label}${locale === 'fr' || locale.startsWith('fr-') ? '\u202f:' : ':'} ${value}`;
}

const pluralRulesCache = new Map<string, Intl.PluralRules>();
const numberFormatCache = new Map<string, Intl.NumberFormat>();

/** A cached per-locale Intl object. */
function cachedFor<T>(cache: Map<string, T>, locale: string, create: (locale: string) => T): T {
  let value = cache.get(locale);
  if (value === undefined) {
    value = create(locale);
    cache.set(locale, value);
  }
  return value;
}

/** The extra parameters of a counted phrase besides the count itself. */
type CountExtras<K extends CountKey> = Omit<StringParams<`count.${K}.other`>, 'n'>;

/** The argument list after the count: the extra parameters when the phrase has any. */
export type CountArgs<K extends CountKey> = keyof CountExtras<K> extends never
  ? []
  : [params: { [P in keyof CountExtras<K>]: string | number }];

/** A counted phrase in the plural form `n` takes in the strings' locale: `1 slot`, `3 slots`. */
export function formatCount<K extends CountKey>(
  strings: Strings,
  key: K,
  n: number,
  ...args: CountArgs<K>
): string {
  const { locale } = strings;
  const numbers = cachedFor(numberFormatCache, locale, (l) => new Intl.NumberFormat(l));
  const category = cachedFor(pluralRulesCache, locale, (l) => new Intl.PluralRules(l)).select(n);
  const form = (pluralCategories as readonly string[]).includes(category) ? category : 'other';
  const params: Record<string, string> = { n: numbers.format(n) };
  for (const [name, value] of Object.entries(args[0] ?? {})) {
    params[name] = typeof value === 'number' ? numbers.format(value) : String(value);
  }
  const t = strings.t as (key: StringKey, params: Record<string, string>) => string;
  return t(`count.${key}.${form}` as StringKey, params);
}
