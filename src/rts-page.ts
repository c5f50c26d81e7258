/**
 * The module a booking link's page loads: link URLs look like `{origin}/rts/#token={token}`.
 *
 * Contract: reads the token from the address's fragment (`#token=...`, a fragment never reaches
 * servers or Referer headers), hands it to the `<rts-booking-page>` already in the page (or
 * creates one in `document.body`), and removes the fragment from the address bar with
 * `history.replaceState`, so the token is not left in history, bookmarks or screenshots. With
 * no token the element shows its "incomplete link" view and fires `scheduling-error`.
 */
import './elements/rts-booking-page/define.js';
import { startBookingPage } from './elements/rts-booking-page/start.js';

startBookingPage();
