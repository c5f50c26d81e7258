/**
 * `<slot-picker>` stories: both modes and layouts, every state and failure kind, bad
 * attributes, each locale, zones, narrow and wide containers. Every story answers in the page
 * (the `demo` attribute or an injected transport), so the static Storybook needs no server.
 */
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, type TemplateResult } from 'lit';
import { styleMap } from 'lit/directives/style-map.js';
import type { AvailabilityQuery } from '../src/core/types.js';
import '../src/elements/slot-picker/define.js';
import {
  SOURCE_DESCRIPTIONS,
  demoQuery,
  transportFor,
  type SourceName,
} from './support/sources.js';
import { commonArgTypes, type StoryCheck } from './support/story-types.js';

/** The story controls of `<slot-picker>`. */
export interface SlotPickerArgs {
  source: SourceName;
  query: AvailabilityQuery | string | undefined;
  mode: string;
  layout: string;
  locale: string;
  tzid: string;
  timezoneSelect: boolean;
  width: string;
}

/** A `<slot-picker>` in a box of `width`, answered by `source`. */
function render(args: SlotPickerArgs): TemplateResult {
  return html`<div style=${styleMap({ width: args.width || undefined, maxWidth: '100%' })}>
    <slot-picker
      ?demo=${args.source === 'demo'}
      .transport=${transportFor(args.source)}
      .query=${args.query}
      mode=${args.mode}
      layout=${args.layout}
      locale=${args.locale}
      tzid=${args.tzid}
      ?timezone-select=${args.timezoneSelect}
    ></slot-picker>
  </div>`;
}

const meta = {
  title: 'Elements/slot-picker',
  component: 'slot-picker',
  render,
  args: {
    source: 'demo',
    query: undefined,
    mode: 'confirm',
    layout: 'list',
    locale: '',
    tzid: '',
    timezoneSelect: false,
    width: '26rem',
  },
  argTypes: {
    ...commonArgTypes,
    mode: {
      description:
        '`confirm`: a Confirm step after the time; `no_confirm`: choosing the time selects it.',
      control: 'inline-radio',
      options: ['confirm', 'no_confirm', 'instant'],
    },
    layout: {
      description: '`list`: days as a list; `calendar`: a month grid.',
      control: 'inline-radio',
      options: ['list', 'calendar'],
    },
    timezoneSelect: {
      name: 'timezone-select',
      description: 'Show a searchable zone switcher below the times.',
      control: 'boolean',
    },
  },
  parameters: {
    docs: {
      description: {
        component:
          'Pick a day, then a time, then confirm. Fires `slot-selected` with the chosen slot ' +
          '(UTC instants), `no-slots-found`, `scheduling-error` and `scheduling-warning`; ' +
          'every time is shown in `tzid` (or the browser zone). The stories answer from the ' +
          'demo engine or from transports that fail on purpose; see the `source` control.',
      },
    },
  },
} satisfies Meta<SlotPickerArgs>;

export default meta;
type Story = StoryObj<SlotPickerArgs>;

/** Stories that show one state part. */
function showing(shows: string, description: string, args: Partial<SlotPickerArgs>): Story {
  return {
    args,
    parameters: {
      ...({ shows } satisfies StoryCheck),
      docs: { description: { story: description } },
    },
  };
}

/** The query the transport-driven stories send: the demo people, 14 days from now. */
const QUERY = demoQuery({ maxResults: 512 });

/** A story for the failure `source`, sent through the real HTTP transport over a canned `fetch`. */
function failure(source: SourceName): Story {
  return showing('error', `Failure: ${SOURCE_DESCRIPTIONS[source]}.`, { source, query: QUERY });
}

// Modes and layouts

/** Day list, time list, Confirm: the default. */
export const Confirm: Story = {};

/** Choosing a time selects it at once. */
export const NoConfirm: Story = { args: { mode: 'no_confirm' } };

/** A month grid of days with times. */
export const Calendar: Story = showing('calendar', 'The month grid layout.', {
  layout: 'calendar',
});

