/**
 * `<rts-booking-page>` stories: an open link (book it, or meet a conflict first), loading, no
 * times, completed, disabled and expired links, an invalid or missing token, failures, each
 * locale, zones, narrow and wide. An in-page client (`.client`) answers, so no server is needed.
 */
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, type TemplateResult } from 'lit';
import { styleMap } from 'lit/directives/style-map.js';
import '../src/elements/rts-booking-page/define.js';
import { RTS_SCENARIOS, StoryRtsClient, type RtsScenario } from './support/rts-client.js';
import { commonArgTypes, type StoryCheck } from './support/story-types.js';

/** The story controls of `<rts-booking-page>`. */
export interface RtsBookingPageArgs {
  scenario: RtsScenario | 'missing_token';
  locale: string;
  tzid: string;
  width: string;
}

/** A `<rts-booking-page>` in a box of `width`, with a fresh client playing `scenario`. */
function render(args: RtsBookingPageArgs): TemplateResult {
  const client = args.scenario === 'missing_token' ? undefined : new StoryRtsClient(args.scenario);
  return html`<div style=${styleMap({ width: args.width || undefined, maxWidth: '100%' })}>
    <rts-booking-page
      .client=${client}
      .navigate=${() => undefined}
      locale=${args.locale}
      tzid=${args.tzid}
    ></rts-booking-page>
  </div>`;
}

const meta = {
  title: 'Elements/rts-booking-page',
  component: 'rts-booking-page',
  render,
  args: { scenario: 'open', locale: '', tzid: '', width: '30rem' },
  argTypes: {
    scenario: {
      name: 'scenario (story only)',
      description:
        'What the link does: `open`, `conflict` (the first booking is refused as just taken), `never` (loading), `no_times`, `completed`, `disabled`, `expired`, `invalid` (401), `network`, `server`; `missing_token`: no client and no `token`.',
      control: 'select',
      options: [...RTS_SCENARIOS, 'missing_token'],
      table: { category: 'story' },
    },
    locale: commonArgTypes.locale!,
    tzid: commonArgTypes.tzid!,
    width: commonArgTypes.width!,
  },
  parameters: {
    docs: {
      description: {
        component:
          "The page a booking link's recipient opens: day, time, details, booked, with calendar " +
          'links. Fires `booking-confirmed`, the cancelable `booking-redirect`, ' +
          '`scheduling-error` and `scheduling-warning`. The stories inject an in-page client ' +
          '(`.client`); in an app the element builds one from `token` and `api-base`.',
      },
    },
  },
} satisfies Meta<RtsBookingPageArgs>;

export default meta;
type Story = StoryObj<RtsBookingPageArgs>;

/** A story that shows the part `shows` once settled. */
function showing(
  shows: string,
  description: string,
  args: Partial<RtsBookingPageArgs> = {},
): Story {
  return {
    args,
    parameters: {
      ...({ shows } satisfies StoryCheck),
      docs: { description: { story: description } },
    },
  };
}

export const Open: Story = showing('calendar', 'An open link: pick a day, a time, fill in, book.');

export const ConflictOnFirstBooking: Story = showing(
  'calendar',
  'The first booking is refused as just taken: the page keeps what was typed and offers the remaining times.',
  { scenario: 'conflict' },
);

export const Loading: Story = showing('skeleton', 'The link never answers.', {
  scenario: 'never',
});

export const NoTimes: Story = showing('empty', 'The link has no free times left.', {
  scenario: 'no_times',
});

export const Completed: Story = showing('link-state', 'The link was already booked.', {
  scenario: 'completed',
});

export const Disabled: Story = showing(
  'organizer-message',
  'The organiser switched the link off, with a message.',
  { scenario: 'disabled' },
);

export const Expired: Story = showing('link-state', 'The link is past its window.', {
  scenario: 'expired',
});

export const InvalidLink: Story = showing('link-state', 'The token is not accepted (401).', {
  scenario: 'invalid',
});

export const MissingToken: Story = showing(
  'link-state',
  'No `token` and no client: a configuration error naming the attribute.',
  { scenario: 'missing_token' },
);

export const ErrorNetwork: Story = showing('error', 'The link cannot be reached.', {
  scenario: 'network',
});

export const ErrorServer: Story = showing('error', 'The server fails (500).', {
  scenario: 'server',
});

export const English: Story = showing('calendar', 'English.', { locale: 'en' });
export const German: Story = showing('calendar', 'German.', { locale: 'de' });
export const Spanish: Story = showing('calendar', 'Spanish.', { locale: 'es' });
export const French: Story = showing('calendar', 'French.', { locale: 'fr' });
export const Italian: Story = showing('calendar', 'Italian.', { locale: 'it' });
export const Dutch: Story = showing('calendar', 'Dutch.', { locale: 'nl' });

export const ZoneKolkata: Story = showing(
  'organizer-zone',
  "A recipient in Asia/Kolkata; the organiser's zone is named too.",
  { tzid: 'Asia/Kolkata' },
);

export const ZoneLordHowe: Story = showing('organizer-zone', 'A recipient on Lord Howe Island.', {
  tzid: 'Australia/Lord_Howe',
});

export const Narrow: Story = showing('calendar', 'A 280 px container.', { width: '280px' });

export const Wide: Story = showing('calendar', 'A wide container.', { width: '960px' });
