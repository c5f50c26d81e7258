/**
 * `<availability-viewer>`: a week grid (days as columns, wall-clock rows in the element's zone)
 * coloured by availability, in the modes `confirm`, `no_confirm`, `multi_select` and
 * `free_select`. Side-effect free: `define.ts` registers the tag.
 *
 * Contract: attributes are validated in `willUpdate` (a bad one becomes a configuration error
 * naming it); the shown page, its grid and its cells' availability are derived there from
 * (query, zone, hours, interval, columns, anchor day, page data); true state is the anchor day,
 * the selection, the free-select periods and the pending pick. Events fire for user actions
 * and data outcomes only, each with its `callback` notification.
 */
import {
  html,
  nothing,
  type PropertyDeclarations,
  type PropertyValues,
  type TemplateResult,
} from 'lit';
import { guard } from 'lit/directives/guard.js';
import {
  gridConfig,
  gridPage,
  weekStartIndex,
  type GridConfig,
  type GridPage,
  type WeekPage,
} from '../../core/grid.js';
import { normalisedIntervals } from '../../core/intervals.js';
import { parseQuery, parseQueryJson, toApiQuery } from '../../core/query.js';
import {
  isCovered,
  memberCountOf,
  pageAvailability,
  paintedIntervals,
  paintedPeriods,
  rowEndOf,
  stillValidSelection,
  timedSlotsOf,
  toggledSelection,
  unavailableBlockAt,
  visibleWindows,
  type CellPosition,
  type PageAvailability,
  type TimedSlot,
} from '../../core/slots.js';
import { dayKey, isDayKey, startOfDay } from '../../core/time.js';
import type {
  ApiAvailableSlot,
  AvailabilityQuery,
  Interval,
  NormalisedQuery,
  WeekDayName,
} from '../../core/types.js';
import { nextFocusedCell } from '../../controllers/grid-keys.js';
import { RovingGridController } from '../../controllers/roving-grid.js';
import { defaultDemoQuery } from '../../data/demo-query.js';
import type { AvailabilityResult } from '../../data/transport.js';
import { isoFromInstant } from '../../data/validate.js';
import { formatCount } from '../../i18n/index.js';
import {
  NoSlotsFoundEvent,
  SelectionChangeEvent,
  SlotSelectedEvent,
  WeekChangeEvent,
  type Slot,
} from '../shared/events.js';
import type { Notification } from '../shared/notifications.js';
import { keepPagerFocus } from '../shared/pager-focus.js';
import { SchedulingElement } from '../shared/scheduling-element.js';
import {
  configErrorView,
  emptyView,
  errorView,
  skeletonView,
  staleNotice,
  zoneLine,
} from '../shared/templates.js';
import { viewerStyles } from './availability-viewer.styles.js';
import {
  CellNamer,
  cssomStyle,
  gridContent,
  gridReleased,
  gridOverlays,
  shadeLevel,
  type GridCellView,
  type GridOverlay,
} from './grid-view.js';
import { PageDataController, type PageQuery } from './page-data-controller.js';
import {
  columnsForWidth,
  dayPages,
  lookAheadQueryFor,
  visibleLookAheads,
  pageIndexFor,
  pageQueryFor,
  queryDays,
  timedSlotOf,
  windowsOfDays,
  wireSlot,
} from './viewer-model.js';
import { boundsTemplate, legendTemplate, navTemplate } from './viewer-parts.js';

/** How picking works. */
export type ViewerMode = 'confirm' | 'no_confirm' | 'multi_select' | 'free_select';
const MODES: readonly ViewerMode[] = ['confirm', 'no_confirm', 'multi_select', 'free_select'];

/**
 * A whole-number attribute: decimal digits only (`1e1`, `0x1E` or `abc` read as NaN, which the
 * element reports as invalid); absent is undefined.
 */
const wholeNumberAttribute = {
  fromAttribute: (value: string | null): number | undefined =>
    value === null ? undefined : /^\s*[+-]?\d+\s*$/.test(value) ? Number(value) : Number.NaN,
};
const keyOf = (slot: Interval) => `${slot.start}:${slot.end}`;
/** Each answer's slots in epoch ms, converted once: cached pages are shown again and again. */
const timedSlotsCache = new WeakMap<readonly ApiAvailableSlot[], readonly TimedSlot[]>();
function timedSlotsOfAnswer(slots: readonly ApiAvailableSlot[]): readonly TimedSlot[] {
  let timed = timedSlotsCache.get(slots);
  if (!timed) {
    timed = timedSlotsOf(slots);
    timedSlotsCache.set(slots, timed);
  }
  return timed;
}

/**
 * A week grid of availability with keyboard, touch and mouse selection. Time rows come in groups
 * that the browser renders only near the scroll position; a new grid's first frame draws the
 * rows in view, and `updateComplete` resolves once every row is live.
 * @summary Week grid of availability; confirm, no_confirm, multi_select and free_select modes.
 * @fires slot-selected - a slot was chosen (on Confirm in `confirm` mode)
 * @fires selection-change - the multi or free selection changed
 * @fires week-change - another week (page of days) is shown
 * @fires no-slots-found - nothing is bookable in the whole query range
 * @csspart grid - the ARIA grid
 * @csspart day-header - a day's column header
 * @csspart time-header - a row's time
 * @csspart cell - every cell, with state parts `available`, `unavailable`, `skipped`, `loading`, `free`, `busy`, `selected`
 * @csspart slot - the picked block in `confirm` mode
 * @csspart confirm-button - its Confirm button
 * @csspart prev-button - previous week
 * @csspart next-button - next week
 * @csspart legend - the N-of-M shade legend
 * @cssprop --se-color-available - available cells
 * @cssprop --se-color-available-strong - the darkest N-of-M shade
 * @cssprop --se-color-unavailable - unavailable cells
 * @cssprop --se-color-selected - selected cells and blocks
 * @cssprop --se-grid-max-height - the grid scrolls beyond this height
 */
