/**
 * The comparison benchmark (`npm run bench`): our elements against the reference
 * `cronofy-elements` 1.67.7, fetched at bench time with `npm pack` into a temporary folder (never
 * committed; when the registry cannot give it, that is printed and its columns are skipped).
 *
 * 1. Bundle sizes: each of our entries bundled with lit by esbuild (minified, ES2022, locale
 *    modules split off as the lazy chunks they are), min and gzip (level 9); its one bundle.
 * 2. Viewer against viewer in one headless Chromium, each in its own tab, `demo` data on both
 *    sides, the same query and week (672 cells): mount to painted week, next week right after
 *    (first visit), next week after 1 s idle; rounds interleaved, the library going first
 *    alternating; medians and ratios. Then heap after forced GC around 100 navigations.
 * 3. The availability engine's scaling (bench/engine.ts, run as a child process).
 * 4. Our request counts for navigation scripts, through a counting transport on the demo data.
 */
import { spawnSync } from 'node:child_process';
import { copyFile, mkdir, readFile } from 'node:fs/promises';
import { cpus } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import {
  bundlePages,
  cleanup,
  fixed,
  heapAfterGc,
  htmlPage,
  launchChromium,
  median,
  openBenchPage,
  printTable,
  ROOT,
  serveFolder,
  tempFolder,
  type HeapReading,
} from './lib/run.js';
import { gzipSize as gz, measureEntry } from '../scripts/lib/bundle-size.mjs';
import type { RoundFigures } from './pages/compare.js';
import type { RequestScript } from './pages/compare-ours-page.js';

/** The reference package; `BENCH_REFERENCE` names another spec (e.g. to try the unavailable path). */
const REFERENCE = process.env.BENCH_REFERENCE ?? 'cronofy-elements@1.67.7';
const ROUNDS = 7;
const MEMORY_NAVIGATIONS = 100;
const KB = 1024;
const kb = (bytes: number) => fixed(bytes / KB, 1);
const ratio = (theirs: number | undefined, ours: number) =>
  theirs === undefined ? '-' : `${fixed(theirs / ours, 1)}x`;

/** Fetches the reference package into `dir`; its bundle's path, or why it is unavailable. */
function fetchReference(dir: string): { bundle: string } | { problem: string } {
  const pack = spawnSync(
    'npm',
    ['pack', REFERENCE, '--pack-destination', dir, '--loglevel', 'error'],
    { encoding: 'utf8', timeout: 180_000 },
  );
  const tarball = pack.stdout?.trim().split('\n').pop();
  if (pack.status !== 0 || !tarball) {
    const errors = (pack.stderr ?? '')
      .split('\n')
      .map((line) => line.replace(/^npm error\s*/, '').trim())
      .filter((line) => line !== '' && !line.startsWith('A complete log'));
    const reason = errors.slice(0, 2).join('; ') || pack.error?.message || 'npm pack failed';
    return { problem: reason };
  }
  const untar = spawnSync('tar', ['xzf', join(dir, tarball), '-C', dir], { encoding: 'utf8' });
  if (untar.status !== 0) return { problem: `could not extract ${tarball}: ${untar.stderr}` };
  return { bundle: join(dir, 'package', 'dist', 'CronofyElements.js') };
}

const section = (title: string) => console.log(`\n== ${title}\n`);

