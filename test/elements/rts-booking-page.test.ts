/**
 * `<rts-booking-page>` through its page object with an injected fake client: every view
 * (loading, the open flow, conflict, completed, disabled, expired, no times, none suitable, bad
 * and missing token, network failure with Retry), inline validation, the whole flow by keyboard
 * alone, a locale switch, the calendar file, the redirect, axe in every state; the link page
 * module; and the embedded API's booking link endpoints, a double booking included. The browser
 * runs in Pacific/Chatham, so every test forces its zone.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { ApiAvailableSlot } from '../../src/core/types.js';
import { SchedulingError, abortError } from '../../src/data/errors.js';
import {
  RtsConflictError,
  RtsLinkClosedError,
  type RtsApi,
  type RtsBooking,
  type RtsBookingRequest,
  type RtsLink,
  type RtsRequestOptions,
} from '../../src/data/rts.js';
import type { RtsBookingPage } from '../../src/elements/rts-booking-page/rts-booking-page.js';
import type { BookingRedirectEvent } from '../../src/elements/rts-booking-page/rts-events.js';
import {
  fieldProblem,
  recipientOf,
  serverFieldProblems,
} from '../../src/elements/rts-booking-page/recipient-form.js';
import {
  localeFromLanguages,
  startBookingPage,
  tokenFromHash,
} from '../../src/elements/rts-booking-page/start.js';
import type {
  BookingConfirmedEvent,
  SchedulingErrorDetail,
} from '../../src/elements/shared/events.js';
import type { Notification } from '../../src/elements/shared/notifications.js';
import { loadStrings } from '../../src/i18n/index.js';
import { RtsBookingPageObject } from './rts-booking-page-object.js';

const iso = (ms: number) => new Date(ms).toISOString().replace('.000Z', 'Z');

/** 30-minute slots starting at each ISO instant. */
function slotsAt(...starts: string[]): ApiAvailableSlot[] {
  return starts.map((start) => ({
    start,
    end: iso(Date.parse(start) + 30 * 60_000),
    participants: [{ sub: 'acc_1' }],
  }));
}

/** Two days in December 2026: the 1st (New York 10:00 and 10:30) and the 2nd (11:00). */
const SLOTS = slotsAt('2026-12-01T15:00:00Z', '2026-12-01T15:30:00Z', '2026-12-02T16:00:00Z');

function openLink(overrides: Partial<RtsLink> = {}): RtsLink {
  return {
    id: 'rts_1',
    status: 'open',
    summary: 'Intro call',
    description: 'A first conversation',
    location: 'Video call',
    duration_minutes: 30,
    organizer: { name: 'Ada Demo', tzid: 'Europe/London' },
    fields: { name: 'required', email: 'required', note: 'optional' },
    window: { start: '2026-12-01T00:00:00Z', end: '2026-12-15T00:00:00Z' },
    display_message: null,
    booking: null,
    ...overrides,
  };
}

function bookingFor(request: RtsBookingRequest, redirect: string | null = null): RtsBooking {
  return {
    event_id: 'evt_42',
    summary: 'Intro call',
    start: request.slot.start,
    end: request.slot.end,
    tzid: 'Europe/London',
    organizer: { name: 'Ada Demo', tzid: 'Europe/London' },
    recipient: request.recipient,
    redirect_url: redirect,
  };
}

type Answer<T> = T | Error | 'never';

function answer<T>(value: Answer<T>, options: RtsRequestOptions = {}): Promise<T> {
  if (value === 'never') {
    return new Promise((_, reject) =>
      options.signal?.addEventListener('abort', () => reject(abortError())),
    );
  }
  return value instanceof Error ? Promise.reject(value) : Promise.resolve(value);
}

/** A client answering from a script, recording every call. */
class FakeRts implements RtsApi {
  calls: string[] = [];
  bookings: RtsBookingRequest[] = [];
  linkAnswer: Answer<RtsLink> = openLink();
  slotsAnswer: Answer<ApiAvailableSlot[]> = SLOTS;
  bookAnswer: (request: RtsBookingRequest, call: number) => Answer<RtsBooking> = (r) =>
    bookingFor(r);
  suitableAnswer: Answer<void> = undefined;

  link(options?: RtsRequestOptions): Promise<RtsLink> {
    this.calls.push('link');
    return answer(this.linkAnswer, options);
  }
  slots(_range?: unknown, options?: RtsRequestOptions): Promise<ApiAvailableSlot[]> {
    this.calls.push('slots');
    return answer(this.slotsAnswer, options);
  }
  book(request: RtsBookingRequest, options?: RtsRequestOptions): Promise<RtsBooking> {
    this.calls.push('book');
    this.bookings.push(request);
    return answer(this.bookAnswer(request, this.bookings.length), options);
  }
  noTimesSuitable(options?: RtsRequestOptions): Promise<void> {
    this.calls.push('no_times_suitable');
    return answer(this.suitableAnswer, options);
  }
  noTimesDisplayed(options?: RtsRequestOptions): Promise<void> {
    this.calls.push('no_times_displayed');
    return answer<void>(undefined, options);
  }
}

interface Recorded {
  errors: SchedulingErrorDetail[];
  confirmed: RtsBooking[];
  notifications: Notification[];
}

async function mount(
  client: FakeRts,
  attrs: { locale?: string } = {},
): Promise<{ page: RtsBookingPageObject; seen: Recorded }> {
  const seen: Recorded = { errors: [], confirmed: [], notifications: [] };
  const page = await RtsBookingPageObject.mount(
    html`<rts-booking-page
      tzid="America/New_York"
      locale=${attrs.locale ?? 'en'}
      .client=${client}
      .callback=${(n: Notification) => seen.notifications.push(n)}
      @scheduling-error=${(e: CustomEvent<SchedulingErrorDetail>) => seen.errors.push(e.detail)}
      @booking-confirmed=${(e: BookingConfirmedEvent) =>
        seen.confirmed.push(e.detail.booking as RtsBooking)}
    ></rts-booking-page>`,
  );
  return { page, seen };
}

/** Picks the 1st of December and its first time, reaching the details form. */
async function toConfirm(page: RtsBookingPageObject): Promise<void> {
  await page.clickDate(1);
  await page.clickTimeAt(0);
}

