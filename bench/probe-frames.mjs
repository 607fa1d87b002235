/**
 * Recorder part: frames. For every `requestAnimationFrame` callback its run time `r` and rAF
 * timestamp `ts`, and the time `p` of a MessageChannel task posted from that callback, which runs
 * after the frame's style, layout and paint (the "post-paint" stamp); `hr`/`hp` are the recorder's
 * own time totals at `r` and `p`. Also serves calibration's `rafIntervals`. Self-contained init
 * script (see `probe-core.mjs`).
 */

/* global window, requestAnimationFrame -- runs in the page */

/** @typedef {{ r: number[], ts: number[], p: number[], hr: number[], hp: number[] }} FrameRecording */

/** Installs the `frames` part. @returns {void} */
export function installFrameProbe() {
  const core = /** @type {import('./probe-core.mjs').ProbeCore} */ (
    /** @type {any} */ (window).__benchProbe
  );
  if (core.parts.frames) return;
  /** @type {FrameRecording} */
  let frames = { r: [], ts: [], p: [], hr: [], hp: [] };

  const channel = new MessageChannel();
  channel.port1.onmessage = (event) => {
    const t = core.now();
    const index = /** @type {number} */ (event.data);
    if (core.recording && index < frames.p.length) {
      frames.p[index] = t;
      frames.hp[index] = core.harness;
    }
    core.harness += core.now() - t;
  };
  /** @param {number} ts */
  const loop = (ts) => {
    const t = core.now();
    if (core.recording) {
      frames.r.push(t);
      frames.ts.push(ts);
      frames.p.push(NaN);
      frames.hr.push(core.harness);
      frames.hp.push(NaN);
      channel.port2.postMessage(frames.r.length - 1);
    }
    requestAnimationFrame(loop);
    core.harness += core.now() - t;
  };
  requestAnimationFrame(loop);

  core.parts.frames = {
    arm() {
      frames = { r: [], ts: [], p: [], hr: [], hp: [] };
    },
    collect() {
      const recorded = frames;
      frames = { r: [], ts: [], p: [], hr: [], hp: [] };
      return { frames: recorded };
    },
  };
}

/**
 * rAF intervals over `ms` (calibration), in ms.
 * @param {number} ms
 * @returns {Promise<number[]>}
 */
export function rafIntervals(ms) {
  return new Promise((resolve) => {
    /** @type {number[]} */
    const stamps = [];
    /** @param {number} ts */
    const step = (ts) => {
      stamps.push(ts);
      if (ts - stamps[0] < ms) requestAnimationFrame(step);
      else resolve(stamps.slice(1).map((value, i) => value - stamps[i]));
    };
    requestAnimationFrame(step);
  });
}
