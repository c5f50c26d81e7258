/**
 * The state behind the month calendar step that `<slot-picker layout="calendar">` and
 * `<rts-booking-page>` share: which month is shown, which date holds the grid's tab stop, the
 * keyboard movement between dates and months, and focus after a move.
 *
 * Contract: the host hands over its days (in its zone) with `setDays` whenever they change,
 * passing the chosen day so the shown month follows it; `view` renders `calendarView` with the
 * host's strings, formatters, zone, locale week start and day labels; choosing an enabled date
 * calls the host's `onChoose(key)`. Keys move within the months that have days only. After a
 * key move, or `focusLater()`, the date holding the tab stop takes focus once the host updated.
 */
import type { ReactiveController, ReactiveControllerHost, TemplateResult } from 'lit';
import type { Formatters, Strings } from '../../i18n/index.js';
import { calendarView } from './month-calendar.js';
import { keepPagerFocus } from './pager-focus.js';
import {
  dayAfterKeyPress,
  monthOf,
  monthsWithDays,
  nextMonthWithDays,
  type PickerDay,
} from './picker-model.js';

/** A host that renders into a root the controller can query for its date buttons. */
type CalendarHost = ReactiveControllerHost & {
  readonly renderRoot: HTMLElement | DocumentFragment;
};

/** The month buttons. */
type NavButton = 'previous-month-button' | 'next-month-button';

/** What the view needs from the host at render time. */
export interface CalendarViewInput {
  strings: Strings;
  formatters: Formatters;
  zone: string;
  /** 0 = Sunday. */
  weekStart: number;
  /** The chosen day, if any. */
  selectedDay: string | undefined;
  /** Accessible names of days with times, by key. */
  dayLabels: ReadonlyMap<string, string>;
}

/** Shown month, tab stop and keyboard movement of a month calendar over a host's days. */
export class MonthCalendarController implements ReactiveController {
  /** `YYYY-MM` shown; undefined before there are days. */
  month: string | undefined;
  /** The date holding the tab stop. */
  focusDay: string | undefined;

  private days: readonly PickerDay[] = [];
  private months: string[] = [];
  private weekStart = 1;
  private focusPending = false;
  /** The month button that was focused when pressed, until the host has updated. */
  private keepNavFocus: NavButton | undefined;

  constructor(
    private readonly host: CalendarHost,
    private readonly onChoose: (key: string) => void,
  ) {
    host.addController(this);
  }

  /** Takes the host's new days; keeps the shown month valid, following `chosenDay` when set. */
  setDays(days: readonly PickerDay[], chosenDay: string | undefined): void {
    this.days = days;
    this.months = monthsWithDays(days);
    if (this.month === undefined || !this.months.includes(this.month)) {
      this.month = chosenDay ? monthOf(chosenDay) : this.months[0];
    }
    if (this.focusDay && !days.some((d) => d.key === this.focusDay)) this.focusDay = chosenDay;
  }

  /** Moves the tab stop to `key` (a chosen day) and shows its month. */
  setFocusDay(key: string): void {
    this.focusDay = key;
    this.month = monthOf(key);
  }

  /** Focuses the date holding the tab stop after the host's next update. */
  focusLater(): void {
    this.focusPending = true;
    this.host.requestUpdate();
  }

  /** The calendar for the shown month. */
  view(input: CalendarViewInput): TemplateResult {
    this.weekStart = input.weekStart;
    const month = this.month ?? this.months[0]!;
    const hasDays = this.months.includes(month);
    return calendarView(
      {
        ...input,
        month,
        focusDay: this.focusDay?.startsWith(month) ? this.focusDay : this.firstDayOf(month),
        firstMonth: this.months[0]!,
        lastMonth: this.months[this.months.length - 1]!,
        nextAvailableMonth: hasDays ? undefined : nextMonthWithDays(this.months, month),
      },
      {
        showMonth: (m) => {
          this.month = m;
          this.focusDay = this.firstDayOf(m);
          this.keepNavFocus = this.focusedNavButton();
          this.host.requestUpdate();
        },
        chooseDay: (key) => this.onChoose(key),
        onKeyDown: (e) => this.onKeyDown(e, month),
      },
    );
  }

  /** Focuses the date holding the tab stop now (from a host's `updated`). */
  focus(): void {
    const root = this.host.renderRoot;
    (
      root.querySelector<HTMLElement>(`[data-day="${this.focusDay}"]`) ??
      root.querySelector<HTMLElement>('.calendar-day[tabindex="0"]')
    )?.focus();
  }

  hostUpdated(): void {
    const nav = this.keepNavFocus;
    this.keepNavFocus = undefined;
    // At the first or last month the button pressed is disabled: focus goes to the other one
    // (or the dates).
    if (nav) {
      const other = nav === 'next-month-button' ? 'previous-month-button' : 'next-month-button';
      keepPagerFocus(this.host.renderRoot, nav, other, () => this.focus());
    }
    if (!this.focusPending) return;
    this.focusPending = false;
    this.focus();
  }

  /** The part of the month button holding focus, if one does. */
  private focusedNavButton(): NavButton | undefined {
    const root = this.host.renderRoot;
    const active =
      root instanceof ShadowRoot ? root.activeElement : root.ownerDocument?.activeElement;
    const part = active?.getAttribute('part');
    return part === 'previous-month-button' || part === 'next-month-button' ? part : undefined;
  }

  /** The month's first day with times, else its first day. */
  private firstDayOf(month: string): string {
    return this.days.find((d) => d.key.startsWith(month))?.key ?? `${month}-01`;
  }

  private onKeyDown(event: KeyboardEvent, month: string): void {
    const from = (event.target as HTMLElement).dataset.day;
    if (!from) return;
    const to = dayAfterKeyPress(from, event.key, this.weekStart);
    if (!to) return;
    event.preventDefault();
    const toMonth = monthOf(to);
    if (toMonth < this.months[0]! || toMonth > this.months[this.months.length - 1]!) return;
    if (toMonth !== month) this.month = toMonth;
    this.focusDay = to;
    this.focusLater();
  }
}
