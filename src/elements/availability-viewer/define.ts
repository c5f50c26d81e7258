/**
 * Registers `<availability-viewer>` unless the tag is taken. The viewer renders none of the
 * shared parts (no zone select), so it does not define or bundle them.
 */
import { defineElement } from '../shared/define-element.js';
import { AvailabilityViewer } from './availability-viewer.js';

defineElement('availability-viewer', AvailabilityViewer);

declare global {
  interface HTMLElementTagNameMap {
    'availability-viewer': AvailabilityViewer;
  }
}
