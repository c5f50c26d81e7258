/**
 * Support for the package tests: a fresh build of `dist/` (built once even when several test
 * files ask at the same time), a consumer project with the packed tarball installed offline, and
 * headless Chromium.
 *
 * Offline install: `npm install --offline` needs every dependency without the registry. The
 * consumer's `node_modules` gets a symlink for each of the package's direct dependencies into
 * this checkout's `node_modules`; npm accepts those as satisfying the tarball's dependency ranges
 * and installs only the tarball. Node then resolves each dependency's own imports through the
 * symlink's real path. `react` and `react-dom`, which an app brings itself, are linked after.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';

export const projectRoot = resolve(import.meta.dirname, '../..');
const lockDir = join(projectRoot, '.test-results', 'build.lock');

/** Newest modification time of any file under `dir`. */
function newestUnder(dir: string): number {
  let newest = 0;
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    const stat = statSync(path);
    newest = Math.max(newest, stat.isDirectory() ? newestUnder(path) : stat.mtimeMs);
  }
  return newest;
}

const sleep = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

/**
 * Runs `npm run build` unless `dist/` is newer than every source file. A lock directory keeps
 * two test files from building into `dist/` at once.
 */
export function ensureBuilt(): void {
  mkdirSync(dirname(lockDir), { recursive: true });
  const started = Date.now();
  for (;;) {
    try {
      mkdirSync(lockDir);
      break;
    } catch {
      // A lock older than two minutes belongs to a run that died.
      if (Date.now() - statSync(lockDir, { throwIfNoEntry: false })!.mtimeMs > 120_000)
        rmSync(lockDir, { recursive: true, force: true });
      if (Date.now() - started > 180_000) throw new Error('waited 3 minutes for another build');
      sleep(250);
    }
  }
  try {
    const manifest = join(projectRoot, 'dist', 'custom-elements.json');
    const builtAt = existsSync(manifest) ? statSync(manifest).mtimeMs : 0;
    const sourcesAt = Math.max(
      newestUnder(join(projectRoot, 'src')),
      statSync(join(projectRoot, 'package.json')).mtimeMs,
    );
    if (builtAt < sourcesAt) {
      const res = spawnSync('npm', ['run', 'build', '--silent'], {
        cwd: projectRoot,
        encoding: 'utf8',
      });
      if (res.status !== 0) throw new Error(`npm run build failed:\n${res.stdout}${res.stderr}`);
    }
  } finally {
    rmSync(lockDir, { recursive: true, force: true });
  }
}

/** A temporary project with the packed package installed. */
export interface Consumer {
  dir: string;
  /** Files in the tarball, relative to the package root. */
  packedFiles: string[];
  /** Removes the project. */
  dispose(): void;
}

/** Packs the package, and installs the tarball into a new project offline. */
export function packAndInstall(): Consumer {
  ensureBuilt();
  const dir = mkdtempSync(join(tmpdir(), 'se-consumer-'));
  const packed = JSON.parse(
    execFileSync('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', dir], {
      cwd: projectRoot,
      encoding: 'utf8',
    }),
  ) as { filename: string; files: { path: string }[] }[];
  const pkg = JSON.parse(readFileSync(join(projectRoot, 'package.json'), 'utf8')) as {
    dependencies: Record<string, string>;
  };
  writeFileSync(
    join(dir, 'package.json'),
    JSON.stringify({ name: 'consumer', version: '1.0.0', private: true, type: 'module' }),
  );
  const link = (name: string) => {
    const path = join(dir, 'node_modules', name);
    mkdirSync(dirname(path), { recursive: true });
    symlinkSync(join(projectRoot, 'node_modules', name), path, 'dir');
  };
  for (const name of Object.keys(pkg.dependencies)) link(name);
  const install = spawnSync(
    'npm',
    [
      'install',
      '--offline',
      '--no-audit',
      '--no-fund',
      '--ignore-scripts',
      `./${packed[0]!.filename}`,
    ],
    { cwd: dir, encoding: 'utf8' },
  );
  if (install.status !== 0)
    throw new Error(`npm install of the tarball failed:\n${install.stdout}${install.stderr}`);
  // The app's own React (npm would prune links it was not asked for, so they come after).
  link('react');
  link('react-dom');
  return {
    dir,
    packedFiles: packed[0]!.files.map((f) => f.path),
    dispose: () => rmSync(dir, { recursive: true, force: true }),
  };
}

export { chromiumArgs, launchChromium } from '../chromium.js';
