/**
 * Test fixture: a real HTTP server on 127.0.0.1 (port 0) that answers each request as a script
 * says: pass it to the embedded API, cut the connection, never answer, or answer with a chosen
 * status. Every request is recorded with its arrival time, so tests can count what reached the
 * server and when.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Socket } from 'node:net';
import { createApi, type Api } from '../../server/api.js';

/** What the server does with one request. */
export type Fault =
  /** Hand the request to the embedded API. */
  | { kind: 'api' }
  /** Hand the request to the embedded API, then destroy the socket instead of answering. */
  | { kind: 'api-lost' }
  /** Answer 200 with this body (JSON-encoded). */
  | { kind: 'json'; status: number; body: unknown; headers?: Record<string, string> }
  /** Destroy the socket without a response. */
  | { kind: 'drop' }
  /** Read the request and never answer. */
  | { kind: 'hang' };

/** A request as the server saw it. */
export interface Arrival {
  /** `Date.now()` when the request arrived. */
  at: number;
  method: string;
  path: string;
  authorization: string | undefined;
  /** The request's JSON body (undefined for a dropped or unreadable one). */
  body: unknown;
  /** What the script decided. */
  fault: Fault['kind'];
}

/** A running faulty server. */
export interface FaultyServer {
  base: string;
  /** The embedded API behind `{kind: 'api'}` (in memory). */
  api: Api;
  /** Every request so far, in arrival order. */
  arrivals: Arrival[];
  /** Replaces the script. */
  setScript(script: (n: number, path: string) => Fault): void;
  close(): Promise<void>;
}

const API: Fault = { kind: 'api' };

/** Starts a server whose answer to the n-th request (from 0) is `script(n, path)`. */
export async function startFaultyServer(
  script: (n: number, path: string) => Fault = () => API,
): Promise<FaultyServer> {
  const api = await createApi({ memory: true });
  const arrivals: Arrival[] = [];
  const sockets = new Set<Socket>();
  let current = script;

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const at = Date.now();
    const n = arrivals.length;
    const path = req.url ?? '';
    const fault = current(n, path);
    const arrival: Arrival = {
      at,
      method: req.method ?? '',
      path,
      authorization: req.headers.authorization,
      body: undefined,
      fault: fault.kind,
    };
    arrivals.push(arrival);
    if (fault.kind === 'drop') {
      req.socket.destroy();
      return;
    }
    if (fault.kind === 'api') {
      await api.handle(req, res);
      return;
    }
    if (fault.kind === 'api-lost') {
      // The API does its work; its answer never leaves: the connection dies instead.
      res.writeHead = (() => res) as typeof res.writeHead;
      res.end = (() => {
        req.socket.destroy();
        return res;
      }) as typeof res.end;
      await api.handle(req, res);
      return;
    }
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    try {
      arrival.body = JSON.parse(Buffer.concat(chunks).toString());
    } catch {
      arrival.body = undefined;
    }
    if (fault.kind === 'hang') return;
    const text = JSON.stringify(fault.body);
    res.writeHead(fault.status, {
      'Content-Type': 'application/json',
      'Content-Length': String(Buffer.byteLength(text)),
      ...fault.headers,
    });
    res.end(text);
  };

  const server: Server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      res.destroy(error instanceof Error ? error : new Error(String(error)));
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    base,
    api,
    arrivals,
    setScript(next) {
      current = next;
    },
    async close() {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => server.close(resolve));
      await api.close();
    },
  };
}

/** The most of `times` (sorted or not) that fall in any half-open window of `windowMs`. */
export function busiestWindow(times: readonly number[], windowMs: number): number {
  const sorted = [...times].sort((a, b) => a - b);
  let most = 0;
  let from = 0;
  for (let to = 0; to < sorted.length; to++) {
    while (sorted[to]! - sorted[from]! >= windowMs) from++;
    most = Math.max(most, to - from + 1);
  }
  return most;
}
