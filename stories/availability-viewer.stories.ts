/**
 * `<availability-viewer>` stories: every mode and selection rule, N-of-M overlapping slots, the
 * hours controls, every state and failure kind, bad attributes, each locale, DST weeks in two
 * zones, narrow and wide containers. Every story answers in the page (the `demo` attribute or
 * an injected transport), so the static Storybook needs no server.
 */
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, type TemplateResult } from 'lit';
import { styleMap } from 'lit/directives/style-map.js';
import type { AvailabilityQuery } from '../src/core/types.js';
import '../src/elements/availability-viewer/define.js';
import {
  SOURCE_DESCRIPTIONS,
  demoQuery,
  nextMonday,
  transportFor,
  type SourceName,
} from './support/sources.js';
import { commonArgTypes, type StoryCheck } from './support/story-types.js';

/** The story controls of `<availability-viewer>`. */
export interface AvailabilityViewerArgs {
  source: SourceName;
  query: AvailabilityQuery | string | undefined;
  mode: string;
  slotSelection: string;
  startTime: string;
  endTime: string;
  interval: number;
  weekStartDay: string;
  maxSelectionCount: number | undefined;
  allowExpansion: boolean;
  boundsControl: boolean;
  days: number | undefined;
  locale: string;
  tzid: string;
  width: string;
}

/** The stories' query: the demo people over the next two whole weeks, from Monday. */
const QUERY = demoQuery({ start: nextMonday(), days: 14 });

const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];

/** An `<availability-viewer>` in a box of `width`, answered by `source`. */
function render(args: AvailabilityViewerArgs): TemplateResult {
  return html`<div style=${styleMap({ width: args.width || undefined, maxWidth: '100%' })}>
    <availability-viewer
      ?demo=${args.source === 'demo'}
      .transport=${transportFor(args.source)}
      .query=${args.query || undefined}
      .mode=${args.mode as 'confirm'}
      .slotSelection=${args.slotSelection as 'available'}
      start-time=${args.startTime}
      end-time=${args.endTime}
      .interval=${args.interval}
      week-start-day=${args.weekStartDay}
      .maxSelectionCount=${args.maxSelectionCount}
      ?allow-expansion=${args.allowExpansion}
      ?bounds-control=${args.boundsControl}
      .days=${args.days}
      locale=${args.locale}
      tzid=${args.tzid}
    ></availability-viewer>
  </div>`;
}

const meta = {
  title: 'Elements/availability-viewer',
  component: 'availability-viewer',
  render,
  args: {
    source: 'demo',
    query: QUERY,
    mode: 'confirm',
    slotSelection: 'available',
    startTime: '09:00',
    endTime: '17:00',
    interval: 30,
    weekStartDay: 'monday',
    maxSelectionCount: undefined,
    allowExpansion: false,
    boundsControl: false,
    days: undefined,
    locale: '',
    tzid: '',
    width: '',
  },
  argTypes: {
    ...commonArgTypes,
    mode: {
      description:
        '`confirm` (pick, then Confirm), `no_confirm` (a pick selects), `multi_select` (toggle several), `free_select` (paint free time, any cell).',
      control: 'inline-radio',
      options: ['confirm', 'no_confirm', 'multi_select', 'free_select', 'instant'],
    },
    slotSelection: {
      name: 'slot-selection',
      description:
        '`available`: only free cells can be picked; `unrestricted`: any cell, marked unavailable when it is.',
      control: 'inline-radio',
      options: ['available', 'unrestricted'],
    },
    startTime: { name: 'start-time', description: 'First visible time, `HH:mm`.', control: 'text' },
    endTime: {
      name: 'end-time',
      description: 'End of the visible times, `HH:mm` (`24:00` is midnight).',
      control: 'text',
    },
    interval: {
      description: 'Minutes per row.',
      control: 'select',
      options: [10, 15, 20, 30, 60],
    },
    weekStartDay: {
      name: 'week-start-day',
      description: 'The day pages start on.',
      control: 'select',
      options: WEEKDAYS,
    },
    maxSelectionCount: {
      name: 'max-selection-count',
      description: 'Most slots `multi_select` allows.',
      control: { type: 'number', min: 1 },
    },
    allowExpansion: {
      name: 'allow-expansion',
      description: 'Offer Earlier and Later to stretch the hours to the whole day.',
      control: 'boolean',
    },
    boundsControl: {
      name: 'bounds-control',
      description: 'Offer a choice of the visible hours.',
      control: 'boolean',
    },
    days: {
      description: "Day columns per page (1-7); empty: 7, 3 or 1 as the element's width allows.",
      control: { type: 'number', min: 1, max: 7 },
    },
  },
  parameters: {
    docs: {
      description: {
        component:
          'A week grid of days by rows of wall-clock time in `tzid`, coloured by availability. ' +
          'Fires `slot-selected`, `selection-change`, `week-change`, `no-slots-found`, ' +
          '`scheduling-error` and `scheduling-warning`. Arrow keys move between cells, Page ' +
          'Up/Down between weeks. The stories answer from the demo engine or from transports ' +
          'that fail on purpose; see the `source` control.',
      },
    },
  },
} satisfies Meta<AvailabilityViewerArgs>;

