/**
 * The shared state of the in-page recorder (`page-probe.mjs`): the clock, whether it is recording,
 * and `harness`, the main-thread time its own callbacks have taken (every part adds its time, so
 * the renderer's cost can be told apart from the recorder's). Installed first, as
 * `window.__benchProbe`; every other part reads it from there.
 *
 * Like every part of the recorder this is an init script: Playwright serializes the function into
 * the page, so it must be self-contained (no imports, no outer variables).
 */

/* global window -- runs in the page */

/**
 * @typedef {object} ProbePart One recorder part: clears its data when the recorder is armed, and
 *   adds its data to the recording when it is collected.
 * @property {(config: ArmConfig) => void} arm
 * @property {() => Record<string, unknown>} collect
 */

/**
 * @typedef {object} ArmConfig
 * @property {number} reasoningProbes How many probe words the reasoning will hold.
 * @property {number} answerProbes How many the answer will hold.
 */

/**
 * @typedef {object} ProbeCore
 * @property {() => number} now `performance.now()`.
 * @property {boolean} recording Between `arm` and `collect`.
 * @property {number} harness The recorder's main-thread time since arming, in ms.
 * @property {number} armAt When recording started.
 * @property {Record<string, ProbePart>} parts By name.
 * @property {(timeoutMs: number) => Promise<string>} whenDone Resolves with the new message's
 *   terminal status, or `'timeout'` (set by the `message` part).
 */

/** Installs `window.__benchProbe` once. @returns {void} */
export function installProbeCore() {
  const win = /** @type {Window & { __benchProbe?: ProbeCore }} */ (window);
  if (win.__benchProbe) return;
  win.__benchProbe = {
    now: () => performance.now(),
    recording: false,
    harness: 0,
    armAt: NaN,
    parts: {},
    whenDone: () => Promise.resolve('no message part'),
  };
}
