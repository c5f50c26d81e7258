/**
 * Time and abort primitives the transports share, injectable so tests run on a fake clock.
 *
 * Contract: `Clock` returns UTC epoch milliseconds; `Sleep` resolves after `ms` milliseconds or
 * rejects with an `AbortError` as soon as `signal` aborts (at once if it already has).
 */
import { abortError } from './errors.js';

/** Current time in UTC epoch milliseconds. */
export type Clock = () => number;

/** Waits `ms` milliseconds; rejects with an `AbortError` when `signal` aborts. */
export type Sleep = (ms: number, signal?: AbortSignal) => Promise<void>;

/** The real clock. */
export const systemClock: Clock = () => Date.now();

/** A real, abortable wait on `setTimeout`. */
export const timerSleep: Sleep = (ms, signal) =>
  new Promise<void>((resolve, reject) => {
    if (signal?.aborted) return reject(abortError());
    const onAbort = () => {
      clearTimeout(timer);
      reject(abortError());
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });

/** `promise`, or an `AbortError` rejection as soon as `signal` aborts, whichever comes first. */
export function untilAborted<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return promise;
  if (signal.aborted) return Promise.reject(abortError());
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(abortError());
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}
