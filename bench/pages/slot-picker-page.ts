/**
 * Page of `npm run bench:slot-picker`: `<slot-picker>` over 30 days holding 500 synthetic slots
 * (08:00-20:00 UTC starts, 30 minutes, Europe/London, which is UTC in December), injected
 * through a transport that answers at once. `window.bench` runs one measured action at a time.
 */
import '../../src/slot-picker.js';
import type { AvailabilityQuery } from '../../src/core/types.js';
import type { SlotPicker } from '../../src/elements/slot-picker/slot-picker.js';
import { afterNextPaint, iso, timeToPaint } from './paint.js';
import { InstantTransport, syntheticSlots } from './synthetic.js';

const DAY = 86_400_000;
const FIRST = Date.UTC(2026, 11, 7);
const DAYS = 30;
const SLOTS = 500;
const MEMBERS = ['acc_a', 'acc_b'];

const query: AvailabilityQuery = {
  participants: [{ members: MEMBERS.map((sub) => ({ sub })), required: 'all' }],
  required_duration: { minutes: 30 },
  query_periods: [{ start: iso(FIRST), end: iso(FIRST + DAYS * DAY) }],
  response_format: 'slots',
  max_results: 512,
};

const transport = new InstantTransport((q) =>
  syntheticSlots(q, SLOTS, MEMBERS, true, { from: 8, to: 20 }),
);
const host = document.getElementById('host')!;

function picker(): SlotPicker {
  const el = document.createElement('slot-picker');
  el.transport = transport;
  el.query = query;
  el.tzid = 'Europe/London';
  el.locale = 'en';
  return el;
}

const all = (el: Element, selector: string) =>
  el.shadowRoot ? el.shadowRoot.querySelectorAll<HTMLElement>(selector) : [];

/** The picker kept on the day list between day clicks. */
let listed: SlotPicker | undefined;

const bench = {
  /** Mounts a fresh picker; times from mount and from the transport's answer to the painted day list. */
  async dataToPaint() {
    const el = picker();
    const timing = await timeToPaint(
      () => host.append(el),
      () => all(el, 'button.day').length === DAYS,
      () => el.shadowRoot ?? el,
    );
    const result = {
      ...timing,
      data: transport.answeredAt,
      days: all(el, 'button.day').length,
      slots: [...all(el, 'button.day .day-count')].reduce(
        (sum, count) => sum + Number(/\d+/.exec(count.textContent ?? '')?.[0] ?? 0),
        0,
      ),
    };
    el.remove();
    return result;
  },

  /** Clicks day `index` on a picker showing the day list; times to the painted time list, then goes back. */
  async dayClick(index: number) {
    if (!listed) {
      listed = picker();
      host.append(listed);
      await listed.updateComplete;
      while (all(listed, 'button.day').length !== DAYS) await afterNextPaint();
    }
    const el = listed;
    const button = all(el, 'button.day')[index % DAYS]!;
    const expected = Number(/\d+/.exec(button.querySelector('.day-count')?.textContent ?? '')![0]);
    const timing = await timeToPaint(
      () => button.click(),
      () => all(el, 'button.time').length === expected,
      () => el.shadowRoot!,
    );
    await timeToPaint(
      () => all(el, '[part="back-button"]')[0]!.click(),
      () => all(el, 'button.day').length === DAYS,
      () => el.shadowRoot!,
    );
    return { ...timing, times: expected };
  },
};

Object.assign(window, { bench });
