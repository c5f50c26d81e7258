/**
 * A page object for `<slot-picker>`: tests read like a visitor's steps (see the days, choose a
 * day, choose a time, confirm) without knowing the shadow DOM's structure.
 */
import { fixture, waitUntil } from '@open-wc/testing';
import { sendKeys, sendMouse } from '@web/test-runner-commands';
import type { TemplateResult } from 'lit';
import '../../src/elements/slot-picker/define.js';
import type { SlotPicker } from '../../src/elements/slot-picker/slot-picker.js';

const clean = (text: string | null | undefined) => (text ?? '').replace(/\s+/g, ' ').trim();

/** The picker as a visitor sees and uses it. */
export class SlotPickerObject {
  constructor(readonly el: SlotPicker) {}

  /** Mounts `template` (a `<slot-picker>`) and waits until it shows more than a skeleton. */
  static async mount(template: TemplateResult): Promise<SlotPickerObject> {
    const page = new SlotPickerObject(await fixture<SlotPicker>(template));
    await page.settled();
    return page;
  }

  /** Waits until the picker shows data, a failure, an empty state or a configuration error. */
  async settled(): Promise<void> {
    await this.el.updateComplete;
    await waitUntil(
      () =>
        !this.part('skeleton') &&
        this.root.querySelector('[part="base"]')?.getAttribute('aria-busy') !== 'true',
      'the picker kept loading',
      { timeout: 8000 },
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

  /** The current step's heading. */
  get heading(): string {
    return clean(this.root.querySelector('h2')?.textContent);
  }

  /** The text of each day button. */
  get days(): string[] {
    return this.parts('day').map((b) => clean(b.textContent));
  }

  /** The text of each time button. */
  get times(): string[] {
    return this.parts('time').map((b) => clean(b.textContent));
  }

  /** The accessible name of each time button. */
  get timeNames(): string[] {
    return this.parts('time').map((b) => b.getAttribute('aria-label') ?? '');
  }

  /** The times shown as selected. */
  get selectedTimes(): string[] {
    return this.parts('selected').map((b) => clean(b.textContent));
  }

  /** The date line of the time step. */
  get dayLabel(): string {
    return clean(this.root.querySelector('.day-label')?.textContent);
  }

  /** The confirm step's summary of the chosen slot. */
  get summary(): string {
    return clean(this.part('summary')?.textContent);
  }

  /** The "Times in …" line. */
  get zoneLine(): string {
    return clean(this.part('zone')?.textContent);
  }

  /** What the polite live region last announced. */
  get announcement(): string {
    return clean(this.root.querySelector('.picker > [role="status"]')?.textContent);
  }

  /** Text of the failure view, or '' when none is shown. */
  get errorText(): string {
    return clean(this.part('error')?.textContent);
  }

  /** Whether a Retry button is offered. */
  get canRetry(): boolean {
    return this.part('retry-button') !== null;
  }

  /** Text of the empty state, or ''. */
  get emptyText(): string {
    return clean(this.part('empty')?.textContent);
  }

  /** Text of the stale-data notice, or ''. */
  get staleNotice(): string {
    return clean(this.part('stale-notice')?.textContent);
  }

  /** Text of the configuration error, or ''. */
  get configError(): string {
    return clean(this.part('config-error')?.textContent);
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

  /** The element focus is on inside the picker (or in a nested shadow root), described. */
  get focused(): string {
    const active = this.root.activeElement as HTMLElement | null;
    if (!active) return '';
    return active.getAttribute('aria-label') ?? clean(active.textContent);
  }

  /** The part names of the focused element. */
  get focusedPart(): string {
    return (this.root.activeElement as HTMLElement | null)?.getAttribute('part') ?? '';
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

  /** Clicks the day whose text contains `text`. */
  async clickDay(text: string): Promise<void> {
    await this.click(
      this.parts('day').find((b) => b.textContent!.includes(text)),
      `day ${text}`,
    );
  }

  /** Clicks the `index`th day. */
  async clickDayAt(index: number): Promise<void> {
    await this.click(this.parts('day')[index], `day #${index}`);
  }

  /** Clicks the `index`th time. */
  async clickTimeAt(index: number): Promise<void> {
    await this.click(this.parts('time')[index], `time #${index}`);
  }

  /** Clicks the calendar date with day number `n`. */
  async clickDate(n: number): Promise<void> {
    await this.click(
      this.parts('calendar-day').find((b) => clean(b.textContent) === String(n)),
      `date ${n}`,
    );
  }

  /** Clicks Confirm. */
  async clickConfirm(): Promise<void> {
    await this.click(this.part('confirm-button'), 'Confirm');
  }

  /** Clicks Back. */
  async clickBack(): Promise<void> {
    await this.click(this.part('back-button'), 'Back');
  }

  /** Clicks Retry. */
  async clickRetry(): Promise<void> {
    await this.click(this.part('retry-button'), 'Retry');
  }

  /** Clicks the next-month button. */
  async clickNextMonth(): Promise<void> {
    await this.click(this.part('next-month-button'), 'Next month');
  }

  /** Clicks "Jump to next availability". */
  async clickNextAvailability(): Promise<void> {
    await this.click(this.part('next-availability-button'), 'Jump to next availability');
  }

  /** Presses keys in order, letting the picker update after each. */
  async press(...keys: string[]): Promise<void> {
    for (const key of keys) {
      await sendKeys({ press: key });
      await this.el.updateComplete;
    }
  }

  /** Tabs from before the picker to its first tab stop. */
  async tabIn(): Promise<void> {
    const before = document.createElement('button');
    before.textContent = 'before';
    this.el.before(before);
    before.focus();
    await this.press('Tab');
    before.remove();
  }

  /** The zone select's combobox input. */
  zoneInput(): HTMLInputElement | null {
    return this.part('zone-select')?.shadowRoot?.querySelector('input') ?? null;
  }
}
