/**
 * The embedded API as a Vite plugin: `npm start` serves it on the page's own origin.
 *
 * Contract: in `vite` (serve) only; requests under `/v1/` reach the API before Vite's own
 * middleware. Once the dev server listens, a demo element token is issued for its origin,
 * printed with the client secret, and put in the page as
 * `<meta name="se-demo-element-token" content="...">` so the demo page can use it.
 */
import type { Plugin } from 'vite';
import { createApi, type Api, type ApiOptions } from './api.js';

/** A Vite plugin mounting the embedded API (options as `createApi`'s; data in `.data`). */
export function apiPlugin(options: ApiOptions = {}): Plugin {
  let api: Api | undefined;
  return {
    name: 'scheduling-elements-api',
    apply: 'serve',
    async configureServer(server) {
      const ready = await createApi({ dataDir: '.data', ...options });
      api = ready;
      server.middlewares.use((req, res, next) => {
        ready.handle(req, res).then((handled) => {
          if (!handled) next();
        }, next);
      });
      server.httpServer?.once('listening', () => {
        const url = server.resolvedUrls?.local[0];
        if (url) ready.issueDemoElementToken(new URL(url).origin);
        const log = server.config.logger;
        log.info(`\n  Embedded API under ${url ?? '/'}v1/`);
        log.info(`  client secret: ${ready.clientSecret}`);
        log.info(`  demo element token: ${ready.demoElementToken}\n`);
      });
      server.httpServer?.once('close', () => void ready.close());
    },
    transformIndexHtml() {
      if (!api) return [];
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
