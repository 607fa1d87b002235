/**
 * The metrics of one run, computed from the in-page recordings, CDP's performance metrics and the
 * synthetic server's record (definitions in `bench/README.md`, "Metrics"). Every time is in the
 * page's `performance.now()` base unless stated.
 */

import { firstAbove, mean, percentile, round } from './stats.mjs';

/** @typedef {import('./synth-server.mjs').StreamRecord} StreamRecord */
/** @typedef {import('./page-probe.mjs').PageRecording} PageRecording */

/**
 * @typedef {object} RunMetrics
 * @property {string} status The message's final `data-status`.
 * @property {boolean} complete The server wrote the whole stream and the page received every event.
 * @property {number} tokensSent Counted by the server.
 * @property {number} tokensReceived Tokens of the SSE events the page received (from the plan).
 * @property {number} eventsExpected
 * @property {number} eventsReceived
 * @property {number} streamMs First to last body read in the page.
 * @property {number} wallMs The CDP window: from just before sending to just after the status
 *   turned terminal (Δ of the `Timestamp` metric).
 * @property {number} taskMs ΔTaskDuration (CDP) over that window: all main-thread tasks of the
 *   renderer.
 * @property {number} scriptMs ΔScriptDuration.
 * @property {number} layoutMs ΔLayoutDuration.
 * @property {number} styleMs ΔRecalcStyleDuration.
 * @property {number} harnessMs Main-thread time of the in-page recorder (subtracted below).
 * @property {number} busy (taskMs − harnessMs) / wallMs.
 * @property {number} usPerToken (taskMs − harnessMs) per token sent, in µs.
 * @property {number} loafCount Long animation frames (≥ 50 ms) between send and final paint.
 * @property {number} loafMaxMs Longest of them (0 when none).
 * @property {number} loafBlockingMs Sum of their blocking durations.
 * @property {string[]} loafWorst Top script attributions of the longest one.
 * @property {number} frames rAF callbacks between first byte and final paint.
 * @property {number} fps
 * @property {number} rafMaxGapMs Longest interval between rAF timestamps in that window.
 * @property {number} rafP95Ms
 * @property {number} commitsPerSec Content-changing mutation batches per second of stream.
 * @property {number} byteToPaintP50Ms Probe arrival in the page → first post-paint stamp after the
 *   mutation that showed it.
 * @property {number} byteToPaintP95Ms
 * @property {number} byteToPaintMaxMs
 * @property {number} byteToPaintServerP95Ms The same from the server's write time (epoch clocks).
 * @property {number} probesTimed
 * @property {number} probesMissing Probes expected in a shown channel but absent from the final DOM.
 * @property {number} firstPaintMs First byte → first reasoning text painted (open panel only).
 * @property {number} lastByteToFinalPaintMs Last body read → post-paint stamp after the later of
 *   the terminal status and the last content change.
 * @property {number} frameWorkFirstMs Mean per-frame work in the first 10% of the stream.
 * @property {number} frameWorkLastMs The same in the last 10%.
 * @property {number} frameWorkRatio last / first.
 * @property {number} frameWorkP95Ms p95 of per-frame work over the stream.
 * @property {number} heapMB JSHeapUsedSize after a forced GC, at the end.
 * @property {number} nodes DOM nodes (CDP `Nodes`) after that GC.
 * @property {number} keyToPaintP50Ms keydown timestamp → first post-paint stamp after its handler.
 * @property {number} keyToPaintP95Ms
 * @property {number} keyToPaintMaxMs
 * @property {number} keysDuringStream Keystrokes before the last byte.
 * @property {number} eventTimingCount Event Timing entries ≥ 16 ms while typing.
 * @property {number} eventTimingMaxMs
 * @property {number} renderedReasoningChars Final text length of `[data-testid=reasoning]`.
 * @property {number} renderedAnswerChars Final text length of `[data-testid=answer]`.
 * @property {number} serverMaxLateMs The latest the server wrote a group after its due time.
 * @property {'composer' | 'reasoning-search' | 'nothing'} typedInto Where the keystrokes went (set
 *   by `measureRun`).
 */

/**
 * @typedef {object} MetricsInput
 * @property {import('./stream-plan.mjs').StreamPlan} plan
 * @property {PageRecording} recording
 * @property {Record<string, number>} before CDP metrics before sending.
 * @property {Record<string, number>} after Right after the status turned terminal.
 * @property {Record<string, number>} end After a forced GC.
 * @property {StreamRecord} server
 * @property {'open' | 'folded'} panel
 */

