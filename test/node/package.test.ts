/**
 * The package as an app receives it: `npm pack`, installed offline into a new project, then
 * every entry imported in Node (server-side rendering must not crash), type-checked by `tsc`,
 * and registered in Chromium; the script-tag bundle on a plain page.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { build } from 'esbuild';
import type { Browser } from 'playwright-core';
import { launchChromium, packAndInstall, projectRoot, type Consumer } from './package-support.js';

interface PackageJson {
  exports: Record<string, string | { types: string; default: string }>;
  dependencies: Record<string, string>;
  customElements: string;
  sideEffects: string[];
  types: string;
}

const pkg = JSON.parse(readFileSync(join(projectRoot, 'package.json'), 'utf8')) as PackageJson;
const tags = ['availability-viewer', 'slot-picker', 'rts-booking-page'];
/** `./slot-picker` and the like: the JavaScript entries, not the manifest or bundle files. */
const moduleEntries = Object.keys(pkg.exports).filter(
  (key) => key === '.' || /^\.\/[a-z-]+$/.test(key),
);
const specifier = (key: string) =>
  key === '.' ? 'scheduling-elements' : `scheduling-elements/${key.slice(2)}`;

function jsFilesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return jsFilesUnder(path);
    return name.endsWith('.js') ? [path] : [];
  });
}