export default meta;
type Story = StoryObj<AvailabilityViewerArgs>;

/** A story that shows `shows` once settled, with a docs description. */
function showing(
  shows: string | undefined,
  description: string,
  args: Partial<AvailabilityViewerArgs>,
): Story {
  return {
    args,
    parameters: {
      ...(shows ? ({ shows } satisfies StoryCheck) : {}),
      docs: { description: { story: description } },
    },
  };
}

/** A story for the failure `source`, sent through the real HTTP transport over a canned `fetch`. */
function failure(source: SourceName): Story {
  return showing('error', `Failure: ${SOURCE_DESCRIPTIONS[source]}.`, { source, query: QUERY });
}

// Modes

/** Pick a block, then Confirm it: the default. */
export const Confirm: Story = {};

/** The `demo` attribute alone: the default demo query, the next 14 days from now. */
export const DemoDefaultQuery: Story = showing(
  undefined,
  "No `query`: with `demo`, three demo people for 30 minutes over the next 14 days; pages start on today's weekday, so the first one is not mostly past.",
  { query: '', weekStartDay: WEEKDAYS[new Date().getUTCDay()]! },
);

/** A pick selects at once. */
export const NoConfirm: Story = showing(undefined, 'A pick fires `slot-selected` at once.', {
  mode: 'no_confirm',
});

/** Toggle up to three slots. */
export const MultiSelect: Story = showing(
  undefined,
  '`multi_select` with `max-selection-count="3"`: a fourth pick is refused with a notice.',
  { mode: 'multi_select', maxSelectionCount: 3 },
);

/** Paint free time by dragging, or with Space and Shift+arrows. */
export const FreeSelect: Story = showing(
  undefined,
  '`free_select`: the grid is an editor of free periods, reported as `selection-change`.',
  { mode: 'free_select' },
);

/** Any cell can be picked; unavailable picks are marked so. */
export const UnrestrictedSelection: Story = showing(
  undefined,
  '`slot-selection="unrestricted"`: busy cells can be picked too (`available: false`).',
  { slotSelection: 'unrestricted', mode: 'multi_select' },
);

/** Four people, any two of whom suffice: shades say how many are free. */
export const OverlappingSlots: Story = showing(
  'legend',
  '`response_format: "overlapping_slots"` with `required: 2` of four members: N-of-M shades and their legend.',
  {
    query: demoQuery({
      subs: ['acc_demo_ada', 'acc_demo_bruno', 'acc_demo_dagny', 'acc_demo_priya'],
      required: 2,
      responseFormat: 'overlapping_slots',
      start: nextMonday(),
      maxResults: 512,
    }),
    startTime: '07:00',
    endTime: '19:00',
  },
);

/** A choice of the visible hours. */
export const BoundsControl: Story = showing('start-select', '`bounds-control`.', {
  boundsControl: true,
});

/** Earlier and Later buttons stretch the hours. */
export const AllowExpansion: Story = showing('earlier-button', '`allow-expansion`.', {
  allowExpansion: true,
});

/** Every option at once: hours controls, expansion, 15-minute rows, weeks from Sunday. */
export const AllControls: Story = showing('start-select', 'Bounds, expansion, 15-minute rows.', {
  boundsControl: true,
  allowExpansion: true,
  interval: 15,
  weekStartDay: 'sunday',
});

// States

/** The request never answers: the grid's cells wait in the `loading` state, the grid marked busy. */
export const Loading: Story = showing('loading', 'A transport that never answers.', {
  source: 'never',
  query: QUERY,
});

/** Everyone is busy: nothing to book this week or later. */
export const Empty: Story = showing('empty', 'Every member busy all the time.', {
  source: 'empty',
  query: QUERY,
});

/**
 * Free time only at night, outside the hours shown: no jump is offered (it would land on a week
 * that looks empty), and the empty week says where the free time lies.
 */
export const FreeOnlyOutsideHours: Story = showing(
  'empty',
  'Every member busy 07:00-19:00 every day; the grid shows 09:00-17:00.',
  { source: 'nights', query: QUERY, tzid: 'Europe/London' },
);

/** One member's calendars are still syncing. */
export const StaleMemberStatuses: Story = showing(
  'stale-notice',
  'A member whose calendar sync is `pending`, with `include_member_statuses`.',
  { source: 'stale', query: demoQuery({ start: nextMonday(), memberStatuses: true }) },
);

export const ErrorAuth: Story = failure('auth');
export const ErrorForbidden: Story = failure('forbidden');
export const ErrorNotFound: Story = failure('not_found');
export const ErrorInvalidQuery: Story = failure('invalid_query');
export const ErrorRateLimited: Story = failure('rate_limited');
export const ErrorServer: Story = failure('server');
export const ErrorNetwork: Story = failure('network');
export const ErrorBadResponse: Story = failure('bad_response');

