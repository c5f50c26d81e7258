/**
 * The week grid's template: an ARIA grid of day columns and time rows, laid out with CSS grid.
 *
 * Contract: `gridView` reads only the `GridView` it is given. Cells carry `data-c`/`data-r`
 * (column and row index) for the element's delegated handlers and one `tabindex="0"` (the
 * roving tab stop). Each cell's accessible name is composed with `aria-labelledby` from shared
 * hidden texts (full date, time range with zone offset, state, "N of M free"), so a page costs
 * one formatted time range per distinct row rather than one per cell. Overlays (hover/focus
 * preview, the picked block with its Confirm button) sit outside the ARIA grid and are placed on
 * the same CSS grid lines as the cells they cover.
 */
import { html, noChange, nothing, type TemplateResult } from 'lit';
import {
  Directive,
  directive,
  PartType,
  type AttributePart,
  type PartInfo,
} from 'lit/directive.js';
import type { GridPage, GridRow } from '../../core/grid.js';
import type { CellPosition, PageAvailability, TimedSlot } from '../../core/slots.js';
import { startOfDay } from '../../core/time.js';
import { ifDefined } from 'lit/directives/if-defined.js';
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

/** Everything the grid template needs. */
export interface GridView {
  page: GridPage;
  strings: Strings;
  formatters: Formatters;
  namer: CellNamer;
  /** Cell state, selection and shade level. */
  cell(column: number, row: number): { state: CellState; selected: boolean; level: number };
  /** Whether the cell can be picked. */
  selectable(column: number, row: number): boolean;
  tabIndexOf(position: CellPosition): 0 | -1;
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

/** Builds and caches the hidden texts cell names are composed of, for one locale, zone and duration. */
export class CellNamer {
  private texts = new Map<string, string>();
  private ids = new Map<string, string>();
  private signature = '';

  /** Clears the cache when the formatters or the block length change. */
  reset(formatters: Formatters, durationMs: number): void {
    const signature = `${formatters.locale}|${formatters.zone}|${formatters.hourCycle}|${durationMs}`;
    if (signature === this.signature) return;
    this.signature = signature;
    this.texts.clear();
    this.ids.clear();
  }

  /** The id of the hidden text naming the block from `cell` (`10:00 – 11:00 GMT+1`). */
  timeIdOf(
    cell: GridRow,
    block: TimedSlot,
    dayStart: number,
    dayOffset: string,
    formatters: Formatters,
  ): string {
    // Wall time, offset from midnight and length fix the text; days repeat, so do keys.
    const key =
      cell.status === 'nonexistent'
        ? `skip|${cell.time}`
        : `${cell.wallMinutes}|${cell.start - dayStart}|${block.end - block.start}|${dayOffset}`;
    let id = this.ids.get(key);
    if (id === undefined) {
      id = `t${this.ids.size}`;
      this.ids.set(key, id);
      this.texts.set(
        id,
        cell.status === 'nonexistent'
          ? cell.time
          : `${formatters.timeRange(block.start, block.end)} ${formatters.zoneOffset(block.start)}`,
      );
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

/** The ARIA grid (header row, then one row per time) followed by the hidden texts naming its cells. */
export function gridContent(view: GridView): TemplateResult {
  const { page, strings, formatters, namer, memberCount } = view;
  const dayStarts = page.columns.map((column) => startOfDay(column.dayKey, formatters.zone));
  const dayOffsets = dayStarts.map((start) => formatters.zoneOffset(start));
  const body = page.labels.map((label, r) => {
    const named = page.columns.find((column) => column.cells[r]!.status !== 'nonexistent');
    const time = named ? formatters.time(named.cells[r]!.start) : label.time;
    return html`<div role="row" class="row">
      <div role="rowheader" part="time-header" class="time" data-key=${label.key}>
        ${label.offsetLabel ? `${time} ${label.offsetLabel}` : time}
      </div>
      ${page.columns.map((column, c) => {
        const cell = column.cells[r]!;
        const { state, selected, level } = view.cell(c, r);
        const selectable = view.selectable(c, r);
        const mapped = view.availability?.cells[c]?.[r];
        const block = mapped?.slot ?? { start: cell.start, end: cell.end, participants: [] };
        const free = mapped?.free ?? 0;
        const labelled = [
          `day-${c}`,
          namer.timeIdOf(cell, block, dayStarts[c]!, dayOffsets[c]!, formatters),
          `st-${state}`,
          selected ? 'st-selected' : '',
          memberCount > 1 && free > 0 && free <= memberCount ? `free-${free}` : '',
        ].join(' ');
        const parts = `cell ${state}${selected ? ' selected' : ''}`;
        return html`<div
          role="gridcell"
          class=${parts}
          part=${parts}
          data-c=${c}
          data-r=${r}
          data-level=${level}
          tabindex=${view.tabIndexOf({ column: c, row: r })}
          aria-labelledby=${labelled}
          aria-selected=${ifDefined(selectable || selected ? ariaBoolean(selected) : undefined)}
          aria-disabled=${ifDefined(selectable ? undefined : 'true')}
        ></div>`;
      })}
    </div>`;
  });
  const counts = memberCount > 1 ? Array.from({ length: memberCount }, (_, i) => i + 1) : [];
  return html`<div
      role="grid"
      class="grid"
      part="grid"
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
      ${body}
    </div>
    <div hidden>
      ${[...namer.entries()].map(([id, text]) => html`<span id=${id}>${text}</span>`)}
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
        style=${cssomStyle({ 'grid-column': `${o.column + 2}`, 'grid-row': `${o.row + 2} / ${o.rowEnd + 2}` })}
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
