/**
 * Tag registration for the side-effect `define` modules: a tag is defined only when no element
 * holds it yet, so loading the library twice never throws. Imports nothing, so an element that
 * registers itself with it bundles no other element.
 */

/** Defines `tag` as `constructor` unless the tag is already taken. */
export function defineElement(tag: string, constructor: CustomElementConstructor): void {
  if (!customElements.get(tag)) customElements.define(tag, constructor);
}
