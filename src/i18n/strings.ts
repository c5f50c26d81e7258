/**
 * The message catalogue: every user-visible string of the library, keyed by a stable dotted id
 * (`context.key`, contexts `common`, `availability_viewer`, `slot_picker`, `errors`, `count`).
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

/** A catalogue entry: renders its message through the given `msg`. */
type CatalogueEntry = (msg: MsgFn, params: never) => string;

/** Every UI string of the library, keyed by its stable id. */
export const catalogue = {
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

  'rts.with_organizer': (msg, p: { name: string }) =>
    msg(str`With ${p.name}`, { id: 'rts.with_organizer' }),
  'rts.duration': (msg) => msg('Duration', { id: 'rts.duration' }),
  'rts.location': (msg) => msg('Location', { id: 'rts.location' }),
  'rts.your_time_zone': (msg) => msg('Your time zone', { id: 'rts.your_time_zone' }),
  'rts.organizer_zone': (msg, p: { zone: string; offset: string }) =>
    msg(str`The organiser's time zone is ${p.zone} (${p.offset}).`, { id: 'rts.organizer_zone' }),
  'rts.none_suitable': (msg) => msg('None of these times work', { id: 'rts.none_suitable' }),
  'rts.none_suitable_heading': (msg) =>
    msg('Thank you for letting us know', { id: 'rts.none_suitable_heading' }),
  'rts.none_suitable_text': (msg) =>
    msg('The organiser has been told that none of these times work for you.', {
      id: 'rts.none_suitable_text',
    }),
  'rts.no_times_text': (msg) =>
    msg('There are no times left to book with this link. The organiser has been told.', {
      id: 'rts.no_times_text',
    }),
  'rts.confirm_heading': (msg) => msg('Confirm your booking', { id: 'rts.confirm_heading' }),
  'rts.book': (msg) => msg('Book this time', { id: 'rts.book' }),
  'rts.booking': (msg) => msg('Booking…', { id: 'rts.booking' }),
  'rts.field_name': (msg) => msg('Your name', { id: 'rts.field_name' }),
  'rts.field_email': (msg) => msg('Your email address', { id: 'rts.field_email' }),
  'rts.field_note': (msg) => msg('Note for the organiser', { id: 'rts.field_note' }),
  'rts.optional': (msg) => msg('optional', { id: 'rts.optional' }),
  'rts.name_required': (msg) => msg('Please enter your name.', { id: 'rts.name_required' }),
  'rts.email_required': (msg) =>
    msg('Please enter your email address.', { id: 'rts.email_required' }),
  'rts.email_invalid': (msg) =>
    msg('Please enter an email address like name@example.com.', { id: 'rts.email_invalid' }),
  'rts.note_required': (msg) => msg('Please add a note.', { id: 'rts.note_required' }),
  'rts.field_too_long': (msg, p: { max: string }) =>
    msg(str`Please keep this under ${p.max} characters.`, { id: 'rts.field_too_long' }),
  'rts.field_rejected': (msg) => msg('Please check this field.', { id: 'rts.field_rejected' }),
  'rts.fix_fields': (msg) => msg('Please correct the marked fields.', { id: 'rts.fix_fields' }),
  'rts.conflict_heading': (msg) => msg('That time was just taken', { id: 'rts.conflict_heading' }),
  'rts.conflict_text': (msg) =>
    msg('Someone booked it a moment ago. Please choose another time; your details are kept.', {
      id: 'rts.conflict_text',
    }),
  'rts.success_heading': (msg) => msg('You are booked', { id: 'rts.success_heading' }),
  'rts.your_time': (msg) => msg('Your time', { id: 'rts.your_time' }),
  'rts.organizer_time': (msg, p: { name: string }) =>
    msg(str`${p.name}'s time`, { id: 'rts.organizer_time' }),
  'rts.add_to_calendar': (msg) => msg('Add to your calendar', { id: 'rts.add_to_calendar' }),
  'rts.download_ics': (msg) => msg('Download calendar file (.ics)', { id: 'rts.download_ics' }),
  'rts.google_calendar': (msg) => msg('Google Calendar', { id: 'rts.google_calendar' }),
  'rts.outlook_calendar': (msg) => msg('Outlook.com', { id: 'rts.outlook_calendar' }),
  'rts.opens_new_tab': (msg) => msg('opens in a new tab', { id: 'rts.opens_new_tab' }),
  'rts.redirecting': (msg) => msg('Taking you to the next page…', { id: 'rts.redirecting' }),
  'rts.completed_heading': (msg) =>
    msg('This time has already been booked', { id: 'rts.completed_heading' }),
  'rts.completed_text': (msg) =>
    msg('This booking link has been used. Check your calendar for the booked time.', {
      id: 'rts.completed_text',
    }),
  'rts.booked_time': (msg, p: { time: string }) =>
    msg(str`Booked time: ${p.time}`, { id: 'rts.booked_time' }),
  'rts.disabled_heading': (msg) =>
    msg('This booking link is switched off', { id: 'rts.disabled_heading' }),
  'rts.disabled_text': (msg) =>
    msg('The organiser is no longer taking bookings through this link.', {
      id: 'rts.disabled_text',
    }),
  'rts.organizer_message': (msg) =>
    msg('Message from the organiser', { id: 'rts.organizer_message' }),
  'rts.expired_heading': (msg) =>
    msg('This booking link has expired', { id: 'rts.expired_heading' }),
  'rts.expired_text': (msg) =>
    msg('Please ask the organiser for a new link.', { id: 'rts.expired_text' }),
  'rts.invalid_link_heading': (msg) =>
    msg('This booking link is not valid', { id: 'rts.invalid_link_heading' }),
  'rts.invalid_link_text': (msg) =>
    msg(
      'Check that you opened the whole link from your invitation, or ask the organiser for a new one.',
      {
        id: 'rts.invalid_link_text',
      },
    ),
  'rts.missing_token_heading': (msg) =>
    msg('This booking link is incomplete', { id: 'rts.missing_token_heading' }),
  'rts.missing_token_text': (msg) =>
    msg('The link is missing its access code. Please open the full link from your invitation.', {
      id: 'rts.missing_token_text',
    }),
  'rts.error_heading': (msg) => msg('Something went wrong', { id: 'rts.error_heading' }),

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

/** Whether `key` names a message in the catalogue. */
export function isStringKey(key: string): key is StringKey {
  return Object.hasOwn(catalogue, key);
}
