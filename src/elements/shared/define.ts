/**
 * Registration helpers for the side-effect `define` modules: `defineElement` (a tag is defined
 * only when no element holds it yet, so loading the library twice never throws) and the shared
 * parts the elements render.
 */
import { defineElement } from './define-element.js';
import { TimeZoneSelect } from './time-zone-select.js';

export { defineElement };

/** Defines the shared parts the elements render (`se-time-zone-select`). */
export function defineSharedElements(): void {
  defineElement('se-time-zone-select', TimeZoneSelect);
}
