/**
 * `<slot-picker>`: pick a day, then a time, then (in `confirm` mode) confirm it.
 *
 * Contract: side-effect free (registration is `define.ts`). The query comes from `.query` (an
 * object) or the `query` attribute (JSON); the picker asks for `slots` when the query names no
 * format or `periods`. Every time is shown in the resolved zone; a selection survives a new
 * query, zone or locale while the new answer still holds its slot. Events fire for user actions
 * and data outcomes only, each with its `callback` notification.
 */
import {
  html,
  nothing,
  type PropertyDeclarations,
  type PropertyValues,
  type TemplateResult,
} from 'lit';
import { AvailabilityController } from '../../controllers/availability-controller.js';
import { RovingFocusController } from '../../controllers/roving-focus.js';
import { toApiQuery } from '../../core/query.js';
import type { AvailabilityQuery, NormalisedQuery } from '../../core/types.js';
import type { AvailabilityResult } from '../../data/transport.js';
import { formatCount, labelled, type Formatters, type Strings } from '../../i18n/index.js';
import { defineElement } from '../shared/define-element.js';
import { NoSlotsFoundEvent, SlotSelectedEvent, type Slot } from '../shared/events.js';
import { SchedulingElement } from '../shared/scheduling-element.js';
import { stepStyles } from '../shared/step-styles.js';
import { baseStyles } from '../shared/styles.js';
import {
  configErrorView,
  emptyView,
  errorView,
  skeletonView,
  staleNotice,
  zoneLine,
} from '../shared/templates.js';
import {
  findTime,
  pickerDays,
  slotName,
  timeLabel,
  weekStartOf,
  type PickerDay,
  type PickerTime,
} from '../shared/picker-model.js';
import { pickerQuery } from './picker-query.js';
import { MonthCalendarController } from '../shared/month-calendar-controller.js';
import {
  backButton,
  confirmView,
  dayListView,
  headingView,
  timeListView,
  type DayItem,
} from '../shared/step-views.js';
import { slotPickerStyles } from './slot-picker.styles.js';

/** Where the visitor is in the flow. */
type Step = 'day' | 'time' | 'confirm' | 'done';

const MODES = ['confirm', 'no_confirm'] as const;
const LAYOUTS = ['list', 'calendar'] as const;
const SKELETON_ROWS = 5;

let zoneSelectLoad: Promise<void> | undefined;

/**
 * Loads and defines `<se-time-zone-select>` once, the first time a picker shows it: only pages
 * with `timezone-select` download the zone switcher. A failed load is tried again next time.
 */
function loadZoneSelect(): Promise<void> {
  return (zoneSelectLoad ??= import('../shared/time-zone-select.js').then(
    ({ TimeZoneSelect }) => defineElement('se-time-zone-select', TimeZoneSelect),
    (error: unknown) => {
      zoneSelectLoad = undefined;
      throw error;
    },
  ));
}

/**
 * Lets a visitor pick one bookable time: a day, then a time, then Confirm.
 * @summary Day → time → confirm picker over the Availability API.
 * @fires slot-selected - a slot was chosen (on Confirm in `confirm` mode); detail `{slot}`
 * @fires no-slots-found - nothing is bookable in the whole query; detail `{query}`
 * @fires scheduling-error - configuration, auth, query, rate-limit, network or server failure
 * @fires scheduling-warning - unsupported locale or unknown translation key
 * @csspart base - the whole picker
 * @csspart heading - each step's heading
 * @csspart day-list - the list of days · @csspart day - a day button
 * @csspart time-list - the list of times · @csspart time - a time button (plus `selected`)
 * @csspart summary - the chosen slot on the confirm step · @csspart selected - the chosen slot after confirming
 * @csspart confirm-button - Confirm · @csspart back-button - Back
 * @csspart calendar - the month grid · @csspart calendar-day - a date (plus `available`, `selected`)
 * @csspart previous-month-button - previous month · @csspart next-month-button - next month
 * @csspart skeleton - loading placeholder · @csspart error - failure · @csspart retry-button - Retry
 * @csspart empty - nothing available · @csspart next-availability-button - jump to availability
 * @csspart stale-notice - calendars out of date · @csspart config-error - bad attributes
 * @csspart zone - the "Times in …" line · @csspart zone-select - the zone switcher
 * @cssprop --se-color-accent - selected and primary buttons
 * @cssprop --se-color-surface - buttons and state panels
 * @cssprop --se-radius - corner radius
 * @cssprop --se-space - spacing unit
 */
