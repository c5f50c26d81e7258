/**
 * In-page timing of "until painted" for the browser benchmarks.
 *
 * Method: the action starts inside a `requestAnimationFrame` callback, so the frame is just
 * beginning. A `ResizeObserver` registered in that callback reports within the same frame's
 * rendering steps, after every rAF callback, the microtasks they queued (Lit renders in
 * microtasks), style and layout, and just before paint. If the expected state is in the DOM
 * then, it is what this frame paints, and a `setTimeout(0)` posted at that point runs after
 * the frame's paint and commit: that is the painted time. Otherwise (the state arrives in a
 * later task: a timer, a network answer, a scheduler's message) a `MutationObserver` waits for
 * it, and the painted time is a `setTimeout(0)` posted from the next `requestAnimationFrame`,
 * i.e. right after the first frame that can show it.
 */

/** Times, in `performance.now()` milliseconds, of one measured action. */
export interface PaintTiming {
  /** The action started (inside a rAF callback). */
  start: number;
  /** The expected state was found in the DOM (for a same-frame render: before paint, after layout). */
  found: number;
  /** The frame showing it was painted. */
  painted: number;
  /** Whether the state was rendered within the frame the action started in. */
  sameFrame: boolean;
}

const OBSERVE: MutationObserverInit = {
  subtree: true,
  childList: true,
  attributes: true,
  characterData: true,
};

/**
 * Runs `action` at the start of a frame and resolves when a frame showing `painted()` has been
 * painted. `root()` is where mutations are watched (a shadow root for our elements, the target
 * element for a light-DOM library); it is read after the action, so the action may create it.
 */
export function timeToPaint(
  action: () => void,
  painted: () => boolean,
  root: () => Node,
  timeoutMs = 15_000,
): Promise<PaintTiming> {
  return new Promise((resolve, reject) => {
    requestAnimationFrame(() => {
      const start = performance.now();
      const timer = setTimeout(
        () => reject(new Error(`the expected state was not painted within ${timeoutMs} ms`)),
        timeoutMs,
      );
      const finish = (found: number, sameFrame: boolean, inRendering = true) => {
        const done = () => {
          clearTimeout(timer);
          resolve({ start, found, painted: performance.now(), sameFrame });
        };
        if (inRendering) setTimeout(done, 0);
        else requestAnimationFrame(() => setTimeout(done, 0));
      };
      try {
        action();
      } catch (error) {
        clearTimeout(timer);
        reject(error);
        return;
      }
      // Runs in the next frame: tells whether the observer below reported in this one.
      let nextFrame = false;
      requestAnimationFrame(() => (nextFrame = true));
      const probe = new ResizeObserver(() => {
        probe.disconnect();
        // Whichever frame this is, its paint follows, so setTimeout(0) still marks it.
        if (painted()) return finish(performance.now(), !nextFrame);
        let waiting = true;
        const watcher = new MutationObserver(() => {
          if (!waiting || !painted()) return;
          waiting = false;
          watcher.disconnect();
          finish(performance.now(), false, false);
        });
        watcher.observe(root(), OBSERVE);
      });
      probe.observe(document.documentElement);
    });
  });
}

/** Resolves after the next frame has been painted. */
export function afterNextPaint(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
}

/** Resolves after `ms` milliseconds. */
export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** A seeded 32-bit PRNG (mulberry32, as bench/engine.ts) returning floats in [0, 1). */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `count` distinct integers from [0, n) chosen by `random`, ascending (a partial Fisher-Yates). */
export function choose(n: number, count: number, random: () => number): number[] {
  const pool = Array.from({ length: n }, (_, i) => i);
  const take = Math.min(count, n);
  for (let i = 0; i < take; i++) {
    const j = i + Math.floor(random() * (n - i));
    [pool[i], pool[j]] = [pool[j]!, pool[i]!];
  }
  return pool.slice(0, take).sort((a, b) => a - b);
}

/** An instant as the API writes it. */
export function iso(ms: number): string {
  return new Date(ms).toISOString().replace('.000Z', 'Z');
}
