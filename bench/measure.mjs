/**
 * The benchmark's library: launch settings, calibration, one measured streaming run, and the
 * statistics over runs. `run-bench.mjs` is the command line around it; `e2e/bench.spec.ts` runs a
 * tiny workload through it.
 *
 * A run (see {@link measureRun}): a fresh page with the provider settings pointing at the synthetic
 * server, the in-page recorder (`page-probe.mjs`), CDP `Performance.getMetrics` before and after
 * the stream, a 20-key typing probe in the composer mid-stream, then the metrics below computed
 * from the recordings. Every time is in the page's `performance.now()` base unless stated.
 */

/* global window, document, indexedDB -- these functions run in the page */

import { CHROMIUM_ARGS, chromiumPath } from '../e2e/support/chromium.mjs';
import { installPageProbe } from './page-probe.mjs';
import { buildHistory, buildStreamPlan, modelName } from './synth-text.mjs';

/** @typedef {import('@playwright/test').Page} Page */
/** @typedef {import('./synth-text.mjs').WorkloadParams} WorkloadParams */
/** @typedef {import('./synth-server.mjs').StreamRecord} StreamRecord */
/** @typedef {import('./page-probe.mjs').PageRecording} PageRecording */
/** @typedef {import('./page-probe.mjs').BenchPageApi} BenchPageApi */

/** Keys the app keeps its settings under (src/features/settings/settings-store.ts). */
export const SETTINGS_KEY = 'ruminate.provider.v1';
export const PREFERENCES_KEY = 'ruminate.preferences.v1';

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

/** The viewport of every run. */
export const VIEWPORT = { width: 1280, height: 800 };

// ---------------------------------------------------------------------------------------------
// Statistics

/**
 * Nearest-rank percentile of finite values; NaN when there are none.
 * @param {readonly number[]} values
 * @param {number} p In [0, 100].
 */
export function percentile(values, p) {
  const sorted = values.filter(Number.isFinite).sort((a, b) => a - b);
  if (sorted.length === 0) return NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))];
}

/** @param {readonly number[]} values */
export const median = (values) => {
  const sorted = values.filter(Number.isFinite).sort((a, b) => a - b);
  if (sorted.length === 0) return NaN;
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

/** @param {readonly number[]} values */
const mean = (values) => {
  const finite = values.filter(Number.isFinite);
  return finite.length === 0 ? NaN : finite.reduce((a, b) => a + b, 0) / finite.length;
};

/**
 * Index of the first element of an ascending array greater than `value` (its length if none).
 * @param {readonly number[]} sorted
 * @param {number} value
 */
function firstAbove(sorted, value) {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid] > value) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** @param {number} value @param {number} [digits] */
const round = (value, digits = 2) =>
  Number.isFinite(value) ? Math.round(value * 10 ** digits) / 10 ** digits : NaN;

// ---------------------------------------------------------------------------------------------
// Talking to the page

/**
 * Calls a method of the in-page recorder (`page-probe.mjs`).
 * @param {Page} page
 * @param {keyof BenchPageApi} method
 * @param {unknown} [arg]
 * @returns {Promise<unknown>}
 */
function callPage(page, method, arg) {
  return page.evaluate(([name, value]) => {
    const api = /** @type {Window & { __bench: BenchPageApi }} */ (/** @type {unknown} */ (window))
      .__bench;
    const fn = /** @type {(x: unknown) => unknown} */ (api[name]);
    return fn(value);
  }, /** @type {const} */ ([method, arg]));
}

/**
 * CDP performance metrics as a name → value map.
 * @param {import('@playwright/test').CDPSession} cdp
 * @returns {Promise<Record<string, number>>}
 */
async function metrics(cdp) {
  const { metrics: list } = await cdp.send('Performance.getMetrics');
  return Object.fromEntries(list.map((m) => [m.name, m.value]));
}

// ---------------------------------------------------------------------------------------------
// Calibration

