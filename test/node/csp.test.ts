/**
 * The elements under a strict Content-Security-Policy: `default-src 'self'` with no
 * `unsafe-inline` (and no `unsafe-eval`) for scripts or styles, as a careful host page sets it.
 *
 * The package entry (`src/index.ts`) is bundled with esbuild (ES modules, minified, the lazy
 * locale modules split into chunks as a host's bundler would) and served with that policy from
 * a node:http server on 127.0.0.1 (port 0), next to a page that mounts `<slot-picker demo>`,
 * `<availability-viewer demo>` and a German calendar picker with the zone switcher. Headless
 * Chromium (playwright-core) loads it; violations are collected three ways: a
 * `securitypolicyviolation` listener (registered by a module that runs before the bundle), the
 * policy's `report-uri`, and the console (Chromium logs every refusal there). The test then uses
 * the elements (opens a day, pages the viewer, searches zones) and asserts: zero violations,
 * zero page errors, times rendered, and every shadow root styled by adopted constructable
 * stylesheets with no `<style>` element of its own (so no `style-src` exception is needed).
 */
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { build } from 'esbuild';
import { chromium, type Browser, type Page } from 'playwright-core';

const POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  'report-uri /csp-report',
].join('; ');

const PAGE = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <title>Scheduling elements under a strict CSP</title>
    <link rel="stylesheet" href="/page.css" />
    <script type="module" src="/probe.js"></script>
    <script type="module" src="/bundle/index.js"></script>
  </head>
  <body>
    <slot-picker id="picker" demo tzid="Europe/Berlin"></slot-picker>
    <availability-viewer id="viewer" demo tzid="America/New_York" days="7"></availability-viewer>
    <slot-picker id="german" demo locale="de" layout="calendar" timezone-select></slot-picker>
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

const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-dev-shm-usage',
];

let server: Server;
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
  files.set('/', { type: 'text/html', body: PAGE });
  files.set('/probe.js', { type: 'text/javascript', body: PROBE });
  files.set('/page.css', { type: 'text/css', body: 'body { font-family: sans-serif; }' });

  server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0]!;
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
  browser = await chromium.launch({
    executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: CHROMIUM_ARGS,
  });
});

after(async () => {
  await browser?.close();
  server?.closeAllConnections();
  await new Promise((resolve) => server?.close(resolve));
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

describe('strict Content-Security-Policy', () => {
  it('runs every element with no violation, styled by adopted stylesheets', async () => {
    const context = await browser.newContext({ timezoneId: 'Pacific/Chatham' });
    const page = await context.newPage();
    const messages: string[] = [];
    const pageErrors: string[] = [];
    page.on('console', (message) => messages.push(`${message.type()}: ${message.text()}`));
    page.on('pageerror', (error) => pageErrors.push(String(error)));
    const response = await page.goto(`${base}/`);
    assert.equal(response?.headers()['content-security-policy'], POLICY);

    // Times rendered: the pickers list days, the viewer paints available cells.
    await page.waitForFunction(
      () =>
        (document.querySelector('#picker')?.shadowRoot?.querySelectorAll('[part~="day"]').length ??
          0) > 0 &&
        (document
          .querySelector('#viewer')
          ?.shadowRoot?.querySelectorAll('[role="gridcell"].available').length ?? 0) > 0 &&
        (document.querySelector('#german')?.shadowRoot?.querySelectorAll('[part~="available"]')
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
        (document.querySelector('#picker')?.shadowRoot?.querySelectorAll('[part~="time"]').length ??
          0) > 0,
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
