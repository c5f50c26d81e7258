/**
 * Library builds. Default mode: the npm ES build into `dist/`, one module per source file
 * (`preserveModules`) so each entry, each element's `define` module and each locale module is its
 * own file (locales load lazily), with lit, @lit/*, date-fns, @date-fns/* and react left as
 * imports. `--mode script-tag`: `dist/scheduling-elements.min.js`, one minified IIFE with
 * everything inlined that registers the elements and sets the global `SchedulingElements`.
 */
import { defineConfig } from 'vite';

/** Entry name (the file under `dist/`) to source module. */
export const esEntries: Record<string, string> = {
  index: 'src/index.ts',
  'availability-viewer': 'src/availability-viewer.ts',
  'slot-picker': 'src/slot-picker.ts',
};

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
