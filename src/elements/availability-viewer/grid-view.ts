/**
 * The week grid's template: an ARIA grid of day columns and time rows, laid out with CSS grid.
 *
 * Contract: `gridView` reads only the `GridView` it is given. Cells carry `data-c`/`data-r`
 * (column and row index) for the element's delegated handlers and one `tabindex="0"` (the
 * roving tab stop). Each cell's accessible name is composed with `aria-labelledby` from shared
 * hidden texts (full date, time range with zone offset, state, "N of M free"), so a page costs
 * one formatted time range per distinct row rather than one per cell, and those texts are shared
 * by every viewer with the same formatters. The body rows and the time texts are written by two
 * directives straight to the DOM, only where a value changed. Time rows come in row groups
 * (`role="rowgroup"`) of eight, each a grid of its own with `content-visibility: auto`, so the
 * browser renders only those near the scroll position (see `settleGroups`). Overlays (hover/focus
 * preview, the picked block with its Confirm button) sit outside the ARIA grid and are placed on
 * the same CSS grid lines as the cells they cover.
 */
import { html, noChange, nothing, type TemplateResult } from 'lit';
import {
  Directive,
  directive,
  PartType,
  type AttributePart,
  type ChildPart,
  type PartInfo,
} from 'lit/directive.js';
import type { GridPage, GridRow } from '../../core/grid.js';
import type { CellPosition, PageAvailability, TimedSlot } from '../../core/slots.js';
import { offsetMinutes, startOfDay } from '../../core/time.js';
import { rangeAcrossClockChange } from '../../i18n/format.js';
import type { Formatters, Strings } from '../../i18n/index.js';

/**
 * Inline styles set through the CSSOM (`style.setProperty`) on every render, the first included.
 * Lit's `styleMap` writes its first render as a `style` attribute, which a Content-Security-Policy
 * without `'unsafe-inline'` for styles refuses; CSSOM writes are always allowed.
 */
class CssomStyleDirective extends Directive {
  private names = new Set<string>();

  constructor(part: PartInfo) {
    super(part);
    if (part.type !== PartType.ATTRIBUTE || part.name !== 'style') {
      throw new Error('cssomStyle() belongs in a style attribute');
    }
  }

  render(_properties: Readonly<Record<string, string>>): typeof noChange {
    return noChange;
  }

  override update(part: AttributePart, [properties]: [Readonly<Record<string, string>>]) {
    const style = (part.element as HTMLElement).style;
    for (const name of this.names) {
      if (!(name in properties)) style.removeProperty(name);
    }
    this.names = new Set(Object.keys(properties));
    for (const [name, value] of Object.entries(properties)) style.setProperty(name, value);
    return noChange;
  }
}

/** Sets the given CSS properties (kebab-case or custom `--` names) on the element through the CSSOM. */
export const cssomStyle = directive(CssomStyleDirective);

/** A cell's state as the grid shows it. */
export type CellState = 'available' | 'unavailable' | 'skipped' | 'loading' | 'free' | 'busy';

/** An overlay on the grid: rows `row`..`rowEnd` (exclusive) of column `column`. */
export interface GridOverlay extends CellPosition {
  rowEnd: number;
  kind: 'preview' | 'pending' | 'paint' | 'selected';
}

/** How one cell shows. */
export interface GridCellView {
  state: CellState;
  selected: boolean;
  /** The N-of-M shade level (0 for none). */
  level: number;
  /** Whether the cell can be picked. */
  selectable: boolean;
}

/** Everything the grid template needs. */
export interface GridView {
  page: GridPage;
  strings: Strings;
  formatters: Formatters;
  namer: CellNamer;
  /** Cell state, selection, shade level and whether it can be picked. */
  cell(column: number, row: number): GridCellView;
  /** The cell holding the grid's one tab stop. */
  tabStop: CellPosition;
  /** Participants in the query: the M of "N of M free" (0 hides the counts). */
  memberCount: number;
  availability: PageAvailability | undefined;
  /** Label of the grid. */
  label: string;
}

