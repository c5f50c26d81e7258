/**
 * A page object for `<slot-picker>`: tests read like a visitor's steps (see the days, choose a
 * day, choose a time, confirm) without knowing the shadow DOM's structure.
 */
import { fixture, waitUntil } from '@open-wc/testing';
import type { TemplateResult } from 'lit';
import '../../src/elements/slot-picker/define.js';
import type { SlotPicker } from '../../src/elements/slot-picker/slot-picker.js';
import { clean, StepElementObject } from './step-element-object.js';

/** The picker as a visitor sees and uses it. */
export class SlotPickerObject extends StepElementObject<SlotPicker> {
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

  /** The current step's heading. */
  get heading(): string {
    return clean(this.root.querySelector('h2')?.textContent);
  }

  /** The text of each day button. */
  get days(): string[] {
    return this.parts('day').map((b) => clean(b.textContent));
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

  /** The "Times in …" line. */
  get zoneLine(): string {
    return clean(this.part('zone')?.textContent);
  }

  /** What the polite live region last announced. */
  get announcement(): string {
    return clean(this.root.querySelector('.picker > [role="status"]')?.textContent);
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

  /** The part names of the focused element. */
  get focusedPart(): string {
    return (this.root.activeElement as HTMLElement | null)?.getAttribute('part') ?? '';
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

  /** Clicks Confirm. */
  async clickConfirm(): Promise<void> {
    await this.click(this.part('confirm-button'), 'Confirm');
  }

  /** Clicks the next-month button. */
  async clickNextMonth(): Promise<void> {
    await this.click(this.part('next-month-button'), 'Next month');
  }

  /** Clicks "Jump to next availability". */
  async clickNextAvailability(): Promise<void> {
    await this.click(this.part('next-availability-button'), 'Jump to next availability');
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
}
