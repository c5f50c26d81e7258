/**
 * Templates for the states every element can be in: loading skeleton, failure (with Retry where
 * retrying can help), nothing available, stale data notice, configuration error, and the line
 * naming the zone times are shown in.
 *
 * Contract: every template takes already-loaded `Strings` (or none while they load) and plain
 * data; none reads element state. Parts: `skeleton`, `error`, `retry-button`, `empty`,
 * `next-availability-button`, `stale-notice`, `config-error`, `zone`.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { SchedulingErrorKind } from '../../core/types.js';
import type { SchedulingErrorDetail } from '../../data/errors.js';
import type { Formatters, Strings } from '../../i18n/index.js';

/** An attribute whose value cannot be used, and why (developer-facing English). */
export interface ConfigProblem {
  attribute: string;
  reason: string;
}

/** Failures that asking again can cure: transient ones, not refusals or bad input. */
const RETRYABLE: ReadonlySet<SchedulingErrorKind> = new Set<SchedulingErrorKind>([
  'network',
  'server',
  'rate_limited',
  'bad_response',
  'conflict',
]);

/** Whether a Retry button can help with a failure of `kind`. */
export function isRetryable(kind: SchedulingErrorKind): boolean {
  return RETRYABLE.has(kind);
}

/** The visitor-facing sentence for a failure of `kind`. */
export function errorMessage(strings: Strings, kind: SchedulingErrorKind): string {
  return strings.t(`errors.${kind}`);
}

/** A placeholder in the final layout's shape: `rows` bars, announced as loading. */
export function skeletonView(strings: Strings | undefined, rows: number): TemplateResult {
  return html`<div class="skeleton" part="skeleton" role="status" aria-busy="true">
    <span class="visually-hidden">${strings?.t('common.loading') ?? ''}</span>
    ${Array.from({ length: rows }, () => html`<div class="skeleton-bar" aria-hidden="true"></div>`)}
  </div>`;
}

/** What went wrong, in the visitor's words, with Retry when it can help. */
export function errorView(
  strings: Strings,
  error: SchedulingErrorDetail,
  onRetry: () => void,
): TemplateResult {
  return html`<div class="state error" part="error" role="alert">
    <p>${errorMessage(strings, error.kind)}</p>
    ${
      isRetryable(error.kind)
        ? html`<button type="button" part="retry-button" @click=${onRetry}>
            ${strings.t('common.retry')}
          </button>`
        : nothing
    }
  </div>`;
}

/** Nothing bookable; with `next`, the date of the next availability and a way to go there; `hint` says more. */
export function emptyView(
  strings: Strings,
  next?: { date: string; onJump: () => void },
  hint?: string,
): TemplateResult {
  return html`<div class="state" part="empty" role="status">
    <p>${strings.t('common.no_times')}</p>
    ${hint ? html`<p>${hint}</p>` : nothing}
    ${
      next
        ? html`<p>${strings.t('common.next_availability', { date: next.date })}</p>
            <button type="button" part="next-availability-button" @click=${next.onJump}>
              ${strings.t('common.jump_to_next_availability')}
            </button>`
        : nothing
    }
  </div>`;
}

/** The notice that some members' calendars are out of date, so times may change. */
export function staleNotice(strings: Strings): TemplateResult {
  return html`<p class="notice" part="stale-notice" role="note">
    ${strings.t('common.calendars_out_of_date')}
  </p>`;
}

/** The configuration failure, naming each attribute at fault. */
export function configErrorView(
  strings: Strings,
  problems: readonly ConfigProblem[],
): TemplateResult {
  return html`<div class="state error" part="config-error" role="alert">
    <p>${strings.t('errors.config')}</p>
    ${problems.map(
      (p) =>
        html`<p>
          <code
            >${strings.t('errors.invalid_attribute', {
              attribute: p.attribute,
              reason: p.reason,
            })}</code
          >
        </p>`,
    )}
  </div>`;
}

/** "Times in Europe/Berlin (GMT+1)", with the offset the zone has at `instant`. */
export function zoneLine(
  strings: Strings,
  formatters: Formatters,
  instant: number,
): TemplateResult {
  return html`<p class="zone-line" part="zone">
    ${strings.t('common.times_in_zone', {
      zone: formatters.zone,
      offset: formatters.zoneOffset(instant),
    })}
  </p>`;
}