describe('<rts-booking-page> open link', () => {
  it('books by mouse: header, month calendar, times, details, success in both zones', async () => {
    const client = new FakeRts();
    const { page, seen } = await mount(client);
    expect(page.title).to.equal('Intro call');
    expect(page.header).to.contain('With Ada Demo');
    expect(page.header).to.contain('Duration 30 minutes');
    expect(page.header).to.contain('Location Video call');
    expect(page.heading).to.equal('Select a day');
    expect(page.month).to.equal('December 2026');
    expect(page.availableDates).to.deep.equal(['1', '2']);
    expect(page.zoneLines).to.deep.equal([
      'Times in America/New_York (GMT-5)',
      "The organiser's time zone is Europe/London (GMT+0).",
    ]);
    await expect(page.el).to.be.accessible();

    await page.clickDate(1);
    expect(page.heading).to.equal('Select a time');
    expect(page.times).to.deep.equal(['10:00 – 10:30 AM', '10:30 – 11:00 AM']);
    expect(page.focusedElement).to.equal('h2');
    expect(page.announcement).to.contain('Select a time: Tuesday, December 1, 2026');
    await expect(page.el).to.be.accessible();

    await page.clickTimeAt(1);
    expect(page.heading).to.equal('Confirm your booking');
    expect(page.focusedElement).to.equal('h2');
    expect(page.summary).to.equal('Tuesday, December 1, 2026, 10:30 – 11:00 AM, America/New_York');
    expect(page.fieldLabels).to.deep.equal([
      'Your name',
      'Your email address',
      'Note for the organiser (optional)',
    ]);
    expect(page.field('name')!.getAttribute('autocomplete')).to.equal('name');
    expect(page.field('email')!.getAttribute('autocomplete')).to.equal('email');
    expect(page.field('email')!.getAttribute('type')).to.equal('email');
    await expect(page.el).to.be.accessible();

    await page.fill('name', '  Grace Hopper ');
    await page.fill('email', 'grace@example.com');
    await page.fill('note', 'See you then');
    await page.clickBook();
    await page.settled();

    expect(client.bookings).to.deep.equal([
      {
        slot: { start: '2026-12-01T15:30:00Z', end: '2026-12-01T16:00:00Z' },
        recipient: { name: 'Grace Hopper', email: 'grace@example.com', note: 'See you then' },
      },
    ]);
    expect(page.heading).to.equal('You are booked');
    expect(page.focusedElement).to.equal('h2');
    expect(page.yourTime).to.equal(
      'Tuesday, December 1, 2026, 10:30 – 11:00 AM (America/New_York, GMT-5)',
    );
    expect(page.organizerTime).to.equal(
      'Tuesday, December 1, 2026, 3:30 – 4:00 PM (Europe/London, GMT+0)',
    );
    expect(page.announcement).to.contain('You are booked');
    expect(seen.confirmed).to.have.length(1);
    expect(seen.confirmed[0]!.event_id).to.equal('evt_42');
    expect(seen.notifications).to.deep.equal([
      { notification: { type: 'booking_confirmed', booking: seen.confirmed[0] } },
    ]);
    expect(seen.errors).to.deep.equal([]);
    await expect(page.el).to.be.accessible();
  });

  it('offers the booked event as an RFC 5545 file and calendar links without the token', async () => {
    const client = new FakeRts();
    const { page } = await mount(client);
    page.el.token = 'secret-link-token';
    await page.settled();
    await toConfirm(page);
    await page.fill('name', 'Grace, Hopper');
    await page.fill('email', 'grace@example.com');
    await page.clickBook();
    await page.settled();

    const link = page.icsLink!;
    expect(link.getAttribute('download')).to.equal('booking.ics');
    expect(link.href).to.match(/^blob:/);
    const ics = await (await fetch(link.href)).text();
    expect(ics).to.contain('BEGIN:VCALENDAR\r\nVERSION:2.0\r\n');
    expect(ics).to.contain('UID:evt_42@scheduling-elements\r\n');
    expect(ics).to.contain('DTSTART:20261201T150000Z\r\nDTEND:20261201T153000Z\r\n');
    expect(ics).to.contain('SUMMARY:Intro call\r\n');
    expect(ics).to.contain('DESCRIPTION:A first conversation\r\n');
    expect(ics).to.contain('LOCATION:Video call\r\n');
    expect(ics).to.contain('ATTENDEE;CN="Grace, Hopper":mailto:grace@example.com\r\n');
    expect(ics.endsWith('END:VEVENT\r\nEND:VCALENDAR\r\n')).to.equal(true);

    const { google, outlook } = page.calendarUrls;
    const g = new URL(google);
    expect(g.origin).to.equal('https://calendar.google.com');
    expect(g.searchParams.get('dates')).to.equal('20261201T150000Z/20261201T153000Z');
    expect(g.searchParams.get('text')).to.equal('Intro call');
    const o = new URL(outlook);
    expect(o.searchParams.get('startdt')).to.equal('2026-12-01T15:00:00Z');
    for (const url of [google, outlook, link.href]) {
      expect(url).not.to.contain('secret-link-token');
    }
  });

  it('validates fields inline, focuses the first problem, and maps server field errors', async () => {
    const client = new FakeRts();
    client.bookAnswer = (_r, call) =>
      call === 1
        ? new SchedulingError('invalid_query', 'HTTP 422', {
            status: 422,
            errors: {
              'recipient.email': [{ key: 'errors.invalid', description: 'not deliverable' }],
            },
          })
        : bookingFor(_r);
    const { page, seen } = await mount(client);
    await toConfirm(page);

    await page.fill('email', 'grace@');
    await page.leave('email');
    expect(page.fieldError('email')).to.equal(
      'Please enter an email address like name@example.com.',
    );
    expect(page.field('email')!.getAttribute('aria-invalid')).to.equal('true');
    expect(page.field('email')!.getAttribute('aria-describedby')).to.equal('field-email-error');
    expect(page.fieldError('name'), 'an untouched field shows no error yet').to.equal('');
    await expect(page.el).to.be.accessible();

    await page.clickBook();
    expect(client.bookings, 'nothing sent while fields are invalid').to.have.length(0);
    expect(page.fieldError('name')).to.equal('Please enter your name.');
    expect(page.focusedElement).to.equal('input#field-name');
    expect(page.announcement).to.equal('Please correct the marked fields.');

    await page.fill('name', 'Grace');
    expect(page.fieldError('name')).to.equal('');
    await page.fill('email', 'grace@example.invalid');
    expect(page.fieldError('email')).to.equal('');
    await page.clickBook();
    await page.settled();
    expect(client.bookings).to.have.length(1);
    expect(page.heading).to.equal('Confirm your booking');
    expect(page.fieldError('email')).to.equal(
      'Please enter an email address like name@example.com.',
    );
    expect(page.focusedElement).to.equal('input#field-email');
    expect(page.field('name')!.value).to.equal('Grace');
    expect(seen.errors.map((e) => e.kind)).to.deep.equal(['invalid_query']);
    await expect(page.el).to.be.accessible();

    await page.fill('email', 'grace@example.com');
    await page.clickBook();
    await page.settled();
    expect(page.heading).to.equal('You are booked');
  });

  it('shows "That time was just taken" with fresh times and every field kept', async () => {
    const client = new FakeRts();
    client.bookAnswer = (r, call) =>
      call === 1
        ? new RtsConflictError('HTTP 409', slotsAt('2026-12-01T15:30:00Z', '2026-12-02T16:00:00Z'))
        : bookingFor(r);
    const { page, seen } = await mount(client);
    await toConfirm(page);
    await page.fill('name', 'Grace');
    await page.fill('email', 'grace@example.com');
    await page.fill('note', 'Bring the agenda');
    await page.clickBook();
    await page.settled();

    expect(page.headings).to.deep.equal(['That time was just taken', 'Select a time']);
    expect(page.conflictText).to.contain('your details are kept');
    expect(page.times, 'the fresh times of the same day').to.deep.equal(['10:30 – 11:00 AM']);
    expect(page.focused).to.equal('That time was just taken');
    expect(seen.errors.map((e) => e.kind)).to.deep.equal(['conflict']);
    await expect(page.el).to.be.accessible();

    await page.clickTimeAt(0);
    expect(page.field('name')!.value).to.equal('Grace');
    expect(page.field('email')!.value).to.equal('grace@example.com');
    expect(page.field('note')!.value).to.equal('Bring the agenda');
    await page.clickBook();
    await page.settled();
    expect(client.bookings[1]).to.deep.equal({
      slot: { start: '2026-12-01T15:30:00Z', end: '2026-12-01T16:00:00Z' },
      recipient: { name: 'Grace', email: 'grace@example.com', note: 'Bring the agenda' },
    });
    expect(page.heading).to.equal('You are booked');
  });

  it('returns to the calendar after a conflict that emptied the chosen day', async () => {
    const client = new FakeRts();
    client.bookAnswer = () => new RtsConflictError('HTTP 409', slotsAt('2026-12-02T16:00:00Z'));
    const { page } = await mount(client);
    await toConfirm(page);
    await page.fill('name', 'Grace');
    await page.fill('email', 'grace@example.com');
    await page.clickBook();
    await page.settled();
    expect(page.headings).to.deep.equal(['That time was just taken', 'Select a day']);
    expect(page.availableDates).to.deep.equal(['2']);
  });

  it('shows the booked time when another booking on the same link won the race', async () => {
    const client = new FakeRts();
    const booked = { start: '2026-12-02T16:00:00Z', end: '2026-12-02T16:30:00Z' };
    client.bookAnswer = () =>
      new RtsConflictError('HTTP 409', [], 409, openLink({ status: 'completed', booking: booked }));
    const { page, seen } = await mount(client);
    await toConfirm(page);
    await page.fill('name', 'Grace');
    await page.fill('email', 'grace@example.com');
    await page.clickBook();
    await page.settled();
    expect(page.linkState).to.equal('completed');
    expect(page.linkStateText).to.contain('Wednesday, December 2, 2026, 11:00 – 11:30 AM');
    expect(page.focusedElement).to.equal('h2');
    expect(seen.errors.map((e) => e.kind)).to.deep.equal(['conflict']);
    expect(client.calls).not.to.include('no_times_displayed');
  });

  it('says so, and tells the organiser once, when a conflict leaves no times at all', async () => {
    const client = new FakeRts();
    client.bookAnswer = () => new RtsConflictError('HTTP 409', []);
    const { page } = await mount(client);
    await toConfirm(page);
    await page.fill('name', 'Grace');
    await page.fill('email', 'grace@example.com');
    await page.clickBook();
    await page.settled();
    expect(page.headings).to.deep.equal(['That time was just taken', 'No times available']);
    expect(client.calls.filter((c) => c === 'no_times_displayed')).to.have.length(1);
    await expect(page.el).to.be.accessible();
  });

  it('keeps the fields after a network failure while booking and books on Retry', async () => {
    const client = new FakeRts();
    client.bookAnswer = (r, call) =>
      call === 1 ? new SchedulingError('network', 'POST failed: offline') : bookingFor(r);
    const { page, seen } = await mount(client);
    await toConfirm(page);
    await page.fill('name', 'Grace');
    await page.fill('email', 'grace@example.com');
    await page.clickBook();
    await page.settled();
    expect(page.errorText).to.contain('We could not connect');
    expect(page.canRetry).to.equal(true);
    expect(page.field('name')!.value).to.equal('Grace');
    expect(seen.errors.map((e) => e.kind)).to.deep.equal(['network']);
    await expect(page.el).to.be.accessible();
    await page.clickRetry();
    await page.settled();
    expect(page.heading).to.equal('You are booked');
    expect(client.bookings).to.have.length(2);
  });

  it('holds the form while booking: Book and Back disabled, busy, announced', async () => {
    const client = new FakeRts();
    client.bookAnswer = () => 'never';
    const { page } = await mount(client);
    await toConfirm(page);
    await page.fill('name', 'Grace');
    await page.fill('email', 'grace@example.com');
    await page.clickBook();
    const root = page.el.shadowRoot!;
    expect(root.querySelector('[part="base"]')!.getAttribute('aria-busy')).to.equal('true');
    expect(root.querySelector<HTMLButtonElement>('[part~="confirm-button"]')!.disabled).to.equal(
      true,
    );
    expect(root.querySelector<HTMLButtonElement>('[part~="back-button"]')!.disabled).to.equal(true);
    expect(page.announcement).to.equal('Booking…');
    await page.press('Escape');
    expect(page.heading, 'Escape does not leave a booking in flight').to.equal(
      'Confirm your booking',
    );
    await expect(page.el).to.be.accessible();
  });

  it('leaves for redirect_url unless the host cancels booking-redirect', async () => {
    for (const cancel of [false, true]) {
      const client = new FakeRts();
      client.bookAnswer = (r) => bookingFor(r, 'https://example.com/thanks');
      const { page } = await mount(client);
      const visited: string[] = [];
      page.el.navigate = (url) => visited.push(url);
      const redirects: string[] = [];
      page.el.addEventListener('booking-redirect', (e: BookingRedirectEvent) => {
        redirects.push(e.detail.url);
        if (cancel) e.preventDefault();
      });
      await toConfirm(page);
      await page.fill('name', 'Grace');
      await page.fill('email', 'grace@example.com');
      await page.clickBook();
      await page.settled();
      await page.el.updateComplete;
      expect(redirects).to.deep.equal(['https://example.com/thanks']);
      expect(visited).to.deep.equal(cancel ? [] : ['https://example.com/thanks']);
      expect(page.heading).to.equal('You are booked');
    }
  });

  it('never navigates to a redirect_url that is not http(s)', async () => {
    const client = new FakeRts();
    client.bookAnswer = (r) => bookingFor(r, 'javascript:alert(1)');
    const { page, seen } = await mount(client);
    const visited: string[] = [];
    page.el.navigate = (url) => visited.push(url);
    await toConfirm(page);
    await page.fill('name', 'Grace');
    await page.fill('email', 'grace@example.com');
    await page.clickBook();
    await page.settled();
    expect(visited).to.deep.equal([]);
    expect(seen.errors.map((e) => e.kind)).to.deep.equal(['bad_response']);
    expect(page.heading).to.equal('You are booked');
  });

  it('books by keyboard alone: calendar arrows, Enter, Tab through the fields, Escape back', async () => {
    const client = new FakeRts();
    const { page } = await mount(client);
    const before = document.createElement('button');
    before.textContent = 'before';
    page.el.before(before);
    before.focus();
    await page.press('Tab');
    before.remove();
    expect(page.focused).to.equal('Tuesday, December 1, 2026, 2 slots');
    await page.press('ArrowRight');
    expect(page.focused).to.equal('Wednesday, December 2, 2026, 1 slot');
    await page.press('ArrowLeft', 'Enter');
    expect(page.heading).to.equal('Select a time');
    expect(page.focusedElement).to.equal('h2');
    await page.press('Tab');
    expect(page.focused).to.contain('10:00 – 10:30 AM');
    await page.press('ArrowDown');
    expect(page.focused).to.contain('10:30 – 11:00 AM');
    await page.press('Escape');
    expect(page.heading).to.equal('Select a day');
    expect(page.focused).to.equal('Tuesday, December 1, 2026, 2 slots');
    await page.press('Enter', 'Tab', 'Enter');
    expect(page.heading).to.equal('Confirm your booking');
    await page.press('Tab');
    expect(page.focusedElement).to.equal('input#field-name');
    await page.type('Grace Hopper');
    await page.press('Tab');
    await page.type('grace@example.com');
    await page.press('Tab');
    await page.type('Hello');
    await page.press('Tab');
    expect(page.focused).to.equal('Back');
    await page.press('Tab');
    expect(page.focused).to.contain('Book this time');
    await page.press('Enter');
    await page.settled();
    expect(page.heading).to.equal('You are booked');
    expect(client.bookings[0]!.recipient).to.deep.equal({
      name: 'Grace Hopper',
      email: 'grace@example.com',
      note: 'Hello',
    });
  });

  it('submits with Enter in a field', async () => {
    const client = new FakeRts();
    client.linkAnswer = openLink({ fields: { name: 'required', email: 'off', note: 'off' } });
    const { page } = await mount(client);
    await toConfirm(page);
    expect(page.fieldLabels).to.deep.equal(['Your name']);
    await page.fill('name', 'Grace');
    await page.press('Enter');
    await page.settled();
    expect(page.heading).to.equal('You are booked');
    expect(client.bookings[0]!.recipient).to.deep.equal({ name: 'Grace' });
  });

  it('switches locale at runtime, keeping the step and what was typed', async () => {
    const client = new FakeRts();
    const { page } = await mount(client);
    await toConfirm(page);
    await page.fill('name', 'Grete');
    page.el.locale = 'de';
    const de = await loadStrings('de');
    await waitUntil(() => page.heading === de.t('rts.confirm_heading'), 'no German heading');
    expect(page.fieldLabels[0]).to.equal(de.t('rts.field_name'));
    expect(page.field('name')!.value).to.equal('Grete');
    expect(page.header).to.contain('30 Minuten');
    expect(
      page.el.shadowRoot!.querySelector('[part="base"]')!.getAttribute('lang'),
      'screen readers speak German',
    ).to.equal('de');
    expect(page.summary).to.contain('Dienstag, 1. Dezember 2026');
    await expect(page.el).to.be.accessible();
  });

  it('shows the times in another zone when the recipient switches zone', async () => {
    const client = new FakeRts();
    const { page } = await mount(client);
    page.el.tzid = 'Asia/Tokyo';
    await page.el.updateComplete;
    expect(page.availableDates, 'New York 1st and 2nd are Tokyo 2nd and 3rd').to.deep.equal([
      '2',
      '3',
    ]);
    await page.clickDate(2);
    expect(page.times).to.deep.equal(['12:00 – 12:30 AM', '12:30 – 1:00 AM']);
  });
});

