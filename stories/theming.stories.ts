/**
 * Theming: both elements side by side under live `--se-*` custom properties, each bound to a
 * control. Properties change behaviour; these tokens change appearance only, in light and dark
 * schemes alike (a set token wins in both).
 */
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, type TemplateResult } from 'lit';
import { styleMap } from 'lit/directives/style-map.js';
import '../src/elements/availability-viewer/define.js';
import '../src/elements/slot-picker/define.js';
import { commonArgTypes } from './support/story-types.js';

/** The story controls: the locale, zone and one value per custom property. */
export interface ThemingArgs {
  locale: string;
  tzid: string;
  /** Values of `--se-*` properties by name; an empty value leaves the element's default. */
  [property: `--se-${string}`]: string;
}

/** Every `--se-*` token the elements read, with its control and what it colours or sizes. */
const TOKENS: readonly [name: `--se-${string}`, control: 'color' | 'text', description: string][] =
  [
    ['--se-color-accent', 'color', 'buttons, selection and the primary action'],
    ['--se-color-accent-text', 'color', 'text on accent'],
    ['--se-color-background', 'color', "the element's background"],
    ['--se-color-surface', 'color', 'buttons and state panels'],
    ['--se-color-text', 'color', 'body text'],
    ['--se-color-text-muted', 'color', 'secondary text'],
    ['--se-color-border', 'color', 'borders and grid lines'],
    ['--se-color-error', 'color', 'failure messages'],
    ['--se-color-notice', 'color', 'notices such as out-of-date calendars'],
    ['--se-color-focus', 'color', 'focus outlines'],
    ['--se-color-available', 'color', 'available cells (viewer)'],
    ['--se-color-available-strong', 'color', 'the darkest N-of-M shade (viewer)'],
    ['--se-color-unavailable', 'color', 'unavailable cells (viewer)'],
    ['--se-color-selected', 'color', 'selected cells and blocks (viewer)'],
    ['--se-radius', 'text', 'corner radius'],
    ['--se-space', 'text', 'spacing unit'],
    ['--se-font-family', 'text', 'font family'],
    ['--se-font-size', 'text', 'base font size'],
    ['--se-cell-height', 'text', 'height of a grid row (viewer)'],
    ['--se-grid-max-height', 'text', 'the grid scrolls beyond this height (viewer)'],
  ];

/** The `--se-*` args that have a value, as a style map. */
function tokensOf(args: ThemingArgs): Record<string, string> {
  const style: Record<string, string> = {};
  for (const [name] of TOKENS) {
    const value = args[name];
    if (value) style[name] = value;
  }
  return style;
}

function render(args: ThemingArgs): TemplateResult {
  return html`<div
    style=${styleMap({
      ...tokensOf(args),
      display: 'grid',
      gap: '1.5rem',
      gridTemplateColumns: 'minmax(16rem, 22rem) minmax(0, 1fr)',
      alignItems: 'start',
    })}
  >
    <slot-picker demo locale=${args.locale} tzid=${args.tzid}></slot-picker>
    <availability-viewer
      demo
      mode="multi_select"
      interval="30"
      locale=${args.locale}
      tzid=${args.tzid}
    ></availability-viewer>
  </div>`;
}

const meta = {
  title: 'Theming/Custom properties',
  render,
  args: {
    locale: '',
    tzid: '',
    ...Object.fromEntries(TOKENS.map(([name]) => [name, ''])),
  },
  argTypes: {
    locale: commonArgTypes.locale!,
    tzid: commonArgTypes.tzid!,
    ...Object.fromEntries(
      TOKENS.map(([name, control, description]) => [
        name,
        { control, description, table: { category: 'custom properties' } },
      ]),
    ),
  },
  parameters: {
    docs: {
      description: {
        component:
          'Both elements read public `--se-*` tokens (set them on the element or any ancestor). ' +
          'Each control here sets one on the wrapper; empty leaves the default, which follows ' +
          "the user's light or dark scheme. Parts (`::part(cell available)`, " +
          '`::part(confirm-button)`, ...) style the rest.',
      },
    },
  },
} satisfies Meta<ThemingArgs>;

export default meta;
type Story = StoryObj<ThemingArgs>;

/** The defaults: every control empty. */
export const Defaults: Story = {};

/** A warm brand: accent, surfaces, availability shades and rounder corners. */
export const Warm: Story = {
  args: {
    '--se-color-accent': '#9a3412',
    '--se-color-focus': '#9a3412',
    '--se-color-surface': '#fff7ed',
    '--se-color-background': '#fffbf5',
    '--se-color-text': '#1c1917',
    '--se-color-border': '#d6c3b0',
    '--se-color-available': '#fde2c4',
    '--se-color-available-strong': '#9a3412',
    '--se-color-unavailable': '#f5f5f4',
    '--se-color-selected': '#7c2d12',
    '--se-radius': '14px',
  },
};

/** A dark theme set by tokens, whatever the user's scheme. */
export const Dark: Story = {
  args: {
    '--se-color-accent': '#8ab4ff',
    '--se-color-accent-text': '#0b1526',
    '--se-color-focus': '#8ab4ff',
    '--se-color-background': '#14171c',
    '--se-color-surface': '#20252d',
    '--se-color-text': '#e8ecf1',
    '--se-color-text-muted': '#aab4bf',
    '--se-color-border': '#49525e',
    '--se-color-available': '#23472f',
    '--se-color-available-strong': '#7fd49c',
    '--se-color-unavailable': '#1b1f25',
    '--se-color-notice': '#3a3117',
    '--se-color-error': '#ff9b8f',
  },
};

/** Compact: a smaller font, tighter spacing and shorter rows. */
export const Compact: Story = {
  args: {
    '--se-font-size': '0.8125rem',
    '--se-space': '0.3rem',
    '--se-radius': '2px',
    '--se-cell-height': '1.25rem',
    '--se-grid-max-height': '20rem',
  },
};
