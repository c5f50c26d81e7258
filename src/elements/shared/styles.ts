/**
 * Base styles every element adopts: public `--se-*` theme tokens, each read once into a private
 * `--_*` variable on `:host` so components use only the private names; light and dark defaults
 * through `prefers-color-scheme`; system colours in `forced-colors`; visible focus everywhere.
 *
 * Contract: setting any `--se-*` property on the element (or an ancestor) wins in both colour
 * schemes; the private `--_*` names are internal and may change.
 */
import { css } from 'lit';

/**
 * Theme tokens and shared rules. Public tokens: `--se-color-accent`, `--se-color-accent-text`,
 * `--se-color-background`, `--se-color-surface`, `--se-color-text`, `--se-color-text-muted`,
 * `--se-color-border`, `--se-color-error`, `--se-color-notice`, `--se-color-focus`,
 * `--se-radius`, `--se-font-family`, `--se-font-size`, `--se-space`.
 */
export const baseStyles = css`
  :host {
    --_accent: var(--se-color-accent, #1f5fd6);
    --_accent-text: var(--se-color-accent-text, #ffffff);
    --_bg: var(--se-color-background, #ffffff);
    --_surface: var(--se-color-surface, #f2f4f7);
    --_text: var(--se-color-text, #1b1f24);
    --_muted: var(--se-color-text-muted, #545d68);
    --_border: var(--se-color-border, #c4cbd4);
    --_error: var(--se-color-error, #b42318);
    --_notice: var(--se-color-notice, #fff4d6);
    --_focus: var(--se-color-focus, #1f5fd6);
    --_radius: var(--se-radius, 6px);
    --_font: var(--se-font-family, system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif);
    --_font-size: var(--se-font-size, 1rem);
    --_space: var(--se-space, 0.5rem);
    display: block;
    box-sizing: border-box;
    min-width: 0;
    font-family: var(--_font);
    font-size: var(--_font-size);
    line-height: 1.4;
    color: var(--_text);
    background: var(--_bg);
    color-scheme: light dark;
  }
  @media (prefers-color-scheme: dark) {
    :host {
      --_accent: var(--se-color-accent, #8ab4ff);
      --_accent-text: var(--se-color-accent-text, #0b1526);
      --_bg: var(--se-color-background, #14171c);
      --_surface: var(--se-color-surface, #20252d);
      --_text: var(--se-color-text, #e8ecf1);
      --_muted: var(--se-color-text-muted, #aab4bf);
      --_border: var(--se-color-border, #49525e);
      --_error: var(--se-color-error, #ff9b8f);
      --_notice: var(--se-color-notice, #3a3117);
      --_focus: var(--se-color-focus, #8ab4ff);
    }
  }
  :host([hidden]) {
    display: none;
  }
  /* Not inherited from the host: a page rule such as * { box-sizing: content-box } reaches the host
     (page rules outrank :host ones) and would reach every box inside. */
  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }
  :focus-visible {
    outline: 2px solid var(--_focus);
    outline-offset: 2px;
  }
  button {
    font: inherit;
    color: inherit;
    cursor: pointer;
    min-height: 2.5rem;
    padding: calc(var(--_space) * 0.75) var(--_space);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
  }
  button:hover {
    border-color: var(--_accent);
  }
  button.primary {
    background: var(--_accent);
    border-color: var(--_accent);
    color: var(--_accent-text);
  }
  button:disabled {
    cursor: default;
    opacity: 0.6;
  }
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    margin: -1px;
    padding: 0;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
    border: 0;
  }
  .state {
    padding: var(--_space);
    border-radius: var(--_radius);
    background: var(--_surface);
  }
  .state p {
    margin: 0 0 var(--_space);
  }
  .state p:last-child {
    margin-bottom: 0;
  }
  .error {
    border-left: 4px solid var(--_error);
  }
  .notice {
    margin: 0 0 var(--_space);
    padding: var(--_space);
    border-radius: var(--_radius);
    background: var(--_notice);
  }
  .zone-line {
    margin: var(--_space) 0 0;
    color: var(--_muted);
    font-size: 0.875em;
  }
  .skeleton {
    display: grid;
    gap: var(--_space);
  }
  .skeleton-bar {
    height: 2.5rem;
    border-radius: var(--_radius);
    background: linear-gradient(
      90deg,
      var(--_surface) 25%,
      var(--_border) 50%,
      var(--_surface) 75%
    );
    background-size: 200% 100%;
    animation: se-shimmer 1.4s ease-in-out infinite;
  }
  @keyframes se-shimmer {
    from {
      background-position: 200% 0;
    }
    to {
      background-position: -200% 0;
    }
  }
  @media (prefers-reduced-motion: reduce) {
    .skeleton-bar {
      animation: none;
    }
  }
  @media (forced-colors: active) {
    button {
      border: 1px solid ButtonText;
    }
    button.primary,
    [aria-selected='true'],
    [aria-pressed='true'] {
      forced-color-adjust: none;
      background: Highlight;
      color: HighlightText;
      border-color: Highlight;
    }
    :focus-visible {
      outline-color: Highlight;
    }
    .skeleton-bar {
      border: 1px solid GrayText;
    }
  }
`;
