/**
 * The booking page's messages (`rts.*`), in the form of the catalogue in `strings.ts` (one
 * `msg(source, {id})` call per entry, read by `lit-localize extract`). Kept apart so that only
 * the booking page downloads them; its class adds them with `addMessages` when defined.
 */
import { str } from '@lit/localize';
import type { CatalogueEntry, RtsStringKey } from './strings.js';

/** Every message of `<rts-booking-page>`, keyed by its stable id. */
export const rtsCatalogue = {
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
} satisfies Record<RtsStringKey, CatalogueEntry>;
