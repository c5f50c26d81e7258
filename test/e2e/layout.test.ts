/**
 * End to end: each element at 320 px and 1280 px, light and dark, on the pages `npm start`
 * serves (the booking page through its day, time, confirm and booked views): nothing wider than
 * the viewport or its host, axe clean, and a screenshot of each into a temporary folder for a
 * person to look at (printed; never committed).
 */
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import {
  axeViolations,
  contextOptions,
  createLink,
  describeViolations,
  launchBrowser,
  startServer,
  watchErrors,
  type E2eServer,
} from './harness.ts';
import { localized, overflows, tabTo, waitForDemoElements, waitForHeading } from './pages.ts';

const WIDTHS = [320, 1280] as const;
const SCHEMES = ['light', 'dark'] as const;

let server: E2eServer;
let browser: Browser;
let shots: string;

before(async () => {
  server = await startServer();
  browser = await launchBrowser();
  shots = mkdtempSync(join(tmpdir(), 'se-e2e-screenshots-'));
  console.log(`# screenshots in ${shots}`);
});

after(async () => {
  await browser?.close();
  await server?.close();
});

/** Asserts no overflow and no axe violation; `state` names the page state in messages. */
async function checkPage(page: Page, state: string, selectors: readonly string[]): Promise<void> {
  assert.deepEqual(await overflows(page, selectors), [], `${state}: overflow`);
  const found = await axeViolations(page);
  assert.deepEqual(found, [], `${state}: axe found\n${describeViolations(found)}`);
}

for (const width of WIDTHS) {
  for (const scheme of SCHEMES) {
    describe(`${width} px, ${scheme}`, () => {
      const name = `${width}-${scheme}`;
      const options = contextOptions('en-GB', {
        viewport: { width, height: 900 },
        colorScheme: scheme,
      });

      it('demo page: slot picker, availability viewer and offline picker fit', async () => {
        const context = await browser.newContext(options);
        const page = await context.newPage();
        const errors = watchErrors(page);
        try {
          await page.goto(`${server.origin}/`);
          await waitForDemoElements(page);
          const scheme_ = await page.evaluate(
            () => matchMedia('(prefers-color-scheme: dark)').matches,
          );
          assert.equal(scheme_, scheme === 'dark');
          await page.screenshot({ path: join(shots, `demo-page-${name}.png`), fullPage: true });
          await page
            .locator('#live-picker')
            .screenshot({ path: join(shots, `slot-picker-${name}.png`) });
          await page
            .locator('#live-viewer')
            .screenshot({ path: join(shots, `availability-viewer-${name}.png`) });
          await checkPage(page, `demo page ${name}`, [
            '#live-picker',
            '#live-viewer',
            '#offline-picker',
          ]);
          assert.deepEqual(errors, [], 'no page errors');
        } finally {
          await context.close();
        }
      });

      it('booking page: day, time, confirm and booked views fit', async () => {
        const link = await createLink(server.origin, {
          summary: 'A product interview with a rather long title that has to wrap on a phone',
          description: 'We talk through the role, the team and your questions.',
        });
        const context = await browser.newContext(options);
        const page = await context.newPage();
        const errors = watchErrors(page);
        try {
          await page.goto(link.url);
          await waitForHeading(page, localized('en', 'common.select_day'));
          await checkPage(page, `booking page day step ${name}`, ['rts-booking-page']);
          await page.screenshot({ path: join(shots, `booking-day-${name}.png`), fullPage: true });

          await tabTo(page, (f) => /\bavailable\b/.test(f.part), 'an available date');
          await page.keyboard.press('Enter');
          await waitForHeading(page, localized('en', 'common.select_time'));
          await checkPage(page, `booking page time step ${name}`, ['rts-booking-page']);
          await page.screenshot({ path: join(shots, `booking-time-${name}.png`), fullPage: true });

          await tabTo(page, (f) => /\btime\b/.test(f.part), 'a time');
          await page.keyboard.press('Enter');
          await waitForHeading(page, localized('en', 'rts.confirm_heading'));
          await checkPage(page, `booking page confirm step ${name}`, ['rts-booking-page']);
          await page.screenshot({
            path: join(shots, `booking-confirm-${name}.png`),
            fullPage: true,
          });

          await tabTo(page, (f) => f.id === 'field-name', 'the name field');
          await page.keyboard.type('Maximiliane Alexandrowna Rostropowitsch-Wielandt');
          await tabTo(page, (f) => f.id === 'field-email', 'the email field');
          await page.keyboard.type('maximiliane.rostropowitsch-wielandt@example.com');
          await tabTo(page, (f) => /confirm-button/.test(f.part), 'Book');
          await page.keyboard.press('Enter');
          await waitForHeading(page, localized('en', 'rts.success_heading'));
          await checkPage(page, `booking page booked ${name}`, ['rts-booking-page']);
          await page.screenshot({ path: join(shots, `booking-done-${name}.png`), fullPage: true });
          assert.deepEqual(errors, [], 'no page errors');
        } finally {
          await context.close();
        }
      });
    });
  }
}
