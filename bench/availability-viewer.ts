/**
 * Benchmark of `<availability-viewer>` in headless Chromium (`npm run bench:availability-viewer`).
 *
 * Data: 7-day weeks at 15 minutes from 00:00 to 24:00 (672 cells), each week answered with 600
 * overlapping 30-minute slots (seeded PRNG, subsets of three members) by a transport that
 * answers at once. Figures: (1) first render: from the transport's answer (data in) to the
 * painted week of a freshly mounted viewer, also from mount; (2) a week navigation (the next or
 * previous button) served from the viewer's cache, to the painted week; both timed in
 * interleaved rounds after warm-up, medians printed; (3) retained heap after 1,000 navigations:
 * JS heap in use after forced garbage collection (CDP `HeapProfiler.collectGarbage` and
 * `gc()` from `--expose-gc`, then `Runtime.getHeapUsage`) before and after, with DOM node and
 * listener counts. How "painted" is detected: bench/pages/paint.ts and bench/README.md.
 */
import { cpus } from 'node:os';
import {
  bundlePages,
  cleanup,
  fixed,
  heapAfterGc,
  htmlPage,
  launchChromium,
  openBenchPage,
  printTable,
  serveFolder,
  tempFolder,
  paintRow,
  PAINT_COLUMNS,
  type Timing,
} from './lib/run.js';

const WARMUP = 8;
const ROUNDS = 41;
const NAVIGATIONS = 1000;
const TARGET_RENDER_MS = 8;
const TARGET_NAV_MS = 8;
const TARGET_HEAP_BYTES = 1024 * 1024;

interface RenderRound extends Timing {
  data: number;
  cells: number;
  available: number;
}
interface NavRound extends Timing {
  calls: number;
  available: number;
}
interface BenchWindow {
  bench: {
    firstRender(): Promise<RenderRound>;
    renderFloor(): Promise<Timing>;
    dropFloor(): void;
    navigation(): Promise<NavRound>;
    visitAll(): Promise<number>;
    navigations(count: number): Promise<{ requests: number }>;
  };
}
type Bench = BenchWindow['bench'];

const dir = await tempFolder('bench-viewer');
await bundlePages({ page: 'bench/pages/viewer-page.ts' }, dir);
const server = await serveFolder(dir, { '/': htmlPage([{ src: '/page.js' }], 1000) });
const browser = await launchChromium();
try {
  const page = await openBenchPage(browser, `${server.origin}/`);
  await page.evaluate(() => (window as unknown as { bench: Bench }).bench.visitAll());
  const renders: RenderRound[] = [];
  const navs: NavRound[] = [];
  const floors: Timing[] = [];
  for (let round = 0; round < WARMUP + ROUNDS; round++) {
    const render = () =>
      page.evaluate(() => (window as unknown as { bench: Bench }).bench.firstRender());
    const nav = () =>
      page.evaluate(() => (window as unknown as { bench: Bench }).bench.navigation());
    const [r, n] =
      round % 2 === 0
        ? [await render(), await nav()]
        : await nav().then(async (n) => [await render(), n] as const);
    const floor = await page.evaluate(() =>
      (window as unknown as { bench: Bench }).bench.renderFloor(),
    );
    if (round >= WARMUP) {
      renders.push(r);
      navs.push(n);
      floors.push(floor);
    }
  }

  await page.evaluate(() => (window as unknown as { bench: Bench }).bench.dropFloor());
  await page.evaluate(() => (window as unknown as { bench: Bench }).bench.navigations(50));
  const before = await heapAfterGc(page);
  const started = performance.now();
  const { requests } = await page.evaluate(
    (count) => (window as unknown as { bench: Bench }).bench.navigations(count),
    NAVIGATIONS,
  );
  const navSeconds = (performance.now() - started) / 1000;
  const after = await heapAfterGc(page);
  // A second batch tells a one-off rise (JIT code, caches filling) from a leak that keeps growing.
  await page.evaluate(
    (count) => (window as unknown as { bench: Bench }).bench.navigations(count),
    NAVIGATIONS,
  );
  const later = await heapAfterGc(page);

  const version = await browser.version();
  console.log(
    `availability-viewer bench: Chromium ${version} headless, node ${process.version}, ${cpus()[0]?.model ?? 'unknown CPU'} x${cpus().length}`,
  );
  console.log(
    `7-day week, 15 min, 00:00-24:00: ${renders[0]!.cells} cells; 600 overlapping slots per week (${renders[0]!.available} cells available in week 1); transport answers at once`,
  );
  console.log(`${WARMUP} warm-up + ${ROUNDS} interleaved rounds`);
  console.log('');
  printTable(PAINT_COLUMNS, [
    paintRow(
      'first render: data in -> painted week',
      (t) => (t as RenderRound).data,
      renders,
      TARGET_RENDER_MS,
    ),
    paintRow('first render: mount -> painted week', (t) => t.start, renders),
    paintRow('floor: the same DOM inserted by one clone', (t) => t.start, floors),
    paintRow('week navigation from cache -> painted', (t) => t.start, navs, TARGET_NAV_MS),
  ]);
  const navRequests = navs.reduce((sum, n) => sum + n.calls, 0);
  console.log(`requests during the timed navigations: ${navRequests} (all weeks were cached)`);
  console.log('');
  const kb = (bytes: number) => fixed(bytes / 1024, 1);
  const growth = after.used - before.used;
  printTable(
    [
      'retained after forced GC',
      'before',
      `after ${NAVIGATIONS} navigations`,
      'growth',
      'target',
      'result',
    ],
    [
      [
        'JS heap used (KB)',
        kb(before.used),
        kb(after.used),
        kb(growth),
        '< 1024',
        growth < TARGET_HEAP_BYTES ? 'ok' : 'MISSED',
      ],
      [
        'DOM nodes',
        String(before.nodes),
        String(after.nodes),
        String(after.nodes - before.nodes),
        '',
        '',
      ],
      [
        'event listeners',
        String(before.listeners),
        String(after.listeners),
        String(after.listeners - before.listeners),
        '',
        '',
      ],
    ],
  );
  console.log(
    `a further ${NAVIGATIONS} navigations: JS heap ${kb(later.used)} KB (${kb(later.used - after.used)} KB more), ${later.nodes} DOM nodes, ${later.listeners} listeners`,
  );
  console.log(
    `${NAVIGATIONS} navigations (back and forth over the 4 cached weeks, each awaited until painted) took ${fixed(navSeconds, 1)} s and made ${requests} requests`,
  );
  console.log('');
  console.log(
    'laid out = the new state found in the DOM after style and layout (same frame, before paint);',
  );
  console.log(
    'painted = setTimeout(0) posted then, which runs after the frame is painted; see bench/README.md.',
  );
  console.log(
    "floor = the week's DOM copied from a painted viewer, inserted by one deep clone with the viewer's style sheets: the browser's own style, layout and paint of it, no script of ours.",
  );
} finally {
  await browser.close();
  await server.close();
  await cleanup(dir);
}