export class AvailabilityViewer extends SchedulingElement {
  static override styles = [...SchedulingElement.styles, viewerStyles];
  protected readonly notificationName = 'Availability Viewer';

  /** The reactive properties (with those of `SchedulingElement`), declared without decorators. */
  static override properties: PropertyDeclarations = {
    query: { converter: { fromAttribute: (value: string | null) => value ?? undefined } },
    mode: { reflect: true },
    slotSelection: { attribute: 'slot-selection', reflect: true },
    startTime: { attribute: 'start-time' },
    endTime: { attribute: 'end-time' },
    interval: { converter: wholeNumberAttribute },
    weekStartDay: { attribute: 'week-start-day' },
    maxSelectionCount: { attribute: 'max-selection-count', converter: wholeNumberAttribute },
    allowExpansion: { attribute: 'allow-expansion', type: Boolean },
    boundsControl: { attribute: 'bounds-control', type: Boolean },
    days: { converter: wholeNumberAttribute },
    selectedSlots: { attribute: false },
    anchorDay: { state: true, attribute: false },
    autoColumns: { state: true, attribute: false },
    pending: { state: true, attribute: false },
    hover: { state: true, attribute: false },
    hours: { state: true, attribute: false },
    freePeriods: { state: true, attribute: false },
    drag: { state: true, attribute: false },
    notice: { state: true, attribute: false },
    empty: { state: true, attribute: false },
  };

  /** The availability query: a property, or JSON in the attribute. */
  query: AvailabilityQuery | string | undefined;
  /** `confirm`, `no_confirm`, `multi_select` or `free_select`. */
  mode: ViewerMode = 'confirm';
  /** `available` (only free cells can be picked) or `unrestricted` (any cell, marked as unavailable). */
  slotSelection: 'available' | 'unrestricted' = 'available';
  /** First visible time, `HH:mm`. */
  startTime = '09:00';
  /** End of the visible times, `HH:mm`; `00:00` or `24:00` is midnight. */
  endTime = '17:00';
  /** Minutes per row. */
  interval = 15;
  /** The day weeks start on, `sunday`..`saturday`. */
  weekStartDay = 'sunday';
  /** Most slots `multi_select` allows. */
  maxSelectionCount: number | undefined;
  /** Offer "Earlier" and "Later" to stretch the hours to 00:00-24:00. */
  allowExpansion = false;
  /** Offer a choice of the visible hours. */
  boundsControl = false;
  /** Day columns per page (1-7); by default 7, 3 or 1 as the element's width allows. */
  days: number | undefined;
  /**
   * The selected slots (UTC ISO instants); kept across refreshes while still available. In
   * `free_select` mode, the painted free periods (setting it paints them).
   */
  selectedSlots: Slot[] = [];

  private anchorDay: string | undefined;
  private autoColumns: 1 | 3 | 7 = 7;
  private pending: TimedSlot | undefined;
  private hover: CellPosition | undefined;
  private hours: { start?: string; end?: string } = {};
  private freePeriods: Interval[] = [];
  private drag:
    | { anchor: CellPosition; to: CellPosition; paint: 'free' | 'busy'; base: Interval[] }
    | undefined;
  private notice = '';
  /** What the look-ahead found after an empty page: `outside`, free time only outside the visible hours. */
  private empty: { status: 'checking' | 'found' | 'outside' | 'none'; at?: number } | undefined;