describe('the packed package', () => {
  let consumer: Consumer;
  let browser: Browser | undefined;
  let installed: string;

  before(() => {
    consumer = packAndInstall();
    installed = join(consumer.dir, 'node_modules', 'scheduling-elements');
  });

  after(async () => {
    await browser?.close();
    consumer?.dispose();
  });

  it('ships every exported file, the types and the manifest, and no tests', () => {
    const files = new Set(consumer.packedFiles);
    for (const [key, target] of Object.entries(pkg.exports)) {
      const paths = typeof target === 'string' ? [target] : [target.default, target.types];
      for (const path of paths)
        assert.ok(
          files.has(path.replace(/^\.\//, '')),
          `exports "${key}": ${path} is not in the tarball`,
        );
    }
    assert.ok(files.has(pkg.types.replace(/^\.\//, '')));
    assert.equal(pkg.customElements, 'dist/custom-elements.json');
    assert.ok(files.has(pkg.customElements));
    assert.deepEqual(
      consumer.packedFiles.filter((f) => /\.test\.ts$|^test\//.test(f)),
      [],
      'test files were packed',
    );
  });

  it('describes the three elements in custom-elements.json, with their events, parts and properties', () => {
    const manifest = JSON.parse(readFileSync(join(installed, pkg.customElements), 'utf8')) as {
      modules: {
        declarations?: {
          tagName?: string;
          events?: { name: string }[];
          cssParts?: unknown[];
          cssProperties?: { name: string }[];
        }[];
      }[];
    };
    const declarations = manifest.modules.flatMap((m) => m.declarations ?? []);
    for (const tag of tags) {
      const element = declarations.find((d) => d.tagName === tag);
      assert.ok(element, `${tag} is not in the manifest`);
      assert.ok(
        element.events?.some((e) => e.name === 'scheduling-error'),
        `${tag}: events`,
      );
      assert.ok((element.cssParts?.length ?? 0) > 0, `${tag}: parts`);
      assert.ok(
        element.cssProperties?.some((p) => p.name.startsWith('--se-')),
        `${tag}: custom properties`,
      );
    }
  });

  it('imports only its dependencies by name: lit and friends stay external, nothing else', () => {
    const allowed = new Set(Object.keys(pkg.dependencies));
    const bare = /(?:from|import)\s*\(?\s*["']([^"'./][^"']*)["']/g;
    for (const file of jsFilesUnder(join(installed, 'dist'))) {
      if (file.endsWith('scheduling-elements.min.js')) continue;
      const text = readFileSync(file, 'utf8');
      for (const [, name] of text.matchAll(bare)) {
        const packageName = name!.startsWith('@')
          ? name!.split('/').slice(0, 2).join('/')
          : name!.split('/')[0]!;
        const ok =
          allowed.has(packageName) || (file.endsWith('/dist/react.js') && packageName === 'react');
        assert.ok(ok, `${file} imports "${name}", which is not a dependency`);
      }
    }
    const dist = readFileSync(join(installed, 'dist/index.js'), 'utf8');
    assert.doesNotMatch(dist, /lit-html\/lit-html|class ReactiveElement/, 'lit was inlined');
    const script = readFileSync(join(installed, 'dist/scheduling-elements.min.js'), 'utf8');
    assert.doesNotMatch(script, /^\s*import\s|\bfrom\s*["']lit/m, 'the script-tag bundle imports');
  });

  it('loads the locale modules lazily, as chunks of their own', () => {
    const locales = readdirSync(join(installed, 'dist/i18n/generated')).filter(
      (f) => f !== 'locale-codes.js' && f.endsWith('.js'),
    );
    assert.deepEqual(locales.sort(), ['de.js', 'es.js', 'fr.js', 'it.js', 'nl.js']);
    const files = jsFilesUnder(join(installed, 'dist'));
    for (const locale of locales) {
      const dynamic = files.filter((f) =>
        readFileSync(f, 'utf8').includes(`import("./generated/${locale}")`),
      );
      assert.equal(dynamic.length, 1, `${locale} is imported dynamically once`);
      for (const f of files) {
        assert.doesNotMatch(
          readFileSync(f, 'utf8'),
          new RegExp(`from\\s*["'][^"']*generated/${locale.replace('.', '\\.')}["']`),
          `${f} imports ${locale} statically`,
        );
      }
    }
  });

  it('imports every entry in Node without a DOM (server-side rendering)', () => {
    const script = `
      const out = {};
      for (const name of ${JSON.stringify(moduleEntries.map(specifier))}) {
        out[name] = Object.keys(await import(name)).sort();
      }
      console.log(JSON.stringify(out));`;
    const output = execFileSync(process.execPath, ['--input-type=module', '-e', script], {
      cwd: consumer.dir,
      encoding: 'utf8',
    });
    const exported = JSON.parse(output) as Record<string, string[]>;
    assert.ok(exported['scheduling-elements']!.includes('SchedulingElements'));
    for (const name of ['AvailabilityViewer', 'SlotPicker', 'RtsBookingPage'])
      assert.ok(exported['scheduling-elements']!.includes(name), `the root exports ${name}`);
    assert.ok(exported['scheduling-elements/availability-viewer']!.includes('AvailabilityViewer'));
    assert.ok(exported['scheduling-elements/slot-picker']!.includes('SlotPicker'));
    assert.ok(exported['scheduling-elements/rts-booking-page']!.includes('RtsBookingPage'));
    assert.deepEqual(
      ['AvailabilityViewer', 'RtsBookingPage', 'SlotPicker'].filter(
        (n) => !exported['scheduling-elements/react']!.includes(n),
      ),
      [],
    );
  });

  it('type-checks an app that uses every entry', () => {
    writeFileSync(
      join(consumer.dir, 'app.ts'),
      `import { SchedulingElements, type SlotPickerOptions, type Slot } from 'scheduling-elements';
import { AvailabilityViewer } from 'scheduling-elements/availability-viewer';
import { SlotPicker } from 'scheduling-elements/slot-picker';
import { RtsBookingPage } from 'scheduling-elements/rts-booking-page';
import { SlotPicker as SlotPickerComponent } from 'scheduling-elements/react';

const options: SlotPickerOptions = { target_id: 'picker', demo: true, config: { mode: 'no_confirm' } };
const instance = SchedulingElements.SlotPicker(options);
instance.update({ locale: 'de' });
const picker: SlotPicker = instance.element;
picker.addEventListener('slot-selected', (event) => {
  const slot: Slot = event.detail.slot;
  console.log(slot.start);
});
const viewer = document.createElement('availability-viewer');
const isViewer: boolean = viewer instanceof AvailabilityViewer;
const page: RtsBookingPage = document.createElement('rts-booking-page');
console.log(isViewer, page.token, SlotPickerComponent.displayName);
`,
    );
    writeFileSync(
      join(consumer.dir, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          target: 'ES2022',
          module: 'NodeNext',
          moduleResolution: 'NodeNext',
          lib: ['ES2023', 'DOM', 'DOM.Iterable'],
          strict: true,
          noEmit: true,
          skipLibCheck: false,
          types: [],
        },
        files: ['app.ts'],
      }),
    );
    try {
      execFileSync(join(projectRoot, 'node_modules/.bin/tsc'), ['-p', consumer.dir], {
        cwd: consumer.dir,
        encoding: 'utf8',
      });
    } catch (error) {
      const { stdout } = error as { stdout: string };
      assert.fail(`tsc found errors in the published types:\n${stdout}`);
    }
  });

  /** Bundles `source` (resolving through the consumer's node_modules) for a plain page. */
  async function pageScript(source: string): Promise<string> {
    const result = await build({
      stdin: { contents: source, resolveDir: consumer.dir, loader: 'js' },
      bundle: true,
      format: 'iife',
      platform: 'browser',
      target: 'es2022',
      write: false,
      logLevel: 'error',
    });
    return result.outputFiles[0]!.text;
  }

  async function newPage() {
    browser ??= await launchChromium();
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(String(error)));
    await page.setContent('<!doctype html><main id="target"></main>');
    return { page, errors };
  }

  it('registers only its own tag from an element entry, and all three from the root', async () => {
    for (const tag of tags) {
      const { page, errors } = await newPage();
      await page.addScriptTag({
        content: await pageScript(`import 'scheduling-elements/${tag}';`),
      });
      const defined = await page.evaluate(
        (names) => names.map((name) => customElements.get(name) !== undefined),
        tags,
      );
      assert.deepEqual(
        defined,
        tags.map((name) => name === tag),
        `scheduling-elements/${tag}`,
      );
      assert.deepEqual(errors, []);
      await page.close();
    }
    const { page, errors } = await newPage();
    // The root twice (as two copies of the library would): registration must not throw.
    const root = await pageScript(`import * as lib from 'scheduling-elements'; window.lib = lib;`);
    await page.addScriptTag({ content: root });
    await page.addScriptTag({ content: root });
    assert.deepEqual(
      await page.evaluate(
        (names) => names.map((name) => customElements.get(name) !== undefined),
        tags,
      ),
      [true, true, true],
    );
    await page.evaluate(() => {
      const picker = document.createElement('slot-picker');
      picker.setAttribute('demo', '');
      document.getElementById('target')!.append(picker);
    });
    await page.locator('slot-picker [part~="day"]').first().waitFor({ timeout: 15_000 });
    assert.deepEqual(errors, []);
    await page.close();
  });

  it('script tag: registers the three elements and exposes SchedulingElements', async () => {
    const { page, errors } = await newPage();
    const path = join(installed, 'dist/scheduling-elements.min.js');
    await page.addScriptTag({ path });
    await page.addScriptTag({ path });
    const state = await page.evaluate((names) => {
      const global = (window as unknown as { SchedulingElements: Record<string, unknown> })
        .SchedulingElements;
      return {
        defined: names.map((name) => customElements.get(name) !== undefined),
        api: Object.keys(global).sort(),
      };
    }, tags);
    assert.deepEqual(state.defined, [true, true, true]);
    assert.deepEqual(state.api, ['AvailabilityViewer', 'SlotPicker']);
    // A string, so the test runner's transform cannot add helpers the page lacks.
    const selected = page.evaluate(`new Promise((resolve) => {
      SchedulingElements.SlotPicker({
        target_id: 'target',
        demo: true,
        config: { mode: 'no_confirm' },
        callback: (n) => { if (n.notification.type === 'slot_selected') resolve(n); },
      });
    })`);
    const picker = page.locator('#target slot-picker');
    await picker.locator('[part~="day"]').first().click({ timeout: 15_000 });
    await picker.locator('[part~="time"]').first().click();
    const notification = (await selected) as { notification: { slot: { start: string } } };
    assert.match(notification.notification.slot.start, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    assert.deepEqual(errors, []);
    await page.close();
  });
});
