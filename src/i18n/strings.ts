/**
 * The message catalogue: every user-visible string of the library, keyed by a stable dotted id
 * (`context.key`, contexts `common`, `availability_viewer`, `slot_picker`, `rts`, `errors`,
 * `count`). The booking page's `rts.*` messages live in `strings-rts.ts`, so that the other
 * elements do not download them: `loadStrings` looks messages up among the common ones and
 * those added with `addMessages` (the booking page's class adds its own).
 *
 * Contract: each entry is a function `(msg, params?) => string` whose body is one
 * `msg(source, {id})` call with the English source text; `lit-localize extract` reads those calls
 * into `locales/*.xlf`. Callers pass either @lit/localize's global `msg` or a per-locale lookup
 * (see `locale.ts`), so one catalogue serves both. Parameters are named strings, already
 * formatted for the locale. Counted phrases have one entry per plural category
 * (`count.<name>.one|many|other`), the counted number always named `n`: `msg` has no plural
 * forms, so `formatCount` picks the category with `Intl.PluralRules`.
 */
import { str } from '@lit/localize';
import type { MsgFn } from '@lit/localize';
import { rtsCatalogue } from './strings-rts.js';

/** A catalogue entry: renders its message through the given `msg`. */
export type CatalogueEntry = (msg: MsgFn, params: never) => string;

/** The names of the booking page's messages (`rts.<name>`, in `strings-rts.ts`). */
const rtsNames = [
  'with_organizer',
  'duration',
  'location',
  'your_time_zone',
  'organizer_zone',
  'none_suitable',
  'none_suitable_heading',
  'none_suitable_text',
  'no_times_text',
  'confirm_heading',
  'book',
  'booking',
  'field_name',
  'field_email',
  'field_note',
  'optional',
  'name_required',
  'email_required',
  'email_invalid',
  'note_required',
  'field_too_long',
  'field_rejected',
  'fix_fields',
  'conflict_heading',
  'conflict_text',
  'success_heading',
  'your_time',
  'organizer_time',
  'add_to_calendar',
  'download_ics',
  'google_calendar',
  'outlook_calendar',
  'opens_new_tab',
  'redirecting',
  'completed_heading',
  'completed_text',
  'booked_time',
  'disabled_heading',
  'disabled_text',
  'organizer_message',
  'expired_heading',
  'expired_text',
  'invalid_link_heading',
  'invalid_link_text',
  'missing_token_heading',
  'missing_token_text',
  'error_heading',
] as const;

/** The id of one of the booking page's messages. */
export type RtsStringKey = `rts.${(typeof rtsNames)[number]}`;