  private readonly data = new PageDataController(this, {
    onResult: (result, page) => this.onResult(result.slots.length, page),
    onError: (error) => this.fireError(error),
  });
  private readonly roving = new RovingGridController(this, {
    cellAt: ({ column, row }) =>
      this.renderRoot.querySelector<HTMLElement>(`[data-c="${column}"][data-r="${row}"]`),
    positionOf: (element) => this.positionOf(element),
  });
  private readonly namer = new CellNamer();
  /** Grid pages seen lately, by their key: weeks visited again are not rebuilt. */
  private readonly gridPages = new Map<string, GridPage>();
  /** Each answer's cells mapped onto the grid it was shown on, so a week seen again maps nothing. */
  private mappings = new WeakMap<
    object,
    { grid: GridPage; duration: number; availability: PageAvailability }
  >();
  private memberCount = 0;
  /** The query last parsed and its outcome. */
  private parsed:
    | {
        source: AvailabilityQuery | string | undefined;
        result: ReturnType<typeof parseQuery> | undefined;
      }
    | undefined;
  /** Page requests by page key, for one parsed query. */
  private pageQueries: { query?: NormalisedQuery; byKey: Map<string, PageQuery> } = {
    byKey: new Map(),
  };
  /** This update leaves the grid out, waiting for the first answer. */
  private waiting = false;
  /**
   * Before the first grid is drawn, the page's answer may still arrive in this task (a cached
   * or instant transport answers in microtasks): the grid waits for it rather than drawing 672
   * loading cells that the data replaces in the same frame. The wait ends at the next frame or
   * task at the latest, when the loading grid is drawn as before.
   */
  private firstGrid:
    | { state: 'waiting'; released: Promise<void>; release: (update: boolean) => void }
    | { state: 'drawn' }
    | undefined;
  private readonly resizeObserver = new ResizeObserver(([entry]) => {
    const columns = entry ? columnsForWidth(entry.contentRect.width) : this.autoColumns;
    // Re-rendering inside the observer's callback would resize within the same frame.
    if (columns !== this.autoColumns) requestAnimationFrame(() => (this.autoColumns = columns));
  });
  private normalised: NormalisedQuery | undefined;
  private config: GridConfig | undefined;
  private pages: WeekPage[] = [];
  private page: WeekPage | undefined;
  private grid: GridPage | undefined;
  private gridKey = '';
  private availability: PageAvailability | undefined;
  private mappedResult: unknown;
  /** The grid `availability` was mapped onto: a new grid (other hours or interval) maps again. */
  private mappedGrid: GridPage | undefined;
  private selection: TimedSlot[] = [];
  private selectedKeys = new Set<string>();
  private shownDates = '';
  private reportedNoSlots = '';
  private pageKey = '';
  private keyAnchor: { anchor: CellPosition; paint: 'free' | 'busy'; base: Interval[] } | undefined;

  /** Shows the next page; false at the last. */
  next(): boolean {
    return this.showPage(this.pageIndex() + 1);
  }

  /** Shows the previous page; false at the first. */
  prev(): boolean {
    return this.showPage(this.pageIndex() - 1);
  }

