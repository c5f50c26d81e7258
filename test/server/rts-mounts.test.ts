import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { createServer as createViteServer } from 'vite';
import { createRtsPageHandler, RTS_PAGE_CSP } from '../../server/rts-page.js';
import { apiPlugin } from '../../server/vite-plugin.js';
import { startTestRunnerServer } from './api-server.js';

let root: string;

before(async () => {
  root = await mkdtemp(join(tmpdir(), 'se-rts-mount-'));
  await writeFile(
    join(root, 'index.html'),
    '<!doctype html><html><head><title>demo</title></head><body></body></html>',
  );
});

after(async () => {
  await rm(root, { recursive: true, force: true });
});

async function json(base: string, method: string, path: string, body?: unknown, token?: string) {
  const headers: Record<string, string> = {};
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (token) headers.Authorization = `Bearer ${token}`;
  const res = await fetch(base + path, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as any }; // eslint-disable-line @typescript-eslint/no-explicit-any
}

/** No inline script or style: every script has a src, no style elements or attributes. */
function assertStrictCspFriendly(html: string): void {
  assert.doesNotMatch(html, /<script(?![^>]*\bsrc=)[^>]*>/);
  assert.doesNotMatch(html, /<style|\sstyle=/);
}

describe('apiPlugin: booking page and demo organiser in npm start', () => {
  it('serves /rts/ through Vite once src/rts-page.ts exists, and runs the demo organiser end to end', async () => {
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
      const missing = await fetch(`${base}/rts/`);
      assert.equal(missing.status, 503);
      assert.match(await missing.text(), /src\/rts-page\.ts does not exist/);

      await mkdir(join(root, 'src'), { recursive: true });
      await writeFile(
        join(root, 'src', 'rts-page.ts'),
        "const tag: string = 'rts-booking-page';\nexport const found = document.querySelector(tag);\n",
      );
      const page = await fetch(`${base}/rts/`);
      assert.equal(page.status, 200);
      assert.equal(page.headers.get('referrer-policy'), 'no-referrer');
      const html = await page.text();
      assert.match(html, /<rts-booking-page><\/rts-booking-page>/);
      assert.match(html, /<script type="module" src="\/src\/rts-page\.ts"><\/script>/);
      assert.doesNotMatch(html, /se-demo-element-token/);
      assertStrictCspFriendly(html);
      const module = await fetch(`${base}/src/rts-page.ts`);
      assert.equal(module.status, 200);
      assert.doesNotMatch(await module.text(), /: string/);
      const bare = await fetch(`${base}/rts`, { redirect: 'manual' });
      assert.equal(bare.status, 301);
      assert.equal(bare.headers.get('location'), '/rts/');
      const demo = await (await fetch(`${base}/`)).text();
      assert.match(demo, /se-demo-element-token/);

      const made = await json(base, 'POST', '/demo/organiser/links', {
        summary: 'Intro call',
        duration: 30,
        subs: ['acc_demo_ada', 'acc_demo_bruno'],
        fields: { note: 'off' },
      });
      assert.equal(made.status, 201, JSON.stringify(made.body));
      assert.match(made.body.id, /^sch_/);
      assert.ok(made.body.url.startsWith(`${base}/rts/#token=rts_`), made.body.url);
      const token = /#token=(.+)$/.exec(made.body.url)![1];
      const link = await json(base, 'GET', '/v1/rts/link', undefined, token);
      assert.equal(link.status, 200);
      assert.equal(link.body.link.summary, 'Intro call');
      assert.deepEqual(link.body.link.fields, { name: 'required', email: 'required', note: 'off' });
      const slots = await json(base, 'POST', '/v1/rts/slots', {}, token);
      const [slot] = slots.body.available_slots;
      assert.ok(slot, 'the demo people have a free half hour in two weeks');
      const booked = await json(
        base,
        'POST',
        '/v1/rts/bookings',
        { slot, recipient: { name: 'Grace', email: 'grace@example.com' } },
        token,
      );
      assert.equal(booked.status, 201);

      let listed: any[] = []; // eslint-disable-line @typescript-eslint/no-explicit-any
      for (let i = 0; i < 100 && !listed.length; i++) {
        listed = (await json(base, 'GET', '/demo/organiser/webhooks')).body.webhooks;
        if (!listed.length) await new Promise((resolve) => setTimeout(resolve, 50));
      }
      assert.equal(listed.length, 1);
      assert.equal(listed[0].type, 'completed');
      assert.equal(listed[0].verified, true);
      assert.equal(listed[0].body.event.start.time, slot.start);
      assert.equal(listed[0].id, listed[0].body.webhook_id);

      const forged = await fetch(`${base}/demo/organiser/webhooks`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'Cronofy-HMAC-SHA256': 'bm9wZQ==' },
        body: JSON.stringify({ webhook_id: 'whk_forged', type: 'completed' }),
      });
      assert.equal(forged.status, 401);
      const after = (await json(base, 'GET', '/demo/organiser/webhooks')).body.webhooks;
      assert.deepEqual(
        after.map((w: { id: string; verified: boolean }) => [w.id, w.verified]),
        [
          ['whk_forged', false],
          [listed[0].id, true],
        ],
      );

      const invalid = await json(base, 'POST', '/demo/organiser/links', {
        subs: ['acc_nobody'],
        duration: 2,
        fields: { name: 'sometimes' },
      });
      assert.equal(invalid.status, 422);
      assert.deepEqual(Object.keys(invalid.body.errors).sort(), ['duration', 'subs[0]', 'summary']);
    } finally {
      await vite.close();
      await rm(join(root, 'src'), { recursive: true, force: true });
    }
  });
});

