/**
 * The month calendar shared by `<slot-picker layout="calendar">` and `<rts-booking-page>`: a
 * grid of the month's dates with the days that have times enabled, previous/next month buttons
 * and a jump over empty months.
 *
 * Contract: a pure template of `CalendarModel` and `CalendarActions`; the element owns the
 * state (shown month, focused day) and moves focus. Dates are `YYYY-MM-DD` keys in the
 * element's zone; labels come formatted. Parts: `calendar`, `calendar-day` (plus `available`,
 * `selected`), `previous-month-button`, `next-month-button`, `next-availability-button`.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { instantOfDayMinutes } from '../../core/time.js';
import type { Formatters, Strings } from '../../i18n/index.js';
import { addMonths, monthWeeks } from './picker-model.js';

/** What the calendar shows. */
export interface CalendarModel {
  strings: Strings;
  formatters: Formatters;
  zone: string;
  /** `YYYY-MM` shown. */
  month: string;
  /** 0 = Sunday. */
  weekStart: number;
  /** The day holding the grid's tab stop. */
  focusDay: string;
  /** The chosen day, if any. */
  selectedDay: string | undefined;
  /** Accessible names of days with times, by key ("Tuesday, December 1, 2026, 5 slots"). */
  dayLabels: ReadonlyMap<string, string>;
  /** First and last months with availability. */
  firstMonth: string;
  lastMonth: string;
  /** The next month with availability after the shown one, when the shown one has none. */
  nextAvailableMonth: string | undefined;
}

/** What the calendar's controls do. */
export interface CalendarActions {
  showMonth(month: string): void;
  chooseDay(key: string): void;
  onKeyDown(event: KeyboardEvent): void;
}

/** Noon of a day in the zone: an instant certainly on that date for labels. */
function noonOf(key: string, zone: string): number {
  return instantOfDayMinutes(key, 12 * 60, zone);
}

/** The month calendar. */
export function calendarView(m: CalendarModel, a: CalendarActions): TemplateResult {
  const weeks = monthWeeks(m.month, m.weekStart);
  const hasPrev = m.month > m.firstMonth;
  const hasNext = m.month < m.lastMonth;
  const monthLabel = m.formatters.monthYear(noonOf(`${m.month}-01`, m.zone));
  return html`<div class="month-nav">
      <button
        type="button"
        part="previous-month-button"
        aria-label=${m.strings.t('slot_picker.previous_month')}
        ?disabled=${!hasPrev}
        @click=${() => a.showMonth(addMonths(m.month, -1))}
      >
        <span aria-hidden="true">‹</span>
      </button>
      <h3 id="month-label" class="month-label" aria-live="polite">${monthLabel}</h3>
      <button
        type="button"
        part="next-month-button"
        aria-label=${m.strings.t('slot_picker.next_month')}
        ?disabled=${!hasNext}
        @click=${() => a.showMonth(addMonths(m.month, 1))}
      >
        <span aria-hidden="true">›</span>
      </button>
    </div>
    <table
      role="grid"
      part="calendar"
      class="calendar"
      aria-labelledby="month-label"
      @keydown=${a.onKeyDown}
    >
      <thead>
        <tr>
          ${weeks[0]!.map((key) => {
            const noon = noonOf(key, m.zone);
            return html`<th scope="col" abbr=${m.formatters.weekdayLong(noon)}>
              ${m.formatters.weekdayShort(noon)}
            </th>`;
          })}
        </tr>
      </thead>
      <tbody>
        ${weeks.map(
          (week) =>
            html`<tr>
              ${week.map((key) => (key.startsWith(m.month) ? dayCell(m, a, key) : html`<td></td>`))}
            </tr>`,
        )}
      </tbody>
    </table>
    ${
      m.nextAvailableMonth
        ? html`<div class="state" part="empty">
            <p>${m.strings.t('common.no_times')}</p>
            <button
              type="button"
              part="next-availability-button"
              @click=${() => a.showMonth(m.nextAvailableMonth!)}
            >
              ${m.strings.t('common.jump_to_next_availability')}
            </button>
          </div>`
        : nothing
    }`;
}

function dayCell(m: CalendarModel, a: CalendarActions, key: string): TemplateResult {
  const label = m.dayLabels.get(key);
  const selected = key === m.selectedDay;
  const parts = `calendar-day${label ? ' available' : ''}${selected ? ' selected' : ''}`;
  return html`<td>
    <button
      type="button"
      part=${parts}
      class="calendar-day"
      data-day=${key}
      tabindex=${key === m.focusDay ? 0 : -1}
      aria-label=${label ?? m.formatters.date(noonOf(key, m.zone))}
      aria-disabled=${label ? 'false' : 'true'}
      aria-pressed=${selected ? 'true' : 'false'}
      @click=${() => label && a.chooseDay(key)}
    >
      ${Number(key.slice(8))}
    </button>
  </td>`;
}