  /**
   * Shows the page holding `date` (a `Date`, epoch ms, or `YYYY-MM-DD` in the element's zone);
   * true when that page is shown (also when it already was), false when the date lies outside
   * the query or is not a date.
   */
  goTo(date: Date | number | string): boolean {
    let day: string;
    if (typeof date === 'string' && isDayKey(date)) day = date;
    else {
      const instant = new Date(date).getTime();
      if (!Number.isFinite(instant)) return false;
      try {
        day = dayKey(instant, this.zone);
      } catch {
        return false; // Beyond the years a calendar date can be shown for.
      }
    }
    const inside =
      this.pages.length > 0 &&
      day >= this.pages[0]!.firstDay &&
      day <= this.pages[this.pages.length - 1]!.lastDay;
    if (!inside) return false;
    this.showPage(pageIndexFor(this.pages, day));
    return true;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.resizeObserver.observe(this);
    // The first page already has as many days as the width allows: no week-change for a
    // 7-day page that a narrow element would replace a frame later.
    if (this.days === undefined && !this.hasUpdated) {
      const width = this.getBoundingClientRect().width;
      if (width > 0) this.autoColumns = columnsForWidth(width);
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.resizeObserver.disconnect();
    if (this.firstGrid?.state === 'waiting') this.firstGrid.release(false);
  }

  /** Also waits while the first grid waits for its answer (until it is drawn, with data or loading), and until a new grid renders every row. */
  protected override async getUpdateComplete(): Promise<boolean> {
    let complete = await super.getUpdateComplete();
    while (this.firstGrid?.state === 'waiting') {
      await this.firstGrid.released;
      complete = await super.getUpdateComplete();
    }
    // A new grid renders the rows in view first and the rest just after its first paint.
    await gridReleased(this.renderRoot.querySelector('[role="grid"]'));
    return complete;
  }

  /** Whether this update leaves the grid out to wait for the first answer; starts or ends the wait. */
  private waitsForFirstAnswer(): boolean {
    const loading =
      this.grid !== undefined &&
      this.availability === undefined &&
      this.data.status === 'loading' &&
      this.mode !== 'free_select';
    const first = this.firstGrid;
    if (loading && first === undefined) {
      let resolve!: () => void;
      const released = new Promise<void>((r) => (resolve = r));
      const frame = requestAnimationFrame(() => release(true));
      const timer = setTimeout(() => release(true), 0);
      const release = (update: boolean) => {
        cancelAnimationFrame(frame);
        clearTimeout(timer);
        if (this.firstGrid?.state !== 'waiting') return;
        this.firstGrid = { state: 'drawn' };
        resolve();
        if (update) this.requestUpdate();
      };
      this.firstGrid = { state: 'waiting', released, release };
      return true;
    }
    if (first?.state === 'waiting') {
      if (loading) return true;
      first.release(false);
    } else if (this.grid && first === undefined && this.data.status !== 'idle') {
      this.firstGrid = { state: 'drawn' };
    }
    return false;
  }

  protected reload(): void {
    this.data.refresh();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    // New start-time or end-time attributes win over hours the visitor chose in the menus.
    if (changed.has('startTime') && this.hours.start !== undefined) {
      this.hours = { ...this.hours, start: undefined };
    }
    if (changed.has('endTime') && this.hours.end !== undefined) {
      this.hours = { ...this.hours, end: undefined };
    }
    if (changed.has('selectedSlots')) this.readSelection();
    const structural = [
      'query',
      'mode',
      'slotSelection',
      'startTime',
      'endTime',
      'interval',
      'weekStartDay',
      'maxSelectionCount',
      'days',
      'tzid',
      'hours',
      'autoColumns',
      'anchorDay',
      'transport',
      'demo',
      'apiBase',
      'token',
    ];
    if (changed.has('query') || changed.has('demo')) this.parsed = undefined;
    if (structural.some((key) => (changed as Map<PropertyKey, unknown>).has(key))) this.derive();
    const result = this.grid && this.data.status === 'ready' ? this.data.result : undefined;
    if (
      result !== this.mappedResult ||
      this.grid !== this.mappedGrid ||
      (changed as Map<PropertyKey, unknown>).has('anchorDay') ||
      !result
    ) {
      this.mappedResult = result;
      this.mappedGrid = this.grid;
      this.availability =
        result && this.grid && this.normalised
          ? this.mappedAvailability(result, this.grid, this.normalised.requiredDuration)
          : undefined;
    }
    this.waiting = this.waitsForFirstAnswer();
  }

  /**
   * Drops selected slots a new query no longer covers (outside its periods, or not among its
   * query slots); quietly, as the query was set from code. Painted periods stay as painted.
   */
  private keepSelectionInside(query: NormalisedQuery): void {
    if (this.mode === 'free_select' || this.selectedSlots.length === 0) return;
    const inside = (slot: TimedSlot) =>
      query.querySlots
        ? query.querySlots.includes(slot.start)
        : isCovered(query.queryPeriods, slot);
    const kept = this.selectedSlots.filter((slot) => {
      const timed = timedSlotOf(slot);
      return timed !== undefined && inside(timed);
    });
    if (kept.length === this.selectedSlots.length) return;
    this.selectedSlots = kept;
    this.readSelection();
  }

  /** The selection in epoch ms and its keys, read from `selectedSlots` (the painted periods in `free_select`). */
  private readSelection(): void {
    this.selection = this.selectedSlots
      .map(timedSlotOf)
      .filter((s): s is TimedSlot => s !== undefined);
    this.selectedKeys = new Set(this.selection.map(keyOf));
    if (this.mode === 'free_select') {
      this.freePeriods = normalisedIntervals(
        this.selection.map(({ start, end }) => ({ start, end })),
      );
    }
  }

  /** `result`'s cells on `grid`, mapped once per answer, grid and duration. */
  private mappedAvailability(
    result: AvailabilityResult,
    grid: GridPage,
    duration: number,
  ): PageAvailability {
    const known = this.mappings.get(result);
    if (known && known.grid === grid && known.duration === duration) return known.availability;
    const availability = pageAvailability(
      grid,
      timedSlotsOfAnswer(result.slots),
      result.format,
      duration,
    );
    this.mappings.set(result, { grid, duration, availability });
    return availability;
  }

  private validated(): { query?: NormalisedQuery; config?: GridConfig } {
    const problem = (attribute: string, reason: string | undefined) =>
      this.setConfigProblem(attribute, reason);
    problem(
      'mode',
      MODES.includes(this.mode) ? undefined : `"${this.mode}" is not one of ${MODES.join(', ')}`,
    );
    problem(
      'slot-selection',
      ['available', 'unrestricted'].includes(this.slotSelection)
        ? undefined
        : `"${this.slotSelection}" is not available or unrestricted`,
    );
    const max = this.maxSelectionCount;
    problem(
      'max-selection-count',
      max === undefined || (Number.isInteger(max) && max >= 1)
        ? undefined
        : 'expected a whole number of at least 1',
    );
    const days = this.days;
    problem(
      'days',
      days === undefined || (Number.isInteger(days) && days >= 1 && days <= 7)
        ? undefined
        : 'expected a whole number from 1 to 7',
    );
    let config: GridConfig | undefined;
    for (const field of ['start-time', 'end-time', 'interval', 'week-start-day'])
      problem(field, undefined);
    try {
      weekStartIndex(this.weekStartDay);
      config = gridConfig({
        startTime: this.hours.start ?? this.startTime,
        endTime: this.hours.end ?? this.endTime,
        interval: this.interval,
      });
    } catch (error) {
      const { field, message } = error as { field?: string; message: string };
      const reason = message.replace(/^[\w-]+: /, '');
      problem(
        field ?? 'start-time',
        // Name what was written when it is not a number at all.
        field === 'interval' && Number.isNaN(this.interval)
          ? reason.replace(/^the value/, JSON.stringify(this.getAttribute('interval')))
          : reason,
      );
    }
    const source =
      this.query === undefined && this.demo ? defaultDemoQuery(Date.now()) : this.query;
    // Another week, width or hours leaves the query as it was: it is parsed when it changes.
    let known = this.parsed;
    if (known === undefined || known.source !== source) {
      known = this.parsed = {
        source,
        result:
          source === undefined
            ? undefined
            : typeof source === 'string'
              ? parseQueryJson(source)
              : parseQuery(source),
      };
    }
    const parsed = known.result;
    const reason = !parsed
      ? 'a query is required (or set demo)'
      : parsed.ok
        ? undefined
        : Object.entries(parsed.errors)
            .map(([field, errors]) => `${field}: ${errors.map((e) => e.description).join(', ')}`)
            .join('; ');
    problem('query', reason);
    return { query: parsed?.ok ? parsed.query : undefined, config };
  }

  private derive(): void {
    const { query, config } = this.validated();
    if (query && query !== this.normalised) this.keepSelectionInside(query);
    this.normalised = query;
    this.config = config;
    this.memberCount = query ? memberCountOf(query) : 0;
    const range =
      query && config && this.configProblems.length === 0 ? queryDays(query, this.zone) : undefined;
    if (!query || !config || !range) {
      this.pages = [];
      this.page = this.grid = undefined;
      // The same hours and week once the problem is fixed need their grid built again.
      this.gridKey = '';
      return;
    }
    const columns = this.days ?? this.autoColumns;
    this.pages = dayPages(range.firstDay, range.lastDay, columns, this.weekStartDay as WeekDayName);
    const index = pageIndexFor(this.pages, this.anchorDay ?? range.firstDay);
    const page = (this.page = this.pages[index]!);
    const gridKey = `${this.zone}|${page.days.join()}|${config.startMinutes}|${config.endMinutes}|${config.interval}`;
    if (gridKey !== this.gridKey) {
      this.gridKey = gridKey;
      this.grid = this.gridPageFor(gridKey, page.days, config);
      this.roving.clampTo(this.grid.columns.length, this.grid.labels.length);
    }
    const pageQuery = this.pageQueryOf(gridKey, query, () => visibleWindows(this.grid!), config);
    const neighbours = [this.pages[index - 1], this.pages[index + 1]]
      .filter((p): p is WeekPage => p !== undefined)
      .map((p) =>
        this.pageQueryOf(
          `${this.zone}|${p.days.join()}|${config.startMinutes}|${config.endMinutes}|${config.interval}`,
          query,
          () => windowsOfDays(p.days, this.zone, config),
          config,
        ),
      );
    const dates = `${page.firstDay}|${page.lastDay}`;
    if (dates !== this.shownDates) {
      this.shownDates = dates;
      const detail = {
        firstDay: page.firstDay,
        lastDay: page.lastDay,
        hasPrev: page.hasPrev,
        hasNext: page.hasNext,
      };
      this.fireEvent(new WeekChangeEvent(detail), {
        notification: { type: 'displayed_dates_changed', ...detail },
      });
      if (this.strings)
        this.announce(
          this.strings.t('common.week_of', {
            date: this.formatters.date(startOfDay(page.firstDay, this.zone)),
          }),
        );
    }
    // The empty-week look-ahead belongs to the page's query: another page asking the same (a
    // narrower page whose other days lie outside the query) brings no new answer to wait for.
    if (pageQuery.key !== this.pageKey) this.empty = undefined;
    this.pageKey = pageQuery.key;
    this.data.show(this.activeTransport, pageQuery, neighbours);
  }

  /** The request of the page keyed `key` (its days, zone and hours) for `query`, cached while the query stays. */
  private pageQueryOf(
    key: string,
    query: NormalisedQuery,
    windows: () => Interval[],
    config: GridConfig,
  ): PageQuery {
    if (this.pageQueries.query !== query || this.pageQueries.byKey.size >= 32) {
      this.pageQueries = { query, byKey: new Map() };
    }
    let page = this.pageQueries.byKey.get(key);
    if (!page) {
      page = pageQueryFor(query, windows(), config.interval);
      this.pageQueries.byKey.set(key, page);
    }
    return page;
  }

  /** The grid of `days` (cached by `key`, the last few kept). */
  private gridPageFor(key: string, days: readonly string[], config: GridConfig): GridPage {
    let grid = this.gridPages.get(key);
    if (grid) {
      this.gridPages.delete(key);
    } else {
      grid = gridPage(days, this.zone, config);
      if (this.gridPages.size >= 8) this.gridPages.delete(this.gridPages.keys().next().value!);
    }
    this.gridPages.set(key, grid);
    return grid;
  }

  /** Hands `notification` to `callback` for outcomes that have no DOM event of their own. */
  private notify(notification: Notification): void {
    try {
      this.callback?.(notification);
    } catch (error) {
      console.error('Availability Viewer: the callback threw', error);
    }
  }

  private pageIndex(): number {
    return this.page ? this.pages.indexOf(this.page) : 0;
  }

  private showPage(index: number): boolean {
    const page = this.pages[index];
    if (!page || page === this.page) return false;
    this.anchorDay = page.firstDay;
    this.pending = undefined;
    this.hover = undefined;
    return true;
  }

  private onResult(count: number, page: PageQuery): void {
    this.notify(
      count > 0
        ? { notification: { type: 'visible_slots' } }
        : { notification: { type: 'no_visible_slots' } },
    );
    if (
      this.grid &&
      this.slotSelection === 'available' &&
      this.mode !== 'free_select' &&
      this.data.result
    ) {
      const kept = stillValidSelection(
        this.selection,
        timedSlotsOfAnswer(this.data.result.slots),
        visibleWindows(this.grid),
      );
      if (kept.length !== this.selection.length)
        this.selectedSlots = kept.map((s) => wireSlot(s, true));
    }
    if (count > 0 || !this.normalised || !this.grid || !this.config) return;
    const query = this.normalised;
    this.empty = { status: 'checking' };
    const ask = (window: Interval) => {
      const look = lookAheadQueryFor(query, window);
      return look ? this.data.lookAhead(look.key, look.query) : Promise.resolve(null);
    };
    // The jump goes to the first slot inside the visible hours of a later page. Failing that,
    // free time from this page's first day on lies outside the visible hours (this page's
    // hours showed none, nor did the later pages'); whether the query has any slot at all
    // (no-slots-found) is asked at any hour, earlier days included.
    const current = this.pages[this.pageIndex()];
    const pageStart = current ? startOfDay(current.firstDay, this.zone) : -Infinity;
    const laterDays = this.pages.slice(this.pageIndex() + 1).flatMap((p) => p.days);
    const looks = visibleLookAheads(query, windowsOfDays(laterDays, this.zone, this.config));
    const askVisible = async (): Promise<number | null> => {
      for (const look of looks) {
        const at = await this.data.lookAhead(look.key, look.query);
        if (at !== null) return at;
      }
      return null;
    };
    void askVisible()
      .then(async (visible) => {
        if (visible !== null) return { visible, outside: true, any: true };
        const outside = (await ask({ start: pageStart, end: Infinity })) !== null;
        const any = outside || (await ask({ start: -Infinity, end: pageStart })) !== null;
        return { visible, outside, any };
      })
      .then(({ visible, outside, any }) => {
        if (this.data.result === undefined || page.key !== this.pageKey) return;
        this.empty =
          visible !== null
            ? { status: 'found', at: visible }
            : { status: outside ? 'outside' : 'none' };
        const key = JSON.stringify(query.queryPeriods);
        if (!any && this.reportedNoSlots !== key) {
          this.reportedNoSlots = key;
          const wire = toApiQuery(query);
          this.fireEvent(new NoSlotsFoundEvent({ query: wire }), {
            notification: { type: 'no_slots_found', query: wire },
          });
        }
      })
      .catch((error: unknown) => {
        this.empty = { status: 'none' };
        console.warn('Availability Viewer: the look-ahead failed', error);
      });
  }

  private positionOf(element: Element): CellPosition | undefined {
    const c = element.getAttribute('data-c');
    const r = element.getAttribute('data-r');
    return c === null || r === null ? undefined : { column: Number(c), row: Number(r) };
  }

  /** The block a pick at `pos` selects and whether it is free, or undefined when the cell cannot be picked. */
  private blockAt(pos: CellPosition): { block: TimedSlot; available: boolean } | undefined {
    const cell = this.grid?.columns[pos.column]?.cells[pos.row];
    if (!cell || cell.end <= cell.start || !this.normalised) return undefined;
    const mapped = this.availability?.cells[pos.column]?.[pos.row];
    if (mapped?.slot) return { block: mapped.slot, available: true };
    if (this.slotSelection !== 'unrestricted' || !this.availability) return undefined;
    return { block: unavailableBlockAt(cell, this.normalised.requiredDuration), available: false };
  }

  /**
   * How each cell shows, read through one closure per render: the grid asks it for every cell,
   * so the element's state is read once, not per cell. Matches `blockAt` for what can be picked.
   */
  private cellViewer(): (c: number, r: number) => GridCellView {
    const grid = this.grid!;
    const freeSelect = this.mode === 'free_select';
    const freePeriods = this.freePeriods;
    const availability = this.availability;
    const unrestricted = this.slotSelection === 'unrestricted';
    const selectedKeys = this.selectedKeys;
    const members = this.memberCount;
    const duration = this.normalised?.requiredDuration ?? 0;
    return (c, r) => {
      const cell = grid.columns[c]!.cells[r]!;
      if (cell.end <= cell.start)
        return { state: 'skipped', selected: false, level: 0, selectable: false };
      if (freeSelect) {
        const painted = isCovered(freePeriods, cell);
        return { state: painted ? 'free' : 'busy', selected: painted, level: 0, selectable: true };
      }
      if (!availability || !this.normalised)
        return { state: 'loading', selected: false, level: 0, selectable: false };
      const mapped = availability.cells[c]![r]!;
      const selectable = mapped.slot !== undefined || unrestricted;
      // Building the key of every cell's block costs two number-to-string conversions per cell
      // on each render: skip it when nothing is selected (the usual case).
      let selected = false;
      if (selectable && selectedKeys.size > 0) {
        const block = mapped.slot ?? unavailableBlockAt(cell, duration);
        selected = selectedKeys.has(keyOf(block));
      }
      return {
        state: mapped.available ? 'available' : 'unavailable',
        selected,
        level: shadeLevel(mapped.free, members),
        selectable,
      };
    };
  }

  private cellView(c: number, r: number): GridCellView {
    return this.cellViewer()(c, r);
  }

  private activate(pos: CellPosition): void {
    if (this.mode === 'free_select') {
      const anchor = this.paintAnchor(pos);
      this.keyAnchor = anchor;
      return this.paint(pos, pos, anchor.paint, anchor.base, true);
    }
    const pick = this.blockAt(pos);
    if (!pick || !this.strings) return;
    const slot = wireSlot(pick.block, pick.available);
    if (this.mode === 'confirm') {
      this.pending =
        this.pending && keyOf(this.pending) === keyOf(pick.block) ? undefined : pick.block;
    } else if (this.mode === 'no_confirm') {
      this.selectedSlots = [slot];
      this.fireEvent(new SlotSelectedEvent({ slot }), {
        notification: { type: 'slot_selected', slot },
      });
      this.announce(this.strings.t('availability_viewer.selected'));
    } else {
      const toggle = toggledSelection(this.selection, pick.block, this.maxSelectionCount);
      this.notice = toggle.refused
        ? this.strings.t('availability_viewer.max_selection_reached')
        : '';
      if (toggle.refused) return this.announce(this.notice);
      const slots = toggle.slots.map((s) => wireSlot(s, this.availableAt(s)));
      this.selectedSlots = slots;
      const changed = toggle.added ? { added: slot } : { removed: slot };
      this.fireEvent(
        new SelectionChangeEvent({ slots, ...changed }),
        toggle.added
          ? { notification: { type: 'slot_added', slot }, slots }
          : { notification: { type: 'slot_removed', slot }, slots },
      );
      this.announce(formatCount(this.strings, 'slots_selected', slots.length));
    }
  }

  private availableAt(slot: TimedSlot): boolean {
    return slot.participants.length > 0 || this.slotSelection === 'available';
  }

  private confirm = (): void => {
    if (!this.pending) return;
    const slot = wireSlot(this.pending, this.availableAt(this.pending));
    this.selectedSlots = [slot];
    this.pending = undefined;
    this.fireEvent(new SlotSelectedEvent({ slot }), {
      notification: { type: 'slot_selected', slot },
    });
    if (this.strings) this.announce(this.strings.t('availability_viewer.selected'));
  };

  /**
   * Week paging from a nav button. The button pressed is disabled at the first or last week:
   * focus then goes to the other one rather than falling to the page.
   */
  private pageFrom(which: 'prev' | 'next'): void {
    const pressed = `${which}-button`;
    const focused = this.shadowRoot?.activeElement?.getAttribute('part') === pressed;
    if (which === 'next') this.next();
    else this.prev();
    const other = which === 'next' ? 'prev-button' : 'next-button';
    if (focused)
      void this.updateComplete.then(() => keepPagerFocus(this.renderRoot, pressed, other));
  }

  /** Paints `from`..`to` onto `base`; `commit` reports the edit. */
  private paint(
    from: CellPosition,
    to: CellPosition,
    paint: 'free' | 'busy',
    base: Interval[],
    commit: boolean,
  ): void {
    if (!this.grid) return;
    this.freePeriods = paintedPeriods(base, paintedIntervals(this.grid, from, to), paint);
    if (!commit) return;
    const periods = this.freePeriods.map((p) => ({
      start: isoFromInstant(p.start),
      end: isoFromInstant(p.end),
    }));
    const slots = this.freePeriods.map((p) => wireSlot({ ...p, participants: [] }, true));
    this.selectedSlots = slots;
    if (this.strings) this.announce(formatCount(this.strings, 'slots_selected', slots.length));
    this.dispatchEvent(new SelectionChangeEvent({ slots }));
    this.notify({ notification: { type: 'query_periods_edited', query_periods: periods } });
  }

  private onKeydown = (event: KeyboardEvent): void => {
    const pos = event.target instanceof Element ? this.positionOf(event.target) : undefined;
    if (!pos || !this.grid || !this.page) return;
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      return this.activate(pos);
    }
    if (event.key === 'Escape' && this.pending) return void (this.pending = undefined);
    const shape = {
      columns: this.grid.columns.length,
      rows: this.grid.labels.length,
      hasPrev: this.page.hasPrev,
      hasNext: this.page.hasNext,
    };
    const move = nextFocusedCell(pos, event, shape, {
      extendWithShift: this.mode === 'free_select',
    });
    if (!move) return;
    event.preventDefault();
    if (move.page !== 0) this.showPage(this.pageIndex() + move.page);
    this.roving.moveTo(move, true);
    if (move.extend) {
      this.keyAnchor ??= this.paintAnchor(pos);
      this.paint(this.keyAnchor.anchor, move, this.keyAnchor.paint, this.keyAnchor.base, true);
    } else {
      this.keyAnchor = undefined;
    }
  };

