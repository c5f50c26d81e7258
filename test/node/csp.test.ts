/**
 * The elements under a strict Content-Security-Policy: `default-src 'self'` with no
 * `unsafe-inline` (and no `unsafe-eval`) for scripts or styles, as a careful host page sets it.
 *
 * The page runs twice: once from the package entry (`src/index.ts`) bundled with esbuild (ES
 * modules, minified, the lazy locale modules split into chunks as a host's bundler would), and
 * once from the script-tag bundle `dist/scheduling-elements.min.js` as `npm run build` makes it
 * (one classic script, everything inlined). Both are served with that policy from
 * a node:http server on 127.0.0.1 (port 0), next to a page that mounts `<slot-picker demo>`,
 * `<availability-viewer demo>`, a German calendar picker with the zone switcher, and
 * `<rts-booking-page>` for a booking link of the embedded API (mounted on the same server). Headless
 * Chromium (playwright-core) loads it; violations are collected three ways: a
 * `securitypolicyviolation` listener (registered by a module that runs before the bundle), the
 * policy's `report-uri`, and the console (Chromium logs every refusal there). The test then uses
 * the elements (opens a day, pages the viewer, searches zones, books a time) and asserts: zero violations,
 * zero page errors, times rendered, and every shadow root styled by adopted constructable
 * stylesheets with no `<style>` element of its own (so no `style-src` exception is needed).
 */
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { build } from 'esbuild';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../chromium.js';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createApi, type Api } from '../../server/api.js';
import { ensureBuilt, projectRoot } from './package-support.js';

/** How each run of the page loads the elements. */
const BUNDLES = {
  'ES modules bundled from src/index.ts': '<script type="module" src="/bundle/index.js"></script>',
  'the script-tag bundle': '<script src="/scheduling-elements.min.js"></script>',
} as const;

const POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  'report-uri /csp-report',
].join('; ');

/** The test page; `{TOKEN}` is the booking link's token. */
const PAGE = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <title>Scheduling elements under a strict CSP</title>
    <link rel="stylesheet" href="/page.css" />
    <script src="/probe.js"></script>
    {BUNDLE}
  </head>
  <body>
    <slot-picker id="picker" demo tzid="Europe/Berlin"></slot-picker>
    <availability-viewer id="viewer" demo tzid="America/New_York" days="7"></availability-viewer>
    <slot-picker id="german" demo locale="de" layout="calendar" timezone-select></slot-picker>
    <rts-booking-page id="booking" token="{TOKEN}" tzid="Europe/Paris"></rts-booking-page>
  </body>
