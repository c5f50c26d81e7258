/**
 * Node-side helpers shared by the browser benchmarks: bundle a page entry with esbuild into a
 * temporary folder, serve that folder from 127.0.0.1 on a free port, launch headless Chromium
 * through playwright-core, force garbage collection and read the heap over CDP, and the
 * statistics and table printing every benchmark uses.
 *
 * Nothing here writes inside the repository: bundles live under `os.tmpdir()` and are removed
 * by `cleanup()`.
 */
import { build } from 'esbuild';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { launchChromium as launchProjectChromium } from '../../test/chromium.js';

/** The repository root. */
export const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));

/** A fresh temporary folder under `os.tmpdir()`. */
export function tempFolder(prefix: string): Promise<string> {
  return mkdtemp(join(tmpdir(), `scheduling-elements-${prefix}-`));
}

/**
 * Bundles `entries` (output name → source path relative to the repository) the way the brief of
 * the benchmarks asks: `bundle`, ESM, minified, ES2022, decorators per tsconfig.json. Dynamic
 * imports (locale modules) are inlined, so each page loads one script.
 */
export async function bundlePages(entries: Record<string, string>, outdir: string): Promise<void> {
  await build({
    entryPoints: Object.fromEntries(
      Object.entries(entries).map(([name, path]) => [name, join(ROOT, path)]),
    ),
    bundle: true,
    format: 'esm',
    minify: true,
    target: 'es2022',
    outdir,
    tsconfig: join(ROOT, 'tsconfig.json'),
    logLevel: 'warning',
  });
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
};

/** A static server for `dir` on 127.0.0.1 and a free port; `pages` maps paths to HTML. */
export async function serveFolder(
  dir: string,
  pages: Record<string, string> = {},
): Promise<{ origin: string; close: () => Promise<void> }> {
  const server: Server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
    const page = pages[path];
    if (page !== undefined) {
      response.writeHead(200, { 'Content-Type': TYPES['.html']!, 'Cache-Control': 'no-store' });
      response.end(page);
      return;
    }
    const file = normalize(join(dir, path));
    if (!file.startsWith(dir)) {
      response.writeHead(403).end();
      return;
    }
    readFile(file).then(
      (body) => {
        response.writeHead(200, {
          'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
        });
        response.end(body);
      },
      () => response.writeHead(404).end(),
    );
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () => new Promise((done) => server.close(() => done())),
  };
}

/** An HTML page with a `width`-pixel host for the element and the given module scripts. */
export function htmlPage(scripts: { src: string; module?: boolean }[], width = 1000): string {
  const tags = scripts
    .map((s) => `<script ${s.module === false ? '' : 'type="module" '}src="${s.src}"></script>`)
    .join('\n');
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>bench</title>
<style>body{margin:0;font:14px sans-serif}#host{width:${width}px}</style></head>
<body><div id="host"></div>
${tags}
</body>
</html>`;
}

/** Headless Chromium at `/usr/bin/chromium` (or `CHROME_PATH`) with the machine's flags. */
export function launchChromium(): Promise<Browser> {
  return launchProjectChromium(['--js-flags=--expose-gc']);
}

/** Opens `url` in a new page of `browser` and waits until `window.bench` is defined. */
export async function openBenchPage(browser: Browser, url: string): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
  page.on('pageerror', (error) => console.error(`page error: ${error.message}`));
  await page.goto(url);
  await page.waitForFunction(() => 'bench' in window, undefined, { timeout: 30_000 });
  return page;
}

/** Heap and DOM counts of `page` after forced garbage collection. */
export interface HeapReading {
  /** JS heap in use, bytes (`Runtime.getHeapUsage().usedSize`). */
  used: number;
  /** DOM nodes alive in the page. */
  nodes: number;
  /** Event listeners registered in the page. */
  listeners: number;
}

/** Forces a full garbage collection (three times, as weak references clear in rounds) and reads the heap. */
export async function heapAfterGc(page: Page): Promise<HeapReading> {
  const cdp = await page.context().newCDPSession(page);
  try {
    for (let i = 0; i < 3; i++) {
      await cdp.send('HeapProfiler.collectGarbage');
      await page.evaluate(() => (globalThis as { gc?: () => void }).gc?.());
    }
    const heap = await cdp.send('Runtime.getHeapUsage');
    const dom = await cdp.send('Memory.getDOMCounters');
    return { used: heap.usedSize, nodes: dom.nodes, listeners: dom.jsEventListeners };
  } finally {
    await cdp.detach();
  }
}

/** `values` sorted ascending (a copy). */
export function sorted(values: readonly number[]): number[] {
  return [...values].sort((a, b) => a - b);
}

/** The `q` quantile of `values` (nearest rank, as bench/engine.ts). */
export function quantile(values: readonly number[], q: number): number {
  const s = sorted(values);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))]!;
}

/** The median of `values`. */
export function median(values: readonly number[]): number {
  return quantile(values, 0.5);
}

/** `x` with `digits` decimals. */
export function fixed(x: number, digits = 2): string {
  return Number.isFinite(x) ? x.toFixed(digits) : '-';
}

/** Prints `rows` under `header` as a plain aligned table (first column left, the rest right). */
export function printTable(header: string[], rows: string[][]): void {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!)))
      .join('  ')
      .trimEnd();
  console.log(line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const row of rows) console.log(line(row));
}

/** `ok` / `MISSED` for a median against a target (lower is better). */
export function verdict(value: number, target: number): string {
  return value <= target ? 'ok' : 'MISSED';
}

/** Removes a temporary folder made by `tempFolder`. */
export function cleanup(dir: string): Promise<void> {
  return rm(dir, { recursive: true, force: true });
}

/** One timed action in the page: started, its new state found laid out, and painted. */
export interface Timing {
  start: number;
  found: number;
  painted: number;
  sameFrame: boolean;
}

/** Columns of a paint-timing table, for `paintRow`'s rows. */
export const PAINT_COLUMNS = [
  'measure',
  'laid out ms',
  'painted median ms',
  'p90 ms',
  'min ms',
  'same frame',
  'target',
  'result',
];

/** A row of a paint-timing table: times of `list` measured from `from`, against `target`. */
export function paintRow<T extends Timing>(
  name: string,
  from: (t: T) => number,
  list: T[],
  target?: number,
): string[] {
  const painted = list.map((t) => t.painted - from(t));
  const laidOut = list.map((t) => t.found - from(t));
  const m = median(painted);
  return [
    name,
    fixed(median(laidOut)),
    fixed(m),
    fixed(quantile(painted, 0.9)),
    fixed(Math.min(...painted)),
    `${list.filter((t) => t.sameFrame).length}/${list.length}`,
    target === undefined ? '' : `<= ${target}`,
    target === undefined ? '' : verdict(m, target),
  ];
}