  /** Where a paint stroke starts: painting busy over free time, free over the rest. */
  private paintAnchor(pos: CellPosition): {
    anchor: CellPosition;
    paint: 'free' | 'busy';
    base: Interval[];
  } {
    const paint = this.cellView(pos.column, pos.row).selected ? 'busy' : 'free';
    return { anchor: pos, paint, base: this.freePeriods };
  }

  private onPointer = (event: PointerEvent): void => {
    const target =
      event.type === 'pointermove' && this.drag
        ? this.shadowRoot!.elementFromPoint(event.clientX, event.clientY)
        : event.target;
    const pos = target instanceof Element ? this.positionOf(target) : undefined;
    if (event.type === 'pointerleave') return void (this.hover = undefined);
    if (this.mode !== 'free_select') {
      if (event.type === 'pointerover' && event.pointerType === 'mouse') this.hover = pos;
      return;
    }
    if (
      event.type === 'pointerdown' &&
      pos &&
      event.button === 0 &&
      this.grid?.columns[pos.column]!.cells[pos.row]!.end !==
        this.grid?.columns[pos.column]!.cells[pos.row]!.start
    ) {
      event.preventDefault();
      try {
        (event.currentTarget as HTMLElement).setPointerCapture(event.pointerId);
      } catch {
        // A pointer the browser no longer tracks cannot be captured; the drag still works.
      }
      this.roving.moveTo(pos, false);
      this.drag = { ...this.paintAnchor(pos), to: pos };
    } else if (event.type === 'pointermove' && this.drag && pos) {
      this.drag = { ...this.drag, to: pos };
    } else if ((event.type === 'pointerup' || event.type === 'pointercancel') && this.drag) {
      const { anchor, to, paint, base } = this.drag;
      this.drag = undefined;
      if (event.type === 'pointerup') this.paint(anchor, to, paint, base, true);
    }
  };

