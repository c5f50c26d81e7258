/**
 * Keyboard movement in a day-by-time grid: which cell a key press focuses next.
 *
 * Contract: pure, no DOM. Positions are `{column, row}` indices on the shown page (columns are
 * days, rows are times). A move may leave the page: `page` is -1 (previous) or +1 (next), and
 * the position is where focus lands on that page. Keys not handled return `undefined`, so the
 * caller leaves the browser's default alone. Keys follow the ARIA grid pattern: arrows move by
 * one row or day (Left/Right cross to the adjacent page at its edge), Home/End go to the first
 * or last day of the row (with Ctrl, the first or last cell of the page), PageUp/PageDown go to
 * the same cell one page (week) earlier or later. Shift with an arrow extends a range when the
 * caller asks for range extension (free selection).
 */
import type { CellPosition } from '../core/slots.js';

/** The parts of a key press that matter for movement. */
export interface GridKeyPress {
  key: string;
  shiftKey?: boolean;
  ctrlKey?: boolean;
  metaKey?: boolean;
}

/** The shown page's size and whether there are pages either side. */
export interface GridShape {
  columns: number;
  rows: number;
  hasPrev: boolean;
  hasNext: boolean;
}

/** Where focus goes. */
export interface GridMove extends CellPosition {
  /** 0 on this page, -1 on the previous page, +1 on the next. */
  page: -1 | 0 | 1;
  /** Shift+arrow with range extension on: the range from the anchor grows to this cell. */
  extend: boolean;
}

/** The cell focused after `press` at `from`, or `undefined` when the key does not move focus. */
export function nextFocusedCell(
  from: CellPosition,
  press: GridKeyPress,
  shape: GridShape,
  options: { extendWithShift?: boolean } = {},
): GridMove | undefined {
  if (shape.columns < 1 || shape.rows < 1) return undefined;
  const lastColumn = shape.columns - 1;
  const lastRow = shape.rows - 1;
  const column = Math.min(Math.max(from.column, 0), lastColumn);
  const row = Math.min(Math.max(from.row, 0), lastRow);
  const corner = press.ctrlKey === true || press.metaKey === true;
  const extend =
    options.extendWithShift === true && press.shiftKey === true && press.key.startsWith('Arrow');
  const at = (c: number, r: number, page: -1 | 0 | 1 = 0): GridMove => ({
    column: c,
    row: r,
    page,
    extend,
  });
  switch (press.key) {
    case 'ArrowUp':
      return at(column, Math.max(row - 1, 0));
    case 'ArrowDown':
      return at(column, Math.min(row + 1, lastRow));
    case 'ArrowLeft':
      if (column > 0) return at(column - 1, row);
      // A range never spans pages: extension stops at the edge.
      return shape.hasPrev && !extend ? at(lastColumn, row, -1) : at(column, row);
    case 'ArrowRight':
      if (column < lastColumn) return at(column + 1, row);
      return shape.hasNext && !extend ? at(0, row, 1) : at(column, row);
    case 'Home':
      return corner ? at(0, 0) : at(0, row);
    case 'End':
      return corner ? at(lastColumn, lastRow) : at(lastColumn, row);
    case 'PageUp':
      return shape.hasPrev ? at(column, row, -1) : at(column, row);
    case 'PageDown':
      return shape.hasNext ? at(column, row, 1) : at(column, row);
    default:
      return undefined;
  }
}
