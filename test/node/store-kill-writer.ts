/**
 * Child process of `store-kill.test.ts`: runs the embedded API over the file-backed store in the
 * directory given as the first argument, on a node:http server on 127.0.0.1 (port 0), and writes
 * to the store as fast as it can until it is killed, two ways at once:
 * - events straight into the store, three at a time (so queued writes collapse into one), and
 *   after each write has resolved (the store says it is on disk) prints `ack event <id>`;
 * - bookings over HTTP as a recipient makes them: create a booking link with the client secret,
 *   ask its free slots, book the first; on a 201 prints
 *   `ack booking <link id> <target calendar id> <slot start>`.
 * Before the first write it prints `ready`.
 *
 * Usage: node --import tsx test/node/store-kill-writer.ts <dir> <run>
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createApi } from '../../server/api.js';

const [dir, run] = process.argv.slice(2);
if (!dir || !run) throw new Error('usage: store-kill-writer.ts <dir> <run>');

const api = await createApi({ dataDir: dir });
const server = createServer((req, res) => {
  void api.handle(req, res).then((handled) => {
    if (!handled) res.writeHead(404).end();
  });
});
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
const store = api.store;
const account = store.accounts()[0]!;
const calendarId = store.calendarsOf(account.sub)[0]!.id;
const DAY = 86_400_000;
const today = Math.floor(Date.now() / DAY) * DAY;
const period = {
  start: new Date(today + DAY).toISOString(),
  end: new Date(today + 60 * DAY).toISOString(),
};
const people = store
  .accounts()
  .map((a) => ({ sub: a.sub, calendarId: store.calendarsOf(a.sub)[0]!.id }));
process.stdout.write('ready\n');

/** Pipes are written synchronously on Linux: an ack is out before the next write starts. */
const ack = (line: string) => process.stdout.write(`ack ${line}\n`);

async function send(path: string, token: string, body: unknown) {
  const res = await fetch(`${base}${path}`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as Record<string, any> }; // eslint-disable-line @typescript-eslint/no-explicit-any
}

async function writeEvents(): Promise<void> {
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
        ack(`event ${id}`);
      }),
    );
  }
}

async function book(): Promise<void> {
  const secret = api.clientSecret;
  for (let n = 0; ; n++) {
    // Round the demo people, so their free time lasts however long the run is.
    const { sub, calendarId: target } = people[n % people.length]!;
    const created = await send('/v1/real_time_scheduling', secret, {
      event: { event_id: `kill-${run}-${n}`, summary: `Booking ${run}.${n}` },
      availability: {
        participants: [{ members: [{ sub }], required: 'all' }],
        required_duration: { minutes: 30 },
        query_periods: [period],
        start_interval: { minutes: 30 },
      },
      target_calendars: [{ sub, calendar_id: target }],
      tzid: 'Europe/London',
    });
    if (created.status !== 200) throw new Error(`link: ${created.status}`);
    const { real_time_scheduling_id: id, url } = created.body.real_time_scheduling;
    const token = /#token=(.+)$/.exec(url as string)![1]!;
    const slots = await send('/v1/rts/slots', token, {});
    const [slot] = slots.body.available_slots as { start: string; end: string }[];
    if (!slot) throw new Error('no free slot left to book');
    const booked = await send('/v1/rts/bookings', token, {
      slot,
      recipient: { name: `Run ${run}`, email: 'kill@example.com' },
    });
    if (booked.status === 201) ack(`booking ${id} ${target} ${slot.start}`);
    else throw new Error(`booking: ${booked.status} ${JSON.stringify(booked.body)}`);
  }
}

await Promise.all([writeEvents(), book()]);