/**
 * @typedef {object} Calibration
 * @property {number} medianFrameMs Median rAF interval on an idle page.
 * @property {number} p95FrameMs
 * @property {number} frames
 * @property {number} idleBusy Main-thread busy fraction of that idle page with the recorder's rAF
 *   loop running (CDP ΔTaskDuration / ΔTimestamp): the floor under every run's `busy`.
 * @property {boolean} ok Whether the median is within 16.0–17.4 ms (60 Hz).
 */

/**
 * 2 s of rAF on an idle page: the frame clock the runs will see.
 * @param {Page} page A fresh page.
 * @param {number} [ms]
 * @returns {Promise<Calibration>}
 */
export async function calibrate(page, ms = 2000) {
  await page.addInitScript(installPageProbe);
  await page.goto('about:blank');
  await page.evaluate(installPageProbe);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  const before = await metrics(cdp);
  const intervals = /** @type {number[]} */ (await callPage(page, 'rafIntervals', ms));
  const after = await metrics(cdp);
  await cdp.detach();
  const medianFrameMs = median(intervals);
  return {
    medianFrameMs: round(medianFrameMs),
    p95FrameMs: round(percentile(intervals, 95)),
    frames: intervals.length,
    idleBusy: round(
      (after.TaskDuration - before.TaskDuration) / (after.Timestamp - before.Timestamp),
      4,
    ),
    ok: medianFrameMs >= 16 && medianFrameMs <= 17.4,
  };
}

// ---------------------------------------------------------------------------------------------
// History (W5)

/**
 * Saves `turns` earlier question/answer turns as one conversation in the app's IndexedDB
 * (database `ruminate`, tables `conversations` and `messages`, as Dexie created them) and returns
 * its id. The app must have opened the database already (it does on start).
 * @param {Page} page The app, loaded.
 * @param {number} turns
 * @param {number} seed
 * @returns {Promise<string>}
 */
