/**
 * Focus after a pager button ("Next week", "Next month") was pressed from the keyboard: at the
 * first or last page that button is disabled and focus would fall to the page, so it goes to
 * the other pager button, or to `fallback` when that one is disabled too.
 */

/** Moves focus off the pager button `pressed` (a part name) when it is now disabled. */
export function keepPagerFocus(
  root: ParentNode,
  pressed: string,
  other: string,
  fallback?: () => void,
): void {
  const button = (part: string) => root.querySelector<HTMLButtonElement>(`[part~="${part}"]`);
  if (button(pressed)?.disabled === false) return;
  const next = button(other);
  if (next && !next.disabled) next.focus();
  else fallback?.();
}