export class SlotPicker extends SchedulingElement {
  static override styles = [baseStyles, stepStyles, slotPickerStyles];

  /** The reactive properties (with those of `SchedulingElement`), declared without decorators. */
  static override properties: PropertyDeclarations = {
    query: {},
    mode: {},
    layout: {},
    timezoneSelect: { type: Boolean, attribute: 'timezone-select' },
    selectedSlot: { attribute: false },
    step: { state: true, attribute: false },
    dayKeyShown: { state: true, attribute: false },
    pending: { state: true, attribute: false },
  };

  /** The availability query: an object, or JSON in the attribute. */
  query: AvailabilityQuery | string | undefined;
  /** `confirm` (Confirm after the time) or `no_confirm` (the time pick selects). */
  mode = 'confirm';
  /** `list` (days as a list) or `calendar` (a month grid). */
  layout = 'list';
  /** Show a searchable zone switcher. */
  timezoneSelect = false;
  /** The selected slot (UTC ISO instants), or undefined. */
  selectedSlot: Slot | undefined;

  protected readonly notificationName = 'Slot Picker';

  private step: Step = 'day';
  private dayKeyShown: string | undefined;
  private pending: PickerTime | undefined;

  private readonly availability = new AvailabilityController(this, {
    onResult: (result, query) => this.onResult(result, query),
    onError: (error) => this.fireError(error),
  });
  private readonly dayFocus = new RovingFocusController(this, () => this.itemsOf('.day'));
  private readonly timeFocus = new RovingFocusController(this, () => this.itemsOf('.time'));
  private readonly monthCalendar = new MonthCalendarController(this, (key) =>
    this.chooseDay(key, 0),
  );
  private parsedQuery: NormalisedQuery | undefined;
  private days: PickerDay[] = [];
  private daysFor: { result?: AvailabilityResult; zone?: string } = {};
  private dayItems: DayItem[] = [];
  private dayLabels = new Map<string, string>();
  private labelsFor: { days?: PickerDay[]; strings?: Strings; formatters?: Formatters } = {};
  private weekStart = 0;
  private focusTarget: 'heading' | 'item' | undefined;
  /** The zone switcher's load, from the first render that shows it. */
  private zoneSelectReady: Promise<void> | undefined;

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('timezoneSelect') && !this.timezoneSelect) this.zoneSelectReady = undefined;
    if (this.timezoneSelect) this.zoneSelectReady ??= this.loadZoneSelect();
    if (changed.has('query') || changed.has('demo')) this.parsedQuery = this.normalisedQuery();
    if (changed.has('mode')) this.checkChoice('mode', this.mode, MODES);
    if (changed.has('layout')) this.checkChoice('layout', this.layout, LAYOUTS);
    if (this.configProblems.length === 0 && this.parsedQuery) {
      void this.availability.request(this.activeTransport, this.parsedQuery);
    } else if (this.availability.status !== 'idle') {
      this.availability.clear();
    }
    const result = this.availability.result;
    const zoneChanged = this.daysFor.zone !== this.zone;
    if (result !== this.daysFor.result || zoneChanged) {
      this.days = result ? pickerDays(result.slots, this.zone) : [];
      this.daysFor = { result, zone: this.zone };
      this.keepValidSelection();
    }
    const labels = this.labelsFor;
    if (
      this.strings &&
      (labels.days !== this.days ||
        labels.strings !== this.strings ||
        labels.formatters !== this.formatters)
    ) {
      this.weekStart = weekStartOf(this.formatLocale);
      this.dayItems = this.days.map((d) => ({
        key: d.key,
        date: this.formatters.date(d.times[0]!.start),
        count: formatCount(this.strings!, 'slots', d.times.length),
      }));
      this.dayLabels = new Map(this.dayItems.map((d) => [d.key, `${d.date}, ${d.count}`]));
      this.labelsFor = { days: this.days, strings: this.strings, formatters: this.formatters };
    }
  }

  /** Loads the zone switcher, reporting a failed load as a network error. */
  private async loadZoneSelect(): Promise<void> {
    try {
      await loadZoneSelect();
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      this.fireError({
        kind: 'network',
        message: `The time zone switcher could not be loaded: ${reason}`,
      });
    }
  }

  /** Also waits for the zone switcher, when shown, to load and render. */
  protected override async getUpdateComplete(): Promise<boolean> {
    const complete = await super.getUpdateComplete();
    if (!this.zoneSelectReady) return complete;
    await this.zoneSelectReady;
    const zoneSelect = this.renderRoot.querySelector('se-time-zone-select');
    await (zoneSelect as { updateComplete?: Promise<unknown> } | null)?.updateComplete;
    return complete;
  }

  protected override updated(): void {
    const target = this.focusTarget;
    if (!target) return;
    this.focusTarget = undefined;
    if (target === 'heading') this.renderRoot.querySelector<HTMLElement>('h2')?.focus();
    else if (this.step === 'time') this.timeFocus.focusActive();
    else if (this.layout === 'calendar') this.monthCalendar.focus();
    else this.dayFocus.focusActive();
  }

  protected reload(): void {
    void this.availability.reload();
  }

  protected override render(): TemplateResult {
    const s = this.strings;
    const busy = this.availability.status === 'loading';
    return html`<section
      part="base"
      class="picker"
      lang=${s?.locale ?? 'en'}
      aria-busy=${busy ? 'true' : 'false'}
      @keydown=${this.onKeyDown}
    >
      <div class="visually-hidden" role="status">${this.announcement}</div>
      ${this.content()}
      ${
        // With an unusable tzid the times are in no zone: the line would name the fallback.
        s && !this.configProblems.some((p) => p.attribute === 'tzid')
          ? zoneLine(
              s,
              this.formatters,
              this.pending?.start ?? this.days[0]?.times[0]?.start ?? Date.now(),
            )
          : nothing
      }
      ${
        s && this.timezoneSelect
          ? html`<se-time-zone-select
              part="zone-select"
              .value=${this.zone}
              label=${s.t('common.time_zone')}
              placeholder=${s.t('common.search_time_zones')}
              @zone-change=${(e: CustomEvent<{ zone: string }>) => (this.tzid = e.detail.zone)}
            ></se-time-zone-select>`
          : nothing
      }
    </section>`;
  }

  private content(): TemplateResult {
    const s = this.strings;
    const { status, error, result } = this.availability;
    if (!s) return skeletonView(undefined, SKELETON_ROWS);
    const problems = this.configProblems;
    if (problems.length > 0) return configErrorView(s, problems);
    if (status === 'error' && error) return errorView(s, error, () => this.reload());
    if (!result)
      return html`${headingView(s.t('slot_picker.select_day'))}${skeletonView(s, SKELETON_ROWS)}`;
    const stale = result.stale ? staleNotice(s) : nothing;
    if (this.days.length === 0) return html`${stale}${emptyView(s)}`;
    const refreshing = this.availability.refreshing
      ? html`<p class="refreshing">${s.t('common.refreshing')}</p>`
      : nothing;
    return html`${stale}${refreshing}${this.stepView()}`;
  }

  private stepView(): TemplateResult {
    const s = this.strings!;
    const f = this.formatters;
    const day = this.days.find((d) => d.key === this.dayKeyShown);
    if (this.step === 'day' || !day) {
      return html`${headingView(s.t('slot_picker.select_day'))}${
        this.layout === 'calendar'
          ? this.calendar()
          : dayListView(
              this.dayItems,
              this.dayFocus.tabIndexFor,
              this.dayFocus.onKeyDown,
              (key, i) => this.chooseDay(key, i),
            )
      }`;
    }
    const back = backButton(s.t('slot_picker.back'), this.back);
    if (this.step === 'time') {
      const times = day.times.map((time) => ({
        label: timeLabel(f, time),
        name: slotName(f, time),
        selected: this.isSelected(time),
      }));
      return html`${headingView(s.t('slot_picker.select_time'))}
        <p class="day-label">${f.date(day.times[0]!.start)}</p>
        ${timeListView(times, this.timeFocus.tabIndexFor, this.timeFocus.onKeyDown, (i) => this.chooseTime(day.times[i]!, i))}
        <div class="actions">${back}</div>`;
    }
    const name = slotName(f, this.pending!);
    if (this.step === 'confirm') {
      const texts = {
        heading: s.t('slot_picker.confirm_heading'),
        confirm: s.t('slot_picker.confirm'),
        back: s.t('slot_picker.back'),
        locale: s.locale,
      };
      return confirmView(texts, name, this.back, this.confirm);
    }
    return html`${headingView(s.t('slot_picker.selected_slot', { slot: name }), 'selected')}
      <div class="actions">${back}</div>`;
  }

  private calendar(): TemplateResult {
    return this.monthCalendar.view({
      strings: this.strings!,
      formatters: this.formatters,
      zone: this.zone,
      weekStart: this.weekStart,
      selectedDay: this.dayKeyShown,
      dayLabels: this.dayLabels,
    });
  }

  private itemsOf(selector: string): HTMLElement[] {
    return [...this.renderRoot.querySelectorAll<HTMLElement>(selector)];
  }

  private chooseDay(key: string, index: number): void {
    const day = this.days.find((d) => d.key === key);
    if (!day) return;
    this.dayFocus.setActive(index);
    this.dayKeyShown = key;
    this.monthCalendar.setFocusDay(key);
    this.step = 'time';
    const pendingIndex = this.pending ? day.times.indexOf(this.pending) : -1;
    this.timeFocus.setActive(Math.max(0, pendingIndex));
    this.focusTarget = 'item';
    this.announce(
      labelled(
        this.strings!.locale,
        this.strings!.t('slot_picker.select_time'),
        this.formatters.date(day.times[0]!.start),
      ),
    );
  }

  private chooseTime(time: PickerTime, index: number): void {
    this.timeFocus.setActive(index);
    this.pending = time;
    if (this.mode === 'no_confirm') {
      this.select(time);
      return;
    }
    this.step = 'confirm';
    this.focusTarget = 'heading';
    this.announce(
      labelled(
        this.strings!.locale,
        this.strings!.t('slot_picker.confirm_heading'),
        slotName(this.formatters, time),
      ),
    );
  }

  private readonly confirm = (): void => {
    if (!this.pending) return;
    this.select(this.pending);
    this.step = 'done';
    this.focusTarget = 'heading';
  };

  private select(time: PickerTime): void {
    const slot: Slot = {
      ...time.slot,
      participants: time.slot.participants.map((p) => ({ ...p })),
      available: true,
    };
    this.selectedSlot = slot;
    this.announce(
      this.strings!.t('slot_picker.selected_slot', { slot: slotName(this.formatters, time) }),
    );
    this.fireEvent(new SlotSelectedEvent({ slot }), {
      notification: { type: 'slot_selected', slot },
    });
  }

  private readonly back = (): void => {
    const s = this.strings!;
    if (this.step === 'time') {
      this.step = 'day';
      this.announce(s.t('slot_picker.select_day'));
    } else if (this.step === 'confirm' || this.step === 'done') {
      this.step = 'time';
      this.announce(s.t('slot_picker.select_time'));
    } else {
      return;
    }
    this.focusTarget = 'item';
  };

  private readonly onKeyDown = (event: KeyboardEvent): void => {
    if (event.key !== 'Escape' || event.defaultPrevented || this.step === 'day') return;
    event.preventDefault();
    this.back();
  };

  private onResult(result: AvailabilityResult, query: NormalisedQuery): void {
    if (result.slots.length > 0) return;
    const wire = toApiQuery(query);
    this.fireEvent(new NoSlotsFoundEvent({ query: wire }), {
      notification: { type: 'no_slots_found', query: wire },
    });
  }

  /** Drops what the new days no longer hold; re-anchors what they do in the current zone. */
  private keepValidSelection(): void {
    const selected = this.selectedSlot;
    if (selected && !findTime(this.days, Date.parse(selected.start), Date.parse(selected.end))) {
      this.selectedSlot = undefined;
    }
    const found = this.pending && findTime(this.days, this.pending.start, this.pending.end);
    this.pending = found ? found.time : undefined;
    if (found) this.dayKeyShown = found.day.key;
    else if (this.step === 'confirm' || this.step === 'done') this.step = 'time';
    if (!this.days.some((d) => d.key === this.dayKeyShown)) {
      this.dayKeyShown = undefined;
      this.step = 'day';
    }
    this.monthCalendar.setDays(this.days, this.dayKeyShown);
  }

  private isSelected(time: PickerTime): boolean {
    const s = this.selectedSlot;
    return s !== undefined && Date.parse(s.start) === time.start && Date.parse(s.end) === time.end;
  }

  private checkChoice(attribute: string, value: string, allowed: readonly string[]): void {
    this.setConfigProblem(
      attribute,
      allowed.includes(value)
        ? undefined
        : `"${value}" is not one of ${allowed.map((v) => `"${v}"`).join(', ')}.`,
    );
  }

  /** The validated query, recording a configuration problem when there is none. */
  private normalisedQuery(): NormalisedQuery | undefined {
    const result = pickerQuery(this.query, this.demo, Date.now());
    this.setConfigProblem('query', 'problem' in result ? result.problem : undefined);
    return 'query' in result ? result.query : undefined;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'slot-picker': SlotPicker;
  }
}
