#!/usr/bin/env node
// The localisation check `npm test` runs: every target locale translates every source message
// (no silent English), each translation keeps the source's placeholders, locales/*.xlf match
// the messages in the code, and src/i18n/generated matches the XLIFF.
//
// It changes no tracked file: it copies locales/ to a temporary directory, runs `lit-localize
// extract` and `build` there with a temporary config, and compares. Prints
// `l10n: N messages x M locales complete` and exits 0, or lists each problem
// (`de: common.loading missing`) and exits 1.
import { spawnSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as prettier from 'prettier';

const root = fileURLToPath(new URL('..', import.meta.url));
const cli = join(root, 'node_modules', '@lit', 'localize-tools', 'bin', 'lit-localize.js');
const config = JSON.parse(readFileSync(join(root, 'lit-localize.json'), 'utf8'));
const locales = config.targetLocales;
const xliffDir = resolve(root, config.interchange.xliffDir);
const generatedDir = resolve(root, config.output.outputDir);
const relative = (path) => path.slice(root.length);

/** Trans-units of an XLIFF 1.2 file as `{id, source, target}`; target is undefined when absent. */
function transUnits(xml) {
  const units = [];
  for (const [, id, body] of xml.matchAll(
    /<trans-unit id="([^"]+)"[^>]*>([\s\S]*?)<\/trans-unit>/g,
  )) {
    const source = /<source>([\s\S]*?)<\/source>/.exec(body)?.[1] ?? '';
    const target = /<target(?:\s[^>]*)?>([\s\S]*?)<\/target>/.exec(body)?.[1];
    units.push({ id, source, target });
  }
  return units;
}

/** The placeholders of a source or target, as a sorted list of their expressions. */
function placeholders(text) {
  return [...text.matchAll(/<x id="\d+" equiv-text="([^"]*)"\s*\/>/g)].map((m) => m[1]).sort();
}

/** Runs the lit-localize CLI with the temporary config; exits 1 with its output on failure. */
function litLocalize(command, configPath) {
  const res = spawnSync(process.execPath, [cli, command, '--config', configPath], {
    cwd: root,
    encoding: 'utf8',
  });
  if (res.status !== 0) {
    console.error(`l10n: lit-localize ${command} failed:\n${res.stdout}${res.stderr}`);
    process.exit(1);
  }
}

/** Source text reformatted so that layout differences do not count as changes. */
function normalisedSource(text, filepath) {
  return prettier.format(text, { filepath, singleQuote: true, printWidth: 100 });
}

const work = mkdtempSync(join(tmpdir(), 'check-l10n-'));
const problems = [];
let messageCount = 0;
try {
  const workLocales = join(work, 'locales');
  const workGenerated = join(work, 'generated');
  mkdirSync(workLocales);
  if (existsSync(xliffDir)) cpSync(xliffDir, workLocales, { recursive: true });
  const configPath = join(work, 'lit-localize.json');
  writeFileSync(
    configPath,
    JSON.stringify({
      ...config,
      // Present so lit-localize does not write the schema back into the temporary config.
      $schema: config.$schema ?? 'lit-localize-config',
      tsConfig: resolve(root, config.tsConfig),
      output: {
        ...config.output,
        outputDir: workGenerated,
        localeCodesModule: join(workGenerated, 'locale-codes.ts'),
      },
      interchange: { ...config.interchange, xliffDir: workLocales },
    }),
  );

  litLocalize('extract', configPath);
  for (const locale of locales) {
    const extracted = readFileSync(join(workLocales, `${locale}.xlf`), 'utf8');
    const units = transUnits(extracted);
    messageCount = units.length;
    for (const { id, source, target } of units) {
      if (target === undefined || target.trim() === '') {
        problems.push(`${locale}: ${id} missing`);
      } else if (placeholders(source).join('\n') !== placeholders(target).join('\n')) {
        problems.push(
          `${locale}: ${id} placeholders differ from the source (${placeholders(source).join(', ')})`,
        );
      }
    }
    const committedPath = join(xliffDir, `${locale}.xlf`);
    const committed = existsSync(committedPath) ? readFileSync(committedPath, 'utf8') : undefined;
    const squash = (text) => text.replace(/\s+/g, ' ').trim();
    if (committed === undefined) {
      problems.push(`${locale}: ${relative(committedPath)} does not exist`);
    } else if (squash(committed) !== squash(extracted)) {
      problems.push(
        `${locale}: ${relative(committedPath)} is out of date with the messages in the code`,
      );
    }
  }

  litLocalize('build', configPath);
  for (const name of readdirSync(workGenerated).sort()) {
    const committedPath = join(generatedDir, name);
    const built = await normalisedSource(readFileSync(join(workGenerated, name), 'utf8'), name);
    const committed = existsSync(committedPath)
      ? await normalisedSource(readFileSync(committedPath, 'utf8'), name)
      : undefined;
    if (committed !== built) {
      problems.push(`${relative(committedPath)} is out of date with the XLIFF`);
    }
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}

if (problems.length > 0) {
  for (const problem of problems) console.error(problem);
  console.error(
    `l10n: ${problems.length} problem(s). Add each missing <target> to locales/<locale>.xlf, ` +
      'then run `npm run localize` and commit locales/ and src/i18n/generated/.',
  );
  process.exit(1);
}
console.log(`l10n: ${messageCount} messages x ${locales.length} locales complete`);
