/**
 * End to end: axe over every state the pages reach by keyboard (the demo page's picker through
 * day, time and confirm, the viewer holding a pending pick, the booking page's link states),
 * besides the states the booking and layout tests check. axe looks into open shadow roots; the
 * first test proves it does here.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import {
  axeViolations,
  contextOptions,
  createLink,
  describeViolations,
  launchBrowser,
  startServer,
  waitForWebhook,
  watchErrors,
  type E2eServer,
} from './harness.ts';
import {
  bookingState,
  focused,
  keysToAvailableCell,
  localized,
  tabTo,
  waitForDemoElements,
  waitForHeading,
} from './pages.ts';

let server: E2eServer;
let browser: Browser;
let context: BrowserContext;

before(async () => {
  server = await startServer();
  browser = await launchBrowser();
  context = await browser.newContext(contextOptions('en-GB'));
});

after(async () => {
  await browser?.close();
  await server?.close();
});

/** Asserts axe finds nothing on `page` in `state`. */
async function assertAxeClean(page: Page, state: string): Promise<void> {
  const found = await axeViolations(page);
  assert.deepEqual(found, [], `${state}: axe found\n${describeViolations(found)}`);
}

/** Text of a shadow root's `selector` inside the page element `host`. */
function shadowText(page: Page, host: string, selector: string): Promise<string> {
  return page.evaluate(
    ([h, s]) =>
      (document.querySelector(h!)?.shadowRoot?.querySelector(s!)?.textContent ?? '')
        .replace(/\s+/g, ' ')
        .trim(),
    [host, selector],
  );
}

