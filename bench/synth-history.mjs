/**
 * The earlier turns of the history workload (W5), and the same turns as a Ruminate JSON export
 * (format version 2, `src/core/share/export.ts` `toJsonExport`), which the harness imports through
 * the app's own "Import .json" button: the history reaches the app's storage by the path a person's
 * file takes, so a change of the storage schema cannot silently break the benchmark, and a change of
 * the file format makes the import, and so the run, fail with the app's own message.
 */

import { synthChannel } from './synth-text.mjs';

/** @typedef {{ question: string, reasoning: string, answer: string }} HistoryTurn */

/**
 * Earlier turns: a question, reasoning and a markdown answer each, ~6,000 characters per turn.
 * @param {number} turns
 * @param {number} seed
 * @returns {HistoryTurn[]}
 */
export function buildHistory(turns, seed) {
  /** @type {HistoryTurn[]} */
  const out = [];
  for (let i = 0; i < turns; i++) {
    const s = seed * 1000 + i * 7;
    out.push({
      question: `Question ${i + 1}: ${synthChannel('reasoning', 12, s).text.split('\n')[0]}`,
      reasoning: synthChannel('reasoning', 400, s + 1).text,
      answer: synthChannel('answer', 1100, s + 2).text,
    });
  }
  return out;
}

/** The id of the imported conversation (kept by the import when the history is empty). */
export const HISTORY_CONVERSATION_ID = 'bench-history';

/** The title the imported conversation gets. */
export const HISTORY_TITLE = 'Bench history';

/**
 * {@link buildHistory}'s turns as one conversation in a JSON export: `{ format:
 * "ruminate-transcript", version: 2, exportedAt, conversations: [{ id, title, systemPrompt,
 * versionChoices, messages }] }`, each message with its `id`, `parentId` and `createdAt` (epoch
 * ms), replies finished (`status: "done"`, `finishReason: "stop"`) one minute apart.
 * @param {number} turns
 * @param {number} seed
 * @param {number} [now] Epoch ms the last reply ended; `Date.now()` by default.
 * @returns {string} The file's text.
 */
export function historyExport(turns, seed, now = Date.now()) {
  const base = Math.round(now) - turns * 60_000;
  /** @type {Record<string, unknown>[]} */
  const messages = [];
  /** @type {string | null} */
  let parentId = null;
  buildHistory(turns, seed).forEach((turn, i) => {
    const at = base + i * 60_000;
    const userId = `bench-u${String(i).padStart(3, '0')}`;
    const assistantId = `bench-a${String(i).padStart(3, '0')}`;
    messages.push({ id: userId, parentId, createdAt: at, role: 'user', content: turn.question });
    messages.push({
      id: assistantId,
      parentId: userId,
      createdAt: at + 1,
      role: 'assistant',
      reasoning: turn.reasoning,
      answer: turn.answer,
      status: 'done',
      finishReason: 'stop',
      timing: {
        requestSentAt: at + 1,
        firstReasoningAt: at + 500,
        firstAnswerAt: at + 10_000,
        endedAt: at + 30_000,
      },
      model: 'bench-history',
      providerName: 'Bench',
    });
    parentId = assistantId;
  });
  return JSON.stringify({
    format: 'ruminate-transcript',
    version: 2,
    exportedAt: new Date(base + turns * 60_000).toISOString(),
    conversations: [
      {
        id: HISTORY_CONVERSATION_ID,
        title: HISTORY_TITLE,
        systemPrompt: '',
        versionChoices: {},
        messages,
      },
    ],
  });
}