  private onClick = (event: MouseEvent): void => {
    const pos = event.target instanceof Element ? this.positionOf(event.target) : undefined;
    if (pos && this.mode !== 'free_select') {
      this.roving.moveTo(pos, false);
      this.activate(pos);
    }
  };

  private overlays(): GridOverlay[] {
    const grid = this.grid!;
    const out: GridOverlay[] = [];
    // A block is drawn from the row it starts in, as availability is mapped: slots need not
    // start on a row's first instant (a zone offset of :45 puts UTC :00 slots mid-row).
    const place = (block: TimedSlot, kind: GridOverlay['kind']) => {
      grid.columns.forEach((column, c) => {
        const r = column.cells.findIndex(
          (cell) => cell.start <= block.start && block.start < cell.end,
        );
        if (r >= 0)
          out.push({ column: c, row: r, rowEnd: rowEndOf(column.cells, r, block.end), kind });
      });
    };
    if (this.mode !== 'free_select') for (const slot of this.selection) place(slot, 'selected');
    const focus = this.hover ?? (this.matches(':focus-within') ? this.roving.position : undefined);
    const preview = focus && this.mode !== 'free_select' ? this.blockAt(focus) : undefined;
    if (preview) place(preview.block, 'preview');
    if (this.pending) place(this.pending, 'pending');
    if (this.drag) {
      const [c0, c1] = [this.drag.anchor.column, this.drag.to.column].sort((a, b) => a - b) as [
        number,
        number,
      ];
      const [r0, r1] = [this.drag.anchor.row, this.drag.to.row].sort((a, b) => a - b) as [
        number,
        number,
      ];
      for (let c = c0; c <= c1; c++)
        out.push({ column: c, row: r0, rowEnd: r1 + 1, kind: 'paint' });
    }
    return out;
  }