</html>`;

/** Runs before the bundle: records every violation the page reports. */
const PROBE = `window.__violations = [];
document.addEventListener('securitypolicyviolation', (e) => {
  window.__violations.push({
    directive: e.effectiveDirective,
    blocked: e.blockedURI,
    sample: e.sample,
    source: e.sourceFile + ':' + e.lineNumber,
  });
});`;

let server: Server;
let api: Api;
let base: string;
let browser: Browser;
const reports: unknown[] = [];
/** Paths the page asked for that the server does not have. */
const missing: string[] = [];
const files = new Map<string, { type: string; body: string | Uint8Array }>();

before(async () => {
  const bundle = await build({
    entryPoints: ['src/index.ts'],
    bundle: true,
    format: 'esm',
    splitting: true,
    minify: true,
    target: 'es2022',
    platform: 'browser',
    tsconfig: 'tsconfig.json',
    outdir: 'csp-bundle',
    write: false,
    logLevel: 'silent',
  });
  for (const file of bundle.outputFiles) {
    const name = file.path.slice(file.path.lastIndexOf('csp-bundle/') + 'csp-bundle/'.length);
    files.set(`/bundle/${name}`, { type: 'text/javascript', body: file.contents });
  }
  assert.ok(files.has('/bundle/index.js'), 'the bundle has its entry');
  ensureBuilt();
  files.set('/scheduling-elements.min.js', {
    type: 'text/javascript',
    body: readFileSync(join(projectRoot, 'dist', 'scheduling-elements.min.js')),
  });
  api = await createApi({ memory: true });
  files.set('/probe.js', { type: 'text/javascript', body: PROBE });
  files.set('/page.css', { type: 'text/css', body: 'body { font-family: sans-serif; }' });

  server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0]!;
    if (path.startsWith('/v1/')) {
      void api.handle(req, res);
      return;
    }
    if (req.method === 'POST' && path === '/csp-report') {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString()));
      req.on('end', () => {
        reports.push(body);
        res.writeHead(204).end();
      });
      return;
    }
    const file = files.get(path);
    if (path === '/favicon.ico') {
      res.writeHead(204).end();
      return;
    }
    if (!file) {
      missing.push(path);
      res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
      return;
    }
    res.writeHead(200, {
      'Content-Type': `${file.type}; charset=utf-8`,
      'Content-Security-Policy': POLICY,
      'Cache-Control': 'no-store',
    });
    res.end(file.body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  // A booking link per run, on the same origin (the embedded API answers /v1/).
  const linkToken = async () => {
    const day = Math.floor(Date.now() / 86_400_000) * 86_400_000;
    const created = await fetch(`${base}/v1/real_time_scheduling`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${api.clientSecret}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({
        event: { event_id: 'csp-1', summary: 'Intro call', description: 'A first conversation' },
        availability: {
          participants: [{ members: [{ sub: 'acc_demo_ada' }], required: 'all' }],
          required_duration: { minutes: 30 },
          query_periods: [
            {
              start: new Date(day + 86_400_000).toISOString(),
              end: new Date(day + 15 * 86_400_000).toISOString(),
            },
          ],
        },
        target_calendars: [{ sub: 'acc_demo_ada', calendar_id: 'cal_demo_ada_work' }],
        tzid: 'Europe/London',
      }),
    });
    assert.equal(created.status, 200);
    const { url } = ((await created.json()) as { real_time_scheduling: { url: string } })
      .real_time_scheduling;
    const token = /#token=(.+)$/.exec(url)![1]!;
    return token;
  };
  for (const [path, run] of [
    ['/', ES_RUN],
    ['/script-tag.html', SCRIPT_TAG_RUN],
  ] as const) {
    const body = PAGE.replace('{TOKEN}', await linkToken()).replace('{BUNDLE}', BUNDLES[run]);
    files.set(path, { type: 'text/html', body });
  }
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  server?.closeAllConnections();
  await new Promise((resolve) => server?.close(resolve));
  await api?.close();
});

/** Text of the elements matching `selector` in the shadow root of `#host` (one level of nesting into shadow roots below it). */
function shadowTexts(page: Page, host: string, selector: string): Promise<string[]> {
  return page.evaluate(
    ([h, s]) =>
      [...(document.querySelector(h)?.shadowRoot?.querySelectorAll(s) ?? [])].map((e) =>
        (e.textContent ?? '').replace(/\s+/g, ' ').trim(),
      ),
    [host, selector] as const,
  );
}

const ES_RUN = 'ES modules bundled from src/index.ts';
const SCRIPT_TAG_RUN = 'the script-tag bundle';

