/**
 * Benchmark of `<slot-picker>` in headless Chromium (`npm run bench:slot-picker`).
 *
 * Data: 30 days holding 500 synthetic slots (seeded PRNG, 30 minutes, starts 08:00-20:00 UTC),
 * validated like any transport's answer and handed over by a transport that answers at once.
 * Figures: (1) from the transport's answer (data in) to the painted day list of a freshly
 * mounted picker, also from mount; (2) from a day click to its painted time list. Both are
 * timed in interleaved rounds (the order alternating) after warm-up rounds; medians are
 * printed. How "painted" is detected: bench/pages/paint.ts and bench/README.md.
 */
import { cpus } from 'node:os';
import {
  bundlePages,
  cleanup,
  htmlPage,
  launchChromium,
  median,
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
const TARGET_DATA_MS = 10;
const TARGET_CLICK_MS = 5;

interface DataRound extends Timing {
  data: number;
  days: number;
  slots: number;
}
interface ClickRound extends Timing {
  times: number;
}
interface BenchWindow {
  bench: {
    dataToPaint(): Promise<DataRound>;
    dayClick(index: number): Promise<ClickRound>;
  };
}

const dir = await tempFolder('bench-slot-picker');
const server = await (async () => {
  await bundlePages({ page: 'bench/pages/slot-picker-page.ts' }, dir);
  return serveFolder(dir, { '/': htmlPage([{ src: '/page.js' }], 400) });
})();
const browser = await launchChromium();
try {
  const page = await openBenchPage(browser, `${server.origin}/`);
  const data: DataRound[] = [];
  const clicks: ClickRound[] = [];
  for (let round = 0; round < WARMUP + ROUNDS; round++) {
    const runData = () =>
      page.evaluate(() => (window as unknown as BenchWindow).bench.dataToPaint());
    const runClick = () =>
      page.evaluate((i) => (window as unknown as BenchWindow).bench.dayClick(i), round);
    const [d, c] =
      round % 2 === 0
        ? [await runData(), await runClick()]
        : await runClick().then(async (c) => [await runData(), c] as const);
    if (round >= WARMUP) {
      data.push(d);
      clicks.push(c);
    }
  }
  const version = await browser.version();
  console.log(
    `slot-picker bench: Chromium ${version} headless, node ${process.version}, ${cpus()[0]?.model ?? 'unknown CPU'} x${cpus().length}`,
  );
  console.log(
    `30 days, ${data[0]!.slots} slots on ${data[0]!.days} days (synthetic, seeded); transport answers at once; ${WARMUP} warm-up + ${ROUNDS} interleaved rounds`,
  );
  console.log('');
  printTable(PAINT_COLUMNS, [
    paintRow('data in -> painted day list', (t) => t.data!, data, TARGET_DATA_MS),
    paintRow('mount -> painted day list', (t) => t.start, data),
    paintRow(
      `day click -> painted time list (~${Math.round(median(clicks.map((c) => c.times)))} times)`,
      (t) => t.start,
      clicks,
      TARGET_CLICK_MS,
    ),
  ]);
  console.log('');
  console.log(
    'laid out = the new state found in the DOM after style and layout (same frame, before paint);',
  );
  console.log(
    'painted = setTimeout(0) posted then, which runs after the frame is painted; see bench/README.md.',
  );
} finally {
  await browser.close();
  await server.close();
  await cleanup(dir);
}
