import { expect } from '@open-wc/testing';
import { formatCount, formattersFor } from '../../src/i18n/format.js';
import { loadStrings } from '../../src/i18n/localize.js';

/** Intl separates AM/PM and range dashes with narrow or thin no-break spaces; compare plainly. */
const plain = (text: string) => text.replace(/[\u00a0\u2009\u202f]/g, ' ');
const at = (iso: string) => Date.parse(iso);

describe('formattersFor', () => {
  it('runs in a browser whose own zone is not the zones under test', () => {
    expect(Intl.DateTimeFormat().resolvedOptions().timeZone).to.equal('Pacific/Chatham');
  });

  it('uses each locale’s conventional clock', () => {
    const cycles = ['en', 'de', 'es', 'fr', 'it', 'nl', 'en-GB'].map(
      (locale) => formattersFor(locale, 'Europe/Berlin').hourCycle,
    );
    expect(cycles).to.deep.equal(['h12', 'h23', 'h23', 'h23', 'h23', 'h23', 'h23']);
  });

  it('formats times 12-hour in en and 24-hour in de', () => {
    const nineInNewYork = at('2026-12-01T14:00:00Z');
    expect(plain(formattersFor('en', 'America/New_York').time(nineInNewYork))).to.equal('9:00 AM');
    expect(formattersFor('de', 'America/New_York').time(nineInNewYork)).to.equal('09:00');
    expect(formattersFor('fr', 'America/New_York').time(at('2026-12-01T19:05:00Z'))).to.equal(
      '14:05',
    );
  });

  it('lets the hour cycle be overridden either way', () => {
    const nineInNewYork = at('2026-12-01T14:00:00Z');
    const en24 = formattersFor('en', 'America/New_York', 'h23');
    expect(en24.hourCycle).to.equal('h23');
    expect(en24.time(nineInNewYork)).to.equal('09:00');
    const de12 = formattersFor('de', 'America/New_York', 'h12');
    expect(de12.hourCycle).to.equal('h12');
    expect(plain(de12.time(at('2026-12-01T19:00:00Z')))).to.match(/^2:00 PM$/);
  });

  it('shows wall-clock time of the forced zone across a spring-forward gap', () => {
    const berlin = formattersFor('de', 'Europe/Berlin');
    // 2026-03-29: Berlin jumps from 02:00 CET to 03:00 CEST at 01:00 UTC.
    expect(berlin.time(at('2026-03-29T00:30:00Z'))).to.equal('01:30');
    expect(berlin.time(at('2026-03-29T01:30:00Z'))).to.equal('03:30');
    expect(berlin.zoneOffset(at('2026-03-29T00:30:00Z'))).to.equal('GMT+1');
    expect(berlin.zoneOffset(at('2026-03-29T01:30:00Z'))).to.equal('GMT+2');
    expect(
      plain(berlin.timeRange(at('2026-03-29T00:30:00Z'), at('2026-03-29T01:30:00Z'))),
    ).to.equal('01:30–03:30 Uhr');
  });

  it('shows the repeated hour twice across a fall-back overlap', () => {
    const newYork = formattersFor('en', 'America/New_York');
    // 2026-11-01: New York repeats 01:00-02:00, first as EDT (UTC-4), then EST (UTC-5).
    expect(plain(newYork.time(at('2026-11-01T05:30:00Z')))).to.equal('1:30 AM');
    expect(plain(newYork.time(at('2026-11-01T06:30:00Z')))).to.equal('1:30 AM');
    expect(newYork.zoneOffset(at('2026-11-01T05:30:00Z'))).to.equal('GMT-4');
    expect(newYork.zoneOffset(at('2026-11-01T06:30:00Z'))).to.equal('GMT-5');
  });

  it('formats fractional and zero offsets', () => {
    const instant = at('2026-06-01T00:00:00Z');
    expect(formattersFor('en', 'Asia/Kolkata').zoneOffset(instant)).to.equal('GMT+5:30');
    expect(formattersFor('en', 'UTC').zoneOffset(instant)).to.equal('GMT+0');
  });

  it('formats time ranges with the shared day period once', () => {
    const newYork = formattersFor('en', 'America/New_York');
    expect(
      plain(newYork.timeRange(at('2026-12-01T14:00:00Z'), at('2026-12-01T14:30:00Z'))),
    ).to.equal('9:00 – 9:30 AM');
    expect(
      plain(newYork.timeRange(at('2026-12-01T16:30:00Z'), at('2026-12-01T17:30:00Z'))),
    ).to.equal('11:30 AM – 12:30 PM');
    const berlin = formattersFor('de', 'Europe/Berlin');
    expect(
      plain(berlin.timeRange(at('2026-12-01T08:00:00Z'), at('2026-12-01T08:30:00Z'))),
    ).to.equal('09:00–09:30 Uhr');
  });

  it('formats a range across midnight with both times only', () => {
    const newYork = formattersFor('en', 'America/New_York');
    expect(
      plain(newYork.timeRange(at('2026-12-02T04:30:00Z'), at('2026-12-02T05:30:00Z'))),
    ).to.equal('11:30 PM – 12:30 AM');
  });

  it('formats weekdays and dates for the day in the forced zone', () => {
    // 23:30 UTC on Tuesday 1 December is already Wednesday in Auckland (UTC+13).
    const instant = at('2026-12-01T23:30:00Z');
    const newYork = formattersFor('en', 'America/New_York');
    const auckland = formattersFor('en', 'Pacific/Auckland');
    expect(newYork.weekdayLong(instant)).to.equal('Tuesday');
    expect(auckland.weekdayLong(instant)).to.equal('Wednesday');
    expect(auckland.weekdayShort(instant)).to.equal('Wed');
    expect(newYork.date(instant)).to.equal('Tuesday, December 1, 2026');
    expect(formattersFor('en-GB', 'America/New_York').date(instant)).to.equal(
      'Tuesday, 1 December 2026',
    );
    expect(formattersFor('de', 'America/New_York').date(instant)).to.equal(
      'Dienstag, 1. Dezember 2026',
    );
    expect(formattersFor('fr', 'America/New_York').date(instant)).to.equal('mardi 1 décembre 2026');
    expect(formattersFor('de', 'Pacific/Auckland').dayMonth(instant)).to.equal('2. Dez.');
    expect(newYork.dayMonth(instant)).to.equal('Dec 1');
    expect(formattersFor('nl', 'Europe/Amsterdam').monthYear(instant)).to.equal('december 2026');
  });

  it('builds formatters once per locale, zone and hour cycle', () => {
    expect(formattersFor('it', 'Europe/Rome')).to.equal(formattersFor('it', 'Europe/Rome'));
    expect(formattersFor('it', 'Europe/Rome')).not.to.equal(
      formattersFor('it', 'Europe/Rome', 'h12'),
    );
    expect(formattersFor('it', 'Europe/Rome')).not.to.equal(formattersFor('it', 'Europe/Paris'));
  });

  it('rejects an unknown zone or a malformed locale with a clear error', () => {
    expect(() => formattersFor('en', 'Mars/Olympus_Mons')).to.throw(
      RangeError,
      /"Mars\/Olympus_Mons"/,
    );
    expect(() => formattersFor('not a tag', 'UTC')).to.throw(RangeError, /"not a tag"/);
  });
});

