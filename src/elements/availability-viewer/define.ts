/**
 * Registers `<availability-viewer>` (and the shared parts it renders) unless the tags are taken.
 */
import { defineElement, defineSharedElements } from '../shared/define.js';
import { AvailabilityViewer } from './availability-viewer.js';

defineSharedElements();
defineElement('availability-viewer', AvailabilityViewer);

declare global {
  interface HTMLElementTagNameMap {
    'availability-viewer': AvailabilityViewer;
  }
}
