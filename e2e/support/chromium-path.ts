import { existsSync } from 'node:fs';

/** Debian's Chromium, the browser the e2e tests and the benchmark drive. */
export const DEBIAN_CHROMIUM = '/usr/bin/chromium';

/**
 * The Chromium to launch: `CHROMIUM_PATH` when set, else Debian's `/usr/bin/chromium` when
 * installed, else `undefined` so Playwright uses a browser it downloaded itself (if any).
 */
export function chromiumPath(): string | undefined {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv !== undefined && fromEnv !== '') return fromEnv;
  return existsSync(DEBIAN_CHROMIUM) ? DEBIAN_CHROMIUM : undefined;
}