describe('axe over the demo page', () => {
  it("sees into the elements' shadow roots", async () => {
    const page = await context.newPage();
    try {
      await page.goto(`${server.origin}/`);
      await waitForDemoElements(page);
      await page.evaluate(() => {
        const root = document.querySelector('#live-picker')!.shadowRoot!;
        root.querySelector('[part="base"]')!.append(document.createElement('button'));
      });
      const found = await axeViolations(page);
      assert.deepEqual(
        found.map((v) => v.id),
        ['button-name'],
        'a button without a name inside the picker is found',
      );
      assert.match(found[0]!.targets[0]!, /#live-picker/);
    } finally {
      await page.close();
    }
  });

  it('slot picker: day, time and confirm steps and the chosen time, by keyboard', async () => {
    const page = await context.newPage();
    const errors = watchErrors(page);
    try {
      await page.goto(`${server.origin}/`);
      await waitForDemoElements(page);
      await assertAxeClean(page, 'demo page loaded');

      await tabTo(page, (f) => f.host === 'live-picker' && f.part === 'day', "the picker's days");
      await page.keyboard.press('Enter');
      await page.waitForFunction(() =>
        document.querySelector('#live-picker')?.shadowRoot?.querySelector('[part~="time"]'),
      );
      assert.equal((await focused(page))?.part, 'time', 'focus moved to the first time');
      await assertAxeClean(page, 'picker time step');

      await page.keyboard.press('Enter');
      await page.waitForFunction(() =>
        document
          .querySelector('#live-picker')
          ?.shadowRoot?.querySelector('[part~="confirm-button"]'),
      );
      const summary = await shadowText(page, '#live-picker', '[part~="summary"]');
      assert.ok(summary.length > 0, 'the confirm step names the time');
      await assertAxeClean(page, 'picker confirm step');

      await tabTo(page, (f) => /confirm-button/.test(f.part), 'Confirm');
      await page.keyboard.press('Enter');
      await page.waitForFunction(() =>
        document.querySelector('#picker-log')?.textContent?.startsWith('slot-selected:'),
      );
      await assertAxeClean(page, 'picker after choosing');
      assert.deepEqual(errors, [], 'no page errors');
    } finally {
      await page.close();
    }
  });

  it('availability viewer: a pending pick by keyboard', async () => {
    const page = await context.newPage();
    const errors = watchErrors(page);
    try {
      await page.goto(`${server.origin}/`);
      await waitForDemoElements(page);
      await tabTo(page, (f) => f.host === 'live-viewer' && f.role === 'gridcell', 'the grid');
      let keys = await keysToAvailableCell(page);
      for (let week = 0; keys === undefined && week < 3; week += 1) {
        await page.keyboard.press('PageDown');
        await page.waitForFunction(() =>
          document
            .querySelector('#live-viewer')
            ?.shadowRoot?.querySelector('.scroll[aria-busy="false"]'),
        );
        keys = await keysToAvailableCell(page);
      }
      assert.ok(keys, 'a week with free time within three weeks');
      for (const key of keys) await page.keyboard.press(key);
      assert.match((await focused(page))?.part ?? '', /\bavailable\b/);
      await page.keyboard.press('Enter');
      await page.waitForFunction(() =>
        document
          .querySelector('#live-viewer')
          ?.shadowRoot?.querySelector('[part~="confirm-button"]'),
      );
      await assertAxeClean(page, 'viewer with a pending pick');
      assert.deepEqual(errors, [], 'no page errors');
    } finally {
      await page.close();
    }
  });

  it('organiser panel: a link made by keyboard, booked in its tab, its webhook listed', async () => {
    const page = await context.newPage();
    const errors = watchErrors(page);
    try {
      await page.goto(`${server.origin}/`);
      await waitForDemoElements(page);
      await tabTo(page, (f) => f.text === 'Make a booking link and open it', 'the panel button');
      const [tab] = await Promise.all([context.waitForEvent('page'), page.keyboard.press('Enter')]);
      const linkText = page.locator('#organiser-panel .link a');
      await linkText.waitFor();
      assert.match((await linkText.textContent()) ?? '', /\/rts\/#token=rts_/);
      await assertAxeClean(page, 'demo page with a link made');

      await tab.waitForURL(/\/rts\/$/);
      await waitForHeading(tab, localized('en', 'common.select_day'));
      await tabTo(tab, (f) => /\bavailable\b/.test(f.part), 'an available date');
      await tab.keyboard.press('Enter');
      await waitForHeading(tab, localized('en', 'common.select_time'));
      await tabTo(tab, (f) => /\btime\b/.test(f.part), 'a time');
      await tab.keyboard.press('Enter');
      await waitForHeading(tab, localized('en', 'rts.confirm_heading'));
      await tabTo(tab, (f) => f.id === 'field-name', 'the name field');
      await tab.keyboard.type('Katherine Johnson');
      await tabTo(tab, (f) => f.id === 'field-email', 'the email field');
      await tab.keyboard.type('katherine@example.com');
      await tabTo(tab, (f) => /confirm-button/.test(f.part), 'Book');
      await tab.keyboard.press('Enter');
      await waitForHeading(tab, localized('en', 'rts.success_heading'));
      await tab.close();

      // The panel polls every 2 s: the completed webhook shows up, verified.
      const entry = page.locator('#organiser-panel .webhooks li', { hasText: 'completed' });
      await entry.first().waitFor({ timeout: 10_000 });
      assert.equal((await entry.first().locator('.badge').textContent())?.trim(), 'verified');
      await assertAxeClean(page, 'demo page with a webhook listed');
      assert.deepEqual(errors, [], 'no page errors');
    } finally {
      await page.close();
    }
  });

  it('in German, with the calendar layout', async () => {
    const page = await context.newPage();
    const errors = watchErrors(page);
    try {
      await page.goto(`${server.origin}/?locale=de&layout=calendar`);
      await waitForDemoElements(page);
      assert.equal(
        await shadowText(page, '#live-picker', 'h2'),
        localized('de', 'common.select_day'),
      );
      await assertAxeClean(page, 'demo page in German, calendar layout');
      assert.deepEqual(errors, [], 'no page errors');
    } finally {
      await page.close();
    }
  });
});

describe('axe over the booking page', () => {
  it('a link token the server does not know', async () => {
    const page = await context.newPage();
    try {
      await page.goto(`${server.origin}/rts/#token=rts_not_a_real_token`);
      await waitForHeading(page, localized('en', 'rts.invalid_link_heading'));
      assert.equal((await bookingState(page)).linkState, 'invalid-link');
      await assertAxeClean(page, 'booking page, unknown token');
    } finally {
      await page.close();
    }
  });

  it('an address without a token', async () => {
    const page = await context.newPage();
    try {
      await page.goto(`${server.origin}/rts/`);
      await waitForHeading(page, localized('en', 'rts.missing_token_heading'));
      assert.equal((await bookingState(page)).linkState, 'missing-token');
      await assertAxeClean(page, 'booking page, no token');
    } finally {
      await page.close();
    }
  });

  it('none of the times work: the declined view, and the organiser is told', async () => {
    const link = await createLink(server.origin, { summary: 'Nothing suits' });
    const page = await context.newPage();
    const errors = watchErrors(page);
    try {
      await page.goto(link.url);
      await waitForHeading(page, localized('en', 'common.select_day'));
      await tabTo(page, (f) => /none-suitable-button/.test(f.part), 'None of these times work');
      await page.keyboard.press('Enter');
      await waitForHeading(page, localized('en', 'rts.none_suitable_heading'));
      await assertAxeClean(page, 'booking page, declined');
      const webhook = await waitForWebhook(
        server.origin,
        (w) => w.body.real_time_scheduling?.real_time_scheduling_id === link.id,
      );
      assert.equal(webhook.type, 'no_times_suitable');
      assert.equal(webhook.verified, true);
      assert.deepEqual(errors, [], 'no page errors');
    } finally {
      await page.close();
    }
  });

  it('a link already booked', async () => {
    const link = await createLink(server.origin, { summary: 'Booked already' });
    const token = new URLSearchParams(new URL(link.url).hash.slice(1)).get('token')!;
    const auth = { Authorization: `Bearer ${token}` };
    const slots = (await (
      await fetch(`${server.origin}/v1/rts/slots`, { method: 'POST', headers: auth })
    ).json()) as { available_slots: { start: string; end: string }[] };
    const booked = await fetch(`${server.origin}/v1/rts/bookings`, {
      method: 'POST',
      headers: { ...auth, 'Content-Type': 'application/json' },
      body: JSON.stringify({
        slot: slots.available_slots[0],
        recipient: { name: 'Ada Lovelace', email: 'ada@example.com' },
      }),
    });
    assert.equal(booked.status, 201, await booked.clone().text());
    const page = await context.newPage();
    try {
      await page.goto(link.url);
      await page.waitForFunction(() =>
        document
          .querySelector('rts-booking-page')
          ?.shadowRoot?.querySelector('[part~="link-state"][data-state="completed"]'),
      );
      await assertAxeClean(page, 'booking page, link already booked');
    } finally {
      await page.close();
    }
  });
});
