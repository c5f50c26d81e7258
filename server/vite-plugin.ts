/**
 * The embedded API as a Vite plugin: `npm start` serves it on the page's own origin, with the
 * demo organiser backend and the booking link page.
 *
 * Contract: in `vite` (serve) only. Requests under `/v1/` reach the API, and requests under
 * `/demo/organiser/` the demo organiser (`rts-demo-organiser.ts`), before Vite's own middleware.
 * `/rts/` (and `/rts/index.html`; `/rts` redirects) answers the booking page's HTML, holding
 * `<rts-booking-page>` and loading `/src/rts-page.ts`, passed through Vite's HTML transforms so
 * the module is served transformed; while `src/rts-page.ts` does not exist it answers 503 with a
 * plain-text reason. Once the dev server listens, booking link URLs start with its origin, and a
 * demo element token is issued for that origin, printed with the client secret, and put in the
 * demo page (never the booking page) as `<meta name="se-demo-element-token" content="...">`.
 */
import { join } from 'node:path';
import type { Plugin } from 'vite';
import { createApi, type Api, type ApiOptions } from './api.js';
import { createDemoOrganiser } from './rts-demo-organiser.js';
import {
  fileExists,
  isRtsPagePath,
  missingModuleText,
  RTS_PAGE_MODULE,
  RTS_PAGE_PATH,
  rtsPageHtml,
  sendText,
} from './rts-page.js';

/**
 * A Vite plugin mounting the embedded API (options as `createApi`'s; data in `.data`). With
 * `SE_API_MEMORY=1` in the environment the store is kept in memory only (the end-to-end tests
 * start `npm start`'s server this way, so they never write into `.data`).
 */
export function apiPlugin(options: ApiOptions = {}): Plugin {
  let api: Api | undefined;
  return {
    name: 'scheduling-elements-api',
    apply: 'serve',
    async configureServer(server) {
      const memory = process.env.SE_API_MEMORY === '1';
      const ready = await createApi({
        dataDir: '.data',
        ...(memory ? { memory } : {}),
        ...options,
      });
      api = ready;
      const organiser = createDemoOrganiser(ready);
      const pageModule = join(server.config.root, RTS_PAGE_MODULE);
      server.middlewares.use((req, res, next) => {
        ready
          .handle(req, res)
          .then((handled) => handled || organiser.handle(req, res))
          .then(async (handled) => {
            if (handled) return;
            const url = req.url ?? '/';
            const pathname = new URL(url, 'http://page.invalid').pathname;
            if (pathname === '/rts' && req.method === 'GET') {
              res.writeHead(301, { Location: RTS_PAGE_PATH, 'Content-Length': '0' });
              res.end();
              return;
            }
            if (!isRtsPagePath(pathname) || (req.method !== 'GET' && req.method !== 'HEAD')) {
              next();
              return;
            }
            if (!(await fileExists(pageModule))) {
              sendText(res, 503, missingModuleText(pageModule), { 'Retry-After': '60' });
              return;
            }
            const html = await server.transformIndexHtml(url, rtsPageHtml(`/${RTS_PAGE_MODULE}`));
            res.writeHead(200, {
              'Content-Type': 'text/html; charset=utf-8',
              'Referrer-Policy': 'no-referrer',
              'Cache-Control': 'no-store',
            });
            res.end(html);
          })
          .catch(next);
      });
      server.httpServer?.once('listening', () => {
        const url = server.resolvedUrls?.local[0];
        if (url) {
          ready.issueDemoElementToken(new URL(url).origin);
          ready.setPublicOrigin(new URL(url).origin);
        }
        const log = server.config.logger;
        log.info(`\n  Embedded API under ${url ?? '/'}v1/`);
        log.info(`  client secret: ${ready.clientSecret}`);
        log.info(`  demo element token: ${ready.demoElementToken}\n`);
      });
      server.httpServer?.once('close', () => void ready.close());
    },
    transformIndexHtml(_html, ctx) {
      // The booking page runs on the link token alone: no element token in it.
      if (!api || ctx.path.startsWith('/rts')) return [];
      return [
        {
          tag: 'meta',
          attrs: { name: 'se-demo-element-token', content: api.demoElementToken },
          injectTo: 'head',
        },
      ];
    },
  };
}
