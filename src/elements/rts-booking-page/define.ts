/**
 * Registers `<rts-booking-page>` (and the shared zone select it renders) unless already defined,
 * so importing this module twice, or next to another build of the library, never throws.
 */
import { defineElement, defineSharedElements } from '../shared/define.js';
import { RtsBookingPage } from './rts-booking-page.js';

defineSharedElements();
defineElement('rts-booking-page', RtsBookingPage);
