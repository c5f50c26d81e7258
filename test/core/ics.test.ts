import { expect } from '@open-wc/testing';
import {
  foldedLine,
  googleCalendarUrl,
  icsDateTime,
  icsOf,
  icsText,
  outlookCalendarUrl,
  type CalendarEvent,
} from '../../src/core/ics.js';

const utc = (iso: string) => Date.parse(iso);
const octets = (text: string) => new TextEncoder().encode(text).length;

/** The content lines of an iCalendar text, unfolded. */
function unfolded(ics: string): string[] {
  return ics.replace(/\r\n /g, '').split('\r\n').slice(0, -1);
}

const EVENT: CalendarEvent = {
  uid: 'evt_1@scheduling-elements',
  start: utc('2026-12-01T09:30:00Z'),
  end: utc('2026-12-01T10:00:00Z'),
  summary: 'Interview, round 2; panel',
  description: 'Bring: CV\nand a pen \\ pencil',
  location: 'Room 4, Floor 2',
  organizer: { email: 'ada@example.com', name: 'Ada Okonkwo' },
  attendees: [{ email: 'sam@example.com', name: 'Sam; Jr' }, { email: 'lee@example.com' }],
};

describe('icsDateTime', () => {
  const cases: [string, string][] = [
    ['2026-12-01T09:30:00Z', '20261201T093000Z'],
    ['2026-03-29T01:00:00.000Z', '20260329T010000Z'],
    ['1999-12-31T23:59:59Z', '19991231T235959Z'],
  ];
  for (const [iso, expected] of cases) {
    it(`${iso} -> ${expected}`, () => expect(icsDateTime(utc(iso))).to.equal(expected));
  }
});

describe('icsText', () => {
  const cases: [string, string][] = [
    ['plain', 'plain'],
    ['a,b', 'a\\,b'],
    ['a;b', 'a\\;b'],
    ['back\\slash', 'back\\\\slash'],
    ['one\ntwo\r\nthree\rfour', 'one\\ntwo\\nthree\\nfour'],
    ['\\,;', '\\\\\\,\\;'],
  ];
  for (const [input, expected] of cases) {
    it(`${JSON.stringify(input)} -> ${JSON.stringify(expected)}`, () =>
      expect(icsText(input)).to.equal(expected));
  }
});

describe('foldedLine', () => {
  const cases: [string, string][] = [
    ['short ASCII', 'SUMMARY:' + 'x'.repeat(20)],
    ['exactly 75 octets', 'S'.repeat(75)],
    ['76 octets', 'S'.repeat(76)],
    ['long ASCII', 'DESCRIPTION:' + 'abcdefghij'.repeat(30)],
    ['two-octet characters', 'SUMMARY:' + 'é'.repeat(100)],
    ['three-octet characters', 'SUMMARY:' + '日本語'.repeat(40)],
    ['four-octet emoji', 'SUMMARY:' + '📅'.repeat(50)],
  ];
  for (const [name, line] of cases) {
    it(`${name}: lines of at most 75 octets that unfold to the input`, () => {
      const folded = foldedLine(line);
      const parts = folded.split('\r\n');
      parts.forEach((part, i) => {
        expect(octets(part)).to.be.at.most(75);
        if (i > 0) expect(part.startsWith(' ')).to.equal(true);
      });
      expect(folded.replace(/\r\n /g, '')).to.equal(line);
      expect(parts.length > 1).to.equal(octets(line) > 75);
    });
  }

  it('never splits a multi-octet character, filling lines as far as it fits', () => {
    const parts = foldedLine('X' + 'é'.repeat(80)).split('\r\n');
    // 1 + 37 * 2 = 75 octets on the first line; the next é would make 77.
    expect(octets(parts[0])).to.equal(75);
    expect(parts[1]).to.equal(' ' + 'é'.repeat(37));
  });
});

