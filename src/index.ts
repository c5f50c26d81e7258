/**
 * The package root `scheduling-elements`: every element class with its types, the compatible
 * options-object API (`SchedulingElements.AvailabilityViewer(options)` ...), and registration of
 * every element (each tag only if no element holds it yet, so a second copy never throws).
 */
export * from './availability-viewer.js';
export * from './slot-picker.js';
