/**
 * Page object for `<availability-viewer>`: finds what a user sees (days, times, cells, buttons,
 * messages) behind the shadow root, reads cells' accessible names, and acts like a user.
 */
import { waitUntil } from '@open-wc/testing';
import { sendKeys, sendMouse } from '@web/test-runner-commands';
import type { AvailabilityViewer } from '../../src/elements/availability-viewer/availability-viewer.js';

/** A user's view of one viewer. */
export class ViewerObject {
  constructor(readonly element: AvailabilityViewer) {}

  private get root(): ShadowRoot {
    return this.element.shadowRoot!;
  }

  all<T extends Element = HTMLElement>(selector: string): T[] {
    return [...this.root.querySelectorAll<T>(selector)];
  }

  /** Waits until the shown page's data has arrived (or failed) and the element has rendered. */
  async loaded(): Promise<void> {
    await this.element.updateComplete;
    await waitUntil(
      () =>
        this.root.querySelector(
          '.scroll[aria-busy="false"], [part="error"], [part="config-error"]',
        ),
      'the viewer never finished loading',
      { timeout: 5000 },
    );
    await this.element.updateComplete;
  }

  /** Whether the grid is waiting for its data. */
  isBusy(): boolean {
    return this.root.querySelector('.scroll')?.getAttribute('aria-busy') === 'true';
  }

  /** The shown days as `YYYY-MM-DD`, in column order. */
  days(): string[] {
    return this.all('[part="day-header"]').map((h) => h.dataset.day!);
  }

  /** The row keys (`09:00`, `01:00#2`) in order. */
  rowKeys(): string[] {
    return this.all('[role="rowheader"]').map((h) => h.dataset.key!);
  }

  /** The text of each row header. */
  rowLabels(): string[] {
    return this.all('[role="rowheader"]').map((h) => h.textContent!.trim());
  }

  /** The full names of the column headers. */
  dayNames(): string[] {
    return this.all('[part="day-header"] .visually-hidden').map((s) => s.textContent!.trim());
  }

  /** The cell of `day` at row `key`. */
  cell(day: string, key: string): HTMLElement {
    const c = this.days().indexOf(day);
    const r = this.rowKeys().indexOf(key);
    const cell = this.root.querySelector<HTMLElement>(`[data-c="${c}"][data-r="${r}"]`);
    if (c < 0 || r < 0 || !cell) throw new Error(`No cell for ${day} ${key}`);
    return cell;
  }

  /** Every grid cell. */
  cells(): HTMLElement[] {
    return this.all('[role="gridcell"]');
  }

  /** `day key` of every cell in `state` (`available`, `skipped`, `selected`...). */
  cellsIn(state: string): string[] {
    const days = this.days();
    const keys = this.rowKeys();
    return this.cells()
      .filter((cell) => cell.classList.contains(state))
      .map((cell) => `${days[Number(cell.dataset.c)]} ${keys[Number(cell.dataset.r)]}`);
  }

  /** A cell's accessible name, composed from its `aria-labelledby` texts. */
  nameOf(cell: HTMLElement): string {
    return (cell.getAttribute('aria-labelledby') ?? '')
      .split(' ')
      .filter(Boolean)
      .map((id) => this.root.getElementById(id)?.textContent?.trim() ?? `#${id}?`)
      .join(', ');
  }

  /** The cell that has focus, if any. */
  focusedCell(): HTMLElement | null {
    const active = this.root.activeElement;
    return active instanceof HTMLElement && active.getAttribute('role') === 'gridcell'
      ? active
      : null;
  }

  /** The cells that are tab stops. */
  tabStops(): HTMLElement[] {
    return this.all('[role="gridcell"][tabindex="0"]');
  }

  /** The element with `part` (first match), or null. */
  part(name: string): HTMLElement | null {
    return this.root.querySelector<HTMLElement>(`[part~="${name}"]`);
  }

  /** The heading above the grid. */
  heading(): string {
    return this.part('heading')?.textContent?.trim() ?? '';
  }

  /** The polite announcement. */
  announcement(): string {
    return this.root.querySelector('[aria-live="polite"]')?.textContent?.trim() ?? '';
  }

  /** Clicks with the real mouse at the middle of `target`. */
  async click(target: Element): Promise<void> {
    target.scrollIntoView({ block: 'center' });
    const box = target.getBoundingClientRect();
    await sendMouse({
      type: 'click',
      position: [Math.round(box.x + box.width / 2), Math.round(box.y + box.height / 2)],
    });
    await this.element.updateComplete;
  }

  /** Drags the real mouse from the middle of `from` to the middle of `to`. */
  async drag(from: Element, to: Element): Promise<void> {
    from.scrollIntoView({ block: 'center' });
    const centre = (e: Element): [number, number] => {
      const b = e.getBoundingClientRect();
      return [Math.round(b.x + b.width / 2), Math.round(b.y + b.height / 2)];
    };
    await sendMouse({ type: 'move', position: centre(from) });
    await sendMouse({ type: 'down' });
    await sendMouse({ type: 'move', position: centre(to) });
    await sendMouse({ type: 'up' });
    await this.element.updateComplete;
  }

  /** A touch drag from `from` to `to`, as pointer events with `pointerType: 'touch'`. */
  async touchDrag(from: Element, to: Element): Promise<void> {
    const fire = (target: Element, type: string) => {
      const b = to === target ? to.getBoundingClientRect() : from.getBoundingClientRect();
      target.dispatchEvent(
        new PointerEvent(type, {
          bubbles: true,
          composed: true,
          pointerType: 'touch',
          pointerId: 7,
          isPrimary: true,
          button: 0,
          clientX: b.x + b.width / 2,
          clientY: b.y + b.height / 2,
        }),
      );
    };
    fire(from, 'pointerdown');
    fire(to, 'pointermove');
    fire(to, 'pointerup');
    await this.element.updateComplete;
  }

  /** A tap: the pointer events and click a touch screen sends. */
  async tap(target: HTMLElement): Promise<void> {
    await this.touchDrag(target, target);
    target.click();
    await this.element.updateComplete;
  }

  /** Presses keys in sequence on whatever has focus. */
  async press(...keys: string[]): Promise<void> {
    for (const key of keys) await sendKeys({ press: key });
    await this.element.updateComplete;
  }
}
