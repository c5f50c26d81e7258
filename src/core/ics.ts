/**
 * Calendar files and add-to-calendar links for a booked event.
 *
 * Contract: input is a `CalendarEvent` whose instants are UTC epoch ms. `icsOf` returns an
 * RFC 5545 `VCALENDAR` holding one `VEVENT`: `DTSTAMP`, `DTSTART` and `DTEND` in UTC (`...Z`),
 * text values escaped (backslash, semicolon, comma, newline), every content line folded at 75
 * octets of UTF-8 without splitting a character, lines ending in CRLF. The link builders return
 * Google Calendar and Outlook (live or office) compose URLs for the same event. Pure: no DOM, no
 * I/O; runs in browsers and Node.
 */

/** A person on the event: an address and, when known, a display name. */
export interface CalendarPerson {
  email: string;
  name?: string;
}

/** The event a file or link describes; instants are UTC epoch ms. */
export interface CalendarEvent {
  /** Globally unique id, e.g. `evt_123@scheduling-elements`. */
  uid: string;
  start: number;
  end: number;
  summary: string;
  description?: string;
  location?: string;
  organizer?: CalendarPerson;
  attendees?: readonly CalendarPerson[];
  /** When the event was stamped (`DTSTAMP`); defaults to the `now` given to `icsOf`. */
  stamp?: number;
}

const MAX_LINE_OCTETS = 75;
const encoder = new TextEncoder();

/** `ms` as an iCalendar UTC date-time, `YYYYMMDDTHHMMSSZ`. */
export function icsDateTime(ms: number): string {
  return new Date(ms)
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}Z$/, 'Z');
}

/** `text` as an iCalendar TEXT value: backslash, semicolon, comma and newlines escaped. */
export function icsText(text: string): string {
  return text
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n');
}

/** `line` folded into CRLF-joined lines of at most 75 UTF-8 octets, continuations led by a space. */
export function foldedLine(line: string): string {
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  // The first line may hold 75 octets; continuation lines 74 after their leading space.
  let limit = MAX_LINE_OCTETS;
  for (const char of line) {
    const size = encoder.encode(char).length;
    if (octets + size > limit) {
      parts.push(current);
      current = '';
      octets = 0;
      limit = MAX_LINE_OCTETS - 1;
    }
    current += char;
    octets += size;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

/** A parameter value, quoted when it holds characters a bare value may not (`:`, `;`, `,`). */
function paramValue(value: string): string {
  const clean = value.replace(/["\r\n]/g, '');
  return /[:;,]/.test(clean) ? `"${clean}"` : clean;
}

/** An `ORGANIZER` or `ATTENDEE` property line for `person`. */
function personLine(name: 'ORGANIZER' | 'ATTENDEE', person: CalendarPerson): string {
  const cn = person.name ? `;CN=${paramValue(person.name)}` : '';
  return `${name}${cn}:mailto:${person.email.replace(/[\r\n]/g, '')}`;
}

/** The RFC 5545 text of a calendar holding `event`, CRLF line ends, folded at 75 octets. */
export function icsOf(event: CalendarEvent, now: number = Date.now()): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//scheduling-elements//booking//EN',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    'BEGIN:VEVENT',
    `UID:${icsText(event.uid)}`,
    `DTSTAMP:${icsDateTime(event.stamp ?? now)}`,
    `DTSTART:${icsDateTime(event.start)}`,
    `DTEND:${icsDateTime(event.end)}`,
    `SUMMARY:${icsText(event.summary)}`,
  ];
  if (event.description) lines.push(`DESCRIPTION:${icsText(event.description)}`);
  if (event.location) lines.push(`LOCATION:${icsText(event.location)}`);
  if (event.organizer) lines.push(personLine('ORGANIZER', event.organizer));
  for (const attendee of event.attendees ?? []) lines.push(personLine('ATTENDEE', attendee));
  lines.push('END:VEVENT', 'END:VCALENDAR');
  return lines.map(foldedLine).join('\r\n') + '\r\n';
}

/** A Google Calendar link that opens a new event prefilled with `event`. */
export function googleCalendarUrl(event: CalendarEvent): string {
  const url = new URL('https://calendar.google.com/calendar/render');
  url.searchParams.set('action', 'TEMPLATE');
  url.searchParams.set('text', event.summary);
  url.searchParams.set('dates', `${icsDateTime(event.start)}/${icsDateTime(event.end)}`);
  if (event.description) url.searchParams.set('details', event.description);
  if (event.location) url.searchParams.set('location', event.location);
  if (event.attendees?.length) {
    url.searchParams.set('add', event.attendees.map((a) => a.email).join(','));
  }
  return url.toString();
}

/** An Outlook link (`live` for Outlook.com, `office` for Microsoft 365) that composes `event`. */
export function outlookCalendarUrl(
  event: CalendarEvent,
  service: 'live' | 'office' = 'live',
): string {
  const host = service === 'live' ? 'outlook.live.com' : 'outlook.office.com';
  const url = new URL(`https://${host}/calendar/0/deeplink/compose`);
  url.searchParams.set('path', '/calendar/action/compose');
  url.searchParams.set('rru', 'addevent');
  url.searchParams.set('subject', event.summary);
  url.searchParams.set('startdt', new Date(event.start).toISOString().replace('.000Z', 'Z'));
  url.searchParams.set('enddt', new Date(event.end).toISOString().replace('.000Z', 'Z'));
  if (event.description) url.searchParams.set('body', event.description);
  if (event.location) url.searchParams.set('location', event.location);
  if (event.attendees?.length) {
    url.searchParams.set('to', event.attendees.map((a) => a.email).join(','));
  }
  return url.toString();
}