/** The shade level (1..4) of `free` out of `total` participants; 0 when nobody is free. */
export function shadeLevel(free: number, total: number): number {
  if (free <= 0 || total <= 0) return 0;
  return total <= 4 ? Math.min(free, 4) : Math.max(1, Math.ceil((4 * free) / total));
}

/** Time texts by formatter signature and key, shared by every namer: weeks and viewers repeat them. */
const sharedTimeTexts = new Map<string, Map<string, string>>();
/** Entries a signature's shared texts keep before starting afresh. */
const SHARED_TEXT_LIMIT = 4096;
const MS_PER_DAY = 86_400_000;

/** Builds and caches the hidden texts cell names are composed of, for one locale, zone and duration. */
export class CellNamer {
  private texts = new Map<string, string>();
  private ids = new Map<string, string>();
  private signature = '';
  private shared = new Map<string, string>();
  /** Each page's time ids, cell by cell (row-major), by its availability (or grid while it has none). */
  private pageIds = new WeakMap<object, readonly string[]>();

  /** Clears the cache when the formatters or the block length change. */
  reset(formatters: Formatters, durationMs: number): void {
    const signature = `${formatters.locale}|${formatters.zone}|${formatters.hourCycle}|${durationMs}`;
    if (signature === this.signature) return;
    this.signature = signature;
    this.texts.clear();
    this.ids.clear();
    this.pageIds = new WeakMap();
    let shared = sharedTimeTexts.get(signature);
    if (!shared) {
      shared = new Map();
      sharedTimeTexts.set(signature, shared);
    }
    this.shared = shared;
  }

  /**
   * The time id of every cell of `page` (row-major: `r * columns + c`), naming the block a cell
   * of `availability` selects (the cell itself where none); computed once per page and answer.
   */
  timeIdsOf(
    page: GridPage,
    availability: PageAvailability | undefined,
    formatters: Formatters,
  ): readonly string[] {
    const owner = availability ?? page;
    let ids = this.pageIds.get(owner);
    if (ids) return ids;
    const columns = page.columns.length;
    const out = new Array<string>(page.labels.length * columns);
    page.columns.forEach((column, c) => {
      column.cells.forEach((cell, r) => {
        const block = availability?.cells[c]?.[r]?.slot ?? cell;
        out[r * columns + c] = this.timeIdOf(cell, block, formatters);
      });
    });
    ids = out;
    this.pageIds.set(owner, ids);
    return ids;
  }

  /** The id of the hidden text naming the block from `cell` (`10:00 – 11:00 GMT+1`). */
  timeIdOf(cell: GridRow, block: Pick<TimedSlot, 'start' | 'end'>, formatters: Formatters): string {
    let key: string;
    if (cell.status === 'nonexistent') {
      key = `skip|${cell.time}`;
    } else {
      // The wall time the block starts at, its length and the zone's offsets at both ends fix
      // the text (a block across a clock change ends at another wall time); days repeat, so do
      // keys.
      const startOffset = offsetMinutes(block.start, formatters.zone);
      const endOffset = offsetMinutes(block.end, formatters.zone);
      const wall = (((block.start + startOffset * 60_000) % MS_PER_DAY) + MS_PER_DAY) % MS_PER_DAY;
      key = `${wall}|${block.end - block.start}|${startOffset}|${endOffset}`;
    }
    let id = this.ids.get(key);
    if (id === undefined) {
      id = `t${this.ids.size}`;
      this.ids.set(key, id);
      let text = this.shared.get(key);
      if (text === undefined) {
        text =
          cell.status === 'nonexistent'
            ? cell.time
            : (rangeAcrossClockChange(formatters, block.start, block.end) ??
              `${formatters.timeRange(block.start, block.end)} ${formatters.zoneOffset(block.start)}`);
        if (this.shared.size >= SHARED_TEXT_LIMIT) this.shared.clear();
        this.shared.set(key, text);
      }
      this.texts.set(id, text);
    }
    return id;
  }