describe('strict Content-Security-Policy', () => {
  for (const [run, path] of [
    [ES_RUN, '/'],
    [SCRIPT_TAG_RUN, '/script-tag.html'],
  ] as const) {
    it(`runs every element with no violation, styled by adopted stylesheets: ${run}`, async () => {
      reports.length = 0;
      const context = await browser.newContext({ timezoneId: 'Pacific/Chatham' });
      const page = await context.newPage();
      const messages: string[] = [];
      const pageErrors: string[] = [];
      page.on('console', (message) => messages.push(`${message.type()}: ${message.text()}`));
      page.on('pageerror', (error) => pageErrors.push(String(error)));
      const response = await page.goto(`${base}${path}`);
      assert.equal(response?.headers()['content-security-policy'], POLICY);

      // Times rendered: the pickers list days, the viewer paints available cells.
      await page.waitForFunction(
        () =>
          (document.querySelector('#picker')?.shadowRoot?.querySelectorAll('[part~="day"]')
            .length ?? 0) > 0 &&
          (document
            .querySelector('#viewer')
            ?.shadowRoot?.querySelectorAll('[role="gridcell"].available').length ?? 0) > 0 &&
          (document.querySelector('#german')?.shadowRoot?.querySelectorAll('[part~="available"]')
            .length ?? 0) > 0 &&
          (document.querySelector('#booking')?.shadowRoot?.querySelectorAll('[part~="available"]')
            .length ?? 0) > 0,
        undefined,
        { timeout: 20_000 },
      );
      const days = await shadowTexts(page, '#picker', '[part~="day"]');
      assert.ok(days.length > 0 && days.every((d) => /\d/.test(d)), `days: ${days.join(' | ')}`);
      const rows = await shadowTexts(page, '#viewer', '[role="rowheader"]');
      assert.ok(
        rows.some((r) => /\d{1,2}[:.]\d{2}|\d\s?(AM|PM)/i.test(r)),
        `rows: ${rows.join(' | ')}`,
      );

      // Use them: open a day's times, page the viewer, pick a cell, search zones.
      await page.locator('#picker').locator('[part~="day"]').first().click();
      await page.waitForFunction(
        () =>
          (document.querySelector('#picker')?.shadowRoot?.querySelectorAll('[part~="time"]')
            .length ?? 0) > 0,
      );
      const times = await shadowTexts(page, '#picker', '[part~="time"]');
      assert.ok(
        times.every((t) => /\d/.test(t)),
        `times: ${times.join(' | ')}`,
      );
      await page.locator('#picker').locator('[part~="time"]').first().click();
      await page.locator('#picker').locator('[part~="confirm-button"]').click();
      await page.locator('#viewer').locator('[role="gridcell"].available').first().click();
      await page.locator('#viewer').locator('[part~="next-button"]').click();
      await page.locator('#german').locator('[part~="available"]').first().click();
      const zone = page.locator('#german').locator('[part~="zone-select"]').locator('input');
      await zone.click();
      await zone.fill('Tokyo');
      await page.waitForFunction(
        () =>
          (document
            .querySelector('#german')
            ?.shadowRoot?.querySelector('[part~="zone-select"]')
            ?.shadowRoot?.querySelectorAll('[role="option"]').length ?? 0) > 0,
      );
      await zone.press('Enter');

      // Book through the booking page: date, time, the form, Book, the confirmation.
      const booking = page.locator('#booking');
      await booking.locator('[part~="available"]').first().click();
      await booking.locator('[part~="time"]').first().click();
      await booking.locator('input[name="name"]').fill('Grace Hopper');
      await booking.locator('input[name="email"]').fill('grace@example.com');
      await booking.locator('[part~="confirm-button"]').click();
      await page.waitForFunction(
        () => document.querySelector('#booking')?.shadowRoot?.querySelector('[part~="ics-link"]'),
        undefined,
        { timeout: 20_000 },
      );
      await page.waitForTimeout(300);

      // A string, not a function: tsx would wrap a named inner function in a helper the page lacks.
      const styling = (await page.evaluate(`(() => {
      const roots = [];
      const walk = (root) => {
        for (const el of root.querySelectorAll('*')) {
          if (!el.shadowRoot) continue;
          roots.push({
            host: el.localName,
            adopted: el.shadowRoot.adoptedStyleSheets.length,
            styleElements: el.shadowRoot.querySelectorAll('style').length,
          });
          walk(el.shadowRoot);
        }
      };
      walk(document);
      return roots;
    })()`)) as { host: string; adopted: number; styleElements: number }[];
      assert.ok(styling.length >= 4, `shadow roots: ${JSON.stringify(styling)}`);
      for (const root of styling) {
        assert.ok(root.adopted > 0, `${root.host} has no adopted stylesheet`);
        assert.equal(root.styleElements, 0, `${root.host} carries <style> elements`);
      }

      const violations = await page.evaluate(
        () => (window as unknown as { __violations: unknown[] }).__violations,
      );
      await context.close();
      // Reports are sent asynchronously; give them a moment to arrive.
      await new Promise((resolve) => setTimeout(resolve, 300));
      assert.deepEqual(violations, []);
      assert.deepEqual(reports, []);
      assert.deepEqual(pageErrors, []);
      assert.deepEqual(missing, []);
      assert.deepEqual(
        messages.filter((line) => /^error:|Content.Security.Policy|Refused to/i.test(line)),
        [],
      );
    });
  }

  it('reports violations when they happen (the probe is live)', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${base}/`);
    await page.waitForFunction(() => customElements.get('slot-picker') !== undefined);
    // An inline style attribute set from script is exactly what the policy refuses.
    await page.evaluate(() => {
      const div = document.createElement('div');
      div.setAttribute('style', 'color: red');
      document.body.append(div);
    });
    await page.waitForFunction(
      () => (window as unknown as { __violations: unknown[] }).__violations.length > 0,
    );
    const violations = await page.evaluate(
      () => (window as unknown as { __violations: { directive: string }[] }).__violations,
    );
    assert.equal(violations[0]!.directive, 'style-src-attr');
    await context.close();
    reports.length = 0;
  });
});