describe('<rts-booking-page> in every locale', () => {
  for (const locale of ['en', 'de', 'es', 'fr', 'it', 'nl'] as const) {
    it(`books by keyboard alone in ${locale}`, async () => {
      const strings = await loadStrings(locale);
      const client = new FakeRts();
      const { page, seen } = await mount(client, { locale });
      expect(page.heading).to.equal(strings.t('common.select_day'));
      expect(page.zoneLines[1]).to.contain('Europe/London');
      const before = document.createElement('button');
      before.textContent = 'before';
      page.el.before(before);
      before.focus();
      await page.press('Tab');
      before.remove();
      await page.press('Enter');
      expect(page.heading).to.equal(strings.t('common.select_time'));
      await page.press('Tab', 'Enter');
      expect(page.heading).to.equal(strings.t('rts.confirm_heading'));
      expect(page.fieldLabels[0]).to.equal(strings.t('rts.field_name'));
      await page.press('Tab');
      await page.type('Grace');
      await page.press('Tab');
      await page.type('grace@example.com');
      await page.press('Tab', 'Tab', 'Tab');
      expect(page.focused).to.contain(strings.t('rts.book'));
      await page.press('Enter');
      await page.settled();
      expect(page.heading).to.equal(strings.t('rts.success_heading'));
      expect(seen.confirmed).to.have.length(1);
      expect(page.icsLink!.textContent).to.contain(strings.t('rts.download_ics'));
      await expect(page.el).to.be.accessible();
    });
  }

  it('switches zone from its searchable zone list, by keyboard', async () => {
    const { page } = await mount(new FakeRts());
    await page.clickDate(1);
    const input = page.zoneInput()!;
    expect(input.value).to.match(/^America\/New York \(GMT-5\)$/);
    input.focus();
    await page.type('tokyo');
    await page.press('Enter');
    await page.settled();
    expect(page.zoneLines[0]).to.equal('Times in Asia/Tokyo (GMT+9)');
    expect(page.heading, 'the 1st in New York is the 2nd in Tokyo').to.equal('Select a day');
    expect(page.availableDates).to.deep.equal(['2', '3']);
    await expect(page.el).to.be.accessible();
  });
});

