/**
 * The in-page half of the benchmark: an init script that records, with `performance.now()` times,
 * what the page sees and paints while a reply streams. It must stay self-contained (Playwright
 * serializes the function into the page), and everything it does is timed and reported as
 * `harnessMs` so its own main-thread cost can be told apart from the renderer's.
 *
 * Recorded after `__bench.arm()`:
 *   - frames: per `requestAnimationFrame` callback its run time `r` and rAF timestamp `ts`, and the
 *     time `p` of a MessageChannel task posted from that callback, which runs after the frame's
 *     style, layout and paint (the "post-paint" stamp); `hr`/`hp` are the harness totals then;
 *   - reads: the page's own reads of the chat completions body (the `read()` of its reader is
 *     wrapped from `window.fetch`): per network read its time, the cumulative count of complete SSE events (blank-line delimiters) and bytes;
 *   - mutations of the newest assistant message (a MutationObserver, subtree): time, rendered text
 *     length of `[data-testid=reasoning]` and `[data-testid=answer]`, and how far the probe words
 *     (`k<n>j`, `v<n>w`, see `synth-text.mjs`) have appeared; status changes (`data-status`);
 *   - keydown: event timestamp and handler time; Event Timing entries (≥ 16 ms) and long animation
 *     frames (≥ 50 ms, by definition of the API).
 */

/* global window, document, requestAnimationFrame, MutationObserver -- these functions run in the page */

/**
 * @typedef {object} PageRecording
 * @property {number} timeOrigin `performance.timeOrigin` of the page (epoch ms).
 * @property {number} armAt When recording started.
 * @property {{ r: number[], ts: number[], p: number[], hr: number[], hp: number[] }} frames
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
 * @property {{ startTime: number, duration: number, blockingDuration: number, scripts: string[] }[]} loafs
 * @property {number} harnessMs Main-thread time spent in this script's callbacks.
 * @property {{ reasoning: number, answer: number, reasoningLength: number, answerLength: number,
 *   hasReasoning: boolean, status: string }} final Probes present in the final text, and its size.
 */

/**
 * @typedef {object} BenchPageApi
 * @property {(config: { reasoningProbes: number, answerProbes: number }) => void} arm
 * @property {(timeoutMs: number) => Promise<string>} whenDone Resolves with the terminal status,
 *   or `'timeout'`.
 * @property {() => PageRecording} collect Stops recording and returns everything.
 * @property {() => number} harnessMs The recorder's main-thread time so far.
 * @property {(ms: number) => Promise<number[]>} rafIntervals rAF intervals over `ms` (calibration).
 */

/**
 * The init script. Installs `window.__bench`.
 * @returns {void}
 */