  protected override render(): TemplateResult {
    const strings = this.strings;
    if (!strings) return skeletonView(undefined, 8);
    const live = html`<div class="visually-hidden" role="status" aria-live="polite">
      ${this.announcement}
    </div>`;
    const problems = this.configProblems;
    if (problems.length > 0 || !this.grid || !this.page)
      return html`${configErrorView(strings, problems)}${live}`;
    const grid = this.grid;
    const result = this.data.status === 'ready' ? this.data.result : undefined;
    const memberCount = memberCountOf(this.normalised!);
    const view = {
      page: grid,
      strings,
      formatters: this.formatters,
      namer: this.namer,
      memberCount,
      availability: this.availability,
      label: strings.t('common.select_time'),
      cell: this.cellViewer(),
      tabStop: this.roving.position,
    };
    this.namer.reset(this.formatters, this.normalised!.requiredDuration * 60_000);
    const deps = [
      grid,
      this.availability,
      this.selectedKeys,
      this.freePeriods,
      this.roving.position.column,
      this.roving.position.row,
      strings,
      this.formatters,
      this.mode,
      this.slotSelection,
    ];
    const jump =
      this.empty?.status === 'found'
        ? { date: this.formatters.date(this.empty.at!), onJump: () => this.goTo(this.empty!.at!) }
        : undefined;
    return html`${navTemplate(
      strings,
      this.formatters,
      this.page,
      this.zone,
      () => this.pageFrom('prev'),
      () => this.pageFrom('next'),
    )}
    ${boundsTemplate(strings, this.config!, this, (hours) => (this.hours = { ...this.hours, ...hours }))}
    ${result?.stale ? staleNotice(strings) : nothing}
    ${this.notice ? html`<p class="notice" part="notice" role="note">${this.notice}</p>` : nothing}
    ${
      this.data.status === 'error' && this.data.error
        ? errorView(strings, this.data.error, () => this.reload())
        : html`<div
            class="scroll"
            aria-busy=${this.availability ? 'false' : 'true'}
            @click=${this.onClick}
            @keydown=${this.onKeydown}
            @pointerdown=${this.onPointer}
            @pointermove=${this.onPointer}
            @pointerup=${this.onPointer}
            @pointercancel=${this.onPointer}
            @pointerover=${this.onPointer}
            @pointerleave=${this.onPointer}
            @focusin=${() => this.requestUpdate()}
            @focusout=${() => this.requestUpdate()}
          >
            <div class="board" style=${cssomStyle({ '--_columns': String(grid.columns.length) })}>
              ${this.waiting ? nothing : guard(deps, () => gridContent(view))}${gridOverlays(this.overlays(), strings, this.mode === 'confirm' ? this.confirm : undefined)}
            </div>
          </div>`
    }
    ${
      result && result.slots.length === 0 && this.empty?.status !== 'checking'
        ? html`<div class="empty-week">
            ${emptyView(
              strings,
              jump,
              this.empty?.status === 'outside'
                ? strings.t('availability_viewer.free_outside_hours')
                : undefined,
            )}
          </div>`
        : nothing
    }
    ${result?.format === 'overlapping_slots' ? legendTemplate(strings, memberCount) : nothing}
    ${zoneLine(strings, this.formatters, grid.columns[0]?.cells[0]?.start ?? 0)} ${live}`;
  }
}
