/**
 * Entry `scheduling-elements/availability-viewer`: the `<availability-viewer>` class and its
 * types; importing it registers the tag (only if no element holds it yet).
 */
import './elements/availability-viewer/define.js';

export {
  AvailabilityViewer,
  type ViewerMode,
} from './elements/availability-viewer/availability-viewer.js';
export * from './shared-exports.js';
