/**
 * Registers `<slot-picker>` unless already defined, so importing this module twice, or next to
 * another build of the library, never throws. The zone switcher it renders with `timezone-select`
 * is loaded and defined by the picker when first shown.
 */
import { defineElement } from '../shared/define-element.js';
import { SlotPicker } from './slot-picker.js';

defineElement('slot-picker', SlotPicker);
