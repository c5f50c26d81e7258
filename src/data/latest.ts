/**
 * Latest-wins requests for controllers: starting a request aborts the one it supersedes.
 *
 * Contract: `run(fn)` calls `fn` at once with a fresh `AbortSignal`, then aborts the signal of
 * the previous run; a superseded run rejects with an `AbortError` even if its `fn` ignores the
 * signal and settles later, so only the latest answer is ever delivered.
 */
import { abortError } from './errors.js';
import { untilAborted } from './timing.js';

/** Runs one request at a time, aborting the superseded one. */
export class LatestRequest<T> {
  private controller: AbortController | undefined;

  /** Whether a run is under way and not yet settled or superseded. */
  get pending(): boolean {
    return this.controller !== undefined;
  }

  /** The answer of `fn`, unless a later `run` or `abort` supersedes it (then an `AbortError`). */
  run(fn: (signal: AbortSignal) => Promise<T>): Promise<T> {
    const superseded = this.controller;
    const controller = new AbortController();
    this.controller = controller;
    let answer: Promise<T>;
    try {
      answer = fn(controller.signal);
    } catch (error) {
      answer = Promise.reject(error);
    }
    // Abort only after the new request has started, so a transport that shares identical
    // requests in flight sees the new caller join before the old one leaves.
    superseded?.abort();
    return untilAborted(answer, controller.signal)
      .then((value) => {
        // A run superseded after its answer arrived but before this callback still loses.
        if (controller.signal.aborted) throw abortError();
        return value;
      })
      .finally(() => {
        if (this.controller === controller) this.controller = undefined;
      });
  }

  /** Aborts the current run, if any. */
  abort(): void {
    this.controller?.abort();
    this.controller = undefined;
  }
}
