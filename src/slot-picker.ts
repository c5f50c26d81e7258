/**
 * Entry `scheduling-elements/slot-picker`: the `<slot-picker>` class and its types; importing it
 * registers the tag (only if no element holds it yet).
 */
import './elements/slot-picker/define.js';

export { SlotPicker } from './elements/slot-picker/slot-picker.js';
export * from './shared-exports.js';
