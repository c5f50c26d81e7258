/**
 * Styles of the day, time and confirm steps shared by `<slot-picker>` and `<rts-booking-page>`
 * on top of the shared base: fluid from 280 px up (no width cap), day and time lists that reflow
 * into columns as room allows, a month grid that shrinks, and step headings that take focus.
 */
import { css } from 'lit';

/** Rules for headings, day and time lists, the month calendar and action rows. */
export const stepStyles = css`
  h2 {
    margin: 0;
    font-size: 1.125em;
  }
  h2:focus {
    outline: none;
  }
  h2:focus-visible {
    outline: 2px solid var(--_focus);
  }
  .day-label,
  .summary,
  .refreshing {
    margin: 0;
  }
  .refreshing {
    color: var(--_muted);
    font-size: 0.875em;
  }
  ul {
    display: grid;
    gap: var(--_space);
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .days {
    grid-template-columns: repeat(auto-fill, minmax(min(100%, 14rem), 1fr));
  }
  .times {
    grid-template-columns: repeat(auto-fill, minmax(min(100%, 9rem), 1fr));
  }
  .day,
  .time {
    width: 100%;
    text-align: start;
  }
  .day {
    display: grid;
    gap: 0.125rem;
  }
  .day-count {
    color: var(--_muted);
    font-size: 0.875em;
  }
  .time[aria-pressed='true'] {
    background: var(--_accent);
    border-color: var(--_accent);
    color: var(--_accent-text);
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space);
  }
  .month-nav {
    display: flex;
    align-items: center;
    justify-content: space-between;
    gap: var(--_space);
  }
  .month-label {
    margin: 0;
    font-size: 1em;
  }
  .month-nav button {
    min-width: 2.5rem;
  }
  .calendar {
    width: 100%;
    border-collapse: collapse;
    table-layout: fixed;
  }
  .calendar th {
    padding: 0.25rem 0;
    font-size: 0.8125em;
    font-weight: 500;
    color: var(--_muted);
  }
  .calendar td {
    padding: 1px;
    text-align: center;
  }
  .calendar-day {
    width: 100%;
    min-height: 2.25rem;
    padding: 0;
    border-color: transparent;
    background: transparent;
  }
  .calendar-day[aria-disabled='false'] {
    border-color: var(--_border);
    background: var(--_surface);
    font-weight: 600;
  }
  .calendar-day[aria-disabled='true'] {
    cursor: default;
    color: var(--_muted);
  }
  .calendar-day[aria-pressed='true'] {
    background: var(--_accent);
    border-color: var(--_accent);
    color: var(--_accent-text);
  }
  @media (forced-colors: active) {
    .calendar-day[aria-disabled='true'] {
      color: GrayText;
    }
  }
`;
