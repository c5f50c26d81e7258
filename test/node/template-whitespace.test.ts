import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { collapseTemplateWhitespace } from '../../vite.lib.config.js';

// The library build collapses the whitespace of Lit templates; what renders must not change.
describe('template whitespace in the library build', () => {
  it('collapses css text, drops its comments, keeps selectors and expressions intact', () => {
    const source =
      'const s = css`\n  /* tokens */\n  :host {\n    color: red;\n    --x: ${unsafeCSS(a)};\n  }\n  .a :focus-visible,\n  .b > .c {\n    margin: 0 auto;\n  }\n  @media (prefers-color-scheme: dark) {\n    :host { color: ${b}; }\n  }\n`;';
    assert.equal(
      collapseTemplateWhitespace(source),
      'const s = css` :host{color:red;--x:${unsafeCSS(a)};}.a :focus-visible,.b>.c{margin:0 auto;}@media (prefers-color-scheme:dark){:host{color:${b};}}`;',
    );
  });

  it('turns line breaks with indentation in html into one space, also in nested templates', () => {
    const source =
      'const t = html`<div class="a\n    b">\n  ${cond ? html`<p>\n    x ${y}\n  </p>` : nothing}\n  <span>a  b</span>\n</div>`;';
    assert.equal(
      collapseTemplateWhitespace(source),
      'const t = html`<div class="a b"> ${cond ? html`<p> x ${y} </p>` : nothing} <span>a  b</span> </div>`;',
    );
  });

  it('leaves other templates, strings and comments alone', () => {
    const source =
      "// html`\n  kept`\nconst a = `\n  plain ${x}\n`;\nconst b = tag`\n  other\n`;\nconst c = 'css`  x  `';";
    assert.equal(collapseTemplateWhitespace(source), source);
  });
});
