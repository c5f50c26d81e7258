/**
 * Styles of `<rts-booking-page>` on top of the shared base and step styles: a single column
 * from 280 px up, capped at a readable width, with stacked labelled fields and inline errors.
 */
import { css } from 'lit';

/** The booking page's own rules; theme through the `--se-*` tokens of the base styles. */
export const rtsBookingPageStyles = css`
  .page {
    display: grid;
    gap: var(--_space);
    max-width: 40rem;
    padding: var(--_space);
  }
  h1 {
    margin: 0;
    font-size: 1.375em;
    overflow-wrap: anywhere;
  }
  /* A state's heading standing in for the missing link header: sized like a step heading. */
  .page-heading {
    font-size: 1.125em;
  }
  .page-heading:focus {
    outline: none;
  }
  .page-heading:focus-visible {
    outline: 2px solid var(--_focus);
  }
  .header {
    display: grid;
    gap: calc(var(--_space) / 2);
    padding-bottom: var(--_space);
    border-bottom: 1px solid var(--_border);
  }
  .organizer,
  .description {
    margin: 0;
    overflow-wrap: anywhere;
  }
  .details,
  .booked {
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--_space) / 2) calc(var(--_space) * 2);
    margin: 0;
  }
  .details div,
  .booked div {
    display: grid;
  }
  dt {
    color: var(--_muted);
    font-size: 0.875em;
  }
  dd {
    margin: 0;
    overflow-wrap: anywhere;
  }
  .conflict h2 {
    font-size: 1em;
  }
  .confirm-form {
    display: grid;
    gap: var(--_space);
  }
  .field {
    display: grid;
    gap: 0.25rem;
  }
  .field label {
    font-weight: 600;
  }
  .optional {
    font-weight: 400;
    color: var(--_muted);
  }
  input,
  textarea {
    width: 100%;
    min-height: 2.5rem;
    padding: calc(var(--_space) * 0.75) var(--_space);
    font: inherit;
    color: inherit;
    background: var(--_bg);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
  [aria-invalid='true'] {
    border-color: var(--_error);
    border-width: 2px;
  }
  .field-error {
    margin: 0;
    color: var(--_error);
    font-size: 0.875em;
  }
  .none-suitable {
    background: transparent;
  }
  .calendar-links-heading {
    margin: var(--_space) 0 0;
    font-size: 1em;
  }
  .calendar-links {
    display: grid;
    gap: calc(var(--_space) / 2);
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .calendar-links a {
    color: var(--_accent);
  }
  .organizer-message {
    margin: 0;
  }
  .organizer-message figcaption {
    color: var(--_muted);
    font-size: 0.875em;
  }
  .organizer-message blockquote {
    margin: 0.25rem 0 0;
    padding-inline-start: var(--_space);
    border-inline-start: 3px solid var(--_border);
    white-space: pre-line;
    overflow-wrap: anywhere;
  }
  .success,
  .link-state {
    display: grid;
    gap: var(--_space);
  }
  .link-state p,
  .success p {
    margin: 0;
  }
  se-time-zone-select {
    max-width: 24rem;
  }
  @media (forced-colors: active) {
    [aria-invalid='true'] {
      border-color: Mark;
    }
  }
`;
