/**
 * The day, time and confirm steps shared by `<slot-picker>` and `<rts-booking-page>` as pure
 * templates: the days, a day's times, the confirm step and the confirmed slot.
 *
 * Contract: every label arrives formatted (dates, ranges and counts in the element's locale and
 * zone); the element owns state, focus and handlers. Lists keep one tab stop through the
 * `tabIndexFor` they are given. Parts: `day-list`, `day`, `time-list`, `time` (plus
 * `selected`), `summary`, `confirm-button`, `back-button`, `heading`, `selected`, `form`.
 */
import { html, type TemplateResult } from 'lit';
import { labelled } from '../../i18n/format.js';

/** A day as listed: its full date and how many times it has. */
export interface DayItem {
  key: string;
  date: string;
  count: string;
}

/** A time as listed: the range shown and the full accessible name. */
export interface TimeItem {
  label: string;
  name: string;
  selected: boolean;
}

/** A step heading that can take focus on a step change. */
export function headingView(text: string, part = 'heading'): TemplateResult {
  return html`<h2 part=${part} tabindex="-1">${text}</h2>`;
}

/** Back to the previous step; disabled while the step's request is in flight. */
export function backButton(text: string, onBack: () => void, disabled = false): TemplateResult {
  return html`<button type="button" part="back-button" ?disabled=${disabled} @click=${onBack}>
    ${text}
  </button>`;
}

/** The days with times, one tab stop, each a button with its date and count. */
export function dayListView(
  days: readonly DayItem[],
  tabIndexFor: (index: number, count: number) => number,
  onKeyDown: (event: KeyboardEvent) => void,
  onChoose: (key: string, index: number) => void,
): TemplateResult {
  return html`<ul class="days" part="day-list" role="list" @keydown=${onKeyDown}>
    ${days.map(
      (day, i) =>
        html`<li>
          <button
            type="button"
            class="day"
            part="day"
            tabindex=${tabIndexFor(i, days.length)}
            @click=${() => onChoose(day.key, i)}
          >
            <span class="day-date">${day.date}</span>
            <span class="day-count">${day.count}</span>
          </button>
        </li>`,
    )}
  </ul>`;
}

/** A day's times, one tab stop, the chosen one pressed. */
export function timeListView(
  times: readonly TimeItem[],
  tabIndexFor: (index: number, count: number) => number,
  onKeyDown: (event: KeyboardEvent) => void,
  onChoose: (index: number) => void,
): TemplateResult {
  return html`<ul class="times" part="time-list" role="list" @keydown=${onKeyDown}>
    ${times.map(
      (time, i) =>
        html`<li>
          <button
            type="button"
            class="time"
            part=${time.selected ? 'time selected' : 'time'}
            tabindex=${tabIndexFor(i, times.length)}
            aria-pressed=${time.selected ? 'true' : 'false'}
            aria-label=${time.name}
            @click=${() => onChoose(i)}
          >
            ${time.label}
          </button>
        </li>`,
    )}
  </ul>`;
}

/** Inputs the confirm step asks for, rendered between the summary and the buttons. */
export interface ConfirmForm {
  /** The fields (labels, inputs, inline errors), already bound by the element. */
  fields: TemplateResult;
  /** Whether the confirmation is being sent: Confirm is disabled meanwhile. */
  busy: boolean;
}

/**
 * The chosen slot with Back and Confirm; Confirm's name repeats the slot. With `form`, the step
 * is a `<form>` holding the fields, and Confirm submits it (Enter in a field confirms too).
 */
export function confirmView(
  texts: { heading: string; confirm: string; back: string; locale: string },
  slotName: string,
  onBack: () => void,
  onConfirm: () => void,
  form?: ConfirmForm,
): TemplateResult {
  const confirmButton = html`<button
    type=${form ? 'submit' : 'button'}
    class="primary"
    part="confirm-button"
    aria-label=${labelled(texts.locale, texts.confirm, slotName)}
    ?disabled=${form?.busy ?? false}
    @click=${form ? undefined : onConfirm}
  >
    ${texts.confirm}
  </button>`;
  const actions = html`<div class="actions">
    ${backButton(texts.back, onBack, form?.busy)} ${confirmButton}
  </div>`;
  if (!form) {
    return html`${headingView(texts.heading)}
      <p class="summary" part="summary">${slotName}</p>
      ${actions}`;
  }
  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    onConfirm();
  };
  return html`${headingView(texts.heading)}
    <form class="confirm-form" part="form" novalidate @submit=${submit}>
      <p class="summary" part="summary">${slotName}</p>
      ${form.fields} ${actions}
    </form>`;
}
