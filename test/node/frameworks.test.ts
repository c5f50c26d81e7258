/**
 * Framework integration: a React 19 app and a Vue 3 app (test/frameworks/) built with Vite
 * against the built package, served, and used in Chromium: the apps set properties on the
 * elements and listen to their events; a pick in the element must reach the app's state.
 */
import assert from 'node:assert/strict';
import { createReadStream, existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { build } from 'vite';
import { ensureBuilt, launchChromium, projectRoot } from './package-support.js';

const dist = join(projectRoot, 'dist');
const types: Record<string, string> = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.css': 'text/css',
};

/** Builds the fixture app `name` with Vite into a temporary directory. */
async function buildApp(name: string, outDir: string): Promise<void> {
  await build({
    configFile: false,
    root: join(projectRoot, 'test/frameworks', name),
    logLevel: 'warn',
    publicDir: false,
    base: './',
    // The package by its name, from the build in dist/ (its entries as package.json exports them).
    resolve: {
      alias: [
        { find: /^scheduling-elements$/, replacement: join(dist, 'index.js') },
        { find: /^scheduling-elements\/(.+)$/, replacement: join(dist, '$1.js') },
      ],
    },
    define: {
      __VUE_OPTIONS_API__: 'true',
      __VUE_PROD_DEVTOOLS__: 'false',
      __VUE_PROD_HYDRATION_MISMATCH_DETAILS__: 'false',
    },
    build: { outDir, emptyOutDir: true, minify: true, target: 'es2022' },
  });
}

/** Serves `dir` over HTTP on a free port. */
function serve(dir: string): Promise<Server> {
  const server = createServer((req, res) => {
    // The apps have no icon; answer the browser's automatic request without an error.
    if (req.url === '/favicon.ico') return void res.writeHead(204).end();
    const path = join(dir, new URL(req.url ?? '/', 'http://x').pathname);
    const file = existsSync(path) && statSync(path).isDirectory() ? join(path, 'index.html') : path;
    if (!file.startsWith(dir) || !existsSync(file)) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(res);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

describe('framework apps', () => {
  const out = mkdtempSync(join(tmpdir(), 'se-frameworks-'));
  let server: Server;
  let base: string;
  let browser: Browser;

  before(async () => {
    ensureBuilt();
    await buildApp('react', join(out, 'react'));
    await buildApp('vue', join(out, 'vue'));
    server = await serve(out);
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    browser = await launchChromium();
  });

  after(async () => {
    await browser?.close();
    server?.close();
    rmSync(out, { recursive: true, force: true });
  });

  /** Opens an app and collects the page's uncaught errors. */
  async function open(app: string): Promise<{ page: Page; errors: string[] }> {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.setDefaultTimeout(15_000);
    page.on('pageerror', (error) => errors.push(String(error)));
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    await page.goto(`${base}/${app}/`);
    return { page, errors };
  }

  /** Picks the first day and its first time in the picker with `id`. */
  async function pick(page: Page, id: string): Promise<void> {
    const picker = page.locator(`#${id}`);
    await picker.locator('[part~="day"]').first().click({ timeout: 15_000 });
    await picker.locator('[part~="time"]').first().click();
  }

  const iso = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/;

  it('React 19: properties reach the elements and their events reach the app', async () => {
    const { page, errors } = await open('react');
    // `mode` was set as a property (the element reflects it), `demo` too (days render).
    assert.equal(await page.locator('#tag-picker').getAttribute('mode'), null);
    assert.equal(
      await page.locator('#tag-picker').evaluate((el) => (el as { mode?: string }).mode),
      'no_confirm',
    );
    await pick(page, 'tag-picker');
    await page.waitForFunction(() => document.getElementById('tag-picked')?.textContent !== '');
    assert.match((await page.locator('#tag-picked').textContent()) ?? '', iso);
    await pick(page, 'wrapper-picker');
    await page.waitForFunction(() => document.getElementById('wrapper-picked')?.textContent !== '');
    assert.match((await page.locator('#wrapper-picked').textContent()) ?? '', iso);
    await page.waitForFunction(() =>
      /^\d{4}-\d\d-\d\d$/.test(document.getElementById('week')?.textContent ?? ''),
    );
    assert.deepEqual(errors, []);
    await page.close();
  });

  it('Vue 3: properties reach the elements and their events reach the app', async () => {
    const { page, errors } = await open('vue');
    assert.equal(
      await page.locator('#tag-picker').evaluate((el) => (el as { mode?: string }).mode),
      'no_confirm',
    );
    await pick(page, 'tag-picker');
    await page.waitForFunction(() => document.getElementById('tag-picked')?.textContent !== '');
    assert.match((await page.locator('#tag-picked').textContent()) ?? '', iso);
    await page.waitForFunction(() =>
      /^\d{4}-\d\d-\d\d$/.test(document.getElementById('week')?.textContent ?? ''),
    );
    assert.deepEqual(errors, []);
    await page.close();
  });
});
