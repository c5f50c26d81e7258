/**
 * Registers `<rts-booking-page>` (and the shared zone select it renders) unless already defined,
 * so importing this module twice, or next to another build of the library, never throws; and
 * adds the booking page's own messages (`rts.*`) to the string lookup.
 */
import { addMessages } from '../../i18n/strings.js';
import { rtsCatalogue } from '../../i18n/strings-rts.js';
import { defineElement, defineSharedElements } from '../shared/define.js';
import { RtsBookingPage } from './rts-booking-page.js';

addMessages(rtsCatalogue);
defineSharedElements();
defineElement('rts-booking-page', RtsBookingPage);
