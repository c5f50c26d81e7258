/**
 * End-to-end harness: the server `npm start` runs (Vite with the project's `vite.config.ts`, the
 * embedded API plugin in memory mode so nothing is written into `.data`), started in-process on
 * a free port, and Debian's Chromium driven by playwright-core.
 *
 * Contract: `startServer()` resolves once the dev server listens and its embedded API answers;
 * `close()` stops it and removes its temporary Vite cache. `launchBrowser()` starts headless
 * Chromium from `CHROME_PATH` (default `/usr/bin/chromium`). Browser contexts use a zone that is
 * neither UTC, the Node tests' zone nor the demo people's (`Pacific/Chatham`).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AxeResults, RunOptions } from 'axe-core';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { launchChromium } from '../chromium.js';
import { createServer, type ViteDevServer } from 'vite';

/** The project's root directory (this file lives in `test/e2e/`). */
export const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** The recipient's zone in every browser context. */
export const BROWSER_ZONE = 'Pacific/Chatham';

/** The six locales the elements ship. */
export const LOCALES = ['en', 'de', 'es', 'fr', 'it', 'nl'] as const;
export type Locale = (typeof LOCALES)[number];

/** A running dev server. */
export interface E2eServer {
  /** `http://127.0.0.1:PORT` */
  origin: string;
  close(): Promise<void>;
}

/** Starts the dev server `npm start` runs, on a free port, with the API's store in memory. */
export async function startServer(): Promise<E2eServer> {
  process.env.SE_API_MEMORY = '1';
  const cacheDir = mkdtempSync(join(tmpdir(), 'se-e2e-vite-'));
  const server: ViteDevServer = await createServer({
    configFile: resolve(ROOT, 'vite.config.ts'),
    root: ROOT,
    cacheDir,
    logLevel: 'warn',
    clearScreen: false,
    server: { port: 0, host: '127.0.0.1', strictPort: false, hmr: false, watch: null },
    // Both pages' modules are scanned up front, so no dependency is discovered (and the page
    // reloaded) in the middle of a test.
    optimizeDeps: { entries: ['index.html', 'src/rts-page.ts'] },
  });
  await server.listen();
  const address = server.httpServer?.address();
  if (!address || typeof address === 'string') throw new Error('The dev server has no port.');
  const origin = `http://127.0.0.1:${address.port}`;
  return {
    origin,
    async close() {
      await server.close();
      rmSync(cacheDir, { recursive: true, force: true });
    },
  };
}

/** Headless Chromium from `CHROME_PATH` or Debian's package. */
export function launchBrowser(): Promise<Browser> {
  return launchChromium();
}

/** Context options: the recipient's zone, `locale`, and whatever else is given. */
export function contextOptions(
  locale: string,
  extra: BrowserContextOptions = {},
): BrowserContextOptions {
  return { timezoneId: BROWSER_ZONE, locale, viewport: { width: 1280, height: 900 }, ...extra };
}

/** Collects uncaught page errors and console errors, to assert none happened. */
export function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()}`);
  });
  page.on('response', (response) => {
    if (response.status() >= 400) errors.push(`${response.status()}: ${response.url()}`);
  });
  return errors;
}

/** A booking link made through the demo organiser backend, as an application would. */
export async function createLink(
  origin: string,
  body: Record<string, unknown> = {},
): Promise<{ id: string; url: string }> {
  const res = await fetch(`${origin}/demo/organiser/links`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({
      summary: 'Intro call',
      duration: 30,
      subs: ['acc_demo_ada'],
      fields: { name: 'required', email: 'required', note: 'optional' },
      ...body,
    }),
  });
  if (res.status !== 201) throw new Error(`creating a link: ${res.status} ${await res.text()}`);
  return (await res.json()) as { id: string; url: string };
}

/** A webhook as the demo organiser lists it. */
export interface ReceivedWebhook {
  id: string;
  type: string | null;
  verified: boolean;
  body: {
    type?: string;
    real_time_scheduling?: { real_time_scheduling_id?: string };
    recipient?: { name?: string; email?: string };
    event?: { start?: { time: string }; end?: { time: string } };
  };
}

/** Polls the demo organiser until `match` finds a webhook (10 s at most). */
export async function waitForWebhook(
  origin: string,
  match: (webhook: ReceivedWebhook) => boolean,
): Promise<ReceivedWebhook> {
  const until = Date.now() + 10_000;
  for (;;) {
    const res = await fetch(`${origin}/demo/organiser/webhooks`);
    const { webhooks } = (await res.json()) as { webhooks: ReceivedWebhook[] };
    const found = webhooks.find(match);
    if (found) return found;
    if (Date.now() > until) {
      throw new Error(`no matching webhook arrived; received: ${JSON.stringify(webhooks)}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
}

const require = createRequire(import.meta.url);
/** axe-core's browser bundle. */
export const AXE_PATH = join(require.resolve('axe-core'), '..', 'axe.min.js');

/** One axe violation, as printed. */
export interface AxeProblem {
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
}

/** Runs axe over the whole page, open shadow roots included, and answers its violations. */
export async function axeViolations(page: Page): Promise<AxeProblem[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: AXE_PATH });
  return page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: { run(context: Document, options: RunOptions): Promise<AxeResults> };
      }
    ).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact ?? null,
      help: v.help,
      targets: v.nodes.map(
        (n) => `${JSON.stringify(n.target)} ${(n.failureSummary ?? '').replace(/\s+/g, ' ')}`,
      ),
    }));
  });
}

/** The violations as readable lines. */
export function describeViolations(problems: AxeProblem[]): string {
  return problems
    .map((p) => `${p.id} (${p.impact}): ${p.help}\n    ${p.targets.join('\n    ')}`)
    .join('\n');
}
