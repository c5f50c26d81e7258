/**
 * Child process of `store-kill.test.ts`: opens the file-backed store in the directory given as
 * the first argument and adds events to it as fast as it can, three at a time (so queued writes
 * collapse into one), until it is killed. After each write has resolved (the store says it is
 * on disk) it prints `ack <event id>`; before the first write it prints `ready`.
 *
 * Usage: node --import tsx test/node/store-kill-writer.ts <dir> <run>
 */
import { Store } from '../../server/store.js';

const [dir, run] = process.argv.slice(2);
if (!dir || !run) throw new Error('usage: store-kill-writer.ts <dir> <run>');

const store = await Store.open({ dir });
const account = store.accounts()[0]!;
const calendarId = store.calendarsOf(account.sub)[0]!.id;
process.stdout.write('ready\n');

const start = Date.UTC(2026, 11, 1, 9);
for (let i = 0; ; i += 3) {
  await Promise.all(
    [i, i + 1, i + 2].map(async (n) => {
      const id = `evt_kill_${run}_${n}`;
      const at = start + n * 60_000;
      await store.addEvents([
        {
          id,
          calendar_id: calendarId,
          start: new Date(at).toISOString(),
          end: new Date(at + 30 * 60_000).toISOString(),
          summary: `write ${run}.${n}`,
          source: 'kill-test',
        },
      ]);
      // Pipes are written synchronously on Linux: the ack is out before the next write starts.
      process.stdout.write(`ack ${id}\n`);
    }),
  );
}
