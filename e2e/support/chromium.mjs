// The Chromium that the e2e tests and the benchmark drive, and the flags they launch it with.
import { existsSync } from 'node:fs';

/** Debian's Chromium, installed by `.ci/run` when missing. */
export const DEBIAN_CHROMIUM = '/usr/bin/chromium';

/**
 * Launch flags: root needs `--no-sandbox`, and the closed network here needs every background
 * connection switched off, or Chromium keeps trying to reach outside hosts.
 */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

/**
 * The Chromium to launch: `CHROMIUM_PATH` when set, else Debian's `/usr/bin/chromium` when
 * installed, else `undefined` so Playwright uses a browser it downloaded itself (if any).
 * @returns {string | undefined}
 */
export function chromiumPath() {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv !== undefined && fromEnv !== '') return fromEnv;
  return existsSync(DEBIAN_CHROMIUM) ? DEBIAN_CHROMIUM : undefined;
}