describe('<rts-booking-page> states', () => {
  it('shows a skeleton while the link loads', async () => {
    const client = new FakeRts();
    client.linkAnswer = 'never';
    const el = await fixture<RtsBookingPage>(
      html`<rts-booking-page tzid="UTC" .client=${client}></rts-booking-page>`,
    );
    const page = new RtsBookingPageObject(el);
    await waitUntil(() => page.loading, 'no skeleton');
    expect(el.shadowRoot!.querySelector('[part="base"]')!.getAttribute('aria-busy')).to.equal(
      'true',
    );
    await expect(el).to.be.accessible();
  });

  it('says the link has already been booked, with the booked time', async () => {
    const client = new FakeRts();
    client.linkAnswer = openLink({
      status: 'completed',
      booking: { start: '2026-12-01T15:00:00Z', end: '2026-12-01T15:30:00Z' },
    });
    const { page, seen } = await mount(client);
    expect(page.linkState).to.equal('completed');
    expect(page.heading).to.equal('This time has already been booked');
    expect(page.linkStateText).to.contain(
      'Booked time: Tuesday, December 1, 2026, 10:00 – 10:30 AM (America/New_York, GMT-5)',
    );
    expect(page.title).to.equal('Intro call');
    expect(client.calls).to.deep.equal(['link']);
    expect(page.focusedElement, 'opening a used link does not move focus').to.equal('');
    expect(seen.errors.map((e) => e.kind)).to.deep.equal(['gone']);
    await expect(page.el).to.be.accessible();
  });

  it('shows both ends, with their offsets, of a booked hour across the fall-back', async () => {
    // New York, 7 November 2027: 1:00 AM EDT (05:00Z) to 1:00 AM EST (06:00Z) is one hour.
    const client = new FakeRts();
    client.linkAnswer = openLink({
      status: 'completed',
      duration_minutes: 60,
      booking: { start: '2027-11-07T05:00:00Z', end: '2027-11-07T06:00:00Z' },
    });
    const { page } = await mount(client);
    expect(page.linkStateText).to.contain(
      'Booked time: Sunday, November 7, 2027, 1:00 AM (GMT-4) – 1:00 AM (GMT-5) (America/New_York)',
    );
  });

  it("shows a disabled link with the organiser's message", async () => {
    const client = new FakeRts();
    client.linkAnswer = openLink({
      status: 'disabled',
      display_message: 'I am away until January <b>really</b>.',
    });
    const { page } = await mount(client);
    expect(page.linkState).to.equal('disabled');
    expect(page.heading).to.equal('This booking link is switched off');
    expect(page.organizerMessage).to.equal('I am away until January <b>really</b>.');
    expect(page.el.shadowRoot!.querySelector('b'), 'API text is never markup').to.equal(null);
    await expect(page.el).to.be.accessible();
  });

  it('shows an expired link', async () => {
    const client = new FakeRts();
    client.linkAnswer = openLink({ status: 'expired' });
    const { page } = await mount(client);
    expect(page.linkState).to.equal('expired');
    expect(page.heading).to.equal('This booking link has expired');
    expect(page.linkStateText).to.contain('Please ask the organiser for a new link.');
    await expect(page.el).to.be.accessible();
  });

  it('switches to the closed view when the link closes while booking', async () => {
    const client = new FakeRts();
    client.bookAnswer = () => new RtsLinkClosedError('HTTP 410', openLink({ status: 'expired' }));
    const { page, seen } = await mount(client);
    await toConfirm(page);
    await page.fill('name', 'Grace');
    await page.fill('email', 'grace@example.com');
    await page.clickBook();
    await page.settled();
    expect(page.linkState).to.equal('expired');
    expect(page.focusedElement, 'the interruption takes focus').to.equal('h2');
    expect(page.announcement, 'no stale "Booking…"').to.equal('This booking link has expired');
    expect(seen.errors.map((e) => e.kind)).to.deep.equal(['gone']);
  });

  it('puts focus on Try again when booking fails, and Try again books', async () => {
    const client = new FakeRts();
    client.bookAnswer = () => new SchedulingError('server', 'HTTP 500', { status: 500 });
    const { page, seen } = await mount(client);
    await toConfirm(page);
    await page.fill('name', 'Grace');
    await page.fill('email', 'grace@example.com');
    await page.clickBook();
    await page.settled();
    const active = page.el.shadowRoot!.activeElement;
    expect(active?.getAttribute('part'), 'focus is not lost to the page').to.equal('retry-button');
    expect(seen.errors.map((e) => e.kind)).to.deep.equal(['server']);
    client.bookAnswer = (r) => bookingFor(r);
    (active as HTMLElement).click();
    await page.settled();
    expect(page.heading).to.equal('You are booked');
    expect(client.bookings).to.have.length(2);
  });

  it('reloads the link when a 410 while booking carries no view, reporting it once', async () => {
    const client = new FakeRts();
    client.bookAnswer = () => {
      client.linkAnswer = openLink({ status: 'disabled', display_message: 'Closed for now' });
      return new RtsLinkClosedError('HTTP 410', undefined);
    };
    const { page, seen } = await mount(client);
    await toConfirm(page);
    await page.fill('name', 'Grace');
    await page.fill('email', 'grace@example.com');
    await page.clickBook();
    await page.settled();
    await waitUntil(() => page.linkState === 'disabled', 'the disabled view is not shown');
    expect(page.organizerMessage).to.equal('Closed for now');
    expect(seen.errors.map((e) => e.kind)).to.deep.equal(['gone']);
    expect(client.calls).to.deep.equal(['link', 'slots', 'book', 'link']);
  });

  it('tells the organiser once when an open link has no times', async () => {
    const client = new FakeRts();
    client.slotsAnswer = [];
    const { page } = await mount(client);
    expect(page.heading).to.equal('No times available');
    expect(page.stateText('empty')).to.contain('The organiser has been told.');
    await waitUntil(() => client.calls.includes('no_times_displayed'), 'not reported');
    page.el.refresh();
    await page.settled();
    await page.el.updateComplete;
    expect(client.calls.filter((c) => c === 'no_times_displayed')).to.have.length(1);
    await expect(page.el).to.be.accessible();
  });

  it('says thank you after "None of these times work"', async () => {
    const client = new FakeRts();
    const { page } = await mount(client);
    await page.clickNoneSuitable();
    await page.settled();
    expect(client.calls.filter((c) => c === 'no_times_suitable')).to.have.length(1);
    expect(page.heading).to.equal('Thank you for letting us know');
    expect(page.focusedElement).to.equal('h2');
    expect(page.stateText('declined')).to.contain('none of these times work for you');
    await expect(page.el).to.be.accessible();
  });

  it('explains an unknown token (401) with its own view and event', async () => {
    const client = new FakeRts();
    client.linkAnswer = new SchedulingError('auth', 'HTTP 401', { status: 401 });
    const { page, seen } = await mount(client);
    expect(page.linkState).to.equal('invalid-link');
    expect(page.heading).to.equal('This booking link is not valid');
    expect(page.el.shadowRoot!.querySelector('h1')?.textContent, 'no header: the h1').to.equal(
      'This booking link is not valid',
    );
    expect(page.canRetry).to.equal(false);
    expect(seen.errors).to.deep.equal([{ kind: 'auth', status: 401, message: 'HTTP 401' }]);
    expect(seen.notifications).to.deep.equal([
      { notification: { type: 'error', element: 'Booking Page', message: 'HTTP 401' } },
    ]);
    await expect(page.el).to.be.accessible();
  });

  it('explains a missing token with its own view and a config event', async () => {
    const seen: SchedulingErrorDetail[] = [];
    const page = await RtsBookingPageObject.mount(
      html`<rts-booking-page
        tzid="UTC"
        @scheduling-error=${(e: CustomEvent<SchedulingErrorDetail>) => seen.push(e.detail)}
      ></rts-booking-page>`,
    );
    expect(page.linkState).to.equal('missing-token');
    expect(page.heading).to.equal('This booking link is incomplete');
    expect(page.el.shadowRoot!.querySelector('h1')?.textContent, 'no header: the h1').to.equal(
      'This booking link is incomplete',
    );
    expect(seen).to.have.length(1);
    expect(seen[0]!.kind).to.equal('config');
    expect(seen[0]!.attribute).to.equal('token');
    await expect(page.el).to.be.accessible();
  });

  it('explains a network failure and recovers with Retry', async () => {
    const client = new FakeRts();
    client.linkAnswer = new SchedulingError('network', 'GET failed: offline');
    const { page, seen } = await mount(client);
    expect(page.heading).to.equal('Something went wrong');
    expect(page.errorText).to.contain('We could not connect');
    expect(seen.errors.map((e) => e.kind)).to.deep.equal(['network']);
    await expect(page.el).to.be.accessible();
    client.linkAnswer = openLink();
    await page.clickRetry();
    await page.settled();
    expect(page.heading).to.equal('Select a day');
  });

  it('explains a server failure while loading times', async () => {
    const client = new FakeRts();
    client.slotsAnswer = new SchedulingError('server', 'HTTP 500', { status: 500 });
    const { page } = await mount(client);
    expect(page.errorText).to.contain('Something went wrong on our side');
    expect(page.canRetry).to.equal(true);
  });

  it('fits a 280 px wide container on every step', async () => {
    const client = new FakeRts();
    const wrapper = await fixture<HTMLDivElement>(
      html`<div style="width: 280px">
        <rts-booking-page tzid="America/New_York" .client=${client}></rts-booking-page>
      </div>`,
    );
    const page = new RtsBookingPageObject(wrapper.querySelector('rts-booking-page')!);
    await page.settled();
    const fits = () => page.el.scrollWidth <= 280 && page.el.getBoundingClientRect().width <= 280;
    expect(fits(), 'day step').to.equal(true);
    await toConfirm(page);
    expect(fits(), 'confirm step').to.equal(true);
    await page.fill('name', 'Grace');
    await page.fill('email', 'grace@example.com');
    await page.clickBook();
    await page.settled();
    expect(fits(), 'success').to.equal(true);
  });
});