  /** The hidden texts as `[id, text]` pairs. */
  entries(): IterableIterator<[string, string]> {
    return this.texts.entries();
  }
}

const STATE_KEYS = {
  available: 'availability_viewer.available',
  unavailable: 'availability_viewer.unavailable',
  skipped: 'availability_viewer.skipped_time',
  loading: 'common.loading',
  free: 'availability_viewer.free',
  busy: 'availability_viewer.busy',
} as const;

/** An ARIA state value from a boolean. */
function ariaBoolean(value: boolean): 'true' | 'false' {
  return value ? 'true' : 'false';
}

/**
 * Time rows per row group. Each group is its own grid with `content-visibility: auto`, so the
 * browser styles, lays out and paints only the groups near the scroll position; its rows span
 * the same board rows, so overlays keep the board's grid lines.
 */
const ROWS_PER_GROUP = 8;

/**
 * Settles the row groups of a newly built grid; resolves after the first frame showing them has
 * been painted (or after 100 ms where frames are paused, as in a hidden tab).
 *
 * `content-visibility: auto` decides what is in view in the first frame that lays a group out;
 * until that frame a hit test or a layout read meets the group, not its cells, so callers of
 * `updateComplete` wait for this. On a grid's first build, the groups in `deferred` (all but the
 * first) start `content-visibility: hidden` (class `deferred`), so that first frame styles, lays
 * out and paints what the user sees rather than everything `auto` keeps ready around it: after
 * the frame's layout (a `ResizeObserver` reports then, before paint) any deferred group that
 * turned out to be in view, inside the grid's scroller and the viewport, is released at once, so
 * nothing in view is ever painted empty; the rest are released to `auto` once it is painted.
 */
function settleGroups(first: HTMLElement, deferred: readonly HTMLElement[]): Promise<void> {
  const release = (group: HTMLElement) => group.classList.remove('deferred');
  const observer = new ResizeObserver(() => {
    observer.disconnect();
    const scroller = first.closest('.scroll');
    const clip = scroller?.getBoundingClientRect();
    const top = Math.max(clip?.top ?? 0, 0);
    const bottom = Math.min(clip?.bottom ?? Infinity, window.innerHeight);
    for (const group of deferred) {
      const box = group.getBoundingClientRect();
      if (box.bottom > top && box.top < bottom) release(group);
    }
  });
  if (deferred.length > 0) observer.observe(first);
  return new Promise((resolve) => {
    const done = () => {
      cancelAnimationFrame(frame);
      clearTimeout(fallback);
      observer.disconnect();
      deferred.forEach(release);
      resolve();
    };
    const frame = requestAnimationFrame(() => setTimeout(done));
    const fallback = setTimeout(done, 100);
  });
}

/** Row groups still settling, by the grid element holding them. */
const releases = new WeakMap<Node, Promise<void>>();

/** Resolves once every row group of `grid` (the `[role=grid]` element) is rendered and settled. */
export function gridReleased(grid: Node | null): Promise<void> {
  return (grid && releases.get(grid)) ?? Promise.resolve();
}

/** `text` as a CSS string. */
function cssString(text: string): string {
  return `"${text.replace(/[\\"]/g, '\\$&').replace(/\n/g, '\\a ')}"`;
}

/** What one render writes on the body rows: row headers, then every cell row-major (`r * columns + c`). */
interface BodyValues {
  columns: number;
  rowKeys: string[];
  rowTexts: string[];
  /** `class` and `part` (the same list). */
  classes: string[];
  levels: string[];
  tabIndexes: string[];
  labelledBy: string[];
  /** `aria-selected`, or null for none. */
  selected: (string | null)[];
  /** `aria-disabled`, or null for none. */
  disabled: (string | null)[];
}

/** Writes `value` as attribute `name` of `element`, or removes it for null. */
function writeAttribute(element: Element, name: string, value: string | null): void {
  if (value === null) element.removeAttribute(name);
  else element.setAttribute(name, value);
}

