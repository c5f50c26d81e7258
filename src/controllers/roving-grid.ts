/**
 * Roving focus for a grid of cells inside a Lit element's shadow root: one tab stop.
 *
 * Contract: the controller owns the focused position (`{column, row}`); the host renders
 * `tabindex` from `tabIndexOf(position)` and finds cells through `cellAt`. Focus moves to a cell
 * only after the user moved by keyboard while focus was in the grid: a data refresh, a
 * re-render or a pointer user never has focus taken away or pulled into the grid. Clicking or
 * tabbing into a cell makes it the tab stop.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { CellPosition } from '../core/slots.js';

/** How the controller reaches the host's cells. */
export interface RovingGridOptions {
  /** The cell element at a position, when rendered. */
  cellAt(position: CellPosition): HTMLElement | null | undefined;
  /** The position of a cell element (from its data attributes), or undefined for anything else. */
  positionOf(element: Element): CellPosition | undefined;
}

/** Keeps one tab stop in a grid and moves focus on keyboard navigation only. */
export class RovingGridController implements ReactiveController {
  /** The cell that holds the tab stop. */
  position: CellPosition = { column: 0, row: 0 };
  private keyboardFocus = false;
  private readonly host: ReactiveControllerHost & HTMLElement;
  private readonly options: RovingGridOptions;

  constructor(host: ReactiveControllerHost & HTMLElement, options: RovingGridOptions) {
    this.host = host;
    this.options = options;
    host.addController(this);
  }

  hostConnected(): void {
    // Listening in the shadow root sees the real related target of focus moves between cells;
    // capturing, so focus leaving is known before any handler of the host's re-renders (an
    // update run between two listeners would otherwise pull focus back into the grid).
    const root = this.host.shadowRoot ?? this.host;
    root.addEventListener('focusin', this.onFocusIn as EventListener, true);
    root.addEventListener('focusout', this.onFocusOut as EventListener, true);
    this.host.addEventListener('pointerdown', this.onPointerDown);
  }

  hostDisconnected(): void {
    const root = this.host.shadowRoot ?? this.host;
    root.removeEventListener('focusin', this.onFocusIn as EventListener, true);
    root.removeEventListener('focusout', this.onFocusOut as EventListener, true);
    this.host.removeEventListener('pointerdown', this.onPointerDown);
    this.keyboardFocus = false;
  }

  hostUpdated(): void {
    if (!this.keyboardFocus) return;
    const cell = this.options.cellAt(this.position);
    if (cell && this.host.shadowRoot?.activeElement !== cell) cell.focus();
  }

  /** `0` for the cell holding the tab stop, `-1` for every other cell. */
  tabIndexOf(position: CellPosition): 0 | -1 {
    return position.column === this.position.column && position.row === this.position.row ? 0 : -1;
  }

  /** Makes `position` the tab stop; `byKeyboard` moves focus there once the host has rendered. */
  moveTo(position: CellPosition, byKeyboard: boolean): void {
    this.position = { column: position.column, row: position.row };
    if (byKeyboard) this.keyboardFocus = true;
    this.host.requestUpdate();
  }

  /** Keeps the tab stop inside a grid of the given size (after the page or rows changed). */
  clampTo(columns: number, rows: number): void {
    const column = Math.max(0, Math.min(this.position.column, columns - 1));
    const row = Math.max(0, Math.min(this.position.row, rows - 1));
    if (column !== this.position.column || row !== this.position.row) {
      this.position = { column, row };
    }
  }

  private readonly onFocusIn = (event: FocusEvent): void => {
    const target = event.composedPath()[0];
    const position = target instanceof Element ? this.options.positionOf(target) : undefined;
    if (position) this.position = position;
  };

  private readonly onFocusOut = (event: FocusEvent): void => {
    // A cell re-rendered away (no longer connected) has no related target: the keyboard user is
    // still in the grid. A cell still in place losing focus to nothing (Tab past the page's
    // last control, to the browser) or to anything but a cell means the user left.
    const next = event.relatedTarget;
    const left =
      next instanceof Element
        ? !this.options.positionOf(next)
        : event.target instanceof Node && event.target.isConnected;
    if (left) this.keyboardFocus = false;
  };

  private readonly onPointerDown = (): void => {
    this.keyboardFocus = false;
  };
}
