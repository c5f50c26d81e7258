/**
 * The booking link's page: `GET /rts/` answers a small HTML document holding
 * `<rts-booking-page>` and loading the module `src/rts-page.ts` (which reads `#token=...` from
 * the URL's fragment and hands it to the element).
 *
 * Contract: the document has no inline script or style, so it runs under a strict
 * Content-Security-Policy; its icon is an empty `data:` URL, so browsers do not ask for a
 * `/favicon.ico` the server does not have; it declares `color-scheme: light dark`, so in dark
 * mode the page around the (dark) element is dark too. Standalone (`npm run serve`), `createRtsPageHandler` answers `/rts`
 * (redirect), `/rts/` and `/rts/index.html` with the document and a strict CSP, and
 * `/rts/rts-page.js` with `src/rts-page.ts` bundled by esbuild on first request (kept in memory
 * once built); while that module does not exist both answer 503 with a plain-text reason, and
 * a module that fails to bundle answers 500 with esbuild's message. In `npm start` the Vite
 * plugin serves the same document through Vite (`rtsPageHtml('/src/rts-page.ts')`).
 */
import { access } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { fileURLToPath } from 'node:url';

/** The page's path; link URLs are `{origin}/rts/#token={link token}`. */
export const RTS_PAGE_PATH = '/rts/';

/** The module the page loads, relative to the project root. */
export const RTS_PAGE_MODULE = 'src/rts-page.ts';

/** The project's root directory (this file lives in `server/`). */
const PROJECT_ROOT = fileURLToPath(new URL('..', import.meta.url));

/** Policy for the standalone page: scripts and API calls from its own origin only. */
export const RTS_PAGE_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "connect-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** The page's HTML, loading the module at `scriptSrc`. */
export function rtsPageHtml(scriptSrc: string): string {
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <meta name="referrer" content="no-referrer" />
    <meta name="color-scheme" content="light dark" />
    <link rel="icon" href="data:," />
    <title>Book a time</title>
    <script type="module" src="${scriptSrc}"></script>
  </head>
  <body>
    <main>
      <rts-booking-page></rts-booking-page>
    </main>
  </body>
</html>
`;
}

/** Whether `path` names the page itself (not its script). */
export function isRtsPagePath(pathname: string): boolean {
  return pathname === '/rts/' || pathname === '/rts/index.html';
}

/** Whether the file at `path` exists. */
export async function fileExists(path: string): Promise<boolean> {
  try {
    await access(path);
    return true;
  } catch {
    return false;
  }
}

/** Sends a plain-text answer. */
export function sendText(
  res: ServerResponse,
  status: number,
  text: string,
  headers: Record<string, string> = {},
): void {
  res.writeHead(status, {
    'Content-Type': 'text/plain; charset=utf-8',
    'Content-Length': String(Buffer.byteLength(text)),
    'Cache-Control': 'no-store',
    ...headers,
  });
  res.end(text);
}

/** The 503 text while the page's module has not been written. */
export function missingModuleText(path: string): string {
  return `The booking page is not available yet: its module ${RTS_PAGE_MODULE} does not exist (looked for ${path}).\n`;
}

/** Where the standalone handler finds its sources. */
export interface RtsPageOptions {
  /** The page module (default `src/rts-page.ts` in the project). */
  entry?: string;
  /** tsconfig used by the bundle (default the project's; decorators follow it). */
  tsconfig?: string;
}

/** A request handler serving the page; resolves `false` for paths that are not its own. */
export interface RtsPageHandler {
  handle(req: IncomingMessage, res: ServerResponse): Promise<boolean>;
}

/** The standalone page: HTML and an esbuild bundle of the page module. */
export function createRtsPageHandler(options: RtsPageOptions = {}): RtsPageHandler {
  const entry = options.entry ?? `${PROJECT_ROOT}${RTS_PAGE_MODULE}`;
  const tsconfig = options.tsconfig ?? `${PROJECT_ROOT}tsconfig.json`;
  let bundle: Promise<string> | undefined;

  async function build(): Promise<string> {
    const { build: esbuild } = await import('esbuild');
    const result = await esbuild({
      entryPoints: [entry],
      bundle: true,
      format: 'esm',
      platform: 'browser',
      target: 'es2022',
      minify: true,
      write: false,
      legalComments: 'none',
      logLevel: 'silent',
      tsconfig,
    });
    return result.outputFiles[0].text;
  }

  return {
    async handle(req, res) {
      const pathname = new URL(req.url ?? '/', 'http://page.invalid').pathname;
      if (pathname !== '/rts' && !pathname.startsWith('/rts/')) return false;
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        sendText(res, 405, `${pathname} answers GET and HEAD\n`, { Allow: 'GET, HEAD' });
        return true;
      }
      if (pathname === '/rts') {
        res.writeHead(301, { Location: RTS_PAGE_PATH, 'Content-Length': '0' });
        res.end();
        return true;
      }
      const isPage = isRtsPagePath(pathname);
      if (!isPage && pathname !== '/rts/rts-page.js') {
        sendText(res, 404, `no page ${pathname}\n`);
        return true;
      }
      if (!(await fileExists(entry))) {
        sendText(res, 503, missingModuleText(entry), { 'Retry-After': '60' });
        return true;
      }
      if (isPage) {
        const html = rtsPageHtml('/rts/rts-page.js');
        res.writeHead(200, {
          'Content-Type': 'text/html; charset=utf-8',
          'Content-Length': String(Buffer.byteLength(html)),
          'Content-Security-Policy': RTS_PAGE_CSP,
          'Referrer-Policy': 'no-referrer',
          'X-Content-Type-Options': 'nosniff',
          'Cache-Control': 'no-store',
        });
        res.end(req.method === 'HEAD' ? undefined : html);
        return true;
      }
      bundle ??= build();
      let code: string;
      try {
        code = await bundle;
      } catch (error) {
        bundle = undefined;
        sendText(res, 500, `could not bundle ${RTS_PAGE_MODULE}: ${(error as Error).message}\n`);
        return true;
      }
      res.writeHead(200, {
        'Content-Type': 'text/javascript; charset=utf-8',
        'Content-Length': String(Buffer.byteLength(code)),
        'X-Content-Type-Options': 'nosniff',
        'Cache-Control': 'no-cache',
      });
      res.end(req.method === 'HEAD' ? undefined : code);
      return true;
    },
  };
}
