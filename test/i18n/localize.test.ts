import { expect } from '@open-wc/testing';
import { msg } from '@lit/localize';
import { formatCount } from '../../src/i18n/format.js';
import { loadStrings, setupLocalization, withOverrides } from '../../src/i18n/localize.js';
import type { SupportedLocale } from '../../src/i18n/locale.js';
import { catalogue } from '../../src/i18n/strings.js';
import type { StringKey } from '../../src/i18n/strings.js';

const zoneParams = { zone: 'Europe/Berlin', offset: 'GMT+1' };

describe('loadStrings', () => {
  it('serves English from the catalogue, with parameters', async () => {
    const en = await loadStrings('en');
    expect(en.locale).to.equal('en');
    expect(en.t('common.loading')).to.equal('Loading…');
    expect(en.t('common.times_in_zone', zoneParams)).to.equal('Times in Europe/Berlin (GMT+1)');
    expect(
      en.t('errors.invalid_attribute', { attribute: 'tzid', reason: 'unknown zone' }),
    ).to.equal('The tzid attribute is invalid: unknown zone');
  });

  it('serves the reviewed German wording, with parameters', async () => {
    const de = await loadStrings('de');
    expect(de.t('common.loading')).to.equal('Wird geladen…');
    expect(de.t('slot_picker.confirm_heading')).to.equal('Termin bestätigen');
    expect(de.t('availability_viewer.start')).to.equal('Beginn');
    expect(de.t('availability_viewer.end')).to.equal('Ende');
    expect(de.t('common.times_in_zone', zoneParams)).to.equal(
      'Zeitangaben in Europe/Berlin (GMT+1)',
    );
    expect(de.t('availability_viewer.n_of_m_free', { n: '2', m: '3' })).to.equal('2 von 3 frei');
  });

  it('fills parameters in each locale', async () => {
    const expected: Record<SupportedLocale, string> = {
      en: 'Week of 1 Dec',
      de: 'Woche vom 1 Dec',
      es: 'Semana del 1 Dec',
      fr: 'Semaine du 1 Dec',
      it: 'Settimana del 1 Dec',
      nl: 'Week van 1 Dec',
    };
    for (const [locale, text] of Object.entries(expected)) {
      const strings = await loadStrings(locale as SupportedLocale);
      expect(strings.t('common.week_of', { date: '1 Dec' })).to.equal(text);
    }
  });

  it('translates every message in every target locale', async () => {
    const keys = Object.keys(catalogue) as StringKey[];
    const en = await loadStrings('en');
    for (const locale of ['de', 'es', 'fr', 'it', 'nl'] as const) {
      const strings = await loadStrings(locale);
      const sameAsEnglish = keys.filter((key) => {
        const t = strings.t as (key: StringKey, params: Record<string, string>) => string;
        const tEn = en.t as typeof t;
        const params = { zone: 'Z', offset: 'O', date: 'D', n: '2', m: '3', free: '1' };
        return t(key, { ...params, attribute: 'A', reason: 'R' }) === tEn(key, params);
      });
      // Words that are the same in both languages, checked by hand; anything else is English.
      // Product names stay as their makers name them in that language.
      const identical: Record<string, string[]> = {
        de: ['rts.optional', 'rts.outlook_calendar'],
        es: ['rts.google_calendar', 'rts.outlook_calendar'],
        fr: ['rts.outlook_calendar'],
        it: ['rts.google_calendar', 'rts.outlook_calendar'],
        nl: ['common.later', 'rts.outlook_calendar'],
      };
      expect(sameAsEnglish, locale).to.deep.equal(identical[locale] ?? []);
    }
  });

  it('loads each locale once and keeps two locales usable at the same time', async () => {
    const [de, fr] = await Promise.all([loadStrings('de'), loadStrings('fr')]);
    expect(await loadStrings('de')).to.equal(de);
    expect(de.t('common.cancel')).to.equal('Abbrechen');
    expect(fr.t('common.cancel')).to.equal('Annuler');
    expect((await loadStrings('en')).t('common.cancel')).to.equal('Cancel');
    expect(de.t('common.cancel')).to.equal('Abbrechen');
  });

  it('rejects a locale that was not resolved first', async () => {
    let error: unknown;
    await loadStrings('pt' as SupportedLocale).catch((e: unknown) => (error = e));
    expect(error).to.be.instanceOf(RangeError);
    expect(String(error)).to.contain('"pt"');
  });
});

