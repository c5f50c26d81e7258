#!/usr/bin/env node
// Size budgets of the built package, min + gzip, as a browser receives it. Builds first
// (`npm run build`), then measures:
// - each element entry and the package root: the ES entry bundled with everything it imports
//   statically (lit, the date and time code, shared modules) by esbuild with minify; locale
//   modules stay separate chunks, as they load only when a locale other than English is used;
// - the script-tag bundle `dist/scheduling-elements.min.js` as built (everything inlined);
// - each locale chunk, minified.
// Sizes are gzip level 9 (zlib) in KB of 1024 bytes. Prints a table; exits 1 when a budget is
// missed or the build fails. With `--report` (how `npm test` runs it while the budgets are not
// yet met) a missed budget is printed as OVER with the total at the end, and only a failed or
// incomplete build exits 1.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build, transform } from 'esbuild';

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

const gz = (bytes) => gzipSync(bytes, { level: 9 }).length;
const rows = [];
const add = (name, minified, gzipped, budget) =>
  rows.push({ name, minified, gzipped, budget, ok: gzipped <= budget });

/** Bundles `entry` (split, minified) and returns the bytes a page loads up front for it. */
async function initialLoad(entry) {
  const outdir = mkdtempSync(join(tmpdir(), 'se-size-'));
  try {
    const result = await build({
      entryPoints: [entry],
      bundle: true,
      minify: true,
      splitting: true,
      format: 'esm',
      platform: 'browser',
      target: 'es2022',
      outdir,
      write: false,
      metafile: true,
      logLevel: 'error',
    });
    const files = new Map(result.outputFiles.map((f) => [f.path, f.contents]));
    const outputs = result.metafile.outputs;
    const abs = (p) => join(process.cwd(), p);
    const entryOut = Object.keys(outputs).find((p) => outputs[p].entryPoint === entry);
    // The entry chunk and every chunk it imports statically, transitively.
    const seen = new Set();
    const visit = (p) => {
      if (seen.has(p)) return;
      seen.add(p);
      for (const imported of outputs[p].imports)
        if (imported.kind === 'import-statement' && !imported.external) visit(imported.path);
    };
    visit(entryOut);
    const parts = [...seen].map((p) => files.get(abs(p)) ?? files.get(p));
    const joined = Buffer.concat(parts.map((b) => Buffer.from(b)));
    return { minified: joined.length, gzipped: parts.reduce((sum, b) => sum + gz(b), 0) };
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
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
const over = rows.filter((r) => !r.ok);
if (missing) {
  console.error('\ncheck-size: entries missing from the build');
  process.exit(1);
}
if (over.length > 0) {
  console.error(`\ncheck-size: ${over.length} of ${rows.length} bundles over budget`);
  if (!process.argv.includes('--report')) process.exit(1);
}
