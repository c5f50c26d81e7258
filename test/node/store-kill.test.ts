/**
 * Crash safety of the file-backed store: a child process (`store-kill-writer.ts`, the
 * TypeScript bundled once with esbuild before the runs, since tsx's loader start-up in every one
 * of 100 processes would take most of the time budget) runs the embedded API over a store in a temp directory and, in tight loops, writes events into
 * the store and makes bookings over HTTP (create a link, ask its slots, book one), until it is
 * killed with SIGKILL at a random moment, 100 times over the same directory. After every kill
 * the store must open, its file must be valid JSON of the version 1 shape, every event whose
 * write the child had acknowledged (it prints the ack only once `addEvents` resolved) must be in
 * it, and no booking that got a 201 may be lost (its link completed with that time, the event
 * in the target calendar), in every run so far. Kills come at random moments: one run in ten
 * during start-up (opening the store, the first writes), the others a random time after the
 * store is open, or after the run's first booking was answered (so bookings are always at
 * stake). Most kills land while a write is under way (a temp file is left behind); the reopen
 * removes the leftovers.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { Store, type StoreData } from '../../server/store.js';

const RUNS = 100;
const WRITER_SOURCE = fileURLToPath(new URL('./store-kill-writer.ts', import.meta.url));
const dirs: string[] = [];
/** The writer bundled into a single ES module. */
let writer: string;

before(async () => {
  const dir = await mkdtemp(join(tmpdir(), 'se-store-kill-writer-'));
  dirs.push(dir);
  writer = join(dir, 'writer.mjs');
  await build({
    entryPoints: [WRITER_SOURCE],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    outfile: writer,
    logLevel: 'silent',
  });
});

after(async () => {
  await Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true })));
});

/** A booking the API answered 201 for. */
interface Booked {
  link: string;
  calendar: string;
  start: string;
}

/** What one killed child did before it died. */
interface Run {
  /** Event ids whose write resolved. */
  acked: string[];
  /** Bookings that got a 201: link id, target calendar, slot start. */
  booked: Booked[];
  ready: boolean;
  /** Temp files in the directory right after the kill (a write was cut short). */
  leftovers: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** When a run is killed: some time after its start, after the store is open, or after its first booking. */
type KillAt = { afterSpawnMs: number } | { afterReadyMs: number } | { afterBookingMs: number };

/** Starts the writer on `dir`, kills it as `when` says, and reports what it had acknowledged. */
async function killedRun(dir: string, run: number, when: KillAt): Promise<Run> {
  const child = spawn(process.execPath, [writer, dir, String(run)], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const acked: string[] = [];
  const booked: Booked[] = [];
  let ready = false;
  let stderr = '';
  let buffer = '';
  let kill: ReturnType<typeof setTimeout> | undefined;
  const killNow = () => child.kill('SIGKILL');
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  child.stdout.on('data', (chunk: Buffer) => {
    buffer += chunk.toString();
    const lines = buffer.split('\n');
    buffer = lines.pop()!;
    for (const line of lines) {
      if (line === 'ready') {
        ready = true;
        if ('afterReadyMs' in when) kill = setTimeout(killNow, when.afterReadyMs);
      } else if (line.startsWith('ack event ')) {
        acked.push(line.slice('ack event '.length));
      } else if (line.startsWith('ack booking ')) {
        const [link, calendar, start] = line.slice('ack booking '.length).split(' ');
        booked.push({ link: link!, calendar: calendar!, start: start! });
        if ('afterBookingMs' in when && booked.length === 1) {
          kill = setTimeout(killNow, when.afterBookingMs);
        }
      }
    }
  });
  if ('afterSpawnMs' in when) kill = setTimeout(killNow, when.afterSpawnMs);
  // A run that never gets to its moment is killed anyway; its missing acks show in the counts.
  const backstop = setTimeout(killNow, 15_000);
  const exit = await new Promise<{ code: number | null; signal: NodeJS.Signals | null }>(
    (resolve) => child.on('close', (code, signal) => resolve({ code, signal })),
  );
  clearTimeout(kill);
  clearTimeout(backstop);
  assert.equal(exit.signal, 'SIGKILL', `run ${run} ended by itself (${exit.code}): ${stderr}`);
  const leftovers = (await readdir(dir)).filter((name) => name.endsWith('.tmp')).length;
  return { acked, booked, ready, leftovers };
}

describe('Store under SIGKILL', () => {
  it(`always opens with every acknowledged write after ${RUNS} kills mid-write`, async () => {
    const dir = await mkdtemp(join(tmpdir(), 'se-store-kill-'));
    dirs.push(dir);
    const acknowledged = new Set<string>();
    const bookings: Booked[] = [];
    let cutMidWrite = 0;
    let killedWhileOpening = 0;
    const started = Date.now();
    for (let run = 0; run < RUNS; run++) {
      const random = (ms: number) => Math.floor(Math.random() * ms);
      const when: KillAt =
        run % 10 === 5
          ? { afterSpawnMs: random(300) }
          : run % 2 === 0
            ? { afterReadyMs: random(200) }
            : { afterBookingMs: random(150) };
      const result = await killedRun(dir, run, when);
      if (!result.ready) killedWhileOpening += 1;
      if (result.leftovers > 0) cutMidWrite += 1;
      for (const id of result.acked) acknowledged.add(id);
      bookings.push(...result.booked);

      const text = await readFile(join(dir, 'store.json'), 'utf8');
      const data = JSON.parse(text) as StoreData;
      assert.equal(data.version, 1);
      const store = await Store.open({ dir });
      const ids = new Set(
        store
          .accounts()
          .flatMap((a) => store.calendarsOf(a.sub))
          .flatMap((c) => store.eventsOf(c.id))
          .map((e) => e.id),
      );
      const lost = [...acknowledged].filter((id) => !ids.has(id));
      assert.deepEqual(lost, [], `after run ${run} (${result.acked.length} acked in it)`);
      const lostBookings = bookings.filter(({ link, calendar, start }) => {
        const stored = store.rtsLink(link);
        const at = Date.parse(start);
        const event = store
          .eventsOf(calendar)
          .find((e) => Date.parse(e.start) === at && e.source !== 'demo');
        return stored?.status !== 'completed' || stored.booking?.start !== start || !event;
      });
      assert.deepEqual(lostBookings, [], `bookings lost after run ${run}`);
      assert.deepEqual(
        (await readdir(dir)).filter((name) => name.endsWith('.tmp')),
        [],
        'opening removes temp files a kill left behind',
      );
      // Gives the directory back for the next child.
      await store.close();
      // Let the previous child's pipes close before the next one starts.
      await sleep(1);
    }
    const seconds = (Date.now() - started) / 1000;
    console.log(
      `  ${RUNS} kills in ${seconds.toFixed(1)} s: ${acknowledged.size} acknowledged event writes and ` +
        `${bookings.length} bookings answered 201 kept, ` +
        `${cutMidWrite} kills left a half-written temp file, ${killedWhileOpening} before the store was open`,
    );
    assert.ok(acknowledged.size >= RUNS, `only ${acknowledged.size} writes were acknowledged`);
    // Forty runs are killed only after a booking was answered 201.
    assert.ok(bookings.length >= 40, `only ${bookings.length} bookings were made`);
    assert.ok(cutMidWrite > 0, 'no kill landed inside a write');
  });
});
