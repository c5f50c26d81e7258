/**
 * Styles of `<availability-viewer>`: the week grid laid out with CSS grid (rows and the ARIA
 * grid wrapper use `display: contents`, so cells and overlays share one set of grid lines),
 * availability colours and N-of-M shades read from `--se-*` tokens through private `--_*`
 * variables, dark mode and `forced-colors`.
 */
import { css } from 'lit';

/** The viewer's own rules, on top of the shared base styles. */
export const viewerStyles = css`
  :host {
    --_available: var(--se-color-available, #cfe8d5);
    --_available-strong: var(--se-color-available-strong, #2e7d4f);
    --_unavailable: var(--se-color-unavailable, #f2f4f7);
    --_selected: var(--se-color-selected, var(--_accent));
    --_preview: var(--se-color-preview, rgba(31, 95, 214, 0.18));
    --_cell-height: var(--se-cell-height, 1.75rem);
    --_grid-line: color-mix(in srgb, var(--_border) 60%, transparent);
    --_grid-max-height: var(--se-grid-max-height, 32rem);
  }
  @media (prefers-color-scheme: dark) {
    :host {
      --_available: var(--se-color-available, #23472f);
      --_available-strong: var(--se-color-available-strong, #7fd49c);
      --_unavailable: var(--se-color-unavailable, #1b1f25);
      --_preview: var(--se-color-preview, rgba(138, 180, 255, 0.25));
    }
  }
  .nav {
    display: flex;
    align-items: center;
    gap: var(--_space);
    margin-bottom: var(--_space);
  }
  .nav h2 {
    flex: 1;
    margin: 0;
    font-size: 1.05em;
    text-align: center;
  }
  .toolbar {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space);
    align-items: end;
    margin-bottom: var(--_space);
  }
  .toolbar label {
    display: grid;
    font-size: 0.875em;
    color: var(--_muted);
  }
  select {
    font: inherit;
    min-height: 2.5rem;
    color: inherit;
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
  .scroll {
    max-height: var(--_grid-max-height);
    overflow: auto;
    /* On the scroller, not on each cell: a touch-action per cell is a hit-test region per cell. */
    touch-action: manipulation;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
  /* The board and its row groups share columns, row height and gaps. */
  .board,
  .rows {
    display: grid;
    grid-template-columns: var(--_template);
    /* Time rows of one fixed height: the grid sizes them without measuring their content. */
    grid-auto-rows: var(--_cell-height);
    /* Grid lines are the board showing through a 1px gap: one paint per cell, not three. */
    gap: 1px;
  }
  .board {
    /* Declared where --_columns is set, so the row groups inherit it resolved. */
    --_template: minmax(3.5rem, max-content) repeat(var(--_columns), minmax(0, 1fr));
    grid-template-rows: auto;
    background: var(--_grid-line);
    position: relative;
  }
  .grid,
  .row {
    display: contents;
  }
  /*
   * A group of time rows: a grid of its own on the board's rows and columns, rendered only near
   * the scroll position (the first frame of a new grid holds back those out of view: class deferred).
   * The hidden lines atop it, one per label shape (digits as 0), make its time column exactly as
   * wide as the board's, whose corner holds the same lines.
   */
  .rows {
    grid-column: 1 / -1;
    content-visibility: auto;
  }
  .rows.deferred {
    content-visibility: hidden;
  }
  .corner::after,
  .rows > .row:first-child > .time::after {
    content: var(--_label-shapes) / '';
    display: block;
    white-space: pre;
    height: 0;
    overflow: hidden;
    visibility: hidden;
  }
  .corner,
  .day,
  .time {
    background: var(--_bg);
    color: var(--_muted);
    font-size: 0.8125em;
    font-variant-numeric: tabular-nums;
    padding: 0 calc(var(--_space) / 2);
  }
  .corner,
  .day {
    position: sticky;
    top: 0;
    z-index: 2;
    display: grid;
    place-content: center;
    text-align: center;
    padding-block: calc(var(--_space) / 2);
    border-bottom: 1px solid var(--_border);
  }
  .day .weekday {
    font-weight: 600;
    color: var(--_text);
  }
  .time {
    text-align: end;
    white-space: nowrap;
    /* At the top of its row, inside it: a label lifted onto the line would hide under the header. */
    padding-top: 0.15em;
  }
  .cell {
    background: var(--_unavailable);
  }
  .cell.available,
  .cell.free {
    background: var(--_available);
    cursor: pointer;
  }
  .cell.available[data-level='1'] {
    background: color-mix(in srgb, var(--_available-strong) 20%, var(--_available));
  }
  .cell.available[data-level='2'] {
    background: color-mix(in srgb, var(--_available-strong) 40%, var(--_available));
  }
  .cell.available[data-level='3'] {
    background: color-mix(in srgb, var(--_available-strong) 60%, var(--_available));
  }
  .cell.available[data-level='4'] {
    background: color-mix(in srgb, var(--_available-strong) 80%, var(--_available));
  }
  .cell.skipped {
    min-height: 0.5rem;
    background: repeating-linear-gradient(
      135deg,
      var(--_unavailable) 0 4px,
      var(--_border) 4px 5px
    );
  }
  .cell.loading {
    background: var(--_surface);
  }
  /* Selected wins over the N-of-M shades of free cells. */
  .cell.selected,
  .cell.available.selected[data-level] {
    background: var(--_selected);
  }
  :host([slot-selection='unrestricted']) .cell.unavailable {
    cursor: pointer;
  }
  :host([mode='free_select']) .board {
    touch-action: none;
    user-select: none;
  }
  .cell:focus-visible {
    outline-offset: -2px;
    position: relative;
    z-index: 1;
  }
  /* Out of flow, so an overlay never moves the auto-placed cells; its grid lines still place it. */
  .overlay {
    position: absolute;
    inset: 0;
    pointer-events: none;
    z-index: 1;
    margin: 1px 2px;
    border-radius: var(--_radius);
  }
  .overlay.preview,
  .overlay.paint {
    background: var(--_preview);
    outline: 2px dashed var(--_accent);
    outline-offset: -2px;
  }
  /* A selected block longer than a row shows whole; under a focused cell's outline. */
  .overlay.selected {
    z-index: 0;
    background: var(--_selected);
  }
  .overlay.pending {
    pointer-events: auto;
    display: grid;
    align-items: end;
    padding: 2px;
    background: var(--_selected);
  }
  .overlay.pending button {
    min-height: 2rem;
    padding: 0 var(--_space);
    border-color: var(--_accent-text);
  }
  .legend {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space);
    margin: var(--_space) 0 0;
    padding: 0;
    list-style: none;
    font-size: 0.8125em;
  }
  .legend li {
    display: flex;
    gap: 0.35em;
    align-items: center;
  }
  .swatch {
    width: 1em;
    height: 1em;
    border: 1px solid var(--_border);
    border-radius: 2px;
  }
  .empty-week {
    margin-top: var(--_space);
  }
  @media (forced-colors: active) {
    .board {
      forced-color-adjust: none;
      background: CanvasText;
    }
    .cell {
      forced-color-adjust: none;
      background: Canvas;
    }
    .cell.available,
    .cell.free,
    .swatch {
      background: ButtonFace;
      outline: 1px solid ButtonText;
      outline-offset: -3px;
    }
    .cell.selected,
    .cell.available.selected[data-level],
    .overlay.selected,
    .overlay.pending {
      background: Highlight;
    }
    .cell.skipped {
      background: GrayText;
    }
    .overlay.preview,
    .overlay.paint {
      background: transparent;
      outline-color: Highlight;
    }
  }
`;
