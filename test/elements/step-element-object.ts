/**
 * What the page objects of the step elements (`<slot-picker>`, `<rts-booking-page>`) share: reading
 * parts of the shadow DOM as a user sees them (texts, focus, the month calendar, the time list,
 * failures), clicking with the real mouse and pressing keys, each followed by the element's update.
 */
import { sendKeys, sendMouse } from '@web/test-runner-commands';
import type { LitElement } from 'lit';

/** Text as a user reads it: runs of white space as one space, trimmed. */
export const clean = (text: string | null | undefined): string =>
  (text ?? '').replace(/\s+/g, ' ').trim();

/** The shared reading and driving of a step element `E`. */
export abstract class StepElementObject<E extends LitElement> {
  constructor(readonly el: E) {}

  protected get root(): ShadowRoot {
    return this.el.shadowRoot!;
  }

  /** The first element with `part` `name`, or null. */
  protected part(name: string): HTMLElement | null {
    return this.root.querySelector<HTMLElement>(`[part~="${name}"]`);
  }

  /** Every element with `part` `name`. */
  protected parts(name: string): HTMLElement[] {
    return [...this.root.querySelectorAll<HTMLElement>(`[part~="${name}"]`)];
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

  /** The confirm step's summary of the chosen time. */
  get summary(): string {
    return clean(this.part('summary')?.textContent);
  }

  /** Text of the failure view, or '' when none is shown. */
  get errorText(): string {
    return clean(this.part('error')?.textContent);
  }

  /** Whether a Retry button is offered. */
  get canRetry(): boolean {
    return this.part('retry-button') !== null;
  }

  /** The focused element inside the element, described by its accessible name or text. */
  get focused(): string {
    const active = this.root.activeElement as HTMLElement | null;
    if (!active) return '';
    return active.getAttribute('aria-label') ?? clean(active.textContent);
  }

  /** Clicks with the real mouse at the centre of `target`; `what` names it when it is missing. */
  protected async click(target: HTMLElement | null | undefined, what: string): Promise<void> {
    if (!target) throw new Error(`${what} is not shown`);
    target.scrollIntoView({ block: 'center' });
    const box = target.getBoundingClientRect();
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

  /** Clicks the `index`th time. */
  async clickTimeAt(index: number): Promise<void> {
    await this.click(this.parts('time')[index], `time #${index}`);
  }

  /** Clicks Back. */
  async clickBack(): Promise<void> {
    await this.click(this.part('back-button'), 'Back');
  }

  /** Clicks Retry. */
  async clickRetry(): Promise<void> {
    await this.click(this.part('retry-button'), 'Retry');
  }

  /** Presses keys in order, letting the element update after each. */
  async press(...keys: string[]): Promise<void> {
    for (const key of keys) {
      await sendKeys({ press: key });
      await this.el.updateComplete;
    }
  }

  /** The zone select's combobox input. */
  zoneInput(): HTMLInputElement | null {
    return this.part('zone-select')?.shadowRoot?.querySelector('input') ?? null;
  }
}
