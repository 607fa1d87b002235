/**
 * Recorder part: input and long frames. Per `keydown` (capture on window; Enter, which sends the
 * question, excluded) the event's timestamp and the handler's time; Event Timing entries
 * (`type: 'event'`, ≥ 16 ms) and long animation frames (`type: 'long-animation-frame'`, buffered;
 * the API reports only frames ≥ 50 ms) with their top three script attributions. Self-contained
 * init script (see `probe-core.mjs`).
 */

/* global window -- runs in the page */

/**
 * @typedef {object} LongFrame
 * @property {number} startTime
 * @property {number} duration
 * @property {number} blockingDuration
 * @property {string[]} scripts The three longest script attributions, "12ms invoker fn file".
 */

/** Installs the `input` part. @returns {void} */
export function installInputProbe() {
  const core = /** @type {import('./probe-core.mjs').ProbeCore} */ (
    /** @type {any} */ (window).__benchProbe
  );
  if (core.parts.input) return;
  /** @type {number[][]} */
  let keys = [];
  /** @type {number[][]} */
  let eventTimings = [];
  /** @type {LongFrame[]} */
  let loafs = [];

  window.addEventListener(
    'keydown',
    (event) => {
      if (core.recording && event.key !== 'Enter') keys.push([event.timeStamp, core.now()]);
    },
    true,
  );
  try {
    new PerformanceObserver((list) => {
      if (!core.recording) return;
      for (const entry of list.getEntries()) {
        const e = /** @type {PerformanceEventTiming} */ (entry);
        eventTimings.push([
          e.startTime,
          e.duration,
          e.processingStart,
          e.processingEnd,
          e.interactionId ?? 0,
        ]);
      }
    }).observe(/** @type {PerformanceObserverInit} */ ({ type: 'event', durationThreshold: 16 }));
  } catch {
    // Event Timing unsupported: keystroke timing falls back to the keydown stamps.
  }
  try {
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) {
        const e =
          /** @type {PerformanceEntry & { blockingDuration?: number, scripts?: { sourceURL?: string, sourceFunctionName?: string, invoker?: string, duration: number }[] }} */ (
            entry
          );
        loafs.push({
          startTime: e.startTime,
          duration: e.duration,
          blockingDuration: e.blockingDuration ?? 0,
          scripts: (e.scripts ?? [])
            .slice()
            .sort((a, b) => b.duration - a.duration)
            .slice(0, 3)
            .map(
              (s) =>
                `${Math.round(s.duration)}ms ${s.invoker ?? ''} ${s.sourceFunctionName ?? ''} ${(s.sourceURL ?? '').split('/').pop()}`,
            ),
        });
      }
    }).observe({ type: 'long-animation-frame', buffered: true });
  } catch {
    // LoAF unsupported.
  }

  core.parts.input = {
    arm() {
      keys = [];
      eventTimings = [];
      loafs = [];
    },
    collect() {
      const recorded = {
        keys,
        eventTimings,
        loafs: loafs.filter((l) => l.startTime >= core.armAt),
      };
      keys = [];
      eventTimings = [];
      loafs = [];
      return recorded;
    },
  };
}
