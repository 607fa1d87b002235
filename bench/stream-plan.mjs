/**
 * A synthetic reply as the SSE events the synthetic server writes: OpenAI `chat.completion.chunk`
 * events carrying `delta.reasoning_content`, then `delta.content`, a finish chunk, a usage chunk
 * and `data: [DONE]`, with what the harness needs to time them (cumulative tokens and characters
 * per event, the event that completes each probe word). Same parameters, same bytes.
 */

import { synthChannel } from './synth-text.mjs';
import { modelName } from './workload-model.mjs';

/** @typedef {import('./workload-model.mjs').WorkloadParams} WorkloadParams */

/**
 * @typedef {object} StreamPlan
 * @property {WorkloadParams} params
 * @property {string} model The model name that encodes `params`.
 * @property {string} reasoning The full reasoning text.
 * @property {string} answer The full answer text.
 * @property {string[]} frames Every SSE event, each ending with a blank line: content events, then
 *   the finish event, the usage event and `data: [DONE]`.
 * @property {number[]} groups Index of the first frame of each socket write; the last write also
 *   holds the finish, usage and `[DONE]` frames.
 * @property {number} contentFrames How many frames carry text (the first `contentFrames`).
 * @property {number[]} frameTokens Cumulative tokens after each frame (`frames.length` entries).
 * @property {number[]} frameReasoningChars Cumulative reasoning characters (UTF-16) after each frame.
 * @property {number[]} frameAnswerChars Cumulative answer characters (UTF-16) after each frame.
 * @property {number[]} reasoningProbes For probe `k<i>j`, the index of the frame that completes it.
 * @property {number[]} answerProbes For probe `v<i>w`, the index of the frame that completes it.
 */

/**
 * One SSE frame of a chat completion chunk.
 * @param {string} model
 * @param {number} seed
 * @param {Record<string, unknown>} delta
 * @param {string | null} finishReason
 */
function chunkFrame(model, seed, delta, finishReason) {
  const chunk = {
    id: `chatcmpl-bench-${seed}`,
    object: 'chat.completion.chunk',
    created: 1700000000,
    model,
    choices: [{ index: 0, delta, finish_reason: finishReason }],
  };
  return `data: ${JSON.stringify(chunk)}\n\n`;
}

/** @type {Map<string, StreamPlan>} */
const planCache = new Map();

/**
 * Builds (or returns the cached) stream for parameters. The model name inside the chunks is the
 * canonical one for the parameters, so the bytes depend on the parameters only.
 * @param {WorkloadParams} params
 * @returns {StreamPlan}
 */
export function buildStreamPlan(params) {
  const model = modelName(params);
  const cached = planCache.get(model);
  if (cached) return cached;
  const reasoning = synthChannel('reasoning', params.r, params.seed * 2 + 1);
  const answer = synthChannel('answer', params.a, params.seed * 2 + 2);
  /** @type {string[]} */
  const frames = [];
  /** @type {number[]} */
  const frameTokens = [];
  /** @type {number[]} */
  const frameReasoningChars = [];
  /** @type {number[]} */
  const frameAnswerChars = [];
  /** Frame index of each token, per channel. */
  const reasoningTokenFrame = new Array(reasoning.tokens.length);
  const answerTokenFrame = new Array(answer.tokens.length);
  let tokens = 0;
  let rChars = 0;
  let aChars = 0;
  /**
   * @param {string[]} list
   * @param {unknown[]} tokenFrame
   * @param {'reasoning_content' | 'content'} field
   */
  const emit = (list, tokenFrame, field) => {
    for (let i = 0; i < list.length; i += params.tpe) {
      const text = list.slice(i, i + params.tpe).join('');
      /** @type {Record<string, unknown>} */
      const delta = frames.length === 0 ? { role: 'assistant', [field]: text } : { [field]: text };
      for (let j = i; j < Math.min(i + params.tpe, list.length); j++) tokenFrame[j] = frames.length;
      frames.push(chunkFrame(model, params.seed, delta, null));
      tokens += Math.min(params.tpe, list.length - i);
      if (field === 'content') aChars += text.length;
      else rChars += text.length;
      frameTokens.push(tokens);
      frameReasoningChars.push(rChars);
      frameAnswerChars.push(aChars);
    }
  };
  emit(reasoning.tokens, reasoningTokenFrame, 'reasoning_content');
  emit(answer.tokens, answerTokenFrame, 'content');
  const contentFrames = frames.length;
  frames.push(chunkFrame(model, params.seed, {}, 'stop'));
  const usage = {
    id: `chatcmpl-bench-${params.seed}`,
    object: 'chat.completion.chunk',
    created: 1700000000,
    model,
    choices: [],
    usage: {
      prompt_tokens: 12,
      completion_tokens: tokens,
      total_tokens: tokens + 12,
      completion_tokens_details: { reasoning_tokens: params.r },
    },
  };
  frames.push(`data: ${JSON.stringify(usage)}\n\n`);
  frames.push('data: [DONE]\n\n');
  for (let i = contentFrames; i < frames.length; i++) {
    frameTokens.push(tokens);
    frameReasoningChars.push(rChars);
    frameAnswerChars.push(aChars);
  }
  /** @type {number[]} */
  const groups = [];
  for (let i = 0; i < Math.max(contentFrames, 1); i += params.burst) groups.push(i);
  const plan = {
    params,
    model,
    reasoning: reasoning.text,
    answer: answer.text,
    frames,
    groups,
    contentFrames,
    frameTokens,
    frameReasoningChars,
    frameAnswerChars,
    reasoningProbes: reasoning.probeTokens.map((t) => reasoningTokenFrame[t]),
    answerProbes: answer.probeTokens.map((t) => answerTokenFrame[t]),
  };
  planCache.set(model, plan);
  return plan;
}
