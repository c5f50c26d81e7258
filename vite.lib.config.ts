/**
 * Library builds. Default mode: the npm ES build into `dist/`, one module per source file
 * (`preserveModules`) so each entry, each element's `define` module and each locale module is its
 * own file (locales load lazily), with lit, @lit/*, date-fns, @date-fns/* and react left as
 * imports. `--mode script-tag`: `dist/scheduling-elements.min.js`, one minified IIFE with
 * everything inlined that registers the elements and sets the global `SchedulingElements`.
 */
import { existsSync } from 'node:fs';
import { defineConfig } from 'vite';

/**
 * Entry name (the file under `dist/`) to source module: the package root, one entry per
 * element, and the React wrappers. An element entry whose source is not in the tree yet is left
 * out of the build (the package tests then report its `exports` path as missing).
 */
export const esEntries: Record<string, string> = Object.fromEntries(
  Object.entries({
    index: 'src/index.ts',
    'availability-viewer': 'src/availability-viewer.ts',
    'slot-picker': 'src/slot-picker.ts',
    'rts-booking-page': 'src/rts-booking-page.ts',
    react: 'src/react.ts',
  }).filter(([, source]) => existsSync(source)),
);

const external = [/^lit($|\/)/, /^@lit\//, /^date-fns($|\/)/, /^@date-fns\//, /^react($|\/)/];

export default defineConfig(({ mode }) =>
  mode === 'script-tag'
    ? {
        publicDir: false,
        build: {
          target: 'es2022',
          outDir: 'dist',
          emptyOutDir: false,
          copyPublicDir: false,
          minify: true,
          lib: {
            entry: 'src/script-tag.ts',
            formats: ['iife'],
            name: 'SchedulingElements',
            fileName: () => 'scheduling-elements.min.js',
          },
        },
      }
    : {
        publicDir: false,
        build: {
          target: 'es2022',
          outDir: 'dist',
          emptyOutDir: true,
          copyPublicDir: false,
          minify: false,
          lib: { entry: esEntries, formats: ['es'] },
          rolldownOptions: {
            external,
            output: {
              preserveModules: true,
              preserveModulesRoot: 'src',
              entryFileNames: '[name].js',
            },
          },
        },
      },
);