export function installPageProbe() {
  const win = /** @type {Window & { __bench?: BenchPageApi }} */ (window);
  if (win.__bench) return;
  const now = () => performance.now();
  const TERMINAL = ['done', 'stopped', 'truncated', 'error', 'interrupted'];
  let harness = 0;
  let recording = false;
  let armAt = NaN;

  /** @type {PageRecording['frames']} */
  let frames = { r: [], ts: [], p: [], hr: [], hp: [] };
  /** @type {number[]} */
  let reads = [];
  let requestAt = NaN;
  let bodyEndAt = NaN;
  let tapArmed = false;
  /** @type {number[][]} */
  let muts = [];
  /** @type {[number, string][]} */
  let statuses = [];
  let doneAt = NaN;
  /** @type {number[][]} */
  let keys = [];
  /** @type {number[][]} */
  let eventTimings = [];
  /** @type {PageRecording['loafs']} */
  let loafs = [];
  let reasoningProbes = 0;
  let answerProbes = 0;
  let nextReasoning = 0;
  let nextAnswer = 0;
  /** @type {Element | null} */
  let article = null;
  /** @type {MutationObserver | null} */
  let messageObserver = null;
  /** @type {MutationObserver | null} */
  let bodyObserver = null;
  /** @type {((status: string) => void)[]} */
  let doneWaiters = [];

  // Frames: rAF run time and timestamp, then a task posted from the callback, which runs after the
  // frame has been rendered.
  const channel = new MessageChannel();
  channel.port1.onmessage = (event) => {
    const t = now();
    const index = /** @type {number} */ (event.data);
    if (recording && index < frames.p.length) {
      frames.p[index] = t;
      frames.hp[index] = harness;
    }
    harness += now() - t;
  };
  /** @param {number} ts */
  const loop = (ts) => {
    const t = now();
    if (recording) {
      frames.r.push(t);
      frames.ts.push(ts);
      frames.p.push(NaN);
      frames.hr.push(harness);
      frames.hp.push(NaN);
      channel.port2.postMessage(frames.r.length - 1);
    }
    requestAnimationFrame(loop);
    harness += now() - t;
  };
  requestAnimationFrame(loop);

  // Arrivals: the page's own reads of the chat completions body, counting complete SSE events per
  // read. The reader is wrapped rather than the body teed: a tee doubles the stream machinery per
  // network read, which would be counted as the page's work.
  const originalFetch = window.fetch;
  let events = 0;
  let bytes = 0;
  /** Whether the previous read ended with a lone LF (half of an event delimiter). */
  let endsWithLf = false;
  /**
   * @param {ReadableStreamReadResult<Uint8Array>} result
   * @returns {ReadableStreamReadResult<Uint8Array>}
   */
  const recordRead = (result) => {
    const t = now();
    const { done, value } = result;
    if (done || value === undefined) {
      bodyEndAt = t;
      harness += now() - t;
      return result;
    }
    // A blank line (LF LF) ends an event; the stream never holds CR.
    /** @type {number} Where the last LF was (-1: at the end of the previous read). */
    let previousLf = endsWithLf ? -1 : -3;
    let i = value.indexOf(10);
    while (i !== -1) {
      if (previousLf === i - 1) {
        events++;
        previousLf = -3;
      } else previousLf = i;
      i = value.indexOf(10, i + 1);
    }
    endsWithLf = previousLf === value.length - 1;
    bytes += value.length;
    if (recording) reads.push(t, events, bytes);
    harness += now() - t;
    return result;
  };
  window.fetch = async function benchFetch(input, init) {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const isStream = tapArmed && /\/chat\/completions(\?|$)/.test(url);
    if (isStream) {
      tapArmed = false;
      requestAt = now();
    }
    const response = await originalFetch.call(window, input, init);
    const body = response.body;
    if (!isStream || body === null) return response;
    events = 0;
    bytes = 0;
    endsWithLf = false;
    const getReader = body.getReader.bind(body);
    /** @type {any} */ (body).getReader = (/** @type {any} */ options) => {
      const reader = getReader(options);
      /** @type {() => Promise<ReadableStreamReadResult<Uint8Array>>} */
      const read = /** @type {any} */ (reader).read.bind(reader);
      /** @type {any} */ (reader).read = () => read().then(recordRead);
      return reader;
    };
    return response;
  };

  // The newest assistant message.
  const probeTail = 4096;
  /**
   * The number after the highest probe found near the end of `text`.
   * @param {string} text
   * @param {RegExp} pattern
   * @param {number} next
   */
  const advance = (text, pattern, next) => {
    const tail = text.length > probeTail ? text.slice(text.length - probeTail) : text;
    pattern.lastIndex = 0;
    let match;
    while ((match = pattern.exec(tail)) !== null) {
      const n = Number(match[1]) + 1;
      if (n > next) next = n;
    }
    return next;
  };
  const observeMessage = () => {
    const t = now();
    if (article === null) return;
    const status = article.getAttribute('data-status') ?? '';
    const reasoningEl = article.querySelector('[data-testid="reasoning"]');
    const answerEl = article.querySelector('[data-testid="answer"]');
    const reasoningText = reasoningEl?.textContent ?? '';
    const answerText = answerEl?.textContent ?? '';
    nextReasoning = Math.min(reasoningProbes, advance(reasoningText, /k(\d+)j/g, nextReasoning));
    nextAnswer = Math.min(answerProbes, advance(answerText, /v(\d+)w/g, nextAnswer));
    muts.push([
      t,
      reasoningText.length,
      answerText.length,
      nextReasoning,
      nextAnswer,
      reasoningEl === null ? 0 : 1,
    ]);
    const last = statuses.length > 0 ? statuses[statuses.length - 1][1] : '';
    if (status !== last) {
      statuses.push([t, status]);
      if (TERMINAL.includes(status) && Number.isNaN(doneAt)) {
        doneAt = t;
        const waiters = doneWaiters;
        doneWaiters = [];
        for (const resolve of waiters) resolve(status);
      }
    }
    harness += now() - t;
  };
  /** @param {number} existing */
  const findMessage = (existing) => {
    const list = document.querySelectorAll('[data-testid="assistant-message"]');
    if (list.length <= existing) return false;
    article = list[list.length - 1];
    messageObserver = new MutationObserver(observeMessage);
    messageObserver.observe(article, {
      subtree: true,
      childList: true,
      characterData: true,
      attributes: true,
      attributeFilter: ['data-status'],
    });
    observeMessage();
    return true;
  };

  // Input and long frames.
  window.addEventListener(
    'keydown',
    (event) => {
      // Enter sends the question; only the typing probe's keys count.
      if (recording && event.key !== 'Enter') keys.push([event.timeStamp, now()]);
    },
    true,
  );
  try {
    new PerformanceObserver((list) => {
      if (!recording) return;
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

  /** @param {string} text @param {(i: number) => string} name @param {number} count */
  const countProbes = (text, name, count) => {
    let found = 0;
    for (let i = 0; i < count; i++) if (text.includes(name(i))) found++;
    return found;
  };

  win.__bench = {
    arm(config) {
      frames = { r: [], ts: [], p: [], hr: [], hp: [] };
      reads = [];
      muts = [];
      statuses = [];
      keys = [];
      eventTimings = [];
      loafs = [];
      doneAt = NaN;
      requestAt = NaN;
      bodyEndAt = NaN;
      harness = 0;
      reasoningProbes = config.reasoningProbes;
      answerProbes = config.answerProbes;
      nextReasoning = 0;
      nextAnswer = 0;
      article = null;
      messageObserver?.disconnect();
      bodyObserver?.disconnect();
      tapArmed = true;
      recording = true;
      armAt = now();
      const existing = document.querySelectorAll('[data-testid="assistant-message"]').length;
      bodyObserver = new MutationObserver(() => {
        const t = now();
        if (findMessage(existing)) bodyObserver?.disconnect();
        harness += now() - t;
      });
      bodyObserver.observe(document.body, { childList: true, subtree: true });
    },
    whenDone(timeoutMs) {
      if (!Number.isNaN(doneAt)) return Promise.resolve(statuses[statuses.length - 1][1]);
      return new Promise((resolve) => {
        doneWaiters.push(resolve);
        setTimeout(() => resolve('timeout'), timeoutMs);
      });
    },
    collect() {
      recording = false;
      messageObserver?.disconnect();
      bodyObserver?.disconnect();
      const reasoningEl = article?.querySelector('[data-testid="reasoning"]') ?? null;
      const answerEl = article?.querySelector('[data-testid="answer"]') ?? null;
      const reasoningText = reasoningEl?.textContent ?? '';
      const answerText = answerEl?.textContent ?? '';
      return {
        timeOrigin: performance.timeOrigin,
        armAt,
        frames,
        reads,
        requestAt,
        bodyEndAt,
        muts,
        statuses,
        doneAt,
        keys,
        eventTimings,
        loafs: loafs.filter((l) => l.startTime >= armAt),
        harnessMs: harness,
        final: {
          reasoning: countProbes(reasoningText, (i) => `k${i}j`, reasoningProbes),
          answer: countProbes(answerText, (i) => `v${i}w`, answerProbes),
          reasoningLength: reasoningText.length,
          answerLength: answerText.length,
          hasReasoning: reasoningEl !== null,
          status: article?.getAttribute('data-status') ?? '',
        },
      };
    },
    harnessMs() {
      return harness;
    },
    rafIntervals(ms) {
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
    },
  };
}