export async function seedAppHistory(page, turns, seed) {
  const history = buildHistory(turns, seed);
  return page.evaluate(async (items) => {
    const conversationId = 'bench-history';
    const base = Date.now() - items.length * 60_000;
    /** @type {Record<string, unknown>[]} */
    const messages = [];
    /** @type {string | null} */
    let parentId = null;
    items.forEach((item, i) => {
      const at = base + i * 60_000;
      const userId = `bench-u${String(i).padStart(3, '0')}`;
      const assistantId = `bench-a${String(i).padStart(3, '0')}`;
      messages.push({
        id: userId,
        parentId,
        createdAt: at,
        updatedAt: at,
        role: 'user',
        content: item.question,
        conversationId,
        revision: 1,
      });
      messages.push({
        id: assistantId,
        parentId: userId,
        createdAt: at + 1,
        updatedAt: at + 30_000,
        role: 'assistant',
        model: 'bench-history',
        providerName: 'Bench',
        state: {
          reasoning: item.reasoning,
          answer: item.answer,
          status: 'done',
          finishReason: 'stop',
          timing: {
            requestSentAt: at + 1,
            firstReasoningAt: at + 500,
            firstAnswerAt: at + 10_000,
            endedAt: at + 30_000,
          },
          malformedChunks: 0,
          sawDone: true,
        },
        conversationId,
        revision: 1,
      });
      parentId = assistantId;
    });
    /** @type {IDBDatabase} */
    const db = await new Promise((resolve, reject) => {
      const request = indexedDB.open('ruminate');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    if (!db.objectStoreNames.contains('messages')) {
      db.close();
      throw new Error('The app has not created its database yet.');
    }
    await new Promise((resolve, reject) => {
      const tx = db.transaction(['conversations', 'messages'], 'readwrite');
      tx.objectStore('conversations').put({
        id: conversationId,
        title: 'Bench history',
        createdAt: base,
        updatedAt: base + items.length * 60_000,
        systemPrompt: '',
        versionChoices: {},
      });
      const store = tx.objectStore('messages');
      for (const message of messages) store.put(message);
      tx.oncomplete = () => resolve(undefined);
      tx.onerror = () => reject(tx.error);
    });
    db.close();
    return conversationId;
  }, history);
}

// ---------------------------------------------------------------------------------------------
// One run

/**
 * @typedef {object} RunOptions
 * @property {string} url The page to open: the app (`http://…/`) or the reference page
 *   (`http://…/?renderer=react-markdown`). With `history` the app is opened at `?c=<id>`.
 * @property {'app' | 'reference'} kind How history is seeded: IndexedDB for the app, a
 *   `history=<turns>` query parameter for the reference page.
 * @property {string} synthUrl The synthetic server, e.g. `http://127.0.0.1:4190`.
 * @property {WorkloadParams} params
 * @property {'open' | 'folded'} panel The reasoning panel preference.
 * @property {number} [history] Earlier turns to show first (W5), 0 by default.
 * @property {number} [keystrokes] Characters typed in the composer mid-stream; 20 by default.
 * @property {number} [keyDelayMs] Between keystrokes; 50 by default.
 * @property {number} [typeAt] When to start typing, as a fraction of the expected stream time;
 *   0.3 by default (150 ms after sending for an unpaced stream).
 * @property {number} [settleMs] Quiet time recorded after the status turns terminal; 400 by default.
 * @property {number} [timeoutMs] For the whole stream; by default 60 s plus 5× the paced time.
 * @property {() => Promise<void>} [onBeforeSend] Awaited just before the message is sent (to start
 *   a profiler; see `profile.mjs`).
 * @property {() => Promise<void>} [onDone] Awaited as soon as the reply has ended.
 */

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
 */

/**
 * Measures one streamed reply in a fresh page. Resolves with the metrics; rejects when the page
 * never shows the composer, or the stream does not end within the timeout.
 * @param {Page} page A fresh page (new context) nobody else drives.
 * @param {RunOptions} options
 * @returns {Promise<RunMetrics>}
 */
export async function measureRun(page, options) {
  const { params, panel } = options;
  const history = options.history ?? 0;
  const keystrokes = options.keystrokes ?? 20;
  const keyDelayMs = options.keyDelayMs ?? 50;
  const settleMs = options.settleMs ?? 400;
  const plan = buildStreamPlan(params);
  const tokens = params.r + params.a;
  const pacedMs = params.rate > 0 ? (tokens / params.rate) * 1000 : 0;
  const timeoutMs = options.timeoutMs ?? 60_000 + 5 * pacedMs;
  const baseUrl = `${options.synthUrl}/v1`;

  await page.setViewportSize(VIEWPORT);
  await page.addInitScript(
    ([settingsKey, settings, preferencesKey, preferences]) => {
      localStorage.setItem(settingsKey, settings);
      localStorage.setItem(preferencesKey, preferences);
    },
    [
      SETTINGS_KEY,
      JSON.stringify({
        presetId: 'custom',
        providerName: 'Bench',
        baseUrl,
        apiKey: 'sk-bench',
        model: modelName(params),
        apiStyle: 'chat-completions',
        family: 'generic',
        options: {},
      }),
      PREFERENCES_KEY,
      JSON.stringify({ reasoningPanel: panel }),
    ],
  );
  await page.addInitScript(installPageProbe);

  const composer = page.getByRole('textbox', { name: 'Message' });
  let url = options.url;
  if (history > 0 && options.kind === 'reference') {
    const withHistory = new URL(url);
    withHistory.searchParams.set('history', String(history));
    withHistory.searchParams.set('seed', String(params.seed));
    url = withHistory.href;
  }
  await page.goto(url);
  await composer.waitFor({ timeout: 30_000 });
  if (history > 0 && options.kind === 'app') {
    const id = await seedAppHistory(page, history, params.seed);
    const withConversation = new URL(url);
    withConversation.searchParams.set('c', id);
    await page.goto(withConversation.href);
    await composer.waitFor({ timeout: 30_000 });
  }
  if (history > 0) {
    await page.waitForFunction(
      (count) => document.querySelectorAll('[data-testid="assistant-message"]').length >= count,
      history,
      { timeout: 60_000 },
    );
  }
  await composer.fill('Benchmark: explain the merge step.');
  // Let loading, fonts and the first renders finish before the window opens.
  await page.waitForTimeout(history > 0 ? 1500 : 600);

  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  const before = await metrics(cdp);
  await callPage(page, 'arm', {
    reasoningProbes: plan.reasoningProbes.length,
    answerProbes: plan.answerProbes.length,
  });
  await options.onBeforeSend?.();
  await composer.press('Enter');

  const typing = (async () => {
    if (keystrokes <= 0) return;
    await page.waitForTimeout(pacedMs > 0 ? pacedMs * (options.typeAt ?? 0.3) : 150);
    await composer.focus();
    await page.keyboard.type(
      'typing while it streams: '.padEnd(keystrokes, '.').slice(0, keystrokes),
      {
        delay: keyDelayMs,
      },
    );
  })();
  const status = /** @type {string} */ (await callPage(page, 'whenDone', timeoutMs));
  // The work window closes as soon as the reply has ended (typing may still go on after a short
  // stream; the recorder's own time is read at the same moment).
  const after = await metrics(cdp);
  const harnessMs = /** @type {number} */ (await callPage(page, 'harnessMs'));
  await options.onDone?.();
  await typing;
  await page.waitForTimeout(settleMs);
  const recording = /** @type {PageRecording} */ (await callPage(page, 'collect'));
  recording.harnessMs = harnessMs;
  await cdp.send('HeapProfiler.enable');
  await cdp.send('HeapProfiler.collectGarbage');
  const end = await metrics(cdp);
  await cdp.detach();
  const response = await fetch(`${options.synthUrl}/__last`);
  const server = /** @type {StreamRecord} */ (await response.json());
  if (status === 'timeout') {
    throw new Error(`The reply did not finish within ${timeoutMs} ms (${options.url}).`);
  }
  return computeMetrics({ plan, recording, before, after, end, server, panel });
}

/**
 * @typedef {object} MetricsInput
 * @property {import('./synth-text.mjs').StreamPlan} plan
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
 * @returns {RunMetrics}
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

/**
 * The numeric metrics of {@link RunMetrics}, in the order reports show them.
 * @type {(keyof RunMetrics)[]}
 */
export const NUMERIC_METRICS = [
  'usPerToken',
  'busy',
  'byteToPaintP95Ms',
  'byteToPaintP50Ms',
  'byteToPaintServerP95Ms',
  'lastByteToFinalPaintMs',
  'loafCount',
  'loafMaxMs',
  'frameWorkFirstMs',
  'frameWorkLastMs',
  'frameWorkRatio',
  'frameWorkP95Ms',
  'rafMaxGapMs',
  'rafP95Ms',
  'fps',
  'commitsPerSec',
  'firstPaintMs',
  'keyToPaintP95Ms',
  'keyToPaintMaxMs',
  'eventTimingMaxMs',
  'heapMB',
  'nodes',
  'taskMs',
  'scriptMs',
  'layoutMs',
  'styleMs',
  'harnessMs',
  'wallMs',
  'streamMs',
  'tokensSent',
  'tokensReceived',
  'probesTimed',
  'probesMissing',
  'renderedReasoningChars',
  'renderedAnswerChars',
  'serverMaxLateMs',
];

/**
 * Median and p95 (nearest rank) of each numeric metric over runs.
 * @param {readonly RunMetrics[]} runs
 * @returns {Record<string, { median: number, p95: number }>}
 */
export function summarize(runs) {
  /** @type {Record<string, { median: number, p95: number }>} */
  const out = {};
  for (const key of NUMERIC_METRICS) {
    const values = runs.map((run) => /** @type {number} */ (run[key]));
    out[key] = { median: round(median(values), 4), p95: round(percentile(values, 95), 4) };
  }
  return out;
}
