/**
 * `npm run serve -- [--port N] [--host H] [--data DIR | --memory] [--origin URL]
 * [--public-origin URL]`: the embedded
 * API on its own, printing its URL, the demo client secret, a demo element token and a
 * ready-to-paste curl command; it also serves the booking link page under `/rts/` (its module
 * bundled with esbuild on first request), and link URLs start with `--public-origin`, by default
 * the address it listens on.
 *
 * Contract: defaults are port 8787, host 127.0.0.1, data in `./.data`, and the demo element token
 * issued for `http://127.0.0.1:5173` (Vite's dev server) as well as usable without an Origin
 * header (curl). Bad arguments exit with status 2 and a usage line; SIGINT and SIGTERM close
 * the server and flush the store before exiting.
 */
import { createServer } from 'node:http';
import { parseArgs } from 'node:util';
import { defaultDemoQuery } from '../src/data/demo-calendars.js';
import { createApi } from './api.js';
import { createRtsPageHandler } from './rts-page.js';

const USAGE =
  'usage: npm run serve -- [--port N] [--host HOST] [--data DIR | --memory] [--origin URL] [--public-origin URL]';

/** Validated command-line settings, or an error message. */
function settingsOf(argv: string[]) {
  const { values } = parseArgs({
    args: argv,
    options: {
      port: { type: 'string', default: '8787' },
      host: { type: 'string', default: '127.0.0.1' },
      data: { type: 'string', default: '.data' },
      memory: { type: 'boolean', default: false },
      origin: { type: 'string', default: 'http://127.0.0.1:5173' },
      'public-origin': { type: 'string' },
      help: { type: 'boolean', default: false },
    },
  });
  const port = Number(values.port);
  if (!/^\d+$/.test(values.port) || port > 65535) {
    throw new Error(`--port must be a number from 0 to 65535, not ${values.port}`);
  }
  let origin: string;
  try {
    origin = new URL(values.origin).origin;
  } catch {
    throw new Error(`--origin must be a URL such as http://127.0.0.1:5173, not ${values.origin}`);
  }
  let publicOrigin: string | undefined;
  const asked = values['public-origin'];
  if (asked !== undefined) {
    try {
      publicOrigin = new URL(asked).origin;
    } catch {
      throw new Error(
        `--public-origin must be a URL such as https://book.example.com, not ${asked}`,
      );
    }
  }
  return { ...values, port, origin, publicOrigin };
}

async function main(): Promise<void> {
  let settings: ReturnType<typeof settingsOf>;
  try {
    settings = settingsOf(process.argv.slice(2));
  } catch (error) {
    console.error(`${(error as Error).message}\n${USAGE}`);
    process.exit(2);
  }
  if (settings.help) {
    console.log(USAGE);
    return;
  }
  let api: Awaited<ReturnType<typeof createApi>>;
  try {
    api = await createApi({
      dataDir: settings.data,
      memory: settings.memory,
      demoOrigin: settings.origin,
      log: (line) => console.log(line),
    });
  } catch (error) {
    console.error(`cannot open the store: ${(error as Error).message}`);
    process.exit(1);
  }
  const page = createRtsPageHandler();
  const server = createServer((req, res) => {
    api
      .handle(req, res)
      .then((handled) => handled || page.handle(req, res))
      .then(
        (handled) => {
          if (handled) return;
          res.writeHead(404, { 'Content-Type': 'application/json; charset=utf-8' });
          res.end(
            JSON.stringify({
              errors: { path: [{ key: 'errors.not_found', description: 'the API is under /v1/' }] },
            }),
          );
        },
        (error: unknown) => {
          console.error(error);
          res.destroy();
        },
      );
  });
  server.on('error', (error) => {
    console.error(`cannot listen on ${settings.host}:${settings.port}: ${error.message}`);
    process.exit(1);
  });
  server.listen(settings.port, settings.host, () => {
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : settings.port;
    const host = settings.host.includes(':') ? `[${settings.host}]` : settings.host;
    const base = `http://${host}:${port}`;
    api.setPublicOrigin(settings.publicOrigin ?? base);
    const token = api.demoElementToken;
    const query = JSON.stringify(defaultDemoQuery(Date.now()));
    console.log(`scheduling-elements API listening on ${base}`);
    console.log(`  store: ${settings.memory ? 'in memory' : `${settings.data}/store.json`}`);
    console.log(
      `  demo people: ${api.store
        .accounts()
        .map((a) => a.sub)
        .join(', ')}`,
    );
    console.log(`  client secret: ${api.clientSecret}`);
    console.log(`  element token (all demo people; origin ${settings.origin} or none): ${token}`);
    console.log(`\ncurl -sS ${base}/v1/availability \\`);
    console.log(`  -H 'Authorization: Bearer ${token}' \\`);
    console.log(`  -H 'Content-Type: application/json' \\`);
    console.log(`  -d '${query}'\n`);
    console.log(
      `booking links (POST ${base}/v1/real_time_scheduling) open ${settings.publicOrigin ?? base}/rts/#token=...\n`,
    );
  });
  const stop = () => {
    server.close();
    server.closeAllConnections();
    api.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(`could not save the store: ${(error as Error).message}`);
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

await main();
