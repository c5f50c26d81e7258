/**
 * What the story files share beyond data: the parameter a story uses to say which state it
 * shows (read by the stories' browser test), and the arg types every element story has.
 */
import type { ArgTypes } from '@storybook/web-components-vite';
import { LOCALES, SOURCE_DESCRIPTIONS, SOURCE_NAMES, ZONES } from './sources.js';

/** Story parameters the stories' test reads. */
export interface StoryCheck {
  /**
   * The part the element must show once settled: a state part (`skeleton`, `empty`,
   * `stale-notice`, `error`, `config-error`) or any other part name (`legend`, `calendar`,
   * ...); absent means content (days or cells with data).
   */
  shows?: string;
}

/** Arg types of the attributes and sources every element story has. */
export const commonArgTypes: Partial<ArgTypes> = {
  source: {
    name: 'source (story only)',
    description: `Where availability comes from: ${SOURCE_NAMES.map((n) => `\`${n}\`: ${SOURCE_DESCRIPTIONS[n]}`).join('; ')}.`,
    control: 'select',
    options: SOURCE_NAMES,
    table: { category: 'story' },
  },
  width: {
    name: 'width (story only)',
    description: 'Width of the box the element sits in (any CSS length).',
    control: 'text',
    table: { category: 'story' },
  },
  locale: {
    description:
      '`en`, `de`, `es`, `fr`, `it` or `nl`; region tags use their language; anything else shows English with a `scheduling-warning`. Empty: the Locale toolbar.',
    control: 'select',
    options: ['', ...LOCALES, 'pt-BR'],
  },
  tzid: {
    description:
      "IANA zone every time is shown in; invalid is a configuration error. Empty: the Zone toolbar, else the browser's zone.",
    control: 'select',
    options: ['', ...ZONES, 'Mars/Olympus_Mons'],
  },
  query: {
    description:
      'The Availability API query (`participants`, `required_duration`, `query_periods`, ...): an object, or JSON text in the attribute.',
    control: 'object',
  },
};
