/**
 * End to end: a recipient books a time on a booking link with the keyboard alone, in each of the
 * six locales, against the server `npm start` runs; the organiser's backend receives the signed
 * completed webhook. Each step is checked by axe too.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import {
  axeViolations,
  BROWSER_ZONE,
  contextOptions,
  createLink,
  describeViolations,
  launchBrowser,
  LOCALES,
  startServer,
  waitForWebhook,
  watchErrors,
  type E2eServer,
  type Locale,
} from './harness.ts';
import { bookingState, focused, localized, tabTo, waitForHeading } from './pages.ts';
import { labelled } from '../../src/i18n/format.ts';

/** The browser language each locale's recipient has (region tags fall back to the language). */
const BROWSER_LANGUAGE: Record<Locale, string> = {
  en: 'en-GB',
  de: 'de-DE',
  es: 'es-ES',
  fr: 'fr-CA',
  it: 'it-IT',
  nl: 'nl-BE',
};

/** What each recipient types: letters beyond ASCII included. */
const RECIPIENT: Record<Locale, { name: string; email: string; note: string }> = {
  en: { name: 'Grace Hopper', email: 'grace@example.com', note: 'Looking forward to it' },
  de: { name: 'Jürgen Müßig', email: 'juergen@example.de', note: 'Bis bald' },
  es: { name: 'Begoña Ibáñez', email: 'begona@example.es', note: '¡Hasta pronto!' },
  fr: { name: 'Éloïse Fèvre', email: 'eloise@example.fr', note: 'À bientôt' },
  it: { name: 'Niccolò Àlvaro', email: 'niccolo@example.it', note: 'A presto' },
  nl: { name: 'Geert van IJzendoorn', email: 'geert@example.nl', note: 'Tot dan' },
};

let server: E2eServer;
let browser: Browser;

before(async () => {
  server = await startServer();
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

/** The link's free times, as the recipient endpoint answers them. */
async function slotsOf(url: string): Promise<{ start: string; end: string }[]> {
  const token = new URLSearchParams(new URL(url).hash.slice(1)).get('token');
  const res = await fetch(`${server.origin}/v1/rts/slots`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}` },
  });
  assert.equal(res.status, 200, await res.clone().text());
  const body = (await res.json()) as { available_slots: { start: string; end: string }[] };
  return body.available_slots;
}

describe('booking a time by keyboard only', () => {
  for (const locale of LOCALES) {
    it(`books in ${locale} (browser language ${BROWSER_LANGUAGE[locale]})`, async () => {
      const link = await createLink(server.origin, { summary: `Intro call ${locale}` });
      const slots = await slotsOf(link.url);
      assert.ok(slots.length > 0, 'the demo link has free times');
      const context = await browser.newContext(contextOptions(BROWSER_LANGUAGE[locale]));
      const page = await context.newPage();
      const errors = watchErrors(page);
      const axeFindings: string[] = [];
      const axe = async (state: string) => {
        const found = await axeViolations(page);
        if (found.length > 0) axeFindings.push(`${state}:\n  ${describeViolations(found)}`);
      };
      try {
        await page.goto(link.url);

        // Day: the month calendar, in the browser's language.
        await waitForHeading(page, localized(locale, 'common.select_day'));
        const state = await bookingState(page);
        assert.equal(state.lang, locale, 'the page speaks the browser language');
        assert.equal(new URL(page.url()).hash, '', 'the token left the address bar');
        await axe('day step');
        const day = await tabTo(page, (f) => f.className.includes('calendar-day'), 'a date');
        assert.match(day.part, /available/, `the tab stop is on a date with times: ${day.text}`);
        await page.keyboard.press('Enter');

        // Time: focus moves to the step heading; Tab reaches the first time.
        await waitForHeading(page, localized(locale, 'common.select_time'));
        assert.ok((await bookingState(page)).headingFocused, 'the time step heading has focus');
        await axe('time step');
        await tabTo(page, (f) => /\btime\b/.test(f.part), 'a time');
        await page.keyboard.press('Space');

        // Details: typed into each field the link asks for.
        await waitForHeading(page, localized(locale, 'rts.confirm_heading'));
        assert.ok((await bookingState(page)).headingFocused, 'the confirm heading has focus');
        await axe('confirm step');
        const who = RECIPIENT[locale];
        await tabTo(page, (f) => f.id === 'field-name', 'the name field');
        await page.keyboard.type(who.name);
        await tabTo(page, (f) => f.id === 'field-email', 'the email field');
        await page.keyboard.type(who.email);
        await tabTo(page, (f) => f.id === 'field-note', 'the note field');
        await page.keyboard.type(who.note);
        const book = await tabTo(page, (f) => /confirm-button/.test(f.part), 'Book');
        assert.ok(
          // The page object folds white space, the narrow no-break space before a French colon too.
          book.text.startsWith(
            labelled(locale, localized(locale, 'rts.book'), '').replace(/\s+/g, ' '),
          ),
          `Book names the time: ${book.text}`,
        );
        await page.keyboard.press('Enter');

        // Booked: the success view in the same language, in the recipient's zone.
        await waitForHeading(page, localized(locale, 'rts.success_heading'));
        assert.ok((await bookingState(page)).headingFocused, 'the success heading has focus');
        const yourTime = await page.evaluate(
          () =>
            document
              .querySelector('rts-booking-page')
              ?.shadowRoot?.querySelector('.your-time')
              ?.textContent?.trim() ?? '',
        );
        assert.match(yourTime, new RegExp(BROWSER_ZONE), 'the booked time is in the browser zone');
        await axe('success');

        // The organiser's backend received the signed webhook for this link and this time.
        const webhook = await waitForWebhook(
          server.origin,
          (w) => w.body.real_time_scheduling?.real_time_scheduling_id === link.id,
        );
        assert.equal(webhook.verified, true, 'the signature matched');
        assert.equal(webhook.type, 'completed');
        assert.deepEqual(webhook.body.recipient, who);
        assert.equal(webhook.body.event?.start?.time, slots[0]!.start, 'the first free time');
        assert.equal(webhook.body.event?.end?.time, slots[0]!.end);

        assert.deepEqual(axeFindings, [], `axe found:\n${axeFindings.join('\n')}`);
        assert.deepEqual(errors, [], 'no page errors');
        assert.equal(await focused(page).then((f) => f?.tag), 'h2');
      } finally {
        await context.close();
      }
    });
  }
});