describe('the booking link page module', () => {
  it('reads the token from the fragment', () => {
    expect(tokenFromHash('#token=abc123')).to.equal('abc123');
    expect(tokenFromHash('#lang=de&token=x%2By')).to.equal('x+y');
    expect(tokenFromHash('')).to.equal('');
    expect(tokenFromHash('#other=1')).to.equal('');
  });

  it('hands the token to the page element and removes the fragment', async () => {
    const original = location.href;
    const client = new FakeRts();
    const el = document.createElement('rts-booking-page');
    el.client = client;
    el.tzid = 'UTC';
    document.body.append(el);
    try {
      history.replaceState(null, '', `${location.pathname}${location.search}#token=tok_1`);
      expect(startBookingPage()).to.equal(el);
      expect(el.token).to.equal('tok_1');
      expect(location.hash).to.equal('');
    } finally {
      el.remove();
      history.replaceState(null, '', original);
    }
  });

  it("follows the browser's first supported language unless the element has a locale", () => {
    expect(localeFromLanguages(['pt-BR', 'fr-CA', 'de'])).to.equal('fr-CA');
    expect(localeFromLanguages(['pt-BR', 'ja'])).to.equal('');
    expect(localeFromLanguages([])).to.equal('');
    const client = new FakeRts();
    const el = document.createElement('rts-booking-page');
    el.client = client;
    el.tzid = 'UTC';
    document.body.append(el);
    try {
      startBookingPage(document, ['ja', 'nl-BE']);
      expect(el.locale).to.equal('nl-BE');
      el.locale = 'it';
      startBookingPage(document, ['de']);
      expect(el.locale).to.equal('it');
    } finally {
      el.remove();
    }
  });
});

