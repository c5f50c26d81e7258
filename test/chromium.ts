/**
 * The one Chromium every browser run of the project uses (browser tests, end-to-end and Node
 * tests that drive a page, benchmarks): `CHROME_PATH`, else Debian's `/usr/bin/chromium`,
 * headless with the flags a machine without a GPU, sandbox or outside network needs.
 */
import { chromium, type Browser } from 'playwright-core';

/** The Chromium binary. */
export const chromiumPath = process.env.CHROME_PATH ?? '/usr/bin/chromium';

/** Flags for every launch: no sandbox or GPU, and no calls out to the network. */
export const chromiumArgs: readonly string[] = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

/** Headless Chromium with the project's flags and any `extraArgs`. */
export function launchChromium(extraArgs: readonly string[] = []): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: [...chromiumArgs, ...extraArgs],
  });
}
