/**
 * Test fixture: the embedded API on a real HTTP server (port 0, in-memory store) with a clock
 * the test moves by hand, and a `post` helper that returns status, headers and parsed body.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startDevServer } from '@web/dev-server';
import { createApi, type Api, type ApiOptions } from '../../server/api.js';
import { apiMiddleware } from '../../server/koa-middleware.js';

/** Tuesday 2026-12-01 08:00 UTC. */
export const NOW = Date.UTC(2026, 11, 1, 8, 0);

/** A response as the tests look at it. */
export interface Reply {
  status: number;
  headers: Headers;
  body: any; // eslint-disable-line @typescript-eslint/no-explicit-any
}

/** A running API server and the means to drive it. */
export interface TestServer {
  api: Api;
  base: string;
  /** Moves the API's clock forward. */
  advance(ms: number): void;
  /** Sends a request with a JSON body (a string is sent as is). */
  send(
    method: string,
    path: string,
    options?: { token?: string; body?: unknown; headers?: Record<string, string> },
  ): Promise<Reply>;
  close(): Promise<void>;
}

/** Starts the API on port 0 with an in-memory store and a hand-moved clock. */
export async function startServer(options: ApiOptions = {}): Promise<TestServer> {
  let clock = NOW;
  const api = await createApi({ memory: true, now: () => clock, ...options });
  const server: Server = createServer((req, res) => {
    void api.handle(req, res).then((handled) => {
      if (!handled) res.writeHead(418).end('not the API');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    api,
    base,
    advance: (ms) => {
      clock += ms;
    },
    async send(method, path, { token, body, headers = {} } = {}) {
      const init: RequestInit = { method, headers: { ...headers } };
      const h = init.headers as Record<string, string>;
      if (token !== undefined) h.Authorization = `Bearer ${token}`;
      if (body !== undefined) {
        h['Content-Type'] ??= 'application/json';
        init.body = typeof body === 'string' ? body : JSON.stringify(body);
      }
      const res = await fetch(base + path, init);
      const text = await res.text();
      const isJson = res.headers.get('content-type')?.startsWith('application/json');
      return { status: res.status, headers: res.headers, body: isJson ? JSON.parse(text) : text };
    },
    async close() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await api.close();
    },
  };
}

/** The test runner's dev server as `web-test-runner.config.mjs` mounts the API: Koa middleware. */
export interface TestRunnerServer {
  /** The API the middleware was given, still starting when the server is. */
  pending: Promise<Api>;
  base: string;
  /** Stops the server, then the API. */
  stop(): Promise<void>;
}

/** Starts `@web/dev-server` on 127.0.0.1 (port 0) serving `rootDir`, with the in-memory API. */
export async function startTestRunnerServer(rootDir: string): Promise<TestRunnerServer> {
  const pending = createApi({ memory: true });
  const server = await startDevServer({
    config: {
      rootDir,
      hostname: '127.0.0.1',
      port: 0,
      middleware: [apiMiddleware(pending)],
    },
    readCliArgs: false,
    readFileConfig: false,
    autoExitProcess: false,
    logStartMessage: false,
  });
  const base = `http://127.0.0.1:${(server.server!.address() as AddressInfo).port}`;
  const stop = async () => {
    await server.stop();
    await (await pending).close();
  };
  return { pending, base, stop };
}
