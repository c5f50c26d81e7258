/**
 * Registers `<slot-picker>` (and the shared zone select it renders) unless already defined, so
 * importing this module twice, or next to another build of the library, never throws.
 */
import { defineElement, defineSharedElements } from '../shared/define.js';
import { SlotPicker } from './slot-picker.js';

defineSharedElements();
defineElement('slot-picker', SlotPicker);