describe('icsOf', () => {
  const stamp = utc('2026-11-25T12:00:00Z');
  const ics = icsOf(EVENT, stamp);
  const lines = unfolded(ics);

  it('is a VCALENDAR around one VEVENT with CRLF line ends only', () => {
    expect(ics.endsWith('\r\n')).to.equal(true);
    expect(ics.replace(/\r\n/g, '')).not.to.match(/[\r\n]/);
    expect(lines[0]).to.equal('BEGIN:VCALENDAR');
    expect(lines).to.include('VERSION:2.0');
    expect(lines.at(-1)).to.equal('END:VCALENDAR');
    expect(lines.filter((l) => l === 'BEGIN:VEVENT')).to.have.length(1);
    expect(lines.indexOf('END:VEVENT')).to.equal(lines.length - 2);
    for (const line of ics.split('\r\n')) expect(octets(line)).to.be.at.most(75);
  });

  const expected: [string, string][] = [
    ['UID', 'UID:evt_1@scheduling-elements'],
    ['DTSTAMP', 'DTSTAMP:20261125T120000Z'],
    ['DTSTART', 'DTSTART:20261201T093000Z'],
    ['DTEND', 'DTEND:20261201T100000Z'],
    ['SUMMARY', 'SUMMARY:Interview\\, round 2\\; panel'],
    ['DESCRIPTION', 'DESCRIPTION:Bring: CV\\nand a pen \\\\ pencil'],
    ['LOCATION', 'LOCATION:Room 4\\, Floor 2'],
    ['ORGANIZER', 'ORGANIZER;CN=Ada Okonkwo:mailto:ada@example.com'],
    ['quoted ATTENDEE', 'ATTENDEE;CN="Sam; Jr":mailto:sam@example.com'],
    ['bare ATTENDEE', 'ATTENDEE:mailto:lee@example.com'],
  ];
  for (const [name, line] of expected) {
    it(`has ${name}`, () => expect(lines).to.include(line));
  }

  it('leaves out what is not known and takes DTSTAMP from the event when given', () => {
    const bare = unfolded(
      icsOf({ uid: 'u', start: EVENT.start, end: EVENT.end, summary: 's', stamp: EVENT.start }),
    );
    expect(bare.some((l) => /^(DESCRIPTION|LOCATION|ORGANIZER|ATTENDEE)/.test(l))).to.equal(false);
    expect(bare).to.include('DTSTAMP:20261201T093000Z');
  });

  it('folds a long UTF-8 description and unfolds back to the escaped text', () => {
    const description = 'Grüße aus Köln — 日本語のテキスト, '.repeat(8);
    const text = icsOf({ ...EVENT, description }, stamp);
    for (const line of text.split('\r\n')) expect(octets(line)).to.be.at.most(75);
    expect(unfolded(text)).to.include(`DESCRIPTION:${icsText(description)}`);
  });
});

describe('add-to-calendar links', () => {
  const cases: [string, () => string, string, Record<string, string>][] = [
    [
      'Google',
      () => googleCalendarUrl(EVENT),
      'https://calendar.google.com/calendar/render',
      {
        action: 'TEMPLATE',
        text: EVENT.summary,
        dates: '20261201T093000Z/20261201T100000Z',
        details: EVENT.description!,
        location: EVENT.location!,
        add: 'sam@example.com,lee@example.com',
      },
    ],
    [
      'Outlook.com',
      () => outlookCalendarUrl(EVENT),
      'https://outlook.live.com/calendar/0/deeplink/compose',
      {
        rru: 'addevent',
        subject: EVENT.summary,
        startdt: '2026-12-01T09:30:00Z',
        enddt: '2026-12-01T10:00:00Z',
        body: EVENT.description!,
        location: EVENT.location!,
      },
    ],
    [
      'Microsoft 365',
      () => outlookCalendarUrl(EVENT, 'office'),
      'https://outlook.office.com/calendar/0/deeplink/compose',
      { subject: EVENT.summary, startdt: '2026-12-01T09:30:00Z' },
    ],
  ];
  for (const [name, build, base, params] of cases) {
    it(`${name}: ${base} with the event's fields`, () => {
      const url = new URL(build());
      expect(`${url.origin}${url.pathname}`).to.equal(base);
      for (const [key, value] of Object.entries(params)) {
        expect(url.searchParams.get(key), key).to.equal(value);
      }
    });
  }
});
