// Browser tests: every test/**/*.test.ts except the Node-side suites, in Debian's Chromium.
import { writeFileSync, mkdirSync } from 'node:fs';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { playwrightLauncher } from '@web/test-runner-playwright';
import { defaultReporter, summaryReporter } from '@web/test-runner';
// TypeScript server modules: this config is loaded with `NODE_OPTIONS=--import tsx`.
import { createApi } from './server/api.ts';
import { apiMiddleware } from './server/koa-middleware.ts';
import { chromiumArgs, chromiumPath } from './test/chromium.ts';

/** The browser's own zone: deliberately not UTC and not a zone the time tests force. */
export const BROWSER_ZONE = 'Pacific/Chatham';

/** Writes pass/fail counts for scripts/test.mjs to add up. */
function countsReporter() {
  return {
    onTestRunFinished({ sessions }) {
      let passed = 0;
      let failed = 0;
      const walk = (suite) => {
        for (const t of suite.tests) {
          if (t.skipped) continue;
          if (t.passed) passed += 1;
          else failed += 1;
        }
        for (const s of suite.suites) walk(s);
      };
      for (const session of sessions) {
        if (session.testResults) walk(session.testResults);
        // A file that failed to load has errors but no results: count it as one failure.
        if (!session.passed && (!session.testResults || session.errors?.length)) failed += 1;
      }
      const out = process.env.SE_COUNTS_FILE;
      if (out) {
        mkdirSync('.test-results', { recursive: true });
        writeFileSync(out, JSON.stringify({ passed, failed }));
      }
    },
  };
}

/** The embedded API, in memory, on the test page's own origin. */
const api = createApi({ memory: true });

/**
 * Test-only: hands the browser tests the in-memory API's client secret, so they can ask
 * `/v1/element_tokens` for a token the way an app's backend would.
 */
function testCredentials() {
  return async (ctx, next) => {
    if (ctx.path !== '/__test__/credentials') return next();
    ctx.body = { client_secret: (await api).clientSecret };
  };
}

export default {
  files: ['test/**/*.test.ts', '!test/server/**', '!test/node/**', '!test/e2e/**'],
  nodeResolve: { exportConditions: ['browser', 'development'] },
  concurrency: 1,
  testsFinishTimeout: 240000,
  testFramework: { config: { timeout: 20000 } },
  browsers: [
    playwrightLauncher({
      product: 'chromium',
      launchOptions: {
        executablePath: chromiumPath,
        headless: true,
        args: [...chromiumArgs],
      },
      createBrowserContext: ({ browser }) => browser.newContext({ timezoneId: BROWSER_ZONE }),
    }),
  ],
  middleware: [testCredentials(), apiMiddleware(api)],
  plugins: [esbuildPlugin({ ts: true, tsconfig: './tsconfig.json', target: 'es2022' })],
  reporters: [defaultReporter(), summaryReporter({ flatten: false }), countsReporter()],
};
