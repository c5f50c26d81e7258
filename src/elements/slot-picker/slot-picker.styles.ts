/**
 * Styles of `<slot-picker>` on top of the shared base and the shared step styles: the picker's
 * padding and the zone switcher's width.
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
`;
