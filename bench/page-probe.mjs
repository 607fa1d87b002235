/**
 * The in-page half of the benchmark: init scripts that record, with `performance.now()` times,
 * what the page sees and paints while a reply streams, and `window.__bench`, the API the harness
 * calls (`page-api.mjs`). Everything the recorder does is timed and reported as `harnessMs` so its
 * own main-thread cost can be told apart from the renderer's.
 *
 * Parts, one file each, installed in this order: `probe-core.mjs` (shared state), `probe-frames.mjs`
 * (rAF and post-paint stamps), `probe-reads.mjs` (network reads of the stream), `probe-message.mjs`
 * (the new assistant message's mutations and status), `probe-input.mjs` (keystrokes, Event Timing,
 * long animation frames), then {@link installBenchApi}.
 */

/* global window -- installBenchApi runs in the page */

import { installProbeCore } from './probe-core.mjs';
import { installFrameProbe } from './probe-frames.mjs';
import { installInputProbe } from './probe-input.mjs';
import { installMessageProbe } from './probe-message.mjs';
import { installReadProbe } from './probe-reads.mjs';

/**
 * @typedef {object} PageRecording
 * @property {number} timeOrigin `performance.timeOrigin` of the page (epoch ms).
 * @property {number} armAt When recording started.
 * @property {import('./probe-frames.mjs').FrameRecording} frames
 * @property {number[]} reads Flat triples: time, cumulative SSE events, cumulative bytes.
 * @property {number} requestAt When the chat completions fetch was called; NaN if never.
 * @property {number} bodyEndAt When the body's last read resolved; NaN if it did not.
 * @property {number[][]} muts `[time, reasoningLength, answerLength, nextReasoningProbe,
 *   nextAnswerProbe, hasReasoningElement]` per MutationObserver callback.
 * @property {[number, string][]} statuses `[time, status]` at each `data-status` change.
 * @property {number} doneAt When the status became terminal; NaN if it did not.
 * @property {number[][]} keys `[event.timeStamp, handler time]` per keydown.
 * @property {number[][]} eventTimings `[startTime, duration, processingStart, processingEnd,
 *   interactionId]` of Event Timing entries (≥ 16 ms).
 * @property {import('./probe-input.mjs').LongFrame[]} loafs
 * @property {number} harnessMs Main-thread time spent in the recorder's callbacks.
 * @property {{ reasoning: number, answer: number, reasoningLength: number, answerLength: number,
 *   hasReasoning: boolean, status: string }} final Probes present in the final text, and its size.
 */

/**
 * @typedef {object} BenchPageApi
 * @property {(config: import('./probe-core.mjs').ArmConfig) => void} arm Clears every part and
 *   starts recording.
 * @property {(timeoutMs: number) => Promise<string>} whenDone Resolves with the terminal status,
 *   or `'timeout'`.
 * @property {() => PageRecording} collect Stops recording and returns everything; the parts let go
 *   of it, so nothing of the recording stays in the page's heap.
 * @property {() => number} harnessMs The recorder's main-thread time so far.
 */

/** Installs `window.__bench` over the parts. Self-contained init script. @returns {void} */
export function installBenchApi() {
  const win = /** @type {Window & { __bench?: BenchPageApi, __benchProbe?: any }} */ (window);
  const core = /** @type {import('./probe-core.mjs').ProbeCore} */ (win.__benchProbe);
  if (win.__bench) return;
  win.__bench = {
    arm(config) {
      for (const part of Object.values(core.parts)) part.arm(config);
      core.harness = 0;
      core.recording = true;
      core.armAt = core.now();
    },
    whenDone: (timeoutMs) => core.whenDone(timeoutMs),
    collect() {
      core.recording = false;
      /** @type {Record<string, unknown>} */
      let recording = {
        timeOrigin: performance.timeOrigin,
        armAt: core.armAt,
        harnessMs: core.harness,
      };
      for (const part of Object.values(core.parts)) recording = { ...recording, ...part.collect() };
      return /** @type {PageRecording} */ (/** @type {unknown} */ (recording));
    },
    harnessMs: () => core.harness,
  };
}

/** The recorder's init scripts, in installation order. */
export const PAGE_PROBE_SCRIPTS = [
  installProbeCore,
  installFrameProbe,
  installReadProbe,
  installMessageProbe,
  installInputProbe,
  installBenchApi,
];

/**
 * Adds the recorder to every document the page opens from now on.
 * @param {import('@playwright/test').Page} page
 */
export async function addPageProbe(page) {
  for (const script of PAGE_PROBE_SCRIPTS) await page.addInitScript(script);
}

/**
 * Installs the recorder in the page's current document (for `about:blank`, where init scripts do
 * not run).
 * @param {import('@playwright/test').Page} page
 */
export async function runPageProbe(page) {
  for (const script of PAGE_PROBE_SCRIPTS) await page.evaluate(script);
}
