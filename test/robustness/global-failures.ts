/**
 * Root hooks for the robustness suites: every test must end with nothing reported to `window`
 * 'error' or 'unhandledrejection', nothing logged with `console.error`, and `Object.prototype`
 * untouched. Call `watchGlobalFailures()` once at the top level of a test file.
 */
import { expect } from '@open-wc/testing';

/** Installs the listeners before the file's tests and checks them after each test. */
export function watchGlobalFailures(): void {
  const failures: string[] = [];
  const onError = (e: ErrorEvent) => failures.push(`error: ${e.message}`);
  const onRejection = (e: PromiseRejectionEvent) =>
    failures.push(`unhandledrejection: ${String(e.reason)}`);
  let consoleError: typeof console.error;

  before(() => {
    window.addEventListener('error', onError);
    window.addEventListener('unhandledrejection', onRejection);
    consoleError = console.error;
    console.error = (...args: unknown[]) => {
      failures.push(`console.error: ${args.map(String).join(' ')}`);
      consoleError(...args);
    };
  });

  after(() => {
    window.removeEventListener('error', onError);
    window.removeEventListener('unhandledrejection', onRejection);
    console.error = consoleError;
  });

  afterEach(() => {
    const seen = failures.splice(0);
    expect(seen, 'uncaught errors, rejections or console errors').to.deep.equal([]);
    expect(({} as Record<string, unknown>).polluted, 'Object.prototype polluted').to.equal(
      undefined,
    );
  });
}