// Configuration errors

export const ConfigQueryNotJson: Story = showing(
  'config-error',
  'The `query` attribute is not JSON.',
  {
    query: '{"participants": [',
  },
);

export const ConfigBadQuery: Story = showing(
  'config-error',
  'A query with no members and a zero duration.',
  {
    query: {
      participants: [{ members: [], required: 'all' }],
      required_duration: { minutes: 0 },
      query_periods: [{ start: '2026-12-01T09:00:00Z', end: '2026-12-08T09:00:00Z' }],
    },
  },
);

export const ConfigBadZone: Story = showing('config-error', '`tzid="Mars/Olympus_Mons"`.', {
  tzid: 'Mars/Olympus_Mons',
});

export const ConfigBadHours: Story = showing(
  'config-error',
  '`start-time="25:00"`, `interval="7"`.',
  { startTime: '25:00', interval: 7 },
);

export const ConfigBadMode: Story = showing('config-error', '`mode="instant"`.', {
  mode: 'instant',
});

/** An unsupported locale shows English and fires `scheduling-warning`. */
export const UnsupportedLocale: Story = showing(
  undefined,
  '`locale="pt-BR"`: English is shown, with a `scheduling-warning` event.',
  { locale: 'pt-BR' },
);

// Locales

export const English: Story = { args: { locale: 'en' } };
export const German: Story = { args: { locale: 'de' } };
export const Spanish: Story = { args: { locale: 'es' } };
export const French: Story = { args: { locale: 'fr' } };
export const Italian: Story = { args: { locale: 'it' } };
export const Dutch: Story = { args: { locale: 'nl' } };

// DST weeks

/** Europe/Berlin springs forward on Sunday 2027-03-28: 02:00-03:00 does not exist. */
export const DstSpringForwardBerlin: Story = showing(
  undefined,
  'The week of 2027-03-28 in Europe/Berlin, 00:00-06:00: on Sunday the 02:00 rows are skipped. Kenji (Asia/Tokyo) works then on weekdays.',
  {
    tzid: 'Europe/Berlin',
    weekStartDay: 'monday',
    startTime: '00:00',
    endTime: '06:00',
    query: {
      participants: [{ members: [{ sub: 'acc_demo_kenji' }], required: 'all' }],
      required_duration: { minutes: 30 },
      query_periods: [{ start: '2027-03-22T00:00:00+01:00', end: '2027-03-29T00:00:00+02:00' }],
    },
  },
);

/** America/New_York falls back on Sunday 2026-11-01: 01:00-02:00 happens twice. */
export const DstFallBackNewYork: Story = showing(
  undefined,
  'The week of 2026-11-01 in America/New_York, 00:00-04:00: the 01:00 rows repeat. Kenji (Asia/Tokyo) is working then.',
  {
    tzid: 'America/New_York',
    weekStartDay: 'sunday',
    startTime: '00:00',
    endTime: '04:00',
    query: {
      participants: [{ members: [{ sub: 'acc_demo_kenji' }], required: 'all' }],
      required_duration: { minutes: 30 },
      query_periods: [{ start: '2026-11-01T00:00:00-04:00', end: '2026-11-08T00:00:00-05:00' }],
    },
  },
);

/** The Berlin spring-forward week seen from New York. */
export const DstBerlinWeekInNewYork: Story = showing(
  undefined,
  'The same Berlin week shown in America/New_York, on daylight time since 2027-03-14, so the two zones are five hours apart until Berlin changes on the 28th, then six; weeks from Sunday, as the query starts on Sunday evening there.',
  {
    tzid: 'America/New_York',
    weekStartDay: 'sunday',
    startTime: '18:00',
    endTime: '24:00',
    query: {
      participants: [{ members: [{ sub: 'acc_demo_kenji' }], required: 'all' }],
      required_duration: { minutes: 30 },
      query_periods: [{ start: '2027-03-22T00:00:00+01:00', end: '2027-03-29T00:00:00+02:00' }],
    },
  },
);

// Sizes

/** A 280 px container: one day per page. */
export const Narrow: Story = showing(
  undefined,
  'A 280 px container shows one day a page. One person (Dagny, Europe/Berlin), so a single day always has free time to show.',
  {
    width: '280px',
    query: demoQuery({ subs: ['acc_demo_dagny'], start: nextMonday() }),
  },
);

/** A 280 px container in New York, whose first day has no hours inside the query. */
export const NarrowFirstDayEmpty: Story = showing(
  'next-availability-button',
  'The query starts at 00:00 UTC on Monday, Sunday evening in New York: the first one-day page lies before it, asks the API nothing, and offers a jump to the next availability. The transport checks queries as the API does.',
  { width: '280px', tzid: 'America/New_York', source: 'local' },
);

/** A wide container: the whole week. */
export const Wide: Story = showing(undefined, 'A 1100 px container shows seven days.', {
  width: '1100px',
});