/**
 * The hidden time texts (`<span id="t0">`...), written straight to the DOM: ids are `t0`, `t1`...
 * in order and a namer only adds texts until it is reset, so a render appends the new ones and
 * rewrites only texts that changed.
 */
class TimeTextsDirective extends Directive {
  private spans: HTMLSpanElement[] = [];
  private texts: string[] = [];

  constructor(part: PartInfo) {
    super(part);
    if (part.type !== PartType.CHILD) throw new Error('timeTexts() belongs in child content');
  }

  render(_entries: readonly (readonly [string, string])[]): typeof noChange {
    return noChange;
  }

  override update(
    part: ChildPart,
    [entries]: [readonly (readonly [string, string])[]],
  ): typeof noChange {
    const added = document.createDocumentFragment();
    entries.forEach(([id, text], i) => {
      let span = this.spans[i];
      if (!span) {
        span = document.createElement('span');
        this.spans.push(span);
        this.texts.push('');
        added.append(span);
      }
      if (span.id !== id) span.id = id;
      if (this.texts[i] !== text) {
        span.textContent = text;
        this.texts[i] = text;
      }
    });
    for (const span of this.spans.splice(entries.length)) span.remove();
    this.texts.length = entries.length;
    if (added.firstChild) part.parentNode.insertBefore(added, part.endNode);
    return noChange;
  }
}

/** The hidden time texts naming cells, from `[id, text]` pairs. */
const timeTexts = directive(TimeTextsDirective);

/**
 * The grid's body rows, written straight to the DOM: 672 cells as Lit template instances cost
 * seven attribute parts and a marker each, and most of them never change. The first render (or
 * one of another shape) builds the rows; later renders write only the attributes and texts
 * whose values changed since the last.
 */
class GridBodyDirective extends Directive {
  private rowHeaders: HTMLElement[] = [];
  private cells: HTMLElement[] = [];
  private last: BodyValues | undefined;

  constructor(part: PartInfo) {
    super(part);
    if (part.type !== PartType.CHILD) throw new Error('gridBody() belongs in child content');
  }

  render(_values: BodyValues): typeof noChange {
    return noChange;
  }

  override update(part: ChildPart, [values]: [BodyValues]): DocumentFragment | typeof noChange {
    const last = this.last;
    this.last = values;
    if (last && last.columns === values.columns && last.rowKeys.length === values.rowKeys.length) {
      this.patch(last, values);
      return noChange;
    }
    return this.build(values, part.parentNode);
  }

