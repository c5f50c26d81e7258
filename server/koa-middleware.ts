/**
 * The embedded API as Koa middleware, for @web/test-runner's dev server
 * (`middleware: [apiMiddleware(api)]`).
 *
 * Contract: requests under `/v1/` are answered by the API, and requests under
 * `/demo/organiser/` by the demo organiser backend (booking links made with the client secret,
 * webhooks received and listed, see `rts-demo-organiser.ts`), straight on Node's response, with
 * `ctx.respond = false` so Koa leaves it alone; everything else goes to `next()`.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Api } from './api.js';
import { createDemoOrganiser } from './rts-demo-organiser.js';

/** The part of a Koa context the middleware uses. */
export interface KoaLikeContext {
  req: IncomingMessage;
  res: ServerResponse;
  respond?: boolean;
}

/**
 * Koa middleware serving `api` under `/v1/` and the demo organiser under `/demo/organiser/`,
 * passing every other request on; `api` may be the promise `createApi` returns, so a config file
 * needs no top-level await.
 */
export function apiMiddleware(
  api: Api | Promise<Api>,
): (ctx: KoaLikeContext, next: () => Promise<unknown>) => Promise<void> {
  const organiser = createDemoOrganiser(api);
  return async (ctx, next) => {
    if (
      (await (await api).handle(ctx.req, ctx.res)) ||
      (await organiser.handle(ctx.req, ctx.res))
    ) {
      ctx.respond = false;
    } else await next();
  };
}
