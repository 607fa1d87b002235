/**
 * Recorder part: the newest assistant message. Once armed, a MutationObserver on `document.body`
 * finds the `assistant-message` that appears after the existing ones, then a MutationObserver on
 * it (subtree, text, `data-status`) records per callback: time, rendered text length of
 * `[data-testid=reasoning]` and `[data-testid=answer]`, and how far the probe words (`k<n>j`,
 * `v<n>w`, see `synth-text.mjs`) have appeared, found in the last 4 KB of each (so a renderer that
 * shows only a tail, or re-renders, is handled); and `data-status` changes. `whenDone` resolves
 * when the status turns terminal. Self-contained init script (see `probe-core.mjs`).
 */

/* global window, document, MutationObserver -- runs in the page */

/** Installs the `message` part and `whenDone`. @returns {void} */
export function installMessageProbe() {
  const core = /** @type {import('./probe-core.mjs').ProbeCore} */ (
    /** @type {any} */ (window).__benchProbe
  );
  if (core.parts.message) return;
  const TERMINAL = ['done', 'stopped', 'truncated', 'error', 'interrupted'];
  const probeTail = 4096;
  /** @type {number[][]} */
  let muts = [];
  /** @type {[number, string][]} */
  let statuses = [];
  let doneAt = NaN;
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
    const t = core.now();
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
    core.harness += core.now() - t;
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

  /** @param {string} text @param {(i: number) => string} name @param {number} count */
  const countProbes = (text, name, count) => {
    let found = 0;
    for (let i = 0; i < count; i++) if (text.includes(name(i))) found++;
    return found;
  };

  core.parts.message = {
    arm(config) {
      muts = [];
      statuses = [];
      doneAt = NaN;
      reasoningProbes = config.reasoningProbes;
      answerProbes = config.answerProbes;
      nextReasoning = 0;
      nextAnswer = 0;
      article = null;
      messageObserver?.disconnect();
      bodyObserver?.disconnect();
      const existing = document.querySelectorAll('[data-testid="assistant-message"]').length;
      bodyObserver = new MutationObserver(() => {
        const t = core.now();
        if (findMessage(existing)) bodyObserver?.disconnect();
        core.harness += core.now() - t;
      });
      bodyObserver.observe(document.body, { childList: true, subtree: true });
    },
    collect() {
      messageObserver?.disconnect();
      bodyObserver?.disconnect();
      const reasoningEl = article?.querySelector('[data-testid="reasoning"]') ?? null;
      const answerEl = article?.querySelector('[data-testid="answer"]') ?? null;
      const reasoningText = reasoningEl?.textContent ?? '';
      const answerText = answerEl?.textContent ?? '';
      const final = {
        reasoning: countProbes(reasoningText, (i) => `k${i}j`, reasoningProbes),
        answer: countProbes(answerText, (i) => `v${i}w`, answerProbes),
        reasoningLength: reasoningText.length,
        answerLength: answerText.length,
        hasReasoning: reasoningEl !== null,
        status: article?.getAttribute('data-status') ?? '',
      };
      // Drop the references to the page's nodes so the end-of-run heap holds none of ours.
      article = null;
      messageObserver = null;
      bodyObserver = null;
      const recorded = { muts, statuses, doneAt, final };
      muts = [];
      statuses = [];
      return recorded;
    },
  };

  core.whenDone = (timeoutMs) => {
    if (!Number.isNaN(doneAt)) return Promise.resolve(statuses[statuses.length - 1][1]);
    return new Promise((resolve) => {
      doneWaiters.push(resolve);
      setTimeout(() => resolve('timeout'), timeoutMs);
    });
  };
}
