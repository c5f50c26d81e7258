/**
 * Styles of `<slot-picker>` on top of the shared base and the shared step styles: the picker's
 * padding, the zone switcher's width and the space it takes while it loads.
 */
import { css } from 'lit';

/** The picker's own rules; theme through the `--se-*` tokens of the base styles. */
export const slotPickerStyles = css`
  .picker {
    display: grid;
    gap: var(--_space);
    padding: var(--_space);
  }
  se-time-zone-select {
    max-width: 24rem;
  }
  /* Until the zone switcher has loaded, its height (label line and field), so nothing moves. */
  se-time-zone-select:not(:defined) {
    display: block;
    min-height: calc(0.875em * 1.4 + 2.5rem);
  }
`;
