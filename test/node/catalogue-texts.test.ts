import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import ts from 'typescript';
import { catalogue } from '../../src/i18n/strings.js';
import { compactCatalogue } from '../../vite.lib.config.js';

type Entry = (msg: (text: unknown, options: unknown) => unknown, params?: unknown) => unknown;

/** Runs `source` (TypeScript without imports) as a module. */
async function run(source: string): Promise<Record<string, unknown>> {
  const js = ts.transpileModule(source, {
    compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 },
  }).outputText;
  return (await import(`data:text/javascript,${encodeURIComponent(js)}`)) as Record<
    string,
    unknown
  >;
}

/** The value of a JavaScript string literal in single or double quotes. */
function literalValue(literal: string): string {
  const body = literal.slice(1, -1);
  return literal.startsWith('"')
    ? (JSON.parse(literal) as string)
    : (JSON.parse(`"${body.replace(/\\'/g, "'").replace(/"/g, '\\"')}"`) as string);
}

// The library build writes plain catalogue entries as their text; every message must render
// exactly as the source's entry does, and entries keep their order.
describe('catalogue texts in the library build', () => {
  const probe = (text: unknown, options: unknown) => JSON.stringify([text, options]);

  it('writes plain entries as text and leaves the others as they are', async () => {
    const source = [
      'export const table = {',
      "  'a.one': (msg) => msg('One', { id: 'a.one' }),",
      "  'a.two': (msg, p: { n: string }) => msg(p.n + ' two', { id: 'a.two' }),",
      "  'a.three': (msg) => msg('Three', { id: 'other.id' }),",
      "  'a.four': (msg) =>",
      "    msg('Four, on a line of its own', {",
      "      id: 'a.four',",
      '    }),',
      '} satisfies Record<string, unknown>;',
    ].join('\n');
    const out = compactCatalogue(source);
    assert.match(out, /'a\.one': 'One',/);
    assert.match(out, /'a\.four': 'Four, on a line of its own',/);
    assert.match(out, /'a\.two': \(msg, p/);
    assert.match(out, /'a\.three': \(msg\) => msg\('Three', \{ id: 'other\.id' \}\)/);
    const { table } = await run(out);
    const entries = table as Record<string, Entry>;
    assert.deepEqual(Object.keys(entries), ['a.one', 'a.two', 'a.three', 'a.four']);
    assert.equal(entries['a.one']!(probe), probe('One', { id: 'a.one' }));
    assert.equal(entries['a.two']!(probe, { n: '2' }), probe('2 two', { id: 'a.two' }));
    assert.equal(entries['a.three']!(probe), probe('Three', { id: 'other.id' }));
    assert.equal(entries['a.four']!(probe), probe('Four, on a line of its own', { id: 'a.four' }));
  });

  it('changes only plain entries of the real catalogue, which then render the same', () => {
    for (const file of ['src/i18n/strings.ts', 'src/i18n/strings-rts.ts']) {
      const source = readFileSync(file, 'utf8');
      const out = compactCatalogue(source, file);
      assert.notEqual(out, source, file);
      const plain = [
        ...out.matchAll(/^ {2}'([a-z_.]+)': ('(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*"),$/gm),
      ];
      assert.ok(plain.length > 20, `${file}: ${plain.length} plain entries`);
      for (const [, key, text] of plain) {
        const entry = (catalogue as Record<string, Entry>)[key!]!;
        assert.equal(entry(probe), probe(literalValue(text!), { id: key }), key);
      }
    }
  });
});
