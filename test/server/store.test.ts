import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { DEMO_PEOPLE } from '../../src/data/demo-calendars.js';
import { Store, StoreInUseError, type StoreData } from '../../server/store.js';

const DAY = 86_400_000;
const NOW = Date.UTC(2026, 11, 1, 8, 0);
const dirs: string[] = [];

async function tempDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'se-store-'));
  dirs.push(dir);
  return dir;
}

async function fileOf(dir: string): Promise<StoreData> {
  return JSON.parse(await readFile(join(dir, 'store.json'), 'utf8')) as StoreData;
}

/** Every calendar of every account. */
function calendarsOfEveryone(store: Store) {
  return store.accounts().flatMap((a) => store.calendarsOf(a.sub));
}

after(async () => {
  await Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true })));
});

describe('Store seed', () => {
  it('holds every demo person, their calendars and events from 7 days back to 90 ahead', async () => {
    const store = await Store.open({ memory: true, now: () => NOW });
    assert.deepEqual(
      store.accounts().map((a) => a.sub),
      DEMO_PEOPLE.map((p) => p.sub),
    );
    assert.deepEqual(store.seeded, {
      start: Date.UTC(2026, 10, 24),
      end: Date.UTC(2026, 11, 1) + 91 * DAY,
    });
    for (const person of DEMO_PEOPLE) {
      const calendars = store.calendarsOf(person.sub);
      assert.deepEqual(
        calendars.map((c) => [c.id, c.tzid]),
        person.calendars.map((c) => [c.id, person.tzid]),
      );
      const starts = calendars.flatMap((c) => store.eventsOf(c.id)).map((e) => Date.parse(e.start));
      assert.ok(starts.length > 97, `${person.sub} has ${starts.length} events`);
      assert.ok(Math.min(...starts) >= store.seeded.start);
      assert.ok(Math.max(...starts) < store.seeded.end);
      assert.ok(Math.max(...starts) > store.seeded.end - 2 * DAY);
    }
  });

  it('is the same on the same day, wherever the clock is within it', async () => {
    const morning = await Store.open({ memory: true, now: () => Date.UTC(2026, 11, 1, 0, 5) });
    const evening = await Store.open({ memory: true, now: () => Date.UTC(2026, 11, 1, 23, 55) });
    for (const { id } of calendarsOfEveryone(morning)) {
      assert.deepEqual(morning.eventsOf(id), evening.eventsOf(id));
    }
    assert.notEqual(morning.clientSecret, evening.clientSecret);
  });

  it('answers busy time from its events, narrowed by calendar', async () => {
    const store = await Store.open({ memory: true, now: () => NOW });
    const source = store.calendarSource();
    const window = { start: NOW, end: NOW + 3 * DAY };
    const events = store
      .eventsOf('cal_demo_ada_work')
      .map((e) => ({ start: Date.parse(e.start), end: Date.parse(e.end) }))
      .filter((e) => e.start < window.end && e.end > window.start);
    assert.ok(events.length > 0);
    assert.deepEqual(source.busy('acc_demo_ada', ['cal_demo_ada_work'], window), events);
    const all = source.busy('acc_demo_ada', undefined, window);
    assert.ok(all.length > events.length);
    assert.ok(all.every((b) => b.start < window.end && b.end > window.start));
    assert.deepEqual(source.busy('acc_nobody', undefined, window), []);
  });
});

