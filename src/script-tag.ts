/**
 * The script-tag bundle `dist/scheduling-elements.min.js`: registers every element and exposes
 * the compatible options-object API as the global `SchedulingElements` (the bundle is an IIFE
 * whose exports become that global), so a page can drop in
 * `<script src=".../scheduling-elements.min.js"></script>` and call
 * `SchedulingElements.SlotPicker({target_id: 'picker', ...})` the way it called the reference.
 */
import './index.js';

export { AvailabilityViewer, SlotPicker } from './compat/index.js';
