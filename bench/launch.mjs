/**
 * How the benchmark starts Chromium: headless, the e2e launch flags (`e2e/support/chromium.mjs`)
 * plus flags that keep a page nobody looks at from being throttled, and one viewport for every run.
 */

import { CHROMIUM_ARGS, chromiumPath } from '../e2e/support/chromium.mjs';

/** Flags the benchmark adds to the e2e launch flags: no throttling of a page nobody looks at. */
export const BENCH_EXTRA_ARGS = [
  '--disable-renderer-backgrounding',
  '--disable-background-timer-throttling',
  '--disable-backgrounding-occluded-windows',
];

/** Flags that uncap rAF and would make "one render per frame" meaningless. */
const FORBIDDEN_ARGS = ['--disable-frame-rate-limit', '--disable-gpu-vsync'];

/**
 * Options for `chromium.launch`: headless, the e2e flags plus {@link BENCH_EXTRA_ARGS}.
 * @returns {import('@playwright/test').LaunchOptions}
 */
export function launchOptions() {
  const args = [...new Set([...CHROMIUM_ARGS, ...BENCH_EXTRA_ARGS])].filter(
    (arg) => !FORBIDDEN_ARGS.includes(arg),
  );
  return { headless: true, executablePath: chromiumPath(), args };
}

/** The viewport of every run, in CSS pixels. */
export const VIEWPORT = { width: 1280, height: 800 };