describe('formatCount', () => {
  it('says 1 slot and 2 slots in English, never "1 slots"', async () => {
    const en = await loadStrings('en');
    expect(formatCount(en, 'slots', 1)).to.equal('1 slot');
    expect(formatCount(en, 'slots', 2)).to.equal('2 slots');
    expect(formatCount(en, 'slots', 0)).to.equal('0 slots');
    expect(formatCount(en, 'slots', 1500)).to.equal('1,500 slots');
    expect(formatCount(en, 'slots_selected', 1)).to.equal('1 slot selected');
  });

  it('treats 0 and 1 as singular in French', async () => {
    const fr = await loadStrings('fr');
    expect(formatCount(fr, 'slots', 0)).to.equal('0 créneau');
    expect(formatCount(fr, 'slots', 1)).to.equal('1 créneau');
    expect(formatCount(fr, 'slots', 2)).to.equal('2 créneaux');
    expect(plain(formatCount(fr, 'slots', 1_000_000))).to.equal('1 000 000 de créneaux');
    expect(formatCount(fr, 'slots_selected', 0)).to.equal('0 créneau sélectionné');
  });

  it('uses each locale’s number format and plural forms', async () => {
    const de = await loadStrings('de');
    expect(formatCount(de, 'slots', 1)).to.equal('1 Termin');
    expect(formatCount(de, 'slots', 0)).to.equal('0 Termine');
    expect(formatCount(de, 'slots', 1500)).to.equal('1.500 Termine');
    const nl = await loadStrings('nl');
    expect(formatCount(nl, 'slots', 1)).to.equal('1 tijdslot');
    expect(formatCount(nl, 'slots', 4)).to.equal('4 tijdsloten');
  });

  it('agrees the noun with the total in "n of m participants free"', async () => {
    const en = await loadStrings('en');
    expect(formatCount(en, 'participants_free', 1, { free: 1 })).to.equal(
      '1 of 1 participant free',
    );
    expect(formatCount(en, 'participants_free', 3, { free: 2 })).to.equal(
      '2 of 3 participants free',
    );
    const de = await loadStrings('de');
    expect(formatCount(de, 'participants_free', 3, { free: 0 })).to.equal(
      '0 von 3 Personen verfügbar',
    );
  });
});
