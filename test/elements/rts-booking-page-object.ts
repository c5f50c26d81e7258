/**
 * A page object for `<rts-booking-page>`: tests read like a recipient's steps (see the link,
 * choose a date, choose a time, fill in the details, book) without knowing the shadow DOM.
 */
import { fixture, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { TemplateResult } from 'lit';
import '../../src/elements/rts-booking-page/define.js';
import type { RtsBookingPage } from '../../src/elements/rts-booking-page/rts-booking-page.js';
import { clean, StepElementObject } from './step-element-object.js';

/** The booking page as a recipient sees and uses it. */
export class RtsBookingPageObject extends StepElementObject<RtsBookingPage> {
  /** Mounts `template` (an `<rts-booking-page>`) and waits until it shows more than a skeleton. */
  static async mount(template: TemplateResult): Promise<RtsBookingPageObject> {
    const page = new RtsBookingPageObject(await fixture<RtsBookingPage>(template));
    await page.settled();
    return page;
  }

  /** Waits until the page is no longer loading or sending. */
  async settled(): Promise<void> {
    await this.el.updateComplete;
    await waitUntil(
      () =>
        !this.part('skeleton') &&
        this.root.querySelector('[part="base"]')?.getAttribute('aria-busy') === 'false',
      'the booking page kept loading',
      { timeout: 10000 },
    );
    await this.el.updateComplete;
  }

  /** The link's summary (the page title). */
  get title(): string {
    return clean(this.part('title')?.textContent);
  }

  /** The header's text: summary, organiser, duration, location. */
  get header(): string {
    return clean(this.part('header')?.textContent);
  }

  /** Every step heading shown (a conflict notice's first, then the step's; a linkless view's h1). */
  get headings(): string[] {
    return [...this.root.querySelectorAll('h1.page-heading, h2')].map((h) => clean(h.textContent));
  }

  /** The current step's heading (the last one shown). */
  get heading(): string {
    return this.headings[this.headings.length - 1] ?? '';
  }

  /** The labels of the form's fields, in order. */
  get fieldLabels(): string[] {
    return [...this.root.querySelectorAll('.field label')].map((l) => clean(l.textContent));
  }

  /** A field's input or textarea. */
  field(name: 'name' | 'email' | 'note'): HTMLInputElement | HTMLTextAreaElement | null {
    return this.root.querySelector(`#field-${name}`);
  }

  /** A field's inline error, or ''. */
  fieldError(name: 'name' | 'email' | 'note'): string {
    return clean(this.root.querySelector(`#field-${name}-error`)?.textContent);
  }

  /** Text of the conflict notice, or ''. */
  get conflictText(): string {
    return clean(this.part('conflict')?.textContent);
  }

  /** Text of a closed, invalid or incomplete link's view, or ''. */
  get linkStateText(): string {
    return clean(this.part('link-state')?.textContent);
  }

  /** Which link state is shown (`completed`, `disabled`, `expired`, `invalid-link`, `missing-token`). */
  get linkState(): string {
    return this.part('link-state')?.dataset.state ?? '';
  }

  /** The organiser's message on a disabled link, or ''. */
  get organizerMessage(): string {
    return clean(this.part('organizer-message')?.querySelector('blockquote')?.textContent);
  }

  /** The booked time in the recipient's zone, on the success view. */
  get yourTime(): string {
    return clean(this.root.querySelector('.your-time')?.textContent);
  }

  /** The booked time in the organiser's zone, on the success view. */
  get organizerTime(): string {
    return clean(this.root.querySelector('.organizer-time')?.textContent);
  }

  /** The `.ics` download link. */
  get icsLink(): HTMLAnchorElement | null {
    return this.root.querySelector('a[part~="ics-link"]');
  }

  /** The Google Calendar and Outlook links' URLs. */
  get calendarUrls(): { google: string; outlook: string } {
    return {
      google: this.root.querySelector<HTMLAnchorElement>('a[part~="google-link"]')?.href ?? '',
      outlook: this.root.querySelector<HTMLAnchorElement>('a[part~="outlook-link"]')?.href ?? '',
    };
  }

  /** The "Times in …" line and the organiser's zone line. */
  get zoneLines(): string[] {
    return [clean(this.part('zone')?.textContent), clean(this.part('organizer-zone')?.textContent)];
  }

  /** The text of the page's state panels (empty, declined). */
  stateText(part: 'empty' | 'declined'): string {
    return clean(this.part(part)?.textContent);
  }

  /** What the polite live region last announced. */
  get announcement(): string {
    return clean(this.root.querySelector('.page > [role="status"]')?.textContent);
  }

  /** The tag and id of the focused element (`h2`, `input#field-name`). */
  get focusedElement(): string {
    const active = this.root.activeElement as HTMLElement | null;
    if (!active) return '';
    return `${active.localName}${active.id ? `#${active.id}` : ''}`;
  }

  /** Clicks the first enabled date of the shown month. */
  async clickFirstAvailableDate(): Promise<void> {
    await this.click(this.parts('available')[0], 'an available date');
  }

  /** Types `text` into a field (replacing what it held) with the keyboard. */
  async fill(name: 'name' | 'email' | 'note', text: string): Promise<void> {
    const field = this.field(name);
    if (!field) throw new Error(`the ${name} field is not shown`);
    field.focus();
    field.select();
    if (text === '') await sendKeys({ press: 'Backspace' });
    else await sendKeys({ type: text });
    await this.el.updateComplete;
  }

  /** Moves focus out of a field, as leaving it with Tab does. */
  async leave(name: 'name' | 'email' | 'note'): Promise<void> {
    this.field(name)?.blur();
    await this.el.updateComplete;
  }

  /** Clicks Book. */
  async clickBook(): Promise<void> {
    await this.click(this.part('confirm-button'), 'Book');
  }

  /** Clicks "None of these times work". */
  async clickNoneSuitable(): Promise<void> {
    await this.click(this.part('none-suitable-button'), 'None of these times work');
  }

  /** Types text with the keyboard into whatever has focus. */
  async type(text: string): Promise<void> {
    await sendKeys({ type: text });
    await this.el.updateComplete;
  }
}