describe('withOverrides', () => {
  it('applies the reference shape {locale: {context: {key: text}}} to that locale only', async () => {
    const translations = { en: { slot_picker: { confirm: 'Book' } } };
    const en = withOverrides(await loadStrings('en'), translations);
    const de = withOverrides(await loadStrings('de'), translations);
    expect(en.t('slot_picker.confirm')).to.equal('Book');
    expect(en.t('common.confirm')).to.equal('Confirm');
    expect(de.t('slot_picker.confirm')).to.equal('Bestätigen');
    expect(en.warnings).to.deep.equal([]);
  });

  it('applies flat dotted keys to every locale, locale sections winning', async () => {
    const translations = {
      'slot_picker.confirm': 'Book',
      fr: { slot_picker: { confirm: 'Réserver' } },
    };
    expect(withOverrides(await loadStrings('de'), translations).t('slot_picker.confirm')).to.equal(
      'Book',
    );
    expect(withOverrides(await loadStrings('fr'), translations).t('slot_picker.confirm')).to.equal(
      'Réserver',
    );
  });

  it('matches region-tagged sections and falls back to common keys for a context', async () => {
    const translations = { 'fr-CA': { slot_picker: { loading: 'Un instant…' } } };
    const fr = withOverrides(await loadStrings('fr'), translations);
    expect(fr.t('common.loading')).to.equal('Un instant…');
  });

  it('fills {name} placeholders in override texts', async () => {
    const translations = { de: { common: { times_in_zone: 'Ortszeit {zone}, {offset}' } } };
    const de = withOverrides(await loadStrings('de'), translations);
    expect(de.t('common.times_in_zone', zoneParams)).to.equal('Ortszeit Europe/Berlin, GMT+1');
  });

  it("applies an override of a shared word to each element's own, unless that one is overridden", async () => {
    const en = withOverrides(await loadStrings('en'), {
      en: { global: { back: 'Go back', cancel: 'Never mind' }, slot_picker: { cancel: 'Stop' } },
    });
    expect(en.t('common.back')).to.equal('Go back');
    expect(en.t('slot_picker.back')).to.equal('Go back');
    expect(en.t('slot_picker.cancel')).to.equal('Stop');
    expect(en.t('common.cancel')).to.equal('Never mind');
    expect(en.t('slot_picker.confirm')).to.equal('Confirm');
    expect(en.warnings).to.deep.equal([]);
  });

  it('overrides each plural form of a count', async () => {
    const translations = { en: { count: { slots: { one: '{n} time', other: '{n} times' } } } };
    const en = withOverrides(await loadStrings('en'), translations);
    expect(formatCount(en, 'slots', 1)).to.equal('1 time');
    expect(formatCount(en, 'slots', 3)).to.equal('3 times');
  });

  it('reports unknown keys and non-text values instead of ignoring them silently', async () => {
    const translations = JSON.parse(
      '{"en": {"slot_picker": {"confrim": "Book", "cancel": 3}}, "de": {"common": {"x": "y"}}}',
    );
    const en = withOverrides(await loadStrings('en'), translations);
    expect(en.t('slot_picker.confirm')).to.equal('Confirm');
    expect(en.warnings).to.have.length(2);
    expect(en.warnings[0]).to.contain('"slot_picker.confrim"');
    expect(en.warnings[1]).to.contain('"slot_picker.cancel"');
  });

  it('reports translations that are not an object', async () => {
    const en = withOverrides(await loadStrings('en'), JSON.parse('["Book"]'));
    expect(en.t('slot_picker.confirm')).to.equal('Confirm');
    expect(en.warnings).to.deep.equal([
      'translations: expected an object of texts by key; ignored.',
    ]);
  });
});

describe('setupLocalization', () => {
  it('drives msg() globally without changing per-element strings', async () => {
    const runtime = setupLocalization();
    expect(setupLocalization()).to.equal(runtime);
    await runtime.setLocale('de');
    expect(catalogue['common.loading'](msg)).to.equal('Wird geladen…');
    expect(catalogue['common.week_of'](msg, { date: '1. Dez.' })).to.equal('Woche vom 1. Dez.');
    expect((await loadStrings('en')).t('common.loading')).to.equal('Loading…');
    await runtime.setLocale('en');
    expect(catalogue['common.loading'](msg)).to.equal('Loading…');
  });
});