/**
 * Turns the recordings of a run into {@link RunMetrics}.
 * @param {MetricsInput} input
 * @returns {Omit<RunMetrics, 'typedInto'>}
 */
export function computeMetrics({ plan, recording: rec, before, after, end, server, panel }) {
  const { frames, muts } = rec;
  // Reads.
  /** @type {number[]} */
  const readTimes = [];
  /** @type {number[]} */
  const readEvents = [];
  for (let i = 0; i < rec.reads.length; i += 3) {
    readTimes.push(rec.reads[i]);
    readEvents.push(rec.reads[i + 1]);
  }
  const firstArrival = readTimes[0] ?? NaN;
  const lastArrival = readTimes[readTimes.length - 1] ?? NaN;
  const eventsReceived = readEvents[readEvents.length - 1] ?? 0;
  const tokensReceived = eventsReceived > 0 ? plan.frameTokens[eventsReceived - 1] : 0;
  /** Page time of the read that completed frame `e`. @param {number} e */
  const arrivalOf = (e) => {
    const index = firstAbove(readEvents, e);
    return index < readTimes.length ? readTimes[index] : NaN;
  };

  // Post-paint stamps, ascending.
  const paints = frames.p.filter(Number.isFinite).sort((a, b) => a - b);
  /** First post-paint stamp after `t`. @param {number} t */
  const paintAfter = (t) => {
    const index = firstAbove(paints, t);
    return index < paints.length ? paints[index] : NaN;
  };

  // Probes: arrival → paint.
  /** @type {number[]} */
  const latencies = [];
  /** @type {number[]} */
  const serverLatencies = [];
  let probesMissing = 0;
  const muTimes = muts.map((m) => m[0]);
  /**
   * @param {readonly number[]} probeFrames
   * @param {number} column Index of the probe counter in a mutation record.
   * @param {number} found Probes present in the final text.
   */
  const timeProbes = (probeFrames, column, found) => {
    probesMissing += Math.max(0, probeFrames.length - found);
    let m = 0;
    for (let i = 0; i < probeFrames.length; i++) {
      while (m < muts.length && muts[m][column] <= i) m++;
      if (m >= muts.length) break;
      const painted = paintAfter(muTimes[m]);
      const arrived = arrivalOf(probeFrames[i]);
      latencies.push(painted - arrived);
      const group = Math.floor(probeFrames[i] / plan.params.burst);
      const sentAt = server.firstByteAt + (server.writeTimes[group] ?? NaN) - rec.timeOrigin;
      serverLatencies.push(painted - sentAt);
    }
  };
  if (rec.final.hasReasoning) timeProbes(plan.reasoningProbes, 3, rec.final.reasoning);
  timeProbes(plan.answerProbes, 4, rec.final.answer);

  // Content changes and the final paint.
  /** @type {number[]} */
  const contentTimes = [];
  for (let i = 0; i < muts.length; i++) {
    const previous = i > 0 ? muts[i - 1] : [0, 0, 0];
    if (muts[i][1] !== previous[1] || muts[i][2] !== previous[2]) contentTimes.push(muts[i][0]);
  }
  const lastContent = contentTimes.length > 0 ? contentTimes[contentTimes.length - 1] : NaN;
  const finalChange = Math.max(rec.doneAt, Number.isFinite(lastContent) ? lastContent : -Infinity);
  const finalPaint = paintAfter(finalChange);
  const firstReasoningMut = muts.find((m) => m[1] > 0);
  const firstPaintMs =
    panel === 'open' && firstReasoningMut ? paintAfter(firstReasoningMut[0]) - firstArrival : NaN;

  // Frames in the stream window.
  /** @type {number[]} */
  const intervals = [];
  /** @type {{ r: number, work: number }[]} */
  const work = [];
  for (let i = 0; i < frames.r.length; i++) {
    const r = frames.r[i];
    if (r < firstArrival || r > finalPaint) continue;
    if (i > 0 && frames.r[i - 1] >= firstArrival) intervals.push(frames.ts[i] - frames.ts[i - 1]);
    if (Number.isFinite(frames.p[i])) {
      work.push({ r, work: frames.p[i] - r - (frames.hp[i] - frames.hr[i]) });
    }
  }
  const streamMs = lastArrival - firstArrival;
  const tenth = streamMs / 10;
  const firstWork = mean(
    work.filter((w) => w.r >= firstArrival && w.r <= firstArrival + tenth).map((w) => w.work),
  );
  const lastWork = mean(
    work.filter((w) => w.r >= lastArrival - tenth && w.r <= lastArrival).map((w) => w.work),
  );
  const windowFrames = intervals.length + 1;

  // Long animation frames between send and final paint.
  const loafs = rec.loafs.filter((l) => l.startTime >= rec.armAt && l.startTime <= finalPaint);
  const worst = loafs.reduce(
    /** @param {PageRecording['loafs'][number] | undefined} a @param {PageRecording['loafs'][number]} b */
    (a, b) => (a === undefined || b.duration > a.duration ? b : a),
    undefined,
  );

  // Keystrokes.
  const keyLatencies = rec.keys.map(([stamp, handled]) => paintAfter(handled) - stamp);
  const typingStart = rec.keys.length > 0 ? rec.keys[0][0] - 100 : Infinity;
  const eventTimings = rec.eventTimings.filter((e) => e[0] >= typingStart).map((e) => e[1]);

  // CDP.
  const delta = (/** @type {string} */ name) =>
    ((after[name] ?? NaN) - (before[name] ?? NaN)) * 1000;
  const taskMs = delta('TaskDuration');
  const netTaskMs = taskMs - rec.harnessMs;
  const wallMs = delta('Timestamp');

  return {
    status: rec.final.status,
    complete: server.complete && eventsReceived === plan.frames.length,
    tokensSent: server.tokens,
    tokensReceived,
    eventsExpected: plan.frames.length,
    eventsReceived,
    streamMs: round(streamMs, 1),
    wallMs: round(wallMs, 1),
    taskMs: round(taskMs, 1),
    scriptMs: round(delta('ScriptDuration'), 1),
    layoutMs: round(delta('LayoutDuration'), 1),
    styleMs: round(delta('RecalcStyleDuration'), 1),
    harnessMs: round(rec.harnessMs, 1),
    busy: round(netTaskMs / wallMs, 4),
    usPerToken: round((netTaskMs * 1000) / Math.max(1, server.tokens), 2),
    loafCount: loafs.length,
    loafMaxMs: round(worst?.duration ?? 0, 1),
    loafBlockingMs: round(
      loafs.reduce((sum, l) => sum + l.blockingDuration, 0),
      1,
    ),
    loafWorst: worst?.scripts ?? [],
    frames: windowFrames,
    fps: round((windowFrames * 1000) / (finalPaint - firstArrival), 1),
    rafMaxGapMs: round(intervals.length > 0 ? Math.max(...intervals) : NaN, 1),
    rafP95Ms: round(percentile(intervals, 95), 1),
    commitsPerSec: round(
      (contentTimes.filter((t) => t >= firstArrival && t <= lastArrival).length * 1000) /
        Math.max(1, streamMs),
      1,
    ),
    byteToPaintP50Ms: round(percentile(latencies, 50), 1),
    byteToPaintP95Ms: round(percentile(latencies, 95), 1),
    byteToPaintMaxMs: round(latencies.length > 0 ? Math.max(...latencies) : NaN, 1),
    byteToPaintServerP95Ms: round(percentile(serverLatencies, 95), 1),
    probesTimed: latencies.filter(Number.isFinite).length,
    probesMissing,
    firstPaintMs: round(firstPaintMs, 1),
    lastByteToFinalPaintMs: round(finalPaint - lastArrival, 1),
    frameWorkFirstMs: round(firstWork, 3),
    frameWorkLastMs: round(lastWork, 3),
    frameWorkRatio: round(lastWork / firstWork, 3),
    frameWorkP95Ms: round(
      percentile(
        work.map((w) => w.work),
        95,
      ),
      2,
    ),
    heapMB: round((end.JSHeapUsedSize ?? NaN) / 1048576, 2),
    nodes: end.Nodes ?? NaN,
    keyToPaintP50Ms: round(percentile(keyLatencies, 50), 1),
    keyToPaintP95Ms: round(percentile(keyLatencies, 95), 1),
    keyToPaintMaxMs: round(keyLatencies.length > 0 ? Math.max(...keyLatencies) : NaN, 1),
    keysDuringStream: rec.keys.filter(([stamp]) => stamp < lastArrival).length,
    eventTimingCount: eventTimings.length,
    eventTimingMaxMs: round(eventTimings.length > 0 ? Math.max(...eventTimings) : 0, 1),
    renderedReasoningChars: rec.final.reasoningLength,
    renderedAnswerChars: rec.final.answerLength,
    serverMaxLateMs: round(server.maxLateMs, 1),
  };
}
