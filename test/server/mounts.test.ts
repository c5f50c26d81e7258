import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { createServer as createViteServer } from 'vite';
import { apiPlugin } from '../../server/vite-plugin.js';
import { startTestRunnerServer } from './api-server.js';
import { defaultDemoQuery } from '../../src/data/demo-calendars.js';

let root: string;

before(async () => {
  root = await mkdtemp(join(tmpdir(), 'se-mount-'));
  await writeFile(
    join(root, 'index.html'),
    '<!doctype html><html><head><title>demo</title></head><body></body></html>',
  );
});

after(async () => {
  await rm(root, { recursive: true, force: true });
});

/** Posts the default demo query with `token`, from `origin`. */
function askAvailability(base: string, token: string, origin: string): Promise<Response> {
  return fetch(`${base}/v1/availability`, {
    method: 'POST',
    headers: {
      Authorization: `Bearer ${token}`,
      'Content-Type': 'application/json',
      Origin: origin,
    },
    body: JSON.stringify(defaultDemoQuery(Date.now())),
  });
}

describe('apiPlugin in Vite', () => {
  it("serves the API on the page's origin and puts the demo token in the page", async () => {
    const vite = await createViteServer({
      configFile: false,
      root,
      logLevel: 'silent',
      server: { host: '127.0.0.1', port: 0 },
      plugins: [apiPlugin({ memory: true })],
    });
    await vite.listen();
    try {
      const base = new URL(vite.resolvedUrls!.local[0]).origin;
      const html = await (await fetch(`${base}/`)).text();
      const token = /<meta name="se-demo-element-token" content="([^"]+)"/.exec(html)?.[1];
      assert.ok(token, html);
      const reply = await askAvailability(base, token, base);
      assert.equal(reply.status, 200);
      assert.ok(((await reply.json()) as { available_periods: unknown[] }).available_periods);
      const missing = await fetch(`${base}/v1/nothing`);
      assert.equal(missing.status, 404);
      assert.deepEqual(Object.keys(((await missing.json()) as { errors: object }).errors), [
        'path',
      ]);
      const page = await fetch(`${base}/index.html`);
      assert.equal(page.status, 200);
    } finally {
      await vite.close();
    }
  });
});

describe('apiMiddleware in the test runner', () => {
  it('answers /v1/ through Koa and leaves other paths to the dev server', async () => {
    const server = await startTestRunnerServer(root);
    try {
      const { base, pending } = server;
      const api = await pending;
      const token = api.issueDemoElementToken(base);
      const reply = await askAvailability(base, token, base);
      assert.equal(reply.status, 200);
      assert.equal(reply.headers.get('access-control-allow-origin'), base);
      const forbidden = await askAvailability(base, token, 'http://localhost:9999');
      assert.equal(forbidden.status, 403);
      const page = await fetch(`${base}/index.html`);
      assert.equal(page.status, 200);
      assert.match(await page.text(), /<title>demo<\/title>/);
    } finally {
      await server.stop();
    }
  });
});
