/**
 * The package root `scheduling-elements`: every element class with its types, the compatible
 * options-object API (`SchedulingElements.AvailabilityViewer(options)` ...), and registration of
 * every element (each tag only if no element holds it yet, so a second copy never throws).
 */
export * from './availability-viewer.js';
export * from './slot-picker.js';
export * from './rts-booking-page.js';
export {
  SchedulingElements,
  type AvailabilityViewerConfig,
  type AvailabilityViewerInstance,
  type AvailabilityViewerOptions,
  type CommonOptions,
  type ElementInstance,
  type ReferenceStyles,
  type ReferenceTranslations,
  type SlotPickerConfig,
  type SlotPickerInstance,
  type SlotPickerOptions,
} from './compat/index.js';
