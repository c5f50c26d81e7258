/// <reference types="vite/client" />
/**
 * Storybook preview: autodocs for every story file, the custom-elements manifest when the
 * library build has produced one, and the locale and zone toolbars.
 *
 * The toolbars set globals that a decorator hands to every story whose own `locale` or `tzid`
 * arg is empty, so a story that demonstrates one locale or zone keeps it, and the rest follow
 * the toolbar.
 */
import type { Decorator, Preview } from '@storybook/web-components-vite';
import { setCustomElementsManifest } from '@storybook/web-components-vite';
import { withActions } from 'storybook/actions/decorator';
import { LOCALES, ZONES } from '../stories/support/sources.js';

// `npm run build` (the manifest analyzer) writes dist/custom-elements.json; without it the
// docs fall back to each story file's own argTypes and descriptions.
const manifests = import.meta.glob<unknown>('../dist/custom-elements.json', {
  eager: true,
  import: 'default',
});
const manifest = Object.values(manifests)[0];
if (manifest) setCustomElementsManifest(publicOnly(manifest));

/** A manifest member: a field or method of a declaration. */
interface ManifestMember {
  privacy?: string;
  static?: boolean;
}

/**
 * `manifest` without private, protected and static members: the docs' tables list the public
 * API only (the analyzer records every member, with its privacy).
 */
function publicOnly(manifest: unknown): unknown {
  const modules = (manifest as { modules?: { declarations?: { members?: ManifestMember[] }[] }[] })
    .modules;
  if (!Array.isArray(modules)) return manifest;
  return {
    ...(manifest as object),
    modules: modules.map((module) => ({
      ...module,
      declarations: module.declarations?.map((declaration) => ({
        ...declaration,
        members: declaration.members?.filter(
          (member) => (member.privacy ?? 'public') === 'public' && !member.static,
        ),
      })),
    })),
  };
}

/** The toolbar value that leaves `tzid` empty, so elements use the browser's zone. */
const BROWSER_ZONE = 'browser';

const LOCALE_NAMES: Record<(typeof LOCALES)[number], string> = {
  en: 'English',
  de: 'Deutsch',
  es: 'Español',
  fr: 'Français',
  it: 'Italiano',
  nl: 'Nederlands',
};

/**
 * The toolbar value of `zone`: Storybook keeps globals in the URL only when they hold no `/`,
 * so `Europe/Berlin` travels as `europe-berlin`.
 */
function zoneKey(zone: string): string {
  return zone.toLowerCase().replace(/[^a-z0-9]+/g, '-');
}

const ZONE_BY_KEY = new Map<string, string>(ZONES.map((zone) => [zoneKey(zone), zone]));

/** Fills empty `locale` and `tzid` args from the toolbar's globals. */
const withLocaleAndZone: Decorator = (story, context) => {
  const { locale, zone } = context.globals as { locale?: string; zone?: string };
  const args = { ...context.args };
  if ('locale' in args && !args.locale && locale) args.locale = locale;
  const tzid = zone === undefined ? undefined : ZONE_BY_KEY.get(zone);
  if ('tzid' in args && !args.tzid && tzid) args.tzid = tzid;
  return story({ args });
};

type ArgTypesEnhancer = NonNullable<Preview['argTypesEnhancers']>[number];

/**
 * Keeps controls only on the args a story's render reads (its initial args): members the
 * manifest documents but the stories set another way (`demo`, `token`, `api-base`, ...) keep
 * their docs row without a control that would do nothing. Runs after the manifest's argTypes.
 */
const controlsForRenderedArgs: ArgTypesEnhancer = Object.assign(
  ((context) =>
    Object.fromEntries(
      Object.entries(context.argTypes).map(([key, argType]) => [
        key,
        key in context.initialArgs ? argType : { ...argType, control: false },
      ]),
    )) as ArgTypesEnhancer,
  { secondPass: true },
);

const preview: Preview = {
  argTypesEnhancers: [controlsForRenderedArgs],
  tags: ['autodocs'],
  // withActions logs the elements' events (parameters.actions.handles) in the Actions panel.
  decorators: [withLocaleAndZone, withActions],
  globalTypes: {
    locale: {
      description: 'Locale of every element whose story does not set one',
      toolbar: {
        title: 'Locale',
        icon: 'globe',
        items: LOCALES.map((value) => ({ value, title: LOCALE_NAMES[value], right: value })),
        dynamicTitle: true,
      },
    },
    zone: {
      description: 'Time zone of every element whose story does not set one',
      toolbar: {
        title: 'Zone',
        icon: 'time',
        items: [
          { value: BROWSER_ZONE, title: "Browser's zone" },
          ...ZONES.map((zone) => ({ value: zoneKey(zone), title: zone })),
        ],
        dynamicTitle: true,
      },
    },
  },
  // Europe/Berlin: the demo people work in Europe and New York, so the first week shows
  // availability whatever the reader's own zone; "Browser's zone" is one click away.
  initialGlobals: { locale: 'en', zone: zoneKey('Europe/Berlin') },
  parameters: {
    layout: 'padded',
    controls: { expanded: true, sort: 'requiredFirst' },
    actions: {
      handles: [
        'slot-selected',
        'selection-change',
        'week-change',
        'no-slots-found',
        'booking-confirmed',
        'scheduling-error',
        'scheduling-warning',
      ],
    },
  },
};

export default preview;
