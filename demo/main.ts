/**
 * The demo page: `<slot-picker>` and `<availability-viewer>` against the embedded API on the
 * page's own origin (authorised by the demo element token `npm start` puts in a meta tag), an
 * offline `demo` picker, and settings that switch locale, zone, modes and layout live.
 *
 * Settings live in the URL (`?locale=de&zone=Asia/Kolkata...`) so a view can be shared; events
 * are shown under each element as text (never as HTML).
 */
import type { AvailabilityQuery } from '../src/core/types.js';
import { defaultDemoQuery } from '../src/data/demo-calendars.js';
import type { AvailabilityViewer } from '../src/elements/availability-viewer/availability-viewer.js';
import '../src/elements/availability-viewer/define.js';
import type { Slot } from '../src/elements/shared/events.js';
import type { SlotPicker } from '../src/elements/slot-picker/slot-picker.js';
import '../src/elements/slot-picker/define.js';

/** Zones offered besides the browser's own: DST in both hemispheres and odd offsets. */
const ZONES = [
  'Europe/London',
  'Europe/Berlin',
  'America/New_York',
  'America/Los_Angeles',
  'America/Sao_Paulo',
  'Asia/Kolkata',
  'Asia/Tokyo',
  'Australia/Sydney',
  'Australia/Lord_Howe',
  'Pacific/Chatham',
  'UTC',
];

/** The settings the form holds, by form field name. */
interface Settings {
  locale: string;
  zone: string;
  pickerMode: string;
  layout: string;
  viewerMode: string;
}

const DEFAULTS: Settings = {
  locale: 'en',
  zone: '',
  pickerMode: 'confirm',
  layout: 'list',
  viewerMode: 'confirm',
};

function byId<T extends HTMLElement>(id: string): T {
  const element = document.getElementById(id);
  if (!element) throw new Error(`The demo page has no #${id}.`);
  return element as T;
}

const form = byId<HTMLFormElement>('settings');
const livePicker = byId<SlotPicker>('live-picker');
const liveViewer = byId<AvailabilityViewer>('live-viewer');
const offlinePicker = byId<SlotPicker>('offline-picker');

/** The demo element token `npm start` issued for this origin, or '' when the page has none. */
const token =
  document.querySelector<HTMLMetaElement>('meta[name="se-demo-element-token"]')?.content ?? '';
byId('token-note').hidden = token !== '';

// The API lives on the page's own origin; the token travels in the Authorization header.
const query: AvailabilityQuery = defaultDemoQuery(Date.now());
for (const element of [livePicker, liveViewer]) {
  element.apiBase = location.origin;
  element.token = token;
}
// A picker lists every time of the 14 days, not the API's default of 20 results.
livePicker.query = { ...query, max_results: 512 };
// The viewer shades each half hour by how many of the three are free (any one will do), so
// every zone sees some availability within its visible hours.
liveViewer.query = {
  ...query,
  participants: query.participants.map((group) => ({ ...group, required: 1 })),
  response_format: 'overlapping_slots',
};

/** Zone options: the browser's zone first, then the list (the browser's once). */
function fillZones(select: HTMLSelectElement): void {
  const own = new Intl.DateTimeFormat().resolvedOptions().timeZone;
  select.options[0]!.textContent = `Browser's zone (${own})`;
  for (const zone of ZONES) select.add(new Option(zone, zone));
}

/** Settings from the URL, each falling back to its default when absent or not offered. */
function settingsFromUrl(): Settings {
  const params = new URLSearchParams(location.search);
  const settings = { ...DEFAULTS };
  for (const name of Object.keys(DEFAULTS) as (keyof Settings)[]) {
    const value = params.get(name);
    const field = form.elements.namedItem(name) as HTMLSelectElement | null;
    if (value !== null && field && [...field.options].some((o) => o.value === value))
      settings[name] = value;
  }
  return settings;
}

/** Puts `settings` into the form fields. */
function showSettings(settings: Settings): void {
  for (const [name, value] of Object.entries(settings)) {
    (form.elements.namedItem(name) as HTMLSelectElement).value = value;
  }
}

/** The settings the form holds now. */
function formSettings(): Settings {
  const data = new FormData(form);
  const settings = { ...DEFAULTS };
  for (const name of Object.keys(DEFAULTS) as (keyof Settings)[]) {
    settings[name] = String(data.get(name) ?? DEFAULTS[name]);
  }
  return settings;
}

/** Applies `settings` to every element; the elements re-render in place, keeping selections. */
function apply(settings: Settings): void {
  for (const element of [livePicker, liveViewer, offlinePicker]) {
    element.locale = settings.locale;
    element.tzid = settings.zone;
  }
  livePicker.mode = settings.pickerMode;
  livePicker.layout = settings.layout;
  offlinePicker.mode = settings.pickerMode;
  liveViewer.mode = settings.viewerMode as AvailabilityViewer['mode'];
  document.documentElement.lang = settings.locale;
}

/** Keeps the URL in step with the settings, leaving defaults out. */
function remember(settings: Settings): void {
  const params = new URLSearchParams();
  for (const name of Object.keys(DEFAULTS) as (keyof Settings)[]) {
    if (settings[name] !== DEFAULTS[name]) params.set(name, settings[name]);
  }
  const search = params.toString();
  history.replaceState(null, '', search ? `?${search}` : location.pathname);
}

/** "10:00 – 10:30" in the element's zone and locale, for the event lines. */
function slotText(slot: Slot, settings: Settings): string {
  const format = new Intl.DateTimeFormat(settings.locale, {
    dateStyle: 'medium',
    timeStyle: 'short',
    ...(settings.zone ? { timeZone: settings.zone } : {}),
  });
  return format.formatRange(new Date(slot.start), new Date(slot.end));
}

/** Shows each event of `element` as a line of text under it. */
function logEvents(element: HTMLElement, logId: string): void {
  const log = byId(logId);
  const write = (text: string) => (log.textContent = text);
  element.addEventListener('slot-selected', (event) =>
    write(`slot-selected: ${slotText(event.detail.slot, formSettings())}`),
  );
  element.addEventListener('selection-change', (event) =>
    write(`selection-change: ${event.detail.slots.length} selected`),
  );
  element.addEventListener('no-slots-found', () => write('no-slots-found'));
  element.addEventListener('scheduling-error', (event) =>
    write(`scheduling-error (${event.detail.kind}): ${event.detail.message}`),
  );
  element.addEventListener('scheduling-warning', (event) =>
    write(`scheduling-warning: ${event.detail.message}`),
  );
}

fillZones(form.elements.namedItem('zone') as HTMLSelectElement);
const initial = settingsFromUrl();
showSettings(initial);
apply(initial);
logEvents(livePicker, 'picker-log');
logEvents(liveViewer, 'viewer-log');
logEvents(offlinePicker, 'offline-log');
form.addEventListener('change', () => {
  const settings = formSettings();
  apply(settings);
  remember(settings);
});
form.addEventListener('submit', (event) => event.preventDefault());