describe('Store file', () => {
  it('is created on first open and reloads with the same secret and events', async () => {
    const dir = await tempDir();
    const first = await Store.open({ dir, now: () => NOW });
    await first.flush();
    const onDisk = await fileOf(dir);
    assert.equal(onDisk.client_secret, first.clientSecret);
    assert.match(first.clientSecret, /^demo_client_secret_/);
    const second = await Store.open({ dir, now: () => NOW + 3_600_000 });
    assert.equal(second.clientSecret, first.clientSecret);
    assert.deepEqual(second.eventsOf('cal_demo_lena_work'), first.eventsOf('cal_demo_lena_work'));
  });

  it('extends the seeded range when opened on a later day, without duplicating events', async () => {
    const dir = await tempDir();
    await (await Store.open({ dir, now: () => NOW })).flush();
    const later = await Store.open({ dir, now: () => NOW + 10 * DAY });
    await later.flush();
    assert.equal(later.seeded.end, Date.UTC(2026, 11, 11) + 91 * DAY);
    const ids = (await fileOf(dir)).events.map((e) => e.id);
    assert.equal(new Set(ids).size, ids.length);
    const fresh = await Store.open({ memory: true, now: () => NOW + 10 * DAY });
    const recent = (s: Store) =>
      s.eventsOf('cal_demo_priya_work').filter((e) => Date.parse(e.start) >= NOW + 3 * DAY);
    assert.deepEqual(recent(later), recent(fresh));
  });

  it('ignores and removes a temp file left by a crash mid-write', async () => {
    const dir = await tempDir();
    const first = await Store.open({ dir, now: () => NOW });
    await first.flush();
    const before = await readFile(join(dir, 'store.json'), 'utf8');
    await writeFile(join(dir, 'store.json.4242.deadbeef.tmp'), before.slice(0, before.length / 2));
    const reopened = await Store.open({ dir, now: () => NOW });
    assert.equal(reopened.clientSecret, first.clientSecret);
    // The open store's lock names this process.
    assert.deepEqual((await readdir(dir)).sort(), ['store.json', 'store.lock']);
    assert.equal(await readFile(join(dir, 'store.lock'), 'utf8'), String(process.pid));
    assert.equal(await readFile(join(dir, 'store.json'), 'utf8'), before);
  });

  it('refuses a directory a live process holds and takes over one a finished process left', async () => {
    const dir = await tempDir();
    const lock = join(dir, 'store.lock');
    // The parent of this test process is alive and is not this process.
    await writeFile(lock, String(process.ppid));
    await assert.rejects(Store.open({ dir, now: () => NOW }), (error: unknown) => {
      assert.ok(error instanceof StoreInUseError);
      assert.equal(error.pid, process.ppid);
      assert.match(error.message, /is in use by process \d+ .*--data DIR/);
      return true;
    });
    assert.deepEqual(await readdir(dir), ['store.lock'], 'nothing written to a held directory');
    // A process that has exited: its id names no live process any more.
    const gone = spawnSync(process.execPath, ['-e', 'console.log(process.pid)'], {
      encoding: 'utf8',
    });
    await writeFile(lock, gone.stdout.trim());
    const store = await Store.open({ dir, now: () => NOW });
    assert.equal(await readFile(lock, 'utf8'), String(process.pid));
    await store.close();
    assert.deepEqual(await readdir(dir), ['store.json']);
  });

  it('serialises concurrent writes, keeps every change and leaves no temp file', async () => {
    const dir = await tempDir();
    const store = await Store.open({ dir, now: () => NOW });
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        store.addEvents([
          {
            id: `evt_test_${i}`,
            calendar_id: 'cal_demo_ada_work',
            start: new Date(NOW + i * 3_600_000).toISOString(),
            end: new Date(NOW + i * 3_600_000 + 1_800_000).toISOString(),
            summary: `Test ${i}`,
            source: 'test',
          },
        ]),
      ),
    );
    const saved = (await fileOf(dir)).events.filter((e) => e.source === 'test');
    assert.equal(saved.length, 20);
    await store.close();
    assert.deepEqual(await readdir(dir), ['store.json'], 'close gives the lock up');
    const busy = store
      .calendarSource()
      .busy('acc_demo_ada', ['cal_demo_ada_work'], { start: NOW, end: NOW + 1000 });
    assert.ok(busy.some((b) => b.start === NOW && b.end === NOW + 1_800_000));
  });

  it('refuses a corrupt store file rather than overwrite it', async () => {
    const dir = await tempDir();
    await writeFile(join(dir, 'store.json'), '{"version": 1, "events": [');
    await assert.rejects(Store.open({ dir, now: () => NOW }), /not valid JSON/);
    assert.equal(await readFile(join(dir, 'store.json'), 'utf8'), '{"version": 1, "events": [');
  });

  it('rejects events for a calendar it does not hold', async () => {
    const store = await Store.open({ memory: true, now: () => NOW });
    await assert.rejects(
      store.addEvents([
        { id: 'e', calendar_id: 'cal_nope', start: 'x', end: 'y', summary: '', source: 'test' },
      ]),
      /no calendar cal_nope/,
    );
  });
});

describe('Element tokens', () => {
  it('are found by value until forgotten, with their subs, origin and expiry', async () => {
    const store = await Store.open({ memory: true, now: () => NOW });
    const token = store.issueElementToken({
      permissions: ['availability'],
      subs: ['acc_demo_ada'],
      origin: 'https://app.example.com',
      ttlSeconds: 60,
    });
    assert.match(token.token, /^et_[\w-]{32}$/);
    assert.deepEqual(store.elementToken(token.token), token);
    assert.equal(token.expiresAt, NOW + 60_000);
    assert.equal(store.isTokenOrigin('https://app.example.com'), true);
    assert.equal(store.isTokenOrigin('https://evil.example.com'), false);
    assert.equal(store.elementToken('et_unknown'), undefined);
  });
});
