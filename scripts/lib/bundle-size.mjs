// What a page loads for one entry of the package, as `npm run size` and `npm run bench` measure
// it: the entry bundled with everything it imports (lit, the date and time code, shared
// modules) by esbuild, minified, ES2022, split so that modules imported dynamically (locales,
// the demo engine, the zone list) stay chunks of their own. "Initial" is the entry's chunk and
// every chunk it imports statically, transitively; "lazy" is the rest. Gzip is level 9, per chunk.
import { join, relative, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

/** Gzip (level 9) size of `bytes`. */
export const gzipSize = (bytes) => gzipSync(bytes, { level: 9 }).length;

/**
 * Measures `entry` (a path relative to `cwd`).
 * @param {string} entry
 * @param {{ cwd?: string, tsconfig?: string }} [options]
 */
export async function measureEntry(entry, options = {}) {
  const cwd = options.cwd ?? process.cwd();
  const result = await build({
    absWorkingDir: cwd,
    entryPoints: [entry],
    bundle: true,
    minify: true,
    splitting: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    // Never written: outputs stay in memory.
    outdir: join(cwd, '.bundle-size'),
    write: false,
    metafile: true,
    ...(options.tsconfig ? { tsconfig: options.tsconfig } : {}),
    logLevel: 'error',
  });
  const outputs = result.metafile.outputs;
  const files = new Map(result.outputFiles.map((f) => [relative(cwd, f.path), f.contents]));
  const contents = (path) => files.get(relative(cwd, resolve(cwd, path)));
  // A dynamically imported module is an entry point of its chunk too: find the one asked for.
  const wanted = relative(cwd, resolve(cwd, entry));
  const entryOut = Object.keys(outputs).find((p) => outputs[p].entryPoint === wanted);
  if (!entryOut) throw new Error(`bundle-size: no output chunk for ${entry}`);
  const initial = new Set();
  const visit = (path) => {
    if (initial.has(path)) return;
    initial.add(path);
    for (const imported of outputs[path].imports)
      if (imported.kind === 'import-statement' && !imported.external) visit(imported.path);
  };
  visit(entryOut);
  const sum = (paths) => ({
    min: paths.reduce((s, p) => s + contents(p).length, 0),
    gzip: paths.reduce((s, p) => s + gzipSize(contents(p)), 0),
  });
  const js = Object.keys(outputs).filter((p) => p.endsWith('.js'));
  const lazy = js.filter((p) => !initial.has(p));
  // Minified bytes each source module puts into the initial chunks, largest first.
  const byModule = new Map();
  for (const path of initial)
    for (const [input, { bytesInOutput }] of Object.entries(outputs[path].inputs))
      byModule.set(input, (byModule.get(input) ?? 0) + bytesInOutput);
  const modules = [...byModule]
    .filter(([, bytes]) => bytes > 0)
    .map(([path, bytes]) => ({ path, bytes }))
    .sort((a, b) => b.bytes - a.bytes);
  return { initial: { ...sum([...initial]), modules }, lazy: { ...sum(lazy), count: lazy.length } };
}
