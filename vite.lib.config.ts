/**
 * Library builds. Default mode: the npm ES build into `dist/`, one module per source file
 * (`preserveModules`) so each entry, each element's `define` module and each locale module is its
 * own file (locales load lazily), with lit, @lit/*, date-fns, @date-fns/* and react left as
 * imports. `--mode script-tag`: `dist/scheduling-elements.min.js`, one minified IIFE with
 * everything inlined that registers the elements and sets the global `SchedulingElements`.
 */
import { existsSync } from 'node:fs';
import ts from 'typescript';
import { defineConfig, type Plugin } from 'vite';

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

/** Collapses whitespace in the static text of a `css` template, and drops its comments. */
function collapseCss(text: string): string {
  return text
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\s+/g, ' ')
    .replace(/ ?([{};,>]) ?/g, '$1')
    .replace(/: /g, ':');
}

/** Collapses each whitespace run that holds a line break in an `html`/`svg` template to a space. */
function collapseHtml(text: string): string {
  return text.replace(/[ \t]*\n\s*/g, ' ');
}

/**
 * The module with the static text of its Lit `css`, `html` and `svg` templates collapsed: the
 * indentation and line breaks of the source cost bytes in every download and mean nothing to
 * the browser (HTML renders a whitespace run as one space; CSS ignores it). Expressions and
 * everything outside the templates are left as they are. The templates hold no `<pre>` and no
 * static text in `white-space: pre*` elements, where line breaks would matter.
 */
export function collapseTemplateWhitespace(code: string, fileName = 'module.ts'): string {
  const source = ts.createSourceFile(fileName, code, ts.ScriptTarget.Latest, true);
  const edits: { start: number; end: number; text: string }[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isTaggedTemplateExpression(node) && ts.isIdentifier(node.tag)) {
      const tag = node.tag.text;
      const collapse =
        tag === 'css' ? collapseCss : tag === 'html' || tag === 'svg' ? collapseHtml : undefined;
      if (collapse) {
        const template = node.template;
        // Each literal piece: `...`, `...${, }...${ or }...` (the delimiters stay).
        const pieces: { node: ts.Node; tail: number }[] = ts.isNoSubstitutionTemplateLiteral(
          template,
        )
          ? [{ node: template, tail: 1 }]
          : [
              { node: template.head, tail: 2 },
              ...template.templateSpans.map((span) => ({
                node: span.literal,
                tail: ts.isTemplateTail(span.literal) ? 1 : 2,
              })),
            ];
        for (const piece of pieces) {
          const start = piece.node.getStart(source) + 1;
          const end = piece.node.getEnd() - piece.tail;
          const text = code.slice(start, end);
          const collapsed = collapse(text);
          if (collapsed !== text) edits.push({ start, end, text: collapsed });
        }
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  let out = code;
  for (const edit of edits.sort((a, b) => b.start - a.start))
    out = out.slice(0, edit.start) + edit.text + out.slice(edit.end);
  return out;
}

/** Applies `collapseTemplateWhitespace` to the library's TypeScript sources. */
function templateWhitespace(): Plugin {
  return {
    name: 'scheduling-elements:template-whitespace',
    enforce: 'pre',
    transform(code, id) {
      if (!/\/src\/.*\.ts$/.test(id) || !/\b(css|html|svg)`/.test(code)) return null;
      return { code: collapseTemplateWhitespace(code, id), map: null };
    },
  };
}

/**
 * The message catalogue (`src/i18n/strings*.ts`) with each plain entry,
 * `'k': (msg) => msg('Text', { id: 'k' })`, written as its text alone, `'k': 'Text'`, and the
 * catalogue object passed to a helper that turns each text back into that same function, in
 * place (the keys keep their order). The source form stays what `lit-localize extract` reads;
 * the build drops the repeated id and call per message. Entries with parameters stay as they are.
 */
export function compactCatalogue(code: string, fileName = 'strings.ts'): string {
  const source = ts.createSourceFile(fileName, code, ts.ScriptTarget.Latest, true);
  const edits: { start: number; end: number; text: string }[] = [];
  const plainText = (property: ts.PropertyAssignment): string | undefined => {
    const fn = property.initializer;
    if (!ts.isStringLiteral(property.name) || !ts.isArrowFunction(fn)) return undefined;
    const [param, ...more] = fn.parameters;
    if (!param || more.length > 0 || !ts.isIdentifier(param.name)) return undefined;
    const call = fn.body;
    if (!ts.isCallExpression(call) || !ts.isIdentifier(call.expression)) return undefined;
    if (call.expression.text !== param.name.text || call.arguments.length !== 2) return undefined;
    const [text, options] = call.arguments;
    if (!ts.isStringLiteral(text) || !ts.isObjectLiteralExpression(options)) return undefined;
    const [id, ...others] = options.properties;
    if (!id || others.length > 0 || !ts.isPropertyAssignment(id)) return undefined;
    if (!ts.isIdentifier(id.name) || id.name.text !== 'id') return undefined;
    if (!ts.isStringLiteral(id.initializer) || id.initializer.text !== property.name.text)
      return undefined;
    return text.getText(source);
  };
  ts.forEachChild(source, function visit(node) {
    if (ts.isVariableDeclaration(node) && node.initializer) {
      const init = node.initializer;
      const object = ts.isSatisfiesExpression(init) ? init.expression : init;
      if (ts.isObjectLiteralExpression(object)) {
        const plain = object.properties.flatMap((property) => {
          if (!ts.isPropertyAssignment(property)) return [];
          const text = plainText(property);
          return text === undefined ? [] : [{ fn: property.initializer, text }];
        });
        if (plain.length > 0) {
          for (const { fn, text } of plain)
            edits.push({ start: fn.getStart(source), end: fn.getEnd(), text });
          edits.push({
            start: object.getStart(source),
            end: object.getStart(source),
            text: 'catalogueFromTexts(',
          });
          edits.push({ start: object.getEnd(), end: object.getEnd(), text: ')' });
        }
      }
    }
    ts.forEachChild(node, visit);
  });
  if (edits.length === 0) return code;
  let out = code;
  for (const edit of edits.sort((a, b) => b.start - a.start || b.end - a.end))
    out = out.slice(0, edit.start) + edit.text + out.slice(edit.end);
  return `${out}
/** The catalogue with each text entry made the function \`(msg) => msg(text, { id })\`. */
function catalogueFromTexts<T extends object>(entries: T): T {
  const table = entries as Record<string, unknown>;
  for (const id of Object.keys(table)) {
    const text = table[id];
    if (typeof text === 'string')
      table[id] = (msg: (text: string, options: { id: string }) => string) => msg(text, { id });
  }
  return entries;
}
`;
}

/** Applies `compactCatalogue` to the message catalogue modules. */
function catalogueTexts(): Plugin {
  return {
    name: 'scheduling-elements:catalogue-texts',
    enforce: 'pre',
    transform(code, id) {
      if (!/\/src\/i18n\/strings(-[a-z]+)?\.ts$/.test(id)) return null;
      return { code: compactCatalogue(code, id), map: null };
    },
  };
}

const external = [/^lit($|\/)/, /^@lit\//, /^date-fns($|\/)/, /^@date-fns\//, /^react($|\/)/];

export default defineConfig(({ mode }) =>
  mode === 'script-tag'
    ? {
        plugins: [templateWhitespace(), catalogueTexts()],
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
        plugins: [templateWhitespace(), catalogueTexts()],
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