const work = await tempFolder('bench');
const browser = await launchChromium();
let server: Awaited<ReturnType<typeof serveFolder>> | undefined;
try {
  console.log(
    `scheduling-elements bench: Chromium ${browser.version()} headless, node ${process.version}, ${cpus()[0]?.model ?? 'unknown CPU'} x${cpus().length}`,
  );

  // 1. Sizes.
  const reference = fetchReference(work);
  section('Bundle size (minified; gzip level 9; KB = 1024 bytes)');
  const rows: string[][] = [];
  let oursViewerGzip = 0;
  for (const [name, entry] of [
    [
      '<availability-viewer> (scheduling-elements/availability-viewer)',
      'src/availability-viewer.ts',
    ],
    ['<slot-picker> (scheduling-elements/slot-picker)', 'src/slot-picker.ts'],
    ['whole package (scheduling-elements)', 'src/index.ts'],
  ] as const) {
    const size = await measureEntry(entry, { cwd: ROOT, tsconfig: join(ROOT, 'tsconfig.json') });
    if (entry === 'src/availability-viewer.ts') oursViewerGzip = size.initial.gzip;
    rows.push([
      `ours: ${name}`,
      kb(size.initial.min),
      kb(size.initial.gzip),
      `${size.lazy.count} chunks loaded on use (locales, demo engine, zone list), ${kb(size.lazy.gzip)} gz in all`,
    ]);
  }
  let referenceGzip: number | undefined;
  if ('bundle' in reference) {
    const bytes = await readFile(reference.bundle);
    referenceGzip = gz(bytes);
    rows.push([
      `${REFERENCE}: dist/CronofyElements.js (any element)`,
      kb(bytes.length),
      kb(referenceGzip),
      'one bundle',
    ]);
  } else {
    rows.push([`${REFERENCE}: NOT AVAILABLE (${reference.problem})`, '-', '-', '']);
  }
  printTable(['bundle', 'min KB', 'gzip KB', 'notes'], rows);
  if (referenceGzip !== undefined)
    console.log(`\nviewer gzip: reference / ours = ${ratio(referenceGzip, oursViewerGzip)}`);

  // 2. Viewer against viewer.
  const site = join(work, 'site');
  await mkdir(site, { recursive: true });
  await bundlePages(
    { ours: 'bench/pages/compare-ours-page.ts', cronofy: 'bench/pages/compare-cronofy-page.ts' },
    site,
  );
  const pages: Record<string, string> = { '/ours': htmlPage([{ src: '/ours.js' }]) };
  if ('bundle' in reference) {
    await copyFile(reference.bundle, join(site, 'CronofyElements.js'));
    pages['/cronofy'] = htmlPage([
      { src: '/CronofyElements.js', module: false },
      { src: '/cronofy.js' },
    ]);
  }
  server = await serveFolder(site, pages);
  const ours = await openBenchPage(browser, `${server.origin}/ours`);
  const theirs =
    'bundle' in reference ? await openBenchPage(browser, `${server.origin}/cronofy`) : undefined;
  const round = (page: Page) =>
    page.evaluate(() =>
      (window as unknown as { bench: { round(): Promise<RoundFigures> } }).bench.round(),
    );
  const ourRounds: RoundFigures[] = [];
  const theirRounds: RoundFigures[] = [];
  // One untimed round each first (bundle parsing, font and JIT warm-up).
  await round(ours);
  if (theirs) await round(theirs);
  for (let r = 0; r < ROUNDS; r++) {
    const order = r % 2 === 0 ? ([ours, theirs] as const) : ([theirs, ours] as const);
    for (const page of order) {
      if (!page) continue;
      const figures = await round(page);
      (page === ours ? ourRounds : theirRounds).push(figures);
    }
  }
  section(
    `Availability viewer against ${REFERENCE} (demo data, 7-day week, 15 min, 00:00-24:00 = 672 cells; ${ROUNDS} interleaved rounds, medians; ms to the painted week)`,
  );
  const pick = (list: RoundFigures[], key: keyof RoundFigures) =>
    list.length > 0 ? median(list.map((f) => f[key])) : undefined;
  const compareRow = (name: string, key: keyof RoundFigures) => {
    const o = pick(ourRounds, key)!;
    const t = pick(theirRounds, key);
    return [name, fixed(o, 1), t === undefined ? '-' : fixed(t, 1), ratio(t, o)];
  };
  printTable(
    ['measure', 'ours ms', 'reference ms', 'reference / ours'],
    [
      compareRow('first render: mount -> painted week', 'mount'),
      compareRow('next week, first visit (300 ms after the first week showed)', 'coldNext'),
      compareRow('next week after 1 s idle', 'idleNext'),
    ],
  );

  // Memory: a fresh tab per library; heap after forced GC, then after 100 navigations.
  await ours.close();
  await theirs?.close();
  const memory = async (path: string) => {
    const page = await openBenchPage(browser, `${server!.origin}${path}`);
    type Bench = {
      bench: { mountIdle(): Promise<number>; navigations(n: number): Promise<number> };
    };
    await page.evaluate(() => (window as unknown as Bench).bench.mountIdle());
    const before = await heapAfterGc(page);
    const navMedian = await page.evaluate(
      (n) => (window as unknown as Bench).bench.navigations(n),
      MEMORY_NAVIGATIONS,
    );
    const after = await heapAfterGc(page);
    await page.close();
    return { before, after, navMedian };
  };
  const ourMemory = await memory('/ours');
  const theirMemory = theirs ? await memory('/cronofy') : undefined;
  section(
    `Memory: JS heap in use after forced GC (CDP HeapProfiler.collectGarbage + gc()), mounted and idle, then after ${MEMORY_NAVIGATIONS} navigations back and forth`,
  );
  const memRow = (
    name: string,
    value: (m: { before: HeapReading; after: HeapReading }) => number,
    format: (n: number) => string,
  ) => {
    const o = value(ourMemory);
    const t = theirMemory ? value(theirMemory) : undefined;
    return [name, format(o), t === undefined ? '-' : format(t), ratio(t, o)];
  };
  printTable(
    ['measure', 'ours', 'reference', 'reference / ours'],
    [
      memRow('heap used, mounted (KB)', (m) => m.before.used, kb),
      memRow(`heap used after ${MEMORY_NAVIGATIONS} navigations (KB)`, (m) => m.after.used, kb),
      memRow('heap growth (KB)', (m) => m.after.used - m.before.used, kb),
      memRow('DOM nodes after', (m) => m.after.nodes, String),
      [
        `median navigation during those ${MEMORY_NAVIGATIONS} (ms)`,
        fixed(ourMemory.navMedian, 1),
        theirMemory ? fixed(theirMemory.navMedian, 1) : '-',
        ratio(theirMemory?.navMedian, ourMemory.navMedian),
      ],
    ],
  );

  // 4. Request counts (before the engine, which takes half a minute).
  const counter = await openBenchPage(browser, `${server.origin}/ours`);
  const scripts = await counter.evaluate(() =>
    (
      window as unknown as { bench: { requestScripts(): Promise<RequestScript[]> } }
    ).bench.requestScripts(),
  );
  await counter.close();
  section(
    'Our availability requests per navigation script (counting transport over the demo data, 26-week query)',
  );
  printTable(
    [
      'script',
      'navigations',
      'requests during',
      'requests in 1.5 s after',
      'peak per 1 s',
      'ends on the right week',
    ],
    scripts.map((s) => [
      s.name,
      String(s.navigations),
      String(s.during),
      String(s.after),
      String(s.peakPerSecond),
      s.endsRight ? 'yes' : 'NO',
    ]),
  );
  console.log(
    '\nA viewer that fetches every week it shows sends one request per navigation (as the reference viewer does).',
  );
  await browser.close();

  // 3. Engine scaling.
  section('Availability engine scaling (bench/engine.ts)');
  const engine = spawnSync(
    process.execPath,
    ['--import', 'tsx', join(ROOT, 'bench', 'engine.ts')],
    {
      cwd: ROOT,
      encoding: 'utf8',
      timeout: 600_000,
    },
  );
  process.stdout.write(engine.stdout ?? '');
  if (engine.status !== 0) console.log(`engine bench failed: ${engine.stderr}`);
} finally {
  await browser.close().catch(() => undefined);
  await server?.close();
  await cleanup(work);
}