/** The messages of every element but the booking page's own, keyed by their stable ids. */
const commonCatalogue = {
  'common.loading': (msg) => msg('Loading…', { id: 'common.loading' }),
  'common.refreshing': (msg) => msg('Refreshing…', { id: 'common.refreshing' }),
  'common.retry': (msg) => msg('Try again', { id: 'common.retry' }),
  'common.back': (msg) => msg('Back', { id: 'common.back' }),
  'common.next': (msg) => msg('Next', { id: 'common.next' }),
  'common.previous': (msg) => msg('Previous', { id: 'common.previous' }),
  'common.earlier': (msg) => msg('Earlier', { id: 'common.earlier' }),
  'common.later': (msg) => msg('Later', { id: 'common.later' }),
  'common.time_zone': (msg) => msg('Time zone', { id: 'common.time_zone' }),
  'common.times_in_zone': (msg, p: { zone: string; offset: string }) =>
    msg(str`Times in ${p.zone} (${p.offset})`, { id: 'common.times_in_zone' }),
  'common.search_time_zones': (msg) => msg('Search time zones', { id: 'common.search_time_zones' }),
  'common.close': (msg) => msg('Close', { id: 'common.close' }),
  'common.cancel': (msg) => msg('Cancel', { id: 'common.cancel' }),
  'common.confirm': (msg) => msg('Confirm', { id: 'common.confirm' }),
  'common.select_day': (msg) => msg('Select a day', { id: 'common.select_day' }),
  'common.select_time': (msg) => msg('Select a time', { id: 'common.select_time' }),
  'common.no_times': (msg) => msg('No times available', { id: 'common.no_times' }),
  'common.next_availability': (msg, p: { date: string }) =>
    msg(str`Next availability on ${p.date}`, { id: 'common.next_availability' }),
  'common.calendars_out_of_date': (msg) =>
    msg('Some calendars are not up to date, so these times may change.', {
      id: 'common.calendars_out_of_date',
    }),
  'common.jump_to_next_availability': (msg) =>
    msg('Jump to next availability', { id: 'common.jump_to_next_availability' }),
  'common.week_of': (msg, p: { date: string }) =>
    msg(str`Week of ${p.date}`, { id: 'common.week_of' }),
  'common.previous_week': (msg) => msg('Previous week', { id: 'common.previous_week' }),
  'common.next_week': (msg) => msg('Next week', { id: 'common.next_week' }),

  'availability_viewer.available': (msg) =>
    msg('Available', { id: 'availability_viewer.available' }),
  'availability_viewer.unavailable': (msg) =>
    msg('Unavailable', { id: 'availability_viewer.unavailable' }),
  'availability_viewer.busy': (msg) => msg('Busy', { id: 'availability_viewer.busy' }),
  'availability_viewer.booked': (msg) => msg('Booked', { id: 'availability_viewer.booked' }),
  'availability_viewer.free': (msg) => msg('Free', { id: 'availability_viewer.free' }),
  'availability_viewer.selected': (msg) => msg('Selected', { id: 'availability_viewer.selected' }),
  'availability_viewer.start': (msg) => msg('Start', { id: 'availability_viewer.start' }),
  'availability_viewer.end': (msg) => msg('End', { id: 'availability_viewer.end' }),
  'availability_viewer.n_of_m_free': (msg, p: { n: string; m: string }) =>
    msg(str`${p.n} of ${p.m} free`, { id: 'availability_viewer.n_of_m_free' }),
  'availability_viewer.legend': (msg) => msg('Legend', { id: 'availability_viewer.legend' }),
  'availability_viewer.earlier': (msg) =>
    msg('Show earlier times', { id: 'availability_viewer.earlier' }),
  'availability_viewer.later': (msg) =>
    msg('Show later times', { id: 'availability_viewer.later' }),
  'availability_viewer.free_outside_hours': (msg) =>
    msg('Free times lie outside the hours shown.', {
      id: 'availability_viewer.free_outside_hours',
    }),
  'availability_viewer.skipped_time': (msg) =>
    msg('Skipped by the clock change', { id: 'availability_viewer.skipped_time' }),
  'availability_viewer.max_selection_reached': (msg) =>
    msg('Selection limit reached. Remove a time to choose another.', {
      id: 'availability_viewer.max_selection_reached',
    }),

  'slot_picker.select_day': (msg) => msg('Select a day', { id: 'slot_picker.select_day' }),
  'slot_picker.select_time': (msg) => msg('Select a time', { id: 'slot_picker.select_time' }),
  'slot_picker.confirm_heading': (msg) =>
    msg('Confirm your time', { id: 'slot_picker.confirm_heading' }),
  'slot_picker.confirm': (msg) => msg('Confirm', { id: 'slot_picker.confirm' }),
  'slot_picker.back': (msg) => msg('Back', { id: 'slot_picker.back' }),
  'slot_picker.cancel': (msg) => msg('Cancel', { id: 'slot_picker.cancel' }),
  'slot_picker.selected_slot': (msg, p: { slot: string }) =>
    msg(str`Selected: ${p.slot}`, { id: 'slot_picker.selected_slot' }),
  'slot_picker.previous_month': (msg) =>
    msg('Previous month', { id: 'slot_picker.previous_month' }),
  'slot_picker.next_month': (msg) => msg('Next month', { id: 'slot_picker.next_month' }),

  'errors.config': (msg) =>
    msg('This scheduling page is not set up correctly.', { id: 'errors.config' }),
  'errors.invalid_attribute': (msg, p: { attribute: string; reason: string }) =>
    msg(str`The ${p.attribute} attribute is invalid: ${p.reason}`, {
      id: 'errors.invalid_attribute',
    }),
  'errors.auth': (msg) =>
    msg('We could not confirm access to these times. The link may have expired.', {
      id: 'errors.auth',
    }),
  'errors.forbidden': (msg) =>
    msg('You do not have permission to see these times.', { id: 'errors.forbidden' }),
  'errors.not_found': (msg) =>
    msg('We could not find what you are looking for. The link may be incorrect.', {
      id: 'errors.not_found',
    }),
  'errors.invalid_query': (msg) =>
    msg('These times cannot be shown because the request is not valid.', {
      id: 'errors.invalid_query',
    }),
  'errors.rate_limited': (msg) =>
    msg('There have been too many requests. Please wait a moment and try again.', {
      id: 'errors.rate_limited',
    }),
  'errors.server': (msg) =>
    msg('Something went wrong on our side. Please try again in a moment.', {
      id: 'errors.server',
    }),
  'errors.network': (msg) =>
    msg('We could not connect. Please check your internet connection and try again.', {
      id: 'errors.network',
    }),
  'errors.bad_response': (msg) =>
    msg('We received an unexpected response. Please try again.', { id: 'errors.bad_response' }),
  'errors.conflict': (msg) =>
    msg('Sorry, this time has just been booked. Please choose another time.', {
      id: 'errors.conflict',
    }),
  'errors.gone': (msg) => msg('This booking link is no longer available.', { id: 'errors.gone' }),

  'count.slots.one': (msg, p: { n: string }) => msg(str`${p.n} slot`, { id: 'count.slots.one' }),
  'count.slots.many': (msg, p: { n: string }) => msg(str`${p.n} slots`, { id: 'count.slots.many' }),
  'count.slots.other': (msg, p: { n: string }) =>
    msg(str`${p.n} slots`, { id: 'count.slots.other' }),
  'count.slots_selected.one': (msg, p: { n: string }) =>
    msg(str`${p.n} slot selected`, { id: 'count.slots_selected.one' }),
  'count.slots_selected.many': (msg, p: { n: string }) =>
    msg(str`${p.n} slots selected`, { id: 'count.slots_selected.many' }),
  'count.slots_selected.other': (msg, p: { n: string }) =>
    msg(str`${p.n} slots selected`, { id: 'count.slots_selected.other' }),
  'count.participants_free.one': (msg, p: { free: string; n: string }) =>
    msg(str`${p.free} of ${p.n} participant free`, { id: 'count.participants_free.one' }),
  'count.participants_free.many': (msg, p: { free: string; n: string }) =>
    msg(str`${p.free} of ${p.n} participants free`, { id: 'count.participants_free.many' }),
  'count.participants_free.other': (msg, p: { free: string; n: string }) =>
    msg(str`${p.free} of ${p.n} participants free`, { id: 'count.participants_free.other' }),
} satisfies Record<string, CatalogueEntry>;

