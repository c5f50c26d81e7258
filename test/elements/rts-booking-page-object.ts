/**
 * A page object for `<rts-booking-page>`: tests read like a recipient's steps (see the link,
 * choose a date, choose a time, fill in the details, book) without knowing the shadow DOM.
 */
import { fixture, waitUntil } from '@open-wc/testing';
import { sendKeys, sendMouse } from '@web/test-runner-commands';
import type { TemplateResult } from 'lit';
import '../../src/elements/rts-booking-page/define.js';
import type { RtsBookingPage } from '../../src/elements/rts-booking-page/rts-booking-page.js';

const clean = (text: string | null | undefined) => (text ?? '').replace(/\s+/g, ' ').trim();

/** The booking page as a recipient sees and uses it. */
export class RtsBookingPageObject {
  constructor(readonly el: RtsBookingPage) {}

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

  private get root(): ShadowRoot {
    return this.el.shadowRoot!;
  }

  private part(name: string): HTMLElement | null {
    return this.root.querySelector<HTMLElement>(`[part~="${name}"]`);
  }

  private parts(name: string): HTMLElement[] {
    return [...this.root.querySelectorAll<HTMLElement>(`[part~="${name}"]`)];
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

  /** Whether the loading skeleton is shown. */
  get loading(): boolean {
    return this.part('skeleton') !== null;
  }

  /** The calendar's month heading. */
  get month(): string {
    return clean(this.root.querySelector('.month-label')?.textContent);
  }

  /** Day numbers of the calendar's enabled dates. */
  get availableDates(): string[] {
    return this.parts('available').map((b) => clean(b.textContent));
  }

  /** The text of each time button. */
  get times(): string[] {
    return this.parts('time').map((b) => clean(b.textContent));
  }

  /** The confirm step's chosen time. */
  get summary(): string {
    return clean(this.part('summary')?.textContent);
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

  /** Text of the failure view, or ''. */
  get errorText(): string {
    return clean(this.part('error')?.textContent);
  }

  /** Whether a Retry button is offered. */
  get canRetry(): boolean {
    return this.part('retry-button') !== null;
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

  /** The focused element inside the page, described by its accessible name or text. */
  get focused(): string {
    const active = this.root.activeElement as HTMLElement | null;
    if (!active) return '';
    return active.getAttribute('aria-label') ?? clean(active.textContent);
  }

  /** The tag and id of the focused element (`h2`, `input#field-name`). */
  get focusedElement(): string {
    const active = this.root.activeElement as HTMLElement | null;
    if (!active) return '';
    return `${active.localName}${active.id ? `#${active.id}` : ''}`;
  }

  /** Clicks with the real mouse at the centre of `el`. */
  private async click(el: HTMLElement | null | undefined, what: string): Promise<void> {
    if (!el) throw new Error(`${what} is not shown`);
    el.scrollIntoView({ block: 'center' });
    const box = el.getBoundingClientRect();
    await sendMouse({
      type: 'click',
      position: [Math.round(box.x + box.width / 2), Math.round(box.y + box.height / 2)],
    });
    await this.el.updateComplete;
  }

  /** Clicks the calendar date with day number `n`. */
  async clickDate(n: number): Promise<void> {
    await this.click(
      this.parts('calendar-day').find((b) => clean(b.textContent) === String(n)),
      `date ${n}`,
    );
  }

  /** Clicks the first enabled date of the shown month. */
  async clickFirstAvailableDate(): Promise<void> {
    await this.click(this.parts('available')[0], 'an available date');
  }

  /** Clicks the `index`th time. */
  async clickTimeAt(index: number): Promise<void> {
    await this.click(this.parts('time')[index], `time #${index}`);
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

  /** Clicks Back. */
  async clickBack(): Promise<void> {
    await this.click(this.part('back-button'), 'Back');
  }

  /** Clicks Retry. */
  async clickRetry(): Promise<void> {
    await this.click(this.part('retry-button'), 'Retry');
  }

  /** Clicks "None of these times work". */
  async clickNoneSuitable(): Promise<void> {
    await this.click(this.part('none-suitable-button'), 'None of these times work');
  }

  /** Presses keys in order, letting the page update after each. */
  async press(...keys: string[]): Promise<void> {
    for (const key of keys) {
      await sendKeys({ press: key });
      await this.el.updateComplete;
    }
  }

  /** Types text with the keyboard into whatever has focus. */
  async type(text: string): Promise<void> {
    await sendKeys({ type: text });
    await this.el.updateComplete;
  }

  /** The zone select's combobox input. */
  zoneInput(): HTMLInputElement | null {
    return this.part('zone-select')?.shadowRoot?.querySelector('input') ?? null;
  }
}
