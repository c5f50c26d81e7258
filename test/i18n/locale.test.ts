import { expect } from '@open-wc/testing';
import { resolveLocale, supportedLocales } from '../../src/i18n/locale.js';

describe('resolveLocale', () => {
  const table: [string | undefined, string, string][] = [
    // requested, strings locale, formatting tag
    [undefined, 'en', 'en'],
    ['', 'en', 'en'],
    ['  ', 'en', 'en'],
    ['en', 'en', 'en'],
    ['de', 'de', 'de'],
    ['DE', 'de', 'de'],
    ['fr-CA', 'fr', 'fr-CA'],
    ['fr_ca', 'fr', 'fr-CA'],
    ['de-AT', 'de', 'de-AT'],
    ['de_at', 'de', 'de-AT'],
    ['es-419', 'es', 'es-419'],
    ['it-CH', 'it', 'it-CH'],
    ['nl-BE', 'nl', 'nl-BE'],
    ['en-GB', 'en', 'en-GB'],
    ['zh-Hant-TW', 'en', 'en'],
    ['pt-BR', 'en', 'en'],
  ];
  for (const [requested, locale, formatLocale] of table) {
    it(`resolves ${JSON.stringify(requested)} to ${locale} (formatting as ${formatLocale})`, () => {
      const resolved = resolveLocale(requested);
      expect(resolved.locale).to.equal(locale);
      expect(resolved.formatLocale).to.equal(formatLocale);
    });
  }

  it('warns, naming the tag, only when it falls back to English', () => {
    expect(resolveLocale('pt-BR').warning).to.contain('"pt-BR"').and.to.contain('not supported');
    expect(resolveLocale('x!').warning).to.contain('"x!"').and.to.contain('not a valid');
    expect(resolveLocale('fr-CA').warning).to.equal(undefined);
    expect(resolveLocale('en').warning).to.equal(undefined);
    expect(resolveLocale(undefined).warning).to.equal(undefined);
  });

  it('lists the six supported locales', () => {
    expect([...supportedLocales].sort()).to.deep.equal(['de', 'en', 'es', 'fr', 'it', 'nl']);
  });
});