/** The messages `loadStrings` can render: the common ones and those added with `addMessages`. */
const known = new Map<string, CatalogueEntry>(Object.entries(commonCatalogue));

/** Makes `entries` available to `loadStrings` (an element's own messages, such as `rts.*`). */
export function addMessages(entries: Record<string, CatalogueEntry>): void {
  for (const [key, entry] of Object.entries(entries)) known.set(key, entry);
}

/** The entry of message `key`, if it is common or was added with `addMessages`. */
export function messageEntry(key: string): CatalogueEntry | undefined {
  return known.get(key);
}

/** Adds the booking page's messages and returns every message of the library. */
function everyMessage(): typeof commonCatalogue & typeof rtsCatalogue {
  addMessages(rtsCatalogue);
  return { ...commonCatalogue, ...rtsCatalogue };
}

/**
 * Every UI string of the library, keyed by its stable id (reading it also makes the booking
 * page's messages available to `loadStrings`). Marked pure: a bundle that never reads it leaves
 * it out, and the booking page's messages with it.
 */
export const catalogue = /* @__PURE__ */ everyMessage();

/** The id of any message in the catalogue. */
export type StringKey = keyof typeof catalogue;

/** The named parameters a message takes (`undefined` when it takes none). */
export type StringParams<K extends StringKey> = Parameters<(typeof catalogue)[K]>[1];

/** The argument list after the key: the parameters object when the message has any. */
export type StringArgs<K extends StringKey> =
  StringParams<K> extends undefined ? [] : [params: StringParams<K>];

/** Plural categories the catalogue covers; the six locales use no others (CLDR 46). */
export const pluralCategories = ['one', 'many', 'other'] as const;

/** A counted phrase: the catalogue holds `count.<name>.<category>` for each category. */
export type CountKey = StringKey extends infer K
  ? K extends `count.${infer Name}.other`
    ? Name
    : never
  : never;

/** Whether `key` names a message in the catalogue (loaded or not). */
export function isStringKey(key: string): key is StringKey {
  return (
    Object.hasOwn(commonCatalogue, key) ||
    (key.startsWith('rts.') && (rtsNames as readonly string[]).includes(key.slice(4)))
  );
}
