/**
 * The parts of `<rts-booking-page>` that are its own (the day, time and confirm steps come from
 * the shared step views): the link's header, the recipient fields, the success view with
 * calendar links, and the views of a link that cannot be booked.
 *
 * Contract: pure templates of already-formatted text and plain data; the element owns state,
 * focus and handlers. API text (summary, names, the organiser's message) is rendered through
 * bindings only. Step headings are focusable `h2`s. Parts: `header`, `title`, `details`,
 * `organizer-zone`, `field`, `field-error`, `success`, `booked-time`, `ics-link`,
 * `google-link`, `outlook-link`, `link-state`, `organizer-message`, `conflict`.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { RtsFieldName, RtsFieldRule, RtsLink } from '../../data/rts.js';
import type { Strings } from '../../i18n/index.js';
import { headingView } from '../shared/step-views.js';
import { FIELD_MAX_LENGTH } from './recipient-form.js';

/** What the header shows, formatted. */
export interface HeaderModel {
  summary: string;
  organizer: string;
  duration: string;
  location: string | null;
  description: string | null;
}

/** The link's summary, organiser, duration and location. */
export function headerView(s: Strings, m: HeaderModel): TemplateResult {
  return html`<header part="header" class="header">
    <h1 part="title">${m.summary}</h1>
    <p class="organizer">${s.t('rts.with_organizer', { name: m.organizer })}</p>
    <dl part="details" class="details">
      <div>
        <dt>${s.t('rts.duration')}</dt>
        <dd>${m.duration}</dd>
      </div>
      ${
        m.location
          ? html`<div>
              <dt>${s.t('rts.location')}</dt>
              <dd>${m.location}</dd>
            </div>`
          : nothing
      }
    </dl>
    ${m.description ? html`<p class="description">${m.description}</p>` : nothing}
  </header>`;
}

/** One recipient field as the form shows it. */
export interface FieldModel {
  name: RtsFieldName;
  rule: Exclude<RtsFieldRule, 'off'>;
  label: string;
  value: string;
  /** The inline error, shown once the field was left or the form submitted. */
  error: string | undefined;
}

const AUTOCOMPLETE: Record<RtsFieldName, 'name' | 'email' | 'off'> = {
  name: 'name',
  email: 'email',
  note: 'off',
};

/** The recipient fields with labels, autocomplete hints and inline errors. */
export function fieldsView(
  s: Strings,
  fields: readonly FieldModel[],
  onInput: (name: RtsFieldName, value: string) => void,
  onBlur: (name: RtsFieldName) => void,
): TemplateResult {
  return html`${fields.map((f) => {
    const id = `field-${f.name}`;
    const errorId = `${id}-error`;
    const label = html`<label for=${id}
      >${f.label}${
        f.rule === 'optional'
          ? html` <span class="optional">(${s.t('rts.optional')})</span>`
          : nothing
      }</label
    >`;
    const input = (event: Event) =>
      onInput(f.name, (event.target as HTMLInputElement | HTMLTextAreaElement).value);
    const control =
      f.name === 'note'
        ? html`<textarea
            id=${id}
            name=${f.name}
            rows="3"
            maxlength=${FIELD_MAX_LENGTH.note}
            ?required=${f.rule === 'required'}
            aria-invalid=${f.error ? 'true' : 'false'}
            aria-describedby=${f.error ? errorId : ''}
            .value=${f.value}
            @input=${input}
            @blur=${() => onBlur(f.name)}
          ></textarea>`
        : html`<input
            id=${id}
            name=${f.name}
            type=${f.name === 'email' ? 'email' : 'text'}
            autocomplete=${AUTOCOMPLETE[f.name]}
            maxlength=${FIELD_MAX_LENGTH[f.name]}
            ?required=${f.rule === 'required'}
            aria-invalid=${f.error ? 'true' : 'false'}
            aria-describedby=${f.error ? errorId : ''}
            .value=${f.value}
            @input=${input}
            @blur=${() => onBlur(f.name)}
          />`;
    return html`<div class="field" part="field">
      ${label} ${control}
      ${
        f.error
          ? html`<p id=${errorId} class="field-error" part="field-error">${f.error}</p>`
          : nothing
      }
    </div>`;
  })}`;
}

/** "That time was just taken", above the fresh times. */
export function conflictView(s: Strings): TemplateResult {
  return html`<div class="state error conflict" part="conflict">
    ${headingView(s.t('rts.conflict_heading'), 'heading conflict-heading')}
    <p>${s.t('rts.conflict_text')}</p>
  </div>`;
}

