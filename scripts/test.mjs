#!/usr/bin/env node
// The whole test suite, as `npm test` runs it: static checks, the localisation check, the
// Node-side tests and the browser tests. Every step runs even when an earlier one fails, so one
// run shows every problem; the last line is `N passed, N failed` (static checks count as one
// each, tests one each) and the exit code is 1 when anything failed.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';

const chrome = process.env.CHROME_PATH ?? '/usr/bin/chromium';
if (!existsSync(chrome)) {
  console.error(
    `No Chromium found at ${chrome}.\n` +
      "The browser tests run in headless Chromium. Install Debian's package:\n" +
      '  sudo apt-get update && sudo apt-get install -y chromium\n' +
      'or point CHROME_PATH at an existing Chromium or Chrome binary:\n' +
      '  CHROME_PATH=/path/to/chrome npm test',
  );
  console.log('0 passed, 1 failed');
  process.exit(1);
}

mkdirSync('.test-results', { recursive: true });
const bin = (name) => join('node_modules', '.bin', name);
let passed = 0;
let failed = 0;
const failures = [];

/** Runs one command with inherited output; returns whether it exited 0. */
function run(label, cmd, args, env = {}) {
  console.log(`\n── ${label} ──`);
  const started = Date.now();
  const res = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  const ok = res.status === 0;
  console.log(
    `── ${label}: ${ok ? 'ok' : 'FAILED'} (${((Date.now() - started) / 1000).toFixed(1)} s)`,
  );
  if (!ok) failures.push(label);
  return ok;
}

/** A static check counts as one test. */
function check(label, cmd, args) {
  if (run(label, cmd, args)) passed += 1;
  else failed += 1;
}

function filesUnder(dir, suffix) {
  if (!existsSync(dir)) return [];
  const out = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...filesUnder(path, suffix));
    else if (name.endsWith(suffix)) out.push(path);
  }
  return out.sort();
}

check('typecheck', bin('tsc'), ['--noEmit', '-p', 'tsconfig.json']);
check('eslint', bin('eslint'), ['--max-warnings', '0', '.']);
check('prettier', bin('prettier'), ['--check', '--log-level', 'warn', '.']);
check('lit-analyzer', bin('lit-analyzer'), ['src', '--strict', '--quiet']);
check('localisation', process.execPath, ['scripts/check-l10n.mjs']);
// Builds the package (dist/), which the package tests below use, and prints the size table
// against the budgets. The budgets are not met yet, so a bundle over budget is reported, not
// failed; `npm run size` is the strict check.
check('build and size table', process.execPath, ['scripts/check-size.mjs', '--report']);

// Node-side tests: node's own runner through tsx, in a zone that is neither UTC nor the browser's.
// test/e2e/ drives npm start's server (started in-process) with playwright-core and Chromium.
const nodeTests = [
  ...filesUnder('test/server', '.test.ts'),
  ...filesUnder('test/node', '.test.ts'),
  ...filesUnder('test/e2e', '.test.ts'),
];
if (nodeTests.length > 0) {
  console.log('\n── node tests ──');
  const res = spawnSync(
    process.execPath,
    [
      '--import',
      'tsx',
      '--test',
      '--test-reporter=spec',
      '--test-reporter-destination=stdout',
      '--test-reporter=tap',
      '--test-reporter-destination=.test-results/node.tap',
      ...nodeTests,
    ],
    { stdio: 'inherit', env: { ...process.env, TZ: 'America/St_Johns' } },
  );
  const tap = existsSync('.test-results/node.tap')
    ? readFileSync('.test-results/node.tap', 'utf8')
    : '';
  const pass = Number(/^# pass (\d+)/m.exec(tap)?.[1] ?? 0);
  const fail = Number(/^# fail (\d+)/m.exec(tap)?.[1] ?? 0);
  passed += pass;
  failed += fail;
  if (res.status !== 0) {
    failures.push('node tests');
    if (fail === 0) failed += 1;
  }
  console.log(`── node tests: ${pass} passed, ${fail} failed`);
}

// Browser tests: @web/test-runner in headless Chromium; counts come from the config's reporter.
const countsFile = '.test-results/browser.json';
rmSync(countsFile, { force: true });
const browserOk = run('browser tests', bin('web-test-runner'), [], {
  SE_COUNTS_FILE: countsFile,
  NODE_OPTIONS: [process.env.NODE_OPTIONS, '--import tsx'].filter(Boolean).join(' '),
});
if (existsSync(countsFile)) {
  const counts = JSON.parse(readFileSync(countsFile, 'utf8'));
  passed += counts.passed;
  failed += counts.failed;
  if (!browserOk && counts.failed === 0) failed += 1;
} else {
  failed += 1;
}

if (failures.length > 0) console.log(`\nFailed steps: ${failures.join(', ')}`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 || failures.length > 0 ? 1 : 0);
