/**
 * The viewer's smaller templates: week navigation, the visible-hours controls and the N-of-M
 * legend. Each reads only its arguments.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { GridConfig, WeekPage } from '../../core/grid.js';
import { formatHHmm, startOfDay } from '../../core/time.js';
import type { Formatters, Strings } from '../../i18n/index.js';
import { shadeLevel } from './grid-view.js';

/** Previous / heading / next, the buttons disabled at the ends of the query. */
export function navTemplate(
  strings: Strings,
  formatters: Formatters,
  page: WeekPage,
  zone: string,
  onPrev: () => void,
  onNext: () => void,
): TemplateResult {
  const first = startOfDay(page.firstDay, zone);
  const heading =
    page.days.length === 1
      ? formatters.date(first)
      : strings.t('common.week_of', { date: formatters.dayMonth(first) });
  return html`<div class="nav" part="nav">
    <button type="button" part="prev-button" ?disabled=${!page.hasPrev} @click=${onPrev}>
      <span aria-hidden="true">‹</span>
      <span class="visually-hidden">${strings.t('common.previous_week')}</span>
    </button>
    <h2 part="heading">${heading}</h2>
    <button type="button" part="next-button" ?disabled=${!page.hasNext} @click=${onNext}>
      <span aria-hidden="true">›</span>
      <span class="visually-hidden">${strings.t('common.next_week')}</span>
    </button>
  </div>`;
}

/** The visible-hours choosers (`bounds-control`) and Earlier/Later (`allow-expansion`). */
export function boundsTemplate(
  strings: Strings,
  config: GridConfig,
  options: { boundsControl: boolean; allowExpansion: boolean },
  onHours: (hours: { start?: string; end?: string }) => void,
): TemplateResult | typeof nothing {
  if (!options.boundsControl && !options.allowExpansion) return nothing;
  // Whole hours, and the current bounds when they are not on the hour (09:30), so that each
  // menu shows what the grid shows.
  const hours = [
    ...new Set([
      ...Array.from({ length: 25 }, (_, h) => h * 60),
      config.startMinutes,
      config.endMinutes,
    ]),
  ].sort((a, b) => a - b);
  const option = (minutes: number, selected: number) =>
    html`<option value=${formatHHmm(minutes)} ?selected=${minutes === selected}>
      ${formatHHmm(minutes)}
    </option>`;
  const pick = (key: 'start' | 'end') => (event: Event) =>
    onHours({ [key]: (event.target as HTMLSelectElement).value });
  return html`<div class="toolbar" part="bounds">
    ${
      options.allowExpansion
        ? html`<button
            type="button"
            part="earlier-button"
            ?disabled=${config.startMinutes === 0}
            @click=${() => onHours({ start: '00:00' })}
          >
            ${strings.t('availability_viewer.earlier')}
          </button>`
        : nothing
    }
    ${
      options.boundsControl
        ? html`<label
              >${strings.t('availability_viewer.start')}
              <select part="start-select" @change=${pick('start')}>
                ${hours.filter((m) => m < config.endMinutes).map((m) => option(m, config.startMinutes))}
              </select>
            </label>
            <label
              >${strings.t('availability_viewer.end')}
              <select part="end-select" @change=${pick('end')}>
                ${hours.filter((m) => m > config.startMinutes).map((m) => option(m, config.endMinutes))}
              </select>
            </label>`
        : nothing
    }
    ${
      options.allowExpansion
        ? html`<button
            type="button"
            part="later-button"
            ?disabled=${config.endMinutes === 1440}
            @click=${() => onHours({ end: '24:00' })}
          >
            ${strings.t('availability_viewer.later')}
          </button>`
        : nothing
    }
  </div>`;
}

/** The shades of "N of M free", one entry per shade level in use. */
export function legendTemplate(
  strings: Strings,
  memberCount: number,
): TemplateResult | typeof nothing {
  if (memberCount < 2) return nothing;
  const entries = new Map<number, number>();
  for (let n = 1; n <= memberCount; n++) entries.set(shadeLevel(n, memberCount), n);
  return html`<ul
    class="legend"
    part="legend"
    aria-label=${strings.t('availability_viewer.legend')}
  >
    ${[...entries].map(
      ([level, n]) =>
        html`<li>
          <span class="swatch cell available" data-level=${level} aria-hidden="true"></span>
          ${strings.t('availability_viewer.n_of_m_free', { n: String(n), m: String(memberCount) })}
        </li>`,
    )}
  </ul>`;
}
