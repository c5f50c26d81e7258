/**
 * The zones a visitor can choose from: every IANA zone `Intl` knows, with its offset now.
 *
 * Contract: ids come from `Intl.supportedValuesOf('timeZone')` (plus `UTC`), offsets are those
 * at the given UTC instant; the current zone comes first (as spelled, its aliases left out), the rest ordered by offset, then id.
 * Lists are cached per current zone and hour, so opening the select twice costs nothing.
 */
import {
  canonicalZone,
  currentZoneName,
  isValidZone,
  offsetLabel,
  offsetMinutes,
} from '../../core/time.js';

/** One choice in the zone list. */
export interface ZoneOption {
  /** The IANA id, e.g. `America/New_York`. */
  id: string;
  /** The offset at the instant the list was made for: `GMT-5`, `GMT+5:30`, `GMT`. */
  offset: string;
  /** What the visitor reads: `America/New York (GMT-5)`. */
  label: string;
}

const HOUR_MS = 3_600_000;
let knownIds: string[] | undefined;
const listCache = new Map<string, ZoneOption[]>();

/** Every zone id the runtime knows, `UTC` included. */
export function knownZoneIds(): readonly string[] {
  if (!knownIds) {
    // Under their current names (Asia/Kolkata), which `Intl` accepts as well as the old ones.
    const ids = new Set(Intl.supportedValuesOf('timeZone').map(currentZoneName));
    ids.add('UTC');
    knownIds = [...ids];
  }
  return knownIds;
}

/** The readable label of zone `id` at an offset: underscores as spaces, offset in parentheses. */
export function zoneLabel(id: string, offset: string): string {
  return `${id.replace(/_/g, ' ')} (${offset})`;
}

/** The zone list for a visitor currently in `current`, with offsets at `nowMs`. */
export function zoneOptions(current: string, nowMs: number): readonly ZoneOption[] {
  const hour = Math.floor(nowMs / HOUR_MS);
  const cacheKey = `${current}\n${hour}`;
  const cached = listCache.get(cacheKey);
  if (cached) return cached;
  const at = hour * HOUR_MS;
  const first = isValidZone(current) ? current : undefined;
  // Aliases (Asia/Kolkata, Asia/Calcutta) of the current zone would list it twice.
  const firstCanonical = first && canonicalZone(first);
  const rest = knownZoneIds()
    .filter((id) => id !== first && canonicalZone(id) !== firstCanonical)
    .map((id) => ({ id, minutes: offsetMinutes(at, id) }))
    .sort((a, b) => a.minutes - b.minutes || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const option = (id: string): ZoneOption => {
    const offset = offsetLabel(at, id);
    return { id, offset, label: zoneLabel(id, offset) };
  };
  const list = [...(first ? [option(first)] : []), ...rest.map(({ id }) => option(id))];
  if (listCache.size > 16) listCache.clear();
  listCache.set(cacheKey, list);
  return list;
}

/** The options whose id or offset contains every word of `search` (any case, `_` as space). */
export function matchingZoneOptions(
  options: readonly ZoneOption[],
  search: string,
): readonly ZoneOption[] {
  const words = search.toLowerCase().replace(/_/g, ' ').split(/\s+/).filter(Boolean);
  if (words.length === 0) return options;
  return options.filter((o) => {
    const text = o.label.toLowerCase();
    return words.every((w) => text.includes(w));
  });
}