  private build(values: BodyValues, grid: Node): DocumentFragment {
    const { columns } = values;
    // One row is made by hand and cloned: what every row or cell shares is written once.
    const rowProto = document.createElement('div');
    rowProto.setAttribute('role', 'row');
    rowProto.className = 'row';
    const headerProto = document.createElement('div');
    headerProto.setAttribute('role', 'rowheader');
    headerProto.setAttribute('part', 'time-header');
    headerProto.className = 'time';
    rowProto.append(headerProto);
    for (let c = 0; c < columns; c++) {
      const cell = document.createElement('div');
      cell.setAttribute('role', 'gridcell');
      cell.setAttribute('data-c', String(c));
      cell.setAttribute('tabindex', '-1');
      rowProto.append(cell);
    }
    // Only a grid's first build defers: later ones (other hours or columns) may hold focus.
    const defer = this.cells.length === 0;
    const fragment = document.createDocumentFragment();
    this.rowHeaders = [];
    this.cells = [];
    const rows = values.rowKeys.length;
    const groups: HTMLElement[] = [];
    let group: HTMLElement | undefined;
    values.rowKeys.forEach((key, r) => {
      if (r % ROWS_PER_GROUP === 0) {
        group = document.createElement('div');
        group.setAttribute('role', 'rowgroup');
        group.className = 'rows';
        group.style.gridRow = `span ${Math.min(ROWS_PER_GROUP, rows - r)}`;
        if (defer && r > 0) group.classList.add('deferred');
        groups.push(group);
        fragment.append(group);
      }
      const row = rowProto.cloneNode(true) as HTMLElement;
      const header = row.firstElementChild as HTMLElement;
      header.setAttribute('data-key', key);
      header.textContent = values.rowTexts[r]!;
      this.rowHeaders.push(header);
      const rowIndex = String(r);
      let cell = header.nextElementSibling as HTMLElement | null;
      for (
        let c = 0;
        c < columns && cell;
        c++, cell = cell.nextElementSibling as HTMLElement | null
      ) {
        const i = r * columns + c;
        const classes = values.classes[i]!;
        cell.className = classes;
        cell.setAttribute('part', classes);
        cell.setAttribute('data-r', rowIndex);
        cell.setAttribute('data-level', values.levels[i]!);
        if (values.tabIndexes[i] !== '-1') cell.setAttribute('tabindex', values.tabIndexes[i]!);
        cell.setAttribute('aria-labelledby', values.labelledBy[i]!);
        if (values.selected[i] !== null) cell.setAttribute('aria-selected', values.selected[i]!);
        if (values.disabled[i] !== null) cell.setAttribute('aria-disabled', values.disabled[i]!);
        this.cells.push(cell);
      }
      group!.append(row);
    });
    if (groups[0]) {
      const settled = settleGroups(groups[0], defer ? groups.slice(1) : []);
      releases.set(grid, settled);
      void settled.then(() => {
        if (releases.get(grid) === settled) releases.delete(grid);
      });
    }
    return fragment;
  }

  private patch(last: BodyValues, values: BodyValues): void {
    values.rowKeys.forEach((key, r) => {
      const header = this.rowHeaders[r]!;
      if (key !== last.rowKeys[r]) header.setAttribute('data-key', key);
      if (values.rowTexts[r] !== last.rowTexts[r]) header.textContent = values.rowTexts[r]!;
    });
    const { cells } = this;
    for (let i = 0; i < cells.length; i++) {
      const cell = cells[i]!;
      const classes = values.classes[i]!;
      if (classes !== last.classes[i]) {
        cell.className = classes;
        cell.setAttribute('part', classes);
      }
      if (values.levels[i] !== last.levels[i]) cell.setAttribute('data-level', values.levels[i]!);
      if (values.tabIndexes[i] !== last.tabIndexes[i])
        cell.setAttribute('tabindex', values.tabIndexes[i]!);
      if (values.labelledBy[i] !== last.labelledBy[i])
        cell.setAttribute('aria-labelledby', values.labelledBy[i]!);
      if (values.selected[i] !== last.selected[i])
        writeAttribute(cell, 'aria-selected', values.selected[i]!);
      if (values.disabled[i] !== last.disabled[i])
        writeAttribute(cell, 'aria-disabled', values.disabled[i]!);
    }
  }
}

/** The grid's body rows (row header and cells per time) from precomputed values. */
const gridBody = directive(GridBodyDirective);