/** A month grid, selecting without a Confirm step. */
export const CalendarNoConfirm: Story = showing('calendar', 'Month grid, `no_confirm` mode.', {
  layout: 'calendar',
  mode: 'no_confirm',
});

/** With the searchable zone switcher. */
export const ZoneSwitcher: Story = showing('zone-select', 'The `timezone-select` attribute.', {
  timezoneSelect: true,
});

/** `.transport = demoTransport()`: a `LocalTransport` injected as a property, with a query. */
export const InjectedTransport: Story = {
  args: { source: 'local', query: QUERY },
  parameters: {
    docs: {
      description: {
        story: 'The `.transport` property with a `LocalTransport` over the demo calendars.',
      },
    },
  },
};

// States

/** The request never answers: the skeleton, announced as loading. */
export const Loading: Story = showing('skeleton', 'A transport that never answers.', {
  source: 'never',
  query: QUERY,
});

/** Everyone is busy: nothing to book. */
export const Empty: Story = showing('empty', 'Every member busy all the time.', {
  source: 'empty',
  query: QUERY,
});

/** One member's calendars are still syncing: times shown with a notice. */
export const StaleMemberStatuses: Story = showing(
  'stale-notice',
  'A member whose calendar sync is `pending`, with `include_member_statuses`.',
  { source: 'stale', query: demoQuery({ maxResults: 512, memberStatuses: true }) },
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

/** `query` is not JSON. */
export const ConfigQueryNotJson: Story = showing(
  'config-error',
  'The `query` attribute is not JSON.',
  {
    query: '{"participants": [',
  },
);

/** `query` fails validation. */
export const ConfigBadQuery: Story = showing(
  'config-error',
  'A query whose duration is zero and whose period ends before it starts.',
  {
    query: {
      participants: [{ members: [{ sub: 'acc_demo_ada' }], required: 'all' }],
      required_duration: { minutes: 0 },
      query_periods: [{ start: '2026-12-02T09:00:00Z', end: '2026-12-01T09:00:00Z' }],
    },
  },
);

/** `tzid` is not a zone. */
export const ConfigBadZone: Story = showing('config-error', '`tzid="Mars/Olympus_Mons"`.', {
  tzid: 'Mars/Olympus_Mons',
});

/** `mode` is not a mode. */
export const ConfigBadMode: Story = showing('config-error', '`mode="instant"`.', {
  mode: 'instant',
});

/** An unsupported locale shows English and fires `scheduling-warning`. */
export const UnsupportedLocale: Story = {
  args: { locale: 'pt-BR' },
  parameters: {
    docs: {
      description: {
        story: '`locale="pt-BR"`: English is shown, with a `scheduling-warning` event.',
      },
    },
  },
};

// Locales

export const English: Story = { args: { locale: 'en' } };
export const German: Story = { args: { locale: 'de' } };
export const Spanish: Story = { args: { locale: 'es' } };
export const French: Story = { args: { locale: 'fr' } };
export const Italian: Story = { args: { locale: 'it' } };
export const Dutch: Story = { args: { locale: 'nl' } };
export const GermanCalendar: Story = showing('calendar', 'German month grid (weeks from Monday).', {
  locale: 'de',
  layout: 'calendar',
});

// Zones

/** India: a half-hour offset and no DST. */
export const ZoneKolkata: Story = { args: { tzid: 'Asia/Kolkata' } };

/** Lord Howe: a half-hour DST shift. */
export const ZoneLordHowe: Story = { args: { tzid: 'Australia/Lord_Howe', layout: 'calendar' } };

// Sizes

/** A 280 px container. */
export const Narrow: Story = { args: { width: '280px' } };

/** A 280 px container, month grid. */
export const NarrowCalendar: Story = showing('calendar', 'The month grid at 280 px.', {
  width: '280px',
  layout: 'calendar',
});

/** A wide container. */
export const Wide: Story = { args: { width: '960px' } };
