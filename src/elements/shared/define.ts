/**
 * Registration helper for the side-effect `define` modules: a tag is defined only when no
 * element holds it yet, so loading the library twice never throws.
 */
import { TimeZoneSelect } from './time-zone-select.js';

/** Defines `tag` as `constructor` unless the tag is already taken. */
export function defineElement(tag: string, constructor: CustomElementConstructor): void {
  if (!customElements.get(tag)) customElements.define(tag, constructor);
}

/** Defines the shared parts the elements render (`se-time-zone-select`). */
export function defineSharedElements(): void {
  defineElement('se-time-zone-select', TimeZoneSelect);
}