describe('apiMiddleware: demo organiser in the test runner', () => {
  it('creates links on the dev server origin and lists webhooks', async () => {
    const server = await startTestRunnerServer(root);
    try {
      const { base } = server;
      const made = await json(base, 'POST', '/demo/organiser/links', {
        summary: 'Test call',
        subs: ['acc_demo_dagny'],
      });
      assert.equal(made.status, 201);
      assert.ok(made.body.url.startsWith(`${base}/rts/#token=`));
      const none = await json(base, 'GET', '/demo/organiser/webhooks');
      assert.deepEqual(none, { status: 200, body: { webhooks: [] } });
      const wrong = await fetch(`${base}/demo/organiser/links`);
      assert.equal(wrong.status, 405);
      const page = await fetch(`${base}/index.html`);
      assert.equal(page.status, 200);
    } finally {
      await server.stop();
    }
  });
});

describe('standalone booking page (npm run serve)', () => {
  async function serve(entry: string): Promise<{ base: string; server: Server }> {
    const handler = createRtsPageHandler({ entry });
    const server = createServer((req, res) => {
      void handler.handle(req, res).then((handled) => {
        if (!handled) res.writeHead(418).end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return { base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
  }

  it('answers 503 with a clear text while the module does not exist', async () => {
    const { base, server } = await serve(join(root, 'no-such-page.ts'));
    try {
      for (const path of ['/rts/', '/rts/rts-page.js']) {
        const res = await fetch(base + path);
        assert.equal(res.status, 503, path);
        assert.match(res.headers.get('content-type')!, /^text\/plain/);
        assert.match(await res.text(), /booking page is not available yet/);
      }
      assert.equal((await fetch(`${base}/elsewhere`)).status, 418);
    } finally {
      server.close();
    }
  });

  it('serves the page under a strict CSP and the module bundled by esbuild', async () => {
    const entry = join(root, 'page.ts');
    await writeFile(entry, "const tag: string = 'rts-booking-page';\nconsole.info(tag);\n");
    const { base, server } = await serve(entry);
    try {
      const page = await fetch(`${base}/rts/`);
      assert.equal(page.status, 200);
      assert.equal(page.headers.get('content-security-policy'), RTS_PAGE_CSP);
      assert.match(RTS_PAGE_CSP, /script-src 'self'/);
      const html = await page.text();
      assert.match(html, /<rts-booking-page><\/rts-booking-page>/);
      assert.match(html, /<script type="module" src="\/rts\/rts-page\.js"><\/script>/);
      assertStrictCspFriendly(html);
      const code = await fetch(`${base}/rts/rts-page.js`);
      assert.equal(code.status, 200);
      assert.match(code.headers.get('content-type')!, /^text\/javascript/);
      const text = await code.text();
      assert.match(text, /rts-booking-page/);
      assert.doesNotMatch(text, /: string/);
      assert.equal((await fetch(`${base}/rts/index.html`)).status, 200);
      assert.equal((await fetch(`${base}/rts/other.js`)).status, 404);
    } finally {
      server.close();
    }
  });

  it('answers 500 with the reason when the module does not bundle', async () => {
    const entry = join(root, 'broken.ts');
    await writeFile(entry, 'const = ;\n');
    const { base, server } = await serve(entry);
    try {
      const res = await fetch(`${base}/rts/rts-page.js`);
      assert.equal(res.status, 500);
      assert.match(await res.text(), /could not bundle/);
    } finally {
      server.close();
    }
  });

  for (const publicOrigin of [undefined, 'https://book.example.com']) {
    it(`is mounted by the CLI, whose link URLs start with ${publicOrigin ?? 'its own address'}`, async () => {
      const extra = publicOrigin ? ['--public-origin', publicOrigin] : [];
      const child = spawn(
        process.execPath,
        ['--import', 'tsx', 'server/cli.ts', '--port', '0', '--memory', ...extra],
        {
          stdio: ['ignore', 'pipe', 'pipe'],
        },
      );
      try {
        let stdout = '';
        await new Promise<void>((resolve, reject) => {
          child.stdout!.on('data', (chunk: Buffer) => {
            stdout += chunk;
            if (/booking links/.test(stdout)) resolve();
          });
          child.on('exit', () => reject(new Error(`exited: ${stdout}`)));
        });
        const base = /listening on (http:\S+)/.exec(stdout)![1];
        const secret = /client secret: (\S+)/.exec(stdout)![1];
        const page = await fetch(`${base}/rts/`);
        // 200 once src/rts-page.ts is in the project, 503 until then; never a crash.
        assert.ok([200, 503].includes(page.status), String(page.status));
        const start = new Date(Math.ceil(Date.now() / 3_600_000) * 3_600_000);
        const end = new Date(start.getTime() + 3 * 86_400_000);
        const made = await json(
          base,
          'POST',
          '/v1/real_time_scheduling',
          {
            event: { event_id: 'e1', summary: 'Call' },
            availability: {
              participants: [{ members: [{ sub: 'acc_demo_ada' }], required: 'all' }],
              required_duration: { minutes: 30 },
              query_periods: [{ start: start.toISOString(), end: end.toISOString() }],
            },
            target_calendars: [{ sub: 'acc_demo_ada', calendar_id: 'cal_demo_ada_work' }],
            tzid: 'Europe/London',
          },
          secret,
        );
        assert.equal(made.status, 200);
        const url = made.body.real_time_scheduling.url as string;
        assert.ok(url.startsWith(`${publicOrigin ?? base}/rts/#token=rts_`), url);
        assert.equal((await fetch(`${base}/demo/organiser/webhooks`)).status, 404);
      } finally {
        child.kill('SIGTERM');
      }
    });
  }
});