/** What the success view shows, formatted. */
export interface SuccessModel {
  /** The booked time in the recipient's zone. */
  yourTime: string;
  /** The organiser's name and the booked time in their zone. */
  organizer: string;
  organizerTime: string;
  /** Blob URL of the `.ics` file, and its file name. */
  icsUrl: string;
  icsName: string;
  googleUrl: string;
  outlookUrl: string;
  redirecting: boolean;
}

/** The booked time in both zones, the calendar file and add-to-calendar links. */
export function successView(s: Strings, m: SuccessModel): TemplateResult {
  const newTab = s.t('rts.opens_new_tab');
  return html`<div class="success" part="success">
    ${headingView(s.t('rts.success_heading'))}
    <dl class="booked" part="booked-time">
      <div>
        <dt>${s.t('rts.your_time')}</dt>
        <dd class="your-time">${m.yourTime}</dd>
      </div>
      <div>
        <dt>${s.t('rts.organizer_time', { name: m.organizer })}</dt>
        <dd class="organizer-time">${m.organizerTime}</dd>
      </div>
    </dl>
    <h3 class="calendar-links-heading">${s.t('rts.add_to_calendar')}</h3>
    <ul class="calendar-links" role="list">
      <li>
        <a part="ics-link" class="ics-link" href=${m.icsUrl} download=${m.icsName}
          >${s.t('rts.download_ics')}</a
        >
      </li>
      <li>
        <a
          part="google-link"
          class="google-link"
          href=${m.googleUrl}
          target="_blank"
          rel="noopener noreferrer"
          >${s.t('rts.google_calendar')}<span class="visually-hidden"> (${newTab})</span></a
        >
      </li>
      <li>
        <a
          part="outlook-link"
          class="outlook-link"
          href=${m.outlookUrl}
          target="_blank"
          rel="noopener noreferrer"
          >${s.t('rts.outlook_calendar')}<span class="visually-hidden"> (${newTab})</span></a
        >
      </li>
    </ul>
    ${m.redirecting ? html`<p class="redirecting">${s.t('rts.redirecting')}</p>` : nothing}
  </div>`;
}

/**
 * The heading of a view shown without the link's header (no link to name): the page's `h1`,
 * so the page is not left without a top-level heading. Focusable like the step headings.
 */
export function pageHeadingView(text: string): TemplateResult {
  return html`<h1 part="heading" class="page-heading" tabindex="-1">${text}</h1>`;
}

/**
 * A link that cannot be booked (or reached): a heading, why, and what the organiser said.
 * `withoutHeader`: no link header is shown above it, so its heading is the page's `h1`.
 */
export function linkStateView(
  state: string,
  heading: string,
  text: string,
  extra?: { label: string; message: string },
  booked?: string,
  withoutHeader = false,
): TemplateResult {
  return html`<div class="state link-state" part="link-state" data-state=${state}>
    ${withoutHeader ? pageHeadingView(heading) : headingView(heading)}
    <p>${text}</p>
    ${booked ? html`<p class="booked-time" part="booked-time">${booked}</p>` : nothing}
    ${
      extra
        ? html`<figure class="organizer-message" part="organizer-message">
            <figcaption>${extra.label}</figcaption>
            <blockquote>${extra.message}</blockquote>
          </figure>`
        : nothing
    }
  </div>`;
}

/** The heading of a closed link's view (an open link's is the completed one's). */
export function closedLinkHeading(s: Strings, link: RtsLink): string {
  if (link.status === 'disabled') return s.t('rts.disabled_heading');
  if (link.status === 'expired') return s.t('rts.expired_heading');
  return s.t('rts.completed_heading');
}

/** A completed (with its booked time), disabled (with the organiser's message) or expired link. */
export function closedLinkView(
  s: Strings,
  link: RtsLink,
  bookedTime: string | undefined,
): TemplateResult {
  if (link.status === 'disabled') {
    const message = link.display_message?.trim();
    return linkStateView(
      'disabled',
      closedLinkHeading(s, link),
      s.t('rts.disabled_text'),
      message ? { label: s.t('rts.organizer_message'), message } : undefined,
    );
  }
  if (link.status === 'expired') {
    return linkStateView('expired', closedLinkHeading(s, link), s.t('rts.expired_text'));
  }
  return linkStateView(
    'completed',
    closedLinkHeading(s, link),
    s.t('rts.completed_text'),
    undefined,
    bookedTime ? s.t('rts.booked_time', { time: bookedTime }) : undefined,
  );
}
