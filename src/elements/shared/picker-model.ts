/**
 * What `<slot-picker>` shows, computed from slots without DOM: the days that have bookable
 * times in a zone, each day's times, and the month calendar with its keyboard movement.
 *
 * Contract: slots are API slots with UTC ISO instants, sorted or not; days are `YYYY-MM-DD`
 * keys in the given IANA zone, in date order; a time appears once per real instant range (the
 * same start and end from several participant subsets are one time, keeping the most
 * participants); `repeated` marks a time whose start or end wall clock occurs twice that night
 * (a fall-back overlap), so the label must show the offset. Months are `YYYY-MM` keys.
 */
import {
  addDays,
  dayKey,
  instantsOf,
  parseDayKey,
  wallClockOf,
  weekdayOf,
} from '../../core/time.js';
import type { ApiAvailableSlot } from '../../core/types.js';
import type { Formatters } from '../../i18n/index.js';
import { rangeAcrossClockChange } from '../../i18n/format.js';

/** One bookable time. */
export interface PickerTime {
  /** UTC epoch ms. */
  start: number;
  /** UTC epoch ms. */
  end: number;
  /** The slot as the API returned it. */
  slot: ApiAvailableSlot;
  /** Whether the start or end wall clock is ambiguous in the zone (shown with its offset). */
  repeated: boolean;
}

/** A day with bookable times. */
export interface PickerDay {
  /** `YYYY-MM-DD` in the zone. */
  key: string;
  /** The day's times, by start. */
  times: PickerTime[];
}

/** Whether the zone's clocks read the wall clock of `instant` at two instants. */
function isAmbiguous(instant: number, zone: string): boolean {
  return instantsOf(wallClockOf(instant, zone), zone).length > 1;
}

/** The days with bookable times in `zone`, in date order, each with its distinct times. */
export function pickerDays(slots: readonly ApiAvailableSlot[], zone: string): PickerDay[] {
  const byRange = new Map<string, PickerTime>();
  for (const slot of slots) {
    const start = Date.parse(slot.start);
    const end = Date.parse(slot.end);
    if (!(end > start)) continue;
    const range = `${start}/${end}`;
    const known = byRange.get(range);
    if (!known || known.slot.participants.length < slot.participants.length) {
      byRange.set(range, { start, end, slot, repeated: false });
    }
  }
  const times = [...byRange.values()].sort((a, b) => a.start - b.start || a.end - b.end);
  const days: PickerDay[] = [];
  let current: PickerDay | undefined;
  for (const time of times) {
    const key = dayKey(time.start, zone);
    if (key !== current?.key) {
      current = { key, times: [] };
      days.push(current);
    }
    time.repeated = isAmbiguous(time.start, zone) || isAmbiguous(time.end, zone);
    current.times.push(time);
  }
  return days;
}

/** The day and time holding the range `[start, end)`, if any. */
export function findTime(
  days: readonly PickerDay[],
  start: number,
  end: number,
): { day: PickerDay; time: PickerTime } | undefined {
  for (const day of days) {
    for (const time of day.times) {
      if (time.start === start && time.end === end) return { day, time };
    }
  }
  return undefined;
}

/** The `YYYY-MM` month of a day key. */
export function monthOf(key: string): string {
  return key.slice(0, 7);
}

/** The month `n` months after `month` (before it for negative `n`). */
export function addMonths(month: string, n: number): string {
  const { year, month: m } = parseDayKey(`${month}-01`);
  const index = year * 12 + (m - 1) + n;
  const y = Math.floor(index / 12);
  return `${String(y).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** The weeks (rows of seven day keys) covering `month`, weeks starting on `weekStart` (0 = Sunday). */
export function monthWeeks(month: string, weekStart: number): string[][] {
  const first = `${month}-01`;
  let day = addDays(first, -((weekdayOf(first) - weekStart + 7) % 7));
  const weeks: string[][] = [];
  while (weeks.length === 0 || monthOf(day) === month) {
    const week: string[] = [];
    for (let i = 0; i < 7; i++) {
      week.push(day);
      day = addDays(day, 1);
    }
    weeks.push(week);
  }
  return weeks;
}

/** The months holding at least one of `days`, in order. */
export function monthsWithDays(days: readonly PickerDay[]): string[] {
  const months: string[] = [];
  for (const day of days) {
    const month = monthOf(day.key);
    if (months[months.length - 1] !== month) months.push(month);
  }
  return months;
}

/** The first month after `month` that has availability, if any ("next available"). */
export function nextMonthWithDays(months: readonly string[], month: string): string | undefined {
  return months.find((m) => m > month);
}

/** The day key a calendar key press moves focus to from `key`, or undefined for other keys. */
export function dayAfterKeyPress(
  key: string,
  keyName: string,
  weekStart: number,
): string | undefined {
  const column = (weekdayOf(key) - weekStart + 7) % 7;
  switch (keyName) {
    case 'ArrowLeft':
      return addDays(key, -1);
    case 'ArrowRight':
      return addDays(key, 1);
    case 'ArrowUp':
      return addDays(key, -7);
    case 'ArrowDown':
      return addDays(key, 7);
    case 'Home':
      return addDays(key, -column);
    case 'End':
      return addDays(key, 6 - column);
    case 'PageUp':
    case 'PageDown': {
      const month = addMonths(monthOf(key), keyName === 'PageUp' ? -1 : 1);
      const wanted = parseDayKey(key).day;
      // The same date, or the target month's last day when it is shorter (31 Jan -> 28 Feb).
      let day = `${month}-01`;
      for (let d = 1; d < wanted && monthOf(addDays(day, 1)) === month; d++) day = addDays(day, 1);
      return day;
    }
    default:
      return undefined;
  }
}

/** The first day of the week for a locale (0 = Sunday), from `Intl.Locale` week data; Monday when unknown. */
export function weekStartOf(locale: string): number {
  try {
    const info = new Intl.Locale(locale) as Intl.Locale & {
      getWeekInfo?: () => { firstDay: number };
      weekInfo?: { firstDay: number };
    };
    const firstDay = info.getWeekInfo?.().firstDay ?? info.weekInfo?.firstDay;
    return firstDay === undefined ? 1 : firstDay % 7;
  } catch {
    return 1;
  }
}

/**
 * A time's range as shown ("10:00 – 10:30"), with offsets where the zone's clocks repeat an hour
 * or change inside the range.
 */
export function timeLabel(
  f: Formatters,
  time: Pick<PickerTime, 'start' | 'end' | 'repeated'>,
): string {
  const across = rangeAcrossClockChange(f, time.start, time.end);
  if (across !== undefined) return across;
  const range = f.timeRange(time.start, time.end);
  return time.repeated ? `${range} (${f.zoneOffset(time.start)})` : range;
}

/** Weekday, full date, time range and zone: the accessible name of a time. */
export function slotName(
  f: Formatters,
  time: Pick<PickerTime, 'start' | 'end' | 'repeated'>,
): string {
  return `${f.date(time.start)}, ${timeLabel(f, time)}, ${f.zone}`;
}
