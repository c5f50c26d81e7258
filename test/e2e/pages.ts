/**
 * What the end-to-end tests read from pages: the focused element through shadow roots, the
 * booking page's state, and the localized texts from `locales/*.xlf`.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { ROOT, type Locale } from './harness.ts';

/** The focused element, followed into shadow roots. */
export interface Focused {
  /** The id of the page-level element holding focus (the custom element's own id). */
  host: string;
  tag: string;
  role: string;
  id: string;
  part: string;
  className: string;
  text: string;
}

/** Describes the element that has focus, however deep in shadow roots. */
export function focused(page: Page): Promise<Focused | null> {
  return page.evaluate(() => {
    const host = document.activeElement?.id ?? '';
    let active: Element | null = document.activeElement;
    while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
    if (!active || active === document.body) return null;
    return {
      host,
      tag: active.localName,
      role: active.getAttribute('role') ?? '',
      id: active.id,
      part: active.getAttribute('part') ?? '',
      className: active.getAttribute('class') ?? '',
      text: (active.getAttribute('aria-label') ?? active.textContent ?? '')
        .replace(/\s+/g, ' ')
        .trim(),
    };
  });
}

/**
 * Presses Tab until `wanted` has focus (at most 40 times), the way a keyboard user moves to a
 * control; fails with where focus went when it never arrives.
 */
export async function tabTo(
  page: Page,
  wanted: (f: Focused) => boolean,
  what: string,
): Promise<Focused> {
  const seen: string[] = [];
  for (let i = 0; i < 40; i += 1) {
    await page.keyboard.press('Tab');
    const now = await focused(page);
    if (now && wanted(now)) return now;
    seen.push(now ? `${now.tag}#${now.id}[${now.part}] "${now.text}"` : '(nothing)');
  }
  throw new Error(`Tab never reached ${what}; focus went to:\n  ${seen.join('\n  ')}`);
}

/** The booking page's state: its step heading, the focused element's tag and its `lang`. */
export function bookingState(page: Page): Promise<{
  busy: string | null;
  heading: string;
  headingFocused: boolean;
  lang: string;
  linkState: string;
}> {
  return page.evaluate(() => {
    const root = document.querySelector('rts-booking-page')?.shadowRoot;
    const headings = [...(root?.querySelectorAll('h1.page-heading, h2') ?? [])];
    const heading = headings[headings.length - 1];
    return {
      busy: root?.querySelector('[part="base"]')?.getAttribute('aria-busy') ?? null,
      heading: (heading?.textContent ?? '').replace(/\s+/g, ' ').trim(),
      headingFocused: !!heading && root?.activeElement === heading,
      lang: root?.querySelector('[part="base"]')?.getAttribute('lang') ?? '',
      linkState: root?.querySelector<HTMLElement>('[part~="link-state"]')?.dataset.state ?? '',
    };
  });
}

/** Waits until the booking page is neither loading nor sending and shows `heading`. */
export async function waitForHeading(page: Page, heading: string): Promise<void> {
  try {
    await page.waitForFunction(
      (want) => {
        const root = document.querySelector('rts-booking-page')?.shadowRoot;
        const base = root?.querySelector('[part="base"]');
        if (!root || base?.getAttribute('aria-busy') !== 'false') return false;
        if (root.querySelector('[part~="skeleton"]')) return false;
        const headings = [...root.querySelectorAll('h1.page-heading, h2')];
        return (headings[headings.length - 1]?.textContent ?? '').trim() === want;
      },
      heading,
      { timeout: 15_000 },
    );
  } catch (error) {
    const state = await bookingState(page);
    throw new Error(`expected the heading "${heading}", the page shows ${JSON.stringify(state)}`, {
      cause: error,
    });
  }
}

const ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
};

/** Message `id`'s text in `locale`: the XLIFF target (the source for English). */
export function localized(locale: Locale, id: string): string {
  const file = join(ROOT, 'locales', `${locale === 'en' ? 'de' : locale}.xlf`);
  const unit = new RegExp(
    `<trans-unit id="${id.replace(/\./g, '\\.')}">([\\s\\S]*?)</trans-unit>`,
  ).exec(readFileSync(file, 'utf8'))?.[1];
  const text =
    unit && new RegExp(`<${locale === 'en' ? 'source' : 'target'}>([\\s\\S]*?)</`).exec(unit)?.[1];
  if (!text) throw new Error(`no ${locale} text for ${id}`);
  return text.replace(/&(\w+);/g, (all, name: string) => ENTITIES[name] ?? all);
}

/** Waits until the demo page's live picker and viewer have their data (or show why not). */
export async function waitForDemoElements(page: Page): Promise<void> {
  await page.waitForFunction(
    () => {
      // No named functions in here: tsx's transform would wrap them in a helper the page lacks.
      for (const id of ['#live-picker', '#offline-picker']) {
        const root = document.querySelector(id)?.shadowRoot;
        if (!root?.querySelector('[part="base"][aria-busy="false"]')) return false;
        if (root.querySelector('[part~="skeleton"]')) return false;
      }
      const viewer = document.querySelector('#live-viewer')?.shadowRoot;
      return !!viewer?.querySelector(
        '.scroll[aria-busy="false"], [part="error"], [part="config-error"]',
      );
    },
    null,
    { timeout: 20_000 },
  );
}

/** Widths that overflow: the document's, and each element's against its own host. */
export function overflows(page: Page, selectors: readonly string[]): Promise<string[]> {
  return page.evaluate((list) => {
    const found: string[] = [];
    const doc = document.scrollingElement!;
    if (doc.scrollWidth > innerWidth) {
      found.push(`document: scrollWidth ${doc.scrollWidth} > innerWidth ${innerWidth}`);
    }
    for (const selector of list) {
      const host = document.querySelector<HTMLElement>(selector);
      if (!host) {
        found.push(`${selector}: not on the page`);
        continue;
      }
      const width = host.getBoundingClientRect().width;
      if (host.scrollWidth > Math.ceil(width)) {
        found.push(`${selector}: scrollWidth ${host.scrollWidth} > width ${width}`);
      }
      const base = host.shadowRoot?.querySelector<HTMLElement>('[part~="base"]');
      if (base && base.scrollWidth > Math.ceil(width)) {
        found.push(`${selector} [part=base]: scrollWidth ${base.scrollWidth} > host ${width}`);
      }
      const right = host.getBoundingClientRect().right;
      if (right > innerWidth + 0.5) found.push(`${selector}: right edge ${right} > ${innerWidth}`);
    }
    return found;
  }, selectors);
}

/**
 * From the focused cell of the live viewer's grid, the arrow keys that reach the first cell with
 * free time on the shown week (`[]` when focus is already there), or `undefined` when the week
 * has none.
 */
export function keysToAvailableCell(page: Page): Promise<string[] | undefined> {
  return page.evaluate(() => {
    const root = document.querySelector('#live-viewer')?.shadowRoot;
    const from = root?.activeElement as HTMLElement | null | undefined;
    const to = root?.querySelector<HTMLElement>('[role="gridcell"].available');
    if (!from?.dataset.c || !to) return undefined;
    const dc = Number(to.dataset.c) - Number(from.dataset.c);
    const dr = Number(to.dataset.r) - Number(from.dataset.r);
    return [
      ...Array<string>(Math.abs(dc)).fill(dc > 0 ? 'ArrowRight' : 'ArrowLeft'),
      ...Array<string>(Math.abs(dr)).fill(dr > 0 ? 'ArrowDown' : 'ArrowUp'),
    ];
  });
}