/** The ARIA grid (header row, then one row per time) followed by the hidden texts naming its cells. */
export function gridContent(view: GridView): TemplateResult {
  const { page, strings, formatters, namer, memberCount, availability, tabStop } = view;
  const dayStarts = page.columns.map((column) => startOfDay(column.dayKey, formatters.zone));
  const dayOffsets = dayStarts.map((start) => formatters.zoneOffset(start));
  const timeIds = namer.timeIdsOf(page, availability, formatters);
  const columns = page.columns.length;
  const size = page.labels.length * columns;
  const values: BodyValues = {
    columns,
    rowKeys: [],
    rowTexts: [],
    classes: new Array<string>(size),
    levels: new Array<string>(size),
    tabIndexes: new Array<string>(size),
    labelledBy: new Array<string>(size),
    selected: new Array<string | null>(size),
    disabled: new Array<string | null>(size),
  };
  page.labels.forEach((label, r) => {
    const named = page.columns.find((column) => column.cells[r]!.status !== 'nonexistent');
    const time = named ? formatters.time(named.cells[r]!.start) : label.time;
    values.rowKeys.push(label.key);
    values.rowTexts.push(label.offsetLabel ? `${time} ${label.offsetLabel}` : time);
    for (let c = 0; c < columns; c++) {
      const i = r * columns + c;
      const { state, selected, level, selectable } = view.cell(c, r);
      const free = availability?.cells[c]?.[r]?.free ?? 0;
      let labelled = `day-${c} ${timeIds[i]!} st-${state}`;
      if (selected) labelled += ' st-selected';
      if (memberCount > 1 && free > 0 && free <= memberCount) labelled += ` free-${free}`;
      values.classes[i] = selected ? `cell ${state} selected` : `cell ${state}`;
      values.levels[i] = String(level);
      values.tabIndexes[i] = c === tabStop.column && r === tabStop.row ? '0' : '-1';
      values.labelledBy[i] = labelled;
      values.selected[i] = selectable || selected ? ariaBoolean(selected) : null;
      values.disabled[i] = selectable ? null : 'true';
    }
  });
  const counts = memberCount > 1 ? Array.from({ length: memberCount }, (_, i) => i + 1) : [];
  // Each row group sizes its time column alone. Laid out hidden in the corner and atop every
  // group, one line per distinct label shape (digits as 0: the labels use tabular figures) makes
  // every time column as wide as the widest label, the corner's included.
  const shapes = new Set(
    [dayOffsets[0] ?? '', ...values.rowTexts].map((t) => t.replace(/\d/g, '0')),
  );
  return html`<div
      role="grid"
      class="grid"
      part="grid"
      style=${cssomStyle({ '--_label-shapes': cssString([...shapes].join('\n')) })}
      aria-label=${view.label}
      aria-readonly="true"
    >
      <div role="row" class="row">
        <div role="columnheader" class="corner" part="corner">${dayOffsets[0] ?? ''}</div>
        ${page.columns.map(
          (_, c) =>
            html`<div
              role="columnheader"
              class="day"
              part="day-header"
              data-day=${page.columns[c]!.dayKey}
            >
              <span aria-hidden="true" class="weekday"
                >${formatters.weekdayShort(dayStarts[c]!)}</span
              >
              <span aria-hidden="true" class="date">${formatters.dayMonth(dayStarts[c]!)}</span>
              <span id="day-${c}" class="visually-hidden">${formatters.date(dayStarts[c]!)}</span>
            </div>`,
        )}
      </div>
      ${gridBody(values)}
    </div>
    <div hidden>
      ${timeTexts([...namer.entries()])}
      ${(Object.keys(STATE_KEYS) as (keyof typeof STATE_KEYS)[]).map(
        (state) => html`<span id="st-${state}">${strings.t(STATE_KEYS[state])}</span>`,
      )}
      <span id="st-selected">${strings.t('availability_viewer.selected')}</span>
      ${counts.map(
        (n) =>
          html`<span id="free-${n}"
            >${strings.t('availability_viewer.n_of_m_free', {
              n: String(n),
              m: String(memberCount),
            })}</span
          >`,
      )}
    </div>`;
}

/** Blocks drawn over the grid; the pending block carries the Confirm button when `onConfirm` is given. */
export function gridOverlays(
  overlays: readonly GridOverlay[],
  strings: Strings,
  onConfirm: (() => void) | undefined,
): TemplateResult[] {
  return overlays.map(
    (o) =>
      html`<div
        class="overlay ${o.kind}"
        part=${o.kind === 'pending' ? 'slot' : `overlay ${o.kind}`}
        style=${cssomStyle({ 'grid-column': `${o.column + 2} / span 1`, 'grid-row': `${o.row + 2} / ${o.rowEnd + 2}` })}
      >
        ${
          o.kind === 'pending' && onConfirm
            ? html`<button type="button" class="primary" part="confirm-button" @click=${onConfirm}>
                ${strings.t('common.confirm')}
              </button>`
            : nothing
        }
      </div>`,
  );
}
