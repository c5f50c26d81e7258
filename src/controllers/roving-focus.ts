/**
 * Roving focus over a list: one tab stop, arrow keys and Home/End move between items.
 *
 * Contract: the host renders its items with `tabindex=${roving.tabIndexFor(i, count)}` and forwards
 * the list's `keydown` to `onKeyDown`; `items()` returns the rendered items in order. The active
 * index is clamped to the item count when read, so the list may shrink under it. Keys that
 * move focus are consumed (default prevented); every other key passes through.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** The index a key moves to from `index` in a list of `count`, or undefined for other keys. */
export function indexAfterKeyPress(index: number, count: number, key: string): number | undefined {
  if (count === 0) return undefined;
  switch (key) {
    case 'ArrowDown':
    case 'ArrowRight':
      return Math.min(count - 1, index + 1);
    case 'ArrowUp':
    case 'ArrowLeft':
      return Math.max(0, index - 1);
    case 'Home':
      return 0;
    case 'End':
      return count - 1;
    default:
      return undefined;
  }
}

/** One-tab-stop keyboard movement through a host's list of items. */
export class RovingFocusController implements ReactiveController {
  private readonly host: ReactiveControllerHost;
  private readonly items: () => readonly HTMLElement[];
  private active = 0;

  constructor(host: ReactiveControllerHost, items: () => readonly HTMLElement[]) {
    this.host = host;
    this.items = items;
    host.addController(this);
  }

  /** The index of the item that holds the tab stop. */
  get activeIndex(): number {
    return this.active;
  }

  /** `0` for the item holding the tab stop among `count` items, `-1` for the others. */
  readonly tabIndexFor = (index: number, count: number): 0 | -1 =>
    index === Math.min(this.active, count - 1) ? 0 : -1;

  /** Gives the tab stop to `index` without moving focus. */
  setActive(index: number): void {
    if (index === this.active) return;
    this.active = Math.max(0, index);
    this.host.requestUpdate();
  }

  /** Moves focus to the item holding the tab stop. */
  focusActive(): void {
    const items = this.items();
    items[Math.min(this.active, items.length - 1)]?.focus();
  }

  /** Moves the tab stop and focus for arrow keys, Home and End. */
  readonly onKeyDown = (event: KeyboardEvent): void => {
    const items = this.items();
    const from = items.indexOf(event.target as HTMLElement);
    const next = indexAfterKeyPress(from === -1 ? this.active : from, items.length, event.key);
    if (next === undefined) return;
    event.preventDefault();
    this.active = next;
    items.forEach((item, i) => (item.tabIndex = i === next ? 0 : -1));
    items[next]!.focus();
    this.host.requestUpdate();
  };

  hostConnected(): void {}
}
