import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { Store, type StoreData } from '../../server/store.js';
import { startServer } from './api-server.js';
import { eventually, expectedSignature, linkRequest, startReceiver } from './rts-helpers.js';

const PERIOD = { start: '2026-12-01T09:00:00Z', end: '2026-12-04T00:00:00Z' };
const dirs: string[] = [];

after(async () => {
  await Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true })));
});

async function fileOf(dir: string): Promise<StoreData> {
  return JSON.parse(await readFile(join(dir, 'store.json'), 'utf8')) as StoreData;
}

describe('webhook outbox across a restart', () => {
  it('delivers a webhook the receiver never accepted before the stop, exactly once, after the start', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'se-rts-'));
    dirs.push(dir);
    const receiver = await startReceiver();
    // The receiver takes the first request in but never answers it.
    receiver.answer = () => 'hold';
    const options = { memory: false, dataDir: dir, webhooks: { retryBaseMs: 20 } };
    try {
      const first = await startServer(options);
      const secret = first.api.clientSecret;
      const created = await first.send('POST', '/v1/real_time_scheduling', {
        token: secret,
        body: linkRequest(['acc_demo_ada'], PERIOD, { callback_url: `${receiver.base}/hook` }),
      });
      assert.equal(created.status, 200);
      const token = /#token=(.+)$/.exec(created.body.real_time_scheduling.url as string)![1];
      const slots = await first.send('POST', '/v1/rts/slots', { token, body: {} });
      const [slot] = slots.body.available_slots as { start: string; end: string }[];
      const booked = await first.send('POST', '/v1/rts/bookings', {
        token,
        body: { slot, recipient: { name: 'Grace Hopper', email: 'grace@example.com' } },
      });
      assert.equal(booked.status, 201);
      await receiver.waitFor(1);
      await first.close();

      const stopped = await fileOf(dir);
      assert.equal(stopped.outbox?.length, 1);
      assert.equal(stopped.outbox![0].status, 'pending');
      assert.equal(stopped.rts_links?.[0].status, 'completed');
      assert.equal(receiver.accepted.size, 0);

      receiver.answer = () => 200;
      const second = await startServer(options);
      assert.equal(second.api.clientSecret, secret);
      await receiver.waitFor(2);
      await eventually(() => second.api.store.deliveries()[0]?.status === 'delivered');
      await second.close();
      const ids = new Set(receiver.requests.map((r) => r.headers['x-webhook-id']));
      assert.equal(ids.size, 1);
      assert.equal(receiver.accepted.size, 1);
      const [delivered] = receiver.accepted.values();
      assert.equal(delivered.body.webhook_id, [...ids][0]);
      assert.equal(delivered.raw, receiver.requests[0].raw);
      assert.equal(
        delivered.headers['cronofy-hmac-sha256'],
        expectedSignature(delivered.raw, secret),
      );
      assert.equal(delivered.body.event.start.time, slot.start);
      assert.equal((await fileOf(dir)).outbox![0].status, 'delivered');

      // A third start sends nothing more.
      const third = await startServer(options);
      await new Promise((resolve) => setTimeout(resolve, 300));
      await third.close();
      assert.equal(receiver.requests.length, 2);
    } finally {
      await receiver.close();
    }
  });
});

describe('store files from before scheduling links', () => {
  it('open with no links and an empty outbox, and take new links', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'se-rts-'));
    dirs.push(dir);
    const now = () => Date.UTC(2026, 11, 1, 8, 0);
    await (await Store.open({ dir, now })).flush();
    const old = await fileOf(dir);
    delete old.rts_links;
    delete old.outbox;
    await writeFile(join(dir, 'store.json'), JSON.stringify(old));
    const server = await startServer({ memory: false, dataDir: dir });
    try {
      assert.deepEqual(server.api.store.rtsLinks(), []);
      assert.deepEqual(server.api.store.deliveries(), []);
      const created = await server.send('POST', '/v1/real_time_scheduling', {
        token: server.api.clientSecret,
        body: linkRequest(['acc_demo_ada'], PERIOD),
      });
      assert.equal(created.status, 200);
    } finally {
      await server.close();
    }
    assert.equal((await fileOf(dir)).rts_links?.length, 1);
  });
});
