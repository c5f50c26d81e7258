#!/usr/bin/env node
// Size budgets of the built package, min + gzip, as a browser receives it. Builds first
// (`npm run build`), then measures:
// - each element entry and the package root: what a page loads up front for the ES entry
//   (scripts/lib/bundle-size.mjs, shared with `npm run bench`): lit, the date and time code and
//   shared modules included; locale modules, the demo engine and the zone list stay chunks
//   loaded on use;
// - the script-tag bundle `dist/scheduling-elements.min.js` as built (everything inlined);
// - each locale chunk, minified.
// Sizes are gzip level 9 (zlib) in KB of 1024 bytes. Prints a table; exits 1 when a budget is
// missed or the build fails. With `--report` (how `npm test` runs it while the budgets are not
// yet met) a missed budget is printed as OVER with the total at the end, and only a failed or
// incomplete build exits 1. `--modules` also lists the largest source modules of each entry.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { transform } from 'esbuild';
import { gzipSize as gz, measureEntry } from './lib/bundle-size.mjs';

const KB = 1024;
const budgets = {
  allElements: 30 * KB,
  oneElement: 20 * KB,
  scriptTag: 35 * KB,
  locale: 3 * KB,
};

if (!process.argv.includes('--no-build')) {
  const res = spawnSync('npm', ['run', 'build', '--silent'], { stdio: 'inherit' });
  if (res.status !== 0) {
    console.error('check-size: the build failed');
    process.exit(1);
  }
}

const rows = [];
/** Minified bytes per source module of each measured entry, for `--modules`. */
const modules = new Map();
const add = (name, minified, gzipped, budget) =>
  rows.push({ name, minified, gzipped, budget, ok: gzipped <= budget });

/** The bytes a page loads up front for `entry`, and the modules they come from. */
async function initialLoad(entry) {
  const { initial } = await measureEntry(entry);
  modules.set(entry, initial.modules);
  return { minified: initial.min, gzipped: initial.gzip };
}

const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
const elementEntries = Object.keys(pkg.exports)
  .filter((key) => /^\.\/[a-z-]+$/.test(key) && key !== './react')
  .map((key) => ({ name: key.slice(2), file: pkg.exports[key].default }));
let missing = false;

const root = await initialLoad('dist/index.js');
add('all three elements (package root)', root.minified, root.gzipped, budgets.allElements);
for (const { name, file } of elementEntries) {
  if (!existsSync(file)) {
    console.error(`check-size: ${file} (exports "./${name}") was not built`);
    missing = true;
    continue;
  }
  const size = await initialLoad(file.replace(/^\.\//, ''));
  add(`<${name}>`, size.minified, size.gzipped, budgets.oneElement);
}

const script = readFileSync('dist/scheduling-elements.min.js');
add('script tag: scheduling-elements.min.js', script.length, gz(script), budgets.scriptTag);

const localeDir = 'dist/i18n/generated';
for (const name of readdirSync(localeDir).sort()) {
  if (!name.endsWith('.js') || name === 'locale-codes.js') continue;
  const { code } = await transform(readFileSync(join(localeDir, name), 'utf8'), {
    minify: true,
    format: 'esm',
    target: 'es2022',
  });
  add(`locale chunk ${name.replace(/\.js$/, '')}`, code.length, gz(code), budgets.locale);
}

const kb = (n) => `${(n / KB).toFixed(1)} KB`;
const width = Math.max(...rows.map((r) => r.name.length));
console.log(
  `\n${'bundle'.padEnd(width)}  ${'min'.padStart(9)}  ${'min+gz'.padStart(9)}  ${'budget'.padStart(9)}`,
);
for (const r of rows) {
  console.log(
    `${r.name.padEnd(width)}  ${kb(r.minified).padStart(9)}  ${kb(r.gzipped).padStart(9)}  ${kb(r.budget).padStart(9)}  ${r.ok ? 'ok' : 'OVER'}`,
  );
}
if (process.argv.includes('--modules')) {
  for (const [entry, list] of modules) {
    const total = list.reduce((sum, m) => sum + m.bytes, 0);
    console.log(`\n${entry}: the 15 largest of ${list.length} modules (minified, before gzip)`);
    for (const m of list.slice(0, 15))
      console.log(
        `${kb(m.bytes).padStart(9)}  ${((100 * m.bytes) / total).toFixed(1).padStart(5)}%  ${m.path}`,
      );
  }
}
const over = rows.filter((r) => !r.ok);
if (missing) {
  console.error('\ncheck-size: entries missing from the build');
  process.exit(1);
}
if (over.length > 0) {
  console.error(`\ncheck-size: ${over.length} of ${rows.length} bundles over budget`);
  if (!process.argv.includes('--report')) process.exit(1);
}