describe('<rts-booking-page> against the embedded API', () => {
  /** A new booking link for Ada over the next days, made with the client secret; its token. */
  async function newLinkToken(
    summary: string,
    options: { period?: { start: string; end: string }; callbacks?: boolean } = {},
  ): Promise<string> {
    const { client_secret: secret } = (await (await fetch('/__test__/credentials')).json()) as {
      client_secret: string;
    };
    const start = Math.ceil(Date.now() / 86_400_000) * 86_400_000 + 86_400_000;
    const response = await fetch('/v1/real_time_scheduling', {
      method: 'POST',
      headers: { Authorization: `Bearer ${secret}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({
        event: { event_id: `evt-${summary}`, summary, location: { description: 'Video call' } },
        availability: {
          participants: [{ members: [{ sub: 'acc_demo_ada' }], required: 'all' }],
          required_duration: { minutes: 30 },
          query_periods: [
            options.period ?? { start: iso(start), end: iso(start + 5 * 86_400_000) },
          ],
          start_interval: { minutes: 30 },
        },
        target_calendars: [{ sub: 'acc_demo_ada', calendar_id: 'cal_demo_ada_work' }],
        tzid: 'Europe/London',
        recipient_fields: { name: 'required', email: 'required', note: 'optional' },
        ...(options.callbacks
          ? {
              callback_urls: {
                completed_url: `${location.origin}/demo/organiser/webhooks`,
                no_times_suitable_url: `${location.origin}/demo/organiser/webhooks`,
                no_times_displayed_url: `${location.origin}/demo/organiser/webhooks`,
              },
            }
          : {}),
      }),
    });
    expect(response.status, await response.clone().text()).to.equal(200);
    const { real_time_scheduling: made } = (await response.json()) as {
      real_time_scheduling: { url: string };
    };
    return tokenFromHash(new URL(made.url).hash);
  }

  async function mountReal(token: string) {
    const errors: SchedulingErrorDetail[] = [];
    const confirmed: RtsBooking[] = [];
    const page = await RtsBookingPageObject.mount(
      html`<rts-booking-page
        api-base=${location.origin}
        token=${token}
        tzid="America/New_York"
        @scheduling-error=${(e: CustomEvent<SchedulingErrorDetail>) => errors.push(e.detail)}
        @booking-confirmed=${(e: BookingConfirmedEvent) =>
          confirmed.push(e.detail.booking as RtsBooking)}
      ></rts-booking-page>`,
    );
    return { page, errors, confirmed };
  }

  it('books one time from two links: the second gets the conflict view and fresh times', async () => {
    const first = await mountReal(await newLinkToken('Race A'));
    const second = await mountReal(await newLinkToken('Race B'));
    expect(first.page.heading).to.equal('Select a day');
    expect(first.page.title).to.equal('Race A');
    expect(first.page.header).to.contain('With Ada Okonkwo');
    for (const { page } of [first, second]) {
      await page.clickFirstAvailableDate();
      await page.clickTimeAt(0);
      await page.fill('name', 'Grace Hopper');
      await page.fill('email', 'grace@example.com');
    }
    expect(second.page.summary).to.equal(first.page.summary);

    await first.page.clickBook();
    await first.page.settled();
    expect(first.page.heading).to.equal('You are booked');
    expect(first.confirmed).to.have.length(1);
    const taken = first.confirmed[0]!;

    await second.page.clickBook();
    await second.page.settled();
    expect(second.page.headings[0]).to.equal('That time was just taken');
    expect(second.errors.map((e) => e.kind)).to.deep.equal(['conflict']);
    expect(second.page.field('name'), 'the form is left for the fresh times').to.equal(null);
    if (second.page.heading === 'Select a day') await second.page.clickFirstAvailableDate();
    await second.page.clickTimeAt(0);
    expect(second.page.summary).not.to.equal(first.page.summary);
    expect(second.page.field('name')!.value).to.equal('Grace Hopper');
    expect(second.page.field('email')!.value).to.equal('grace@example.com');
    await second.page.clickBook();
    await second.page.settled();
    expect(second.page.heading).to.equal('You are booked');
    expect(second.confirmed[0]!.start).not.to.equal(taken.start);
    await expect(second.page.el).to.be.accessible();

    // The first link is now used: loading it again shows the completed view.
    first.page.el.refresh();
    await first.page.settled();
    await waitUntil(() => first.page.linkState === 'completed', 'not shown as completed');
    expect(first.page.linkStateText).to.contain('Booked time:');

    // The token only ever travelled in the Authorization header.
    const token = first.page.el.token;
    const urls = performance.getEntriesByType('resource').map((e) => e.name);
    expect(urls.some((u) => u.includes('/v1/rts/'))).to.equal(true);
    expect(urls.filter((u) => u.includes(token))).to.deep.equal([]);
  });

  it('by keyboard alone: a time taken meanwhile shows the conflict, fresh times and the fields kept', async () => {
    const otherToken = await newLinkToken('Keys A');
    const { page, errors, confirmed } = await mountReal(await newLinkToken('Keys B'));
    const before = document.createElement('button');
    before.textContent = 'before';
    page.el.before(before);
    before.focus();
    await page.press('Tab');
    before.remove();
    await page.press('Enter');
    expect(page.heading).to.equal('Select a time');
    await page.press('Tab', 'Enter');
    expect(page.heading).to.equal('Confirm your booking');
    const wanted = page.summary;
    await page.press('Tab');
    expect(page.focusedElement).to.equal('input#field-name');
    await page.type('Grace Hopper');
    await page.press('Tab');
    await page.type('grace@example.com');

    // Meanwhile another link over the same calendar books that very time, through the API.
    const headers = { Authorization: `Bearer ${otherToken}`, 'Content-Type': 'application/json' };
    const slots = (await (
      await fetch('/v1/rts/slots', { method: 'POST', headers, body: '{}' })
    ).json()) as { available_slots: { start: string; end: string }[] };
    const taken = slots.available_slots[0]!;
    const booked = await fetch('/v1/rts/bookings', {
      method: 'POST',
      headers,
      body: JSON.stringify({
        slot: { start: taken.start, end: taken.end },
        recipient: { name: 'Ada Lovelace', email: 'ada@example.com' },
      }),
    });
    expect(booked.status).to.equal(201);

    await page.press('Tab', 'Tab', 'Tab');
    expect(page.focused).to.contain('Book this time');
    await page.press('Enter');
    await page.settled();
    expect(page.headings[0]).to.equal('That time was just taken');
    expect(errors.map((e) => e.kind)).to.deep.equal(['conflict']);
    if (page.heading === 'Select a day') await page.press('Tab', 'Enter');
    expect(page.heading).to.equal('Select a time');
    await page.press('Tab');
    expect(page.focused).not.to.contain(wanted);
    await page.press('Enter');
    expect(page.heading).to.equal('Confirm your booking');
    expect(page.summary).not.to.equal(wanted);
    expect(page.field('name')!.value).to.equal('Grace Hopper');
    expect(page.field('email')!.value).to.equal('grace@example.com');
    await page.press('Tab', 'Tab', 'Tab', 'Tab', 'Tab');
    expect(page.focused).to.contain('Book this time');
    await page.press('Enter');
    await page.settled();
    expect(page.heading).to.equal('You are booked');
    expect(confirmed[0]!.start).not.to.equal(taken.start);
    await expect(page.el).to.be.accessible();
  });

  it('lets exactly one of two pages on the same link book; the other shows the booked time', async () => {
    const token = await newLinkToken('Same link race');
    const pages = [await mountReal(token), await mountReal(token)];
    for (const { page } of pages) {
      await page.clickFirstAvailableDate();
      await page.clickTimeAt(0);
      await page.fill('name', 'Grace Hopper');
      await page.fill('email', 'grace@example.com');
    }
    // Both requests leave before either answer arrives.
    for (const { page } of pages) {
      page.el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="confirm-button"]')!.click();
    }
    for (const { page } of pages) await page.settled();
    const winners = pages.filter(({ page }) => page.heading === 'You are booked');
    const losers = pages.filter(({ page }) => page.linkState === 'completed');
    expect(winners).to.have.length(1);
    expect(losers).to.have.length(1);
    expect(losers[0]!.page.linkStateText).to.contain('Booked time:');
    const kinds = losers[0]!.errors.map((e) => e.kind);
    expect(kinds, '409 when it raced, 410 when it came after').to.have.length(1);
    expect(['conflict', 'gone']).to.include(kinds[0]);
    await expect(losers[0]!.page.el).to.be.accessible();
  });

  /** Whether the demo organiser received a webhook of `type` for the link with `summary`. */
  async function webhookArrived(type: string, summary: string): Promise<boolean> {
    const { webhooks } = (await (await fetch('/demo/organiser/webhooks')).json()) as {
      webhooks: { type: string | null; verified: boolean; body: unknown }[];
    };
    return webhooks.some(
      (w) => w.verified && w.type === type && JSON.stringify(w.body).includes(summary),
    );
  }

  it('reports a link with no times once, and "none of these times work", to the organiser', async () => {
    // 02:00-03:00 in London two days from now: Ada is never free then.
    const night = Math.ceil(Date.now() / 86_400_000) * 86_400_000 + 2 * 86_400_000 + 2 * 3_600_000;
    const empty = await mountReal(
      await newLinkToken('Night call', {
        period: { start: iso(night), end: iso(night + 3_600_000) },
        callbacks: true,
      }),
    );
    expect(empty.page.heading).to.equal('No times available');
    await waitUntil(() => webhookArrived('no_times_displayed', 'Night call'), 'no webhook', {
      timeout: 15000,
      interval: 250,
    });

    const declined = await mountReal(await newLinkToken('Day call', { callbacks: true }));
    await declined.page.clickNoneSuitable();
    await declined.page.settled();
    expect(declined.page.heading).to.equal('Thank you for letting us know');
    expect(declined.errors).to.deep.equal([]);
    await waitUntil(() => webhookArrived('no_times_suitable', 'Day call'), 'no webhook', {
      timeout: 15000,
      interval: 250,
    });
  });

  it('shows the invalid-link view for a token the API does not know', async () => {
    const { page, errors } = await mountReal('rts_not-a-real-token');
    expect(page.linkState).to.equal('invalid-link');
    expect(errors.map((e) => [e.kind, e.status])).to.deep.equal([['auth', 401]]);
  });
});

describe('demo organiser panel', () => {
  it('makes a link, opens it, and lists the signed webhook of a booking on it', async () => {
    const section = document.createElement('section');
    section.id = 'organiser-panel';
    document.body.append(section);
    const opened: string[] = [];
    const realOpen = window.open;
    const fakeTab = {
      opener: window as unknown,
      location: {
        set href(url: string) {
          opened.push(url);
        },
      },
      close() {},
    };
    window.open = (() => fakeTab) as unknown as typeof window.open;
    try {
      await import('../../demo/organiser-panel.js');
      const summary = section.querySelector<HTMLInputElement>('input[name="summary"]')!;
      summary.value = 'Panel call';
      summary.dispatchEvent(new Event('input'));
      section.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
      await waitUntil(() => section.querySelector('.link a'), 'no link shown', { timeout: 8000 });
      const url = section.querySelector<HTMLAnchorElement>('.link a')!.href;
      expect(opened).to.deep.equal([url]);
      expect(fakeTab.opener).to.equal(null);

      const { page } = await mountRealToken(tokenFromHash(new URL(url).hash));
      expect(page.title).to.equal('Panel call');
      await page.clickFirstAvailableDate();
      await page.clickTimeAt(0);
      await page.fill('name', 'Grace Hopper');
      await page.fill('email', 'grace@example.com');
      await page.clickBook();
      await page.settled();
      expect(page.heading).to.equal('You are booked');
      const ours = () =>
        [...section.querySelectorAll('.webhooks li')].find((li) =>
          li.querySelector('pre')!.textContent!.includes('Panel call'),
        );
      await waitUntil(ours, 'no webhook listed for the booking', { timeout: 15000, interval: 250 });
      expect(ours()!.querySelector('.badge')!.textContent!.trim()).to.equal('verified');
      expect(ours()!.querySelector('strong')!.textContent).to.equal('completed');
    } finally {
      window.open = realOpen;
      section.remove();
    }
  });
});

async function mountRealToken(token: string) {
  const page = await RtsBookingPageObject.mount(
    html`<rts-booking-page
      api-base=${location.origin}
      token=${token}
      tzid="Europe/London"
    ></rts-booking-page>`,
  );
  return { page };
}

describe('recipient form rules', () => {
  it('finds the problem of each value under its rule', () => {
    const cases: [Parameters<typeof fieldProblem>, string | undefined][] = [
      [['name', 'required', '  '], 'required'],
      [['name', 'optional', ''], undefined],
      [['name', 'off', ''], undefined],
      [['email', 'required', 'grace@example.com'], undefined],
      [['email', 'optional', 'grace@'], 'email'],
      [['email', 'off', 'grace@'], undefined],
      [['note', 'optional', 'x'.repeat(2001)], 'too_long'],
      [['note', 'required', 'x'.repeat(2000)], undefined],
      [['name', 'required', ' Grace '], undefined],
    ];
    for (const [args, want] of cases) expect(fieldProblem(...args), args.join(' ')).to.equal(want);
  });

  it('sends the asked-for fields trimmed and leaves out empty and switched-off ones', () => {
    expect(
      recipientOf(
        { name: 'required', email: 'optional', note: 'off' },
        { name: ' Grace ', email: '', note: 'ignored' },
      ),
    ).to.deep.equal({ name: 'Grace' });
  });

  it("reads the server's recipient field errors as problems", () => {
    expect(
      serverFieldProblems({
        'recipient.email': [{ key: 'errors.invalid', description: 'bad' }],
        'recipient.name': [{ key: 'errors.required', description: 'required' }],
        'recipient.note': [{ key: 'errors.too_long', description: 'long' }],
        'recipient.phone': [{ key: 'errors.invalid', description: '?' }],
        slot: [{ key: 'errors.invalid', description: '?' }],
      }),
    ).to.deep.equal({ email: 'email', name: 'required', note: 'rejected' });
    expect(serverFieldProblems(undefined)).to.deep.equal({});
  });
});
