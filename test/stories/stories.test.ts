/**
 * Every story of every stories module, rendered in Chromium the way Storybook renders it (the
 * story's render function with the meta's args under the story's own), with empty `locale` and
 * `tzid` filled as the toolbars' initial globals fill them. Each must settle into the state it
 * declares (`parameters.shows`, a part name; content when absent), show it visibly, and pass
 * axe.
 */
import { expect, fixture, waitUntil } from '@open-wc/testing';
import type { TemplateResult } from 'lit';
import * as viewerStories from '../../stories/availability-viewer.stories.js';
import * as rtsStories from '../../stories/rts-booking-page.stories.js';
import * as pickerStories from '../../stories/slot-picker.stories.js';
import type { StoryCheck } from '../../stories/support/story-types.js';
import * as themingStories from '../../stories/theming.stories.js';

type Args = Record<string, unknown>;
type Render = (args: never, context: never) => TemplateResult;

interface StoryShape {
  args?: Args;
  render?: Render;
  parameters?: StoryCheck & Record<string, unknown>;
}

interface StoriesModule {
  default: { title?: string; args?: Args; render?: Render };
}

/** What the toolbars start with in `.storybook/preview.ts`. */
const INITIAL_GLOBALS = { locale: 'en', zone: 'Europe/Berlin' };

const ELEMENTS = 'slot-picker, availability-viewer, rts-booking-page';

/** Where each element shows its data (as opposed to a state): something a visitor can pick. */
const CONTENT: Record<string, string> = {
  'slot-picker': '[part~="day"], [part~="calendar-day"]',
  // Bookable cells, or in free_select the painted and unpainted ones.
  'availability-viewer': ['available', 'free', 'busy']
    .map((state) => `.scroll[aria-busy="false"] [part~="cell"][part~="${state}"]`)
    .join(', '),
  'rts-booking-page': '[part~="day"], [part~="calendar-day"], [part~="time"]',
};

/** The element's shadow root, which a settled element always has. */
function rootOf(el: Element): ShadowRoot {
  if (!el.shadowRoot) throw new Error(`<${el.localName}> has no shadow root`);
  return el.shadowRoot;
}

/** The visible thing the story must show, or null while it is not there yet. */
function shown(el: Element, shows: string | undefined): HTMLElement | null {
  const root = rootOf(el);
  // Texts load asynchronously; a root with no text at all has not rendered its state yet.
  if ((root.textContent ?? '').trim() === '') return null;
  if (shows) return root.querySelector<HTMLElement>(`[part~="${shows}"]`);
  const busy = root.querySelector('[part="base"][aria-busy="true"]');
  return busy ? null : root.querySelector<HTMLElement>(CONTENT[el.localName]!);
}

/** The stories of `module`: every named export but the meta. */
function storiesOf(module: StoriesModule): [string, StoryShape][] {
  return Object.entries(module).filter(
    (entry): entry is [string, StoryShape] =>
      entry[0] !== 'default' && typeof entry[1] === 'object' && entry[1] !== null,
  );
}

const MODULES: StoriesModule[] = [pickerStories, viewerStories, rtsStories, themingStories];

for (const module of MODULES) {
  const meta = module.default;
  describe(`stories: ${meta.title}`, () => {
    for (const [name, story] of storiesOf(module)) {
      it(name, async () => {
        const args: Args = { ...meta.args, ...story.args };
        if ('locale' in args && !args.locale) args.locale = INITIAL_GLOBALS.locale;
        if ('tzid' in args && !args.tzid) args.tzid = INITIAL_GLOBALS.zone;
        const render = story.render ?? meta.render;
        expect(render, 'a render function').to.be.a('function');
        const host = await fixture<HTMLElement>(render!(args as never, {} as never));
        const elements = [...host.querySelectorAll(ELEMENTS)];
        if (host.matches(ELEMENTS)) elements.unshift(host);
        expect(elements.length, 'the story renders an element').to.be.above(0);
        const shows = story.parameters?.shows;
        for (const el of elements) {
          await (el as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
          await waitUntil(
            () => shown(el, shows) !== null,
            `<${el.localName}> never showed ${shows ?? 'its content'}`,
            { timeout: 6000 },
          );
          const visible = shown(el, shows)!.getBoundingClientRect();
          expect(visible.width * visible.height, `${shows ?? 'content'} is visible`).to.be.above(0);
        }
        await expect(host).to.be.accessible();
      });
    }
  });
}
