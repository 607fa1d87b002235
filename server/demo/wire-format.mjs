/**
 * Writes a reply in DeepSeek's chat completions wire format (api-docs.deepseek.com, "Create Chat
 * Completion" with `stream: true`): one `chat.completion.chunk` SSE event per token-sized piece,
 * `reasoning_content` first, then `content`, the finish reason and usage on the last chunk, then
 * `data: [DONE]`. Paced like a real model: about 50 pieces per second at speed 1.
 */

import { once } from 'node:events';
import { setImmediate as nextTick, setTimeout as sleep } from 'node:timers/promises';
import { contentText } from './request-text.mjs';

/** @typedef {import('node:http').ServerResponse} ServerResponse */

/**
 * @typedef {object} PaceOptions
 * @property {number} [speed] Pace multiplier: 1 ≈ 50 pieces per second, 10 = ten times faster.
 * @property {() => number} [random] Source of jitter in [0, 1), `Math.random` by default.
 */

/**
 * @typedef {object} CompletionInfo
 * @property {string} model The `model` of every chunk.
 * @property {unknown} messages The request's `messages`, for the prompt token count.
 */

const SYSTEM_FINGERPRINT = 'fp_ruminate_demo';
/** Milliseconds per piece at speed 1, before jitter: 15–25 ms, i.e. 40–65 pieces per second. */
const PIECE_MS_MIN = 15;
const PIECE_MS_SPREAD = 10;
/** Now and then a real model stalls briefly. */
const HICCUP_CHANCE = 0.03;
const HICCUP_MS = 60;
/** Silence before the first reasoning token, as a model's time to first token. */
const FIRST_TOKEN_MS = 500;
/** A short pause between the end of the reasoning and the first answer token. */
const ANSWER_GAP_MS = 120;

/**
 * Splits text into token-sized pieces: a word with its leading space, up to three punctuation
 * marks, or a run of line breaks; pieces longer than 7 characters are cut into parts of about 4.
 * Joining the pieces gives the text back exactly, and no piece splits a character.
 * @param {string} text
 * @returns {string[]}
 */
export function splitIntoPieces(text) {
  /** @type {string[]} */
  const pieces = [];
  const pattern = /[\r\n]+|[ \t]*[\p{L}\p{N}_]+|[ \t]*[^\s\p{L}\p{N}_]{1,3}|[ \t]+|[\s\S]/gu;
  for (const match of text.matchAll(pattern)) {
    const piece = match[0];
    const chars = Array.from(piece);
    if (chars.length <= 7) {
      pieces.push(piece);
      continue;
    }
    // A long word: the first piece keeps the leading space, like a BPE tokenizer would.
    const lead = piece.length - piece.trimStart().length;
    let start = 0;
    while (start < chars.length) {
      const size = start === 0 ? lead + 4 : 4;
      const end = chars.length - (start + size) < 3 ? chars.length : start + size;
      pieces.push(chars.slice(start, end).join(''));
      start = end;
    }
  }
  return pieces;
}

/**
 * A rough prompt token count: about 4 characters per token plus a few per message.
 * @param {unknown} messages
 * @returns {number}
 */
function countPromptTokens(messages) {
  if (!Array.isArray(messages)) return 0;
  let tokens = 0;
  for (const message of messages) {
    const text = message && typeof message === 'object' ? contentText(message.content) : '';
    tokens += 4 + Math.ceil(text.length / 4);
  }
  return tokens;
}

/**
 * DeepSeek's usage object. `completion_tokens` includes the reasoning tokens.
 * @param {number} promptTokens
 * @param {number} reasoningTokens
 * @param {number} answerTokens
 */
function usage(promptTokens, reasoningTokens, answerTokens) {
  const completionTokens = reasoningTokens + answerTokens;
  return {
    prompt_tokens: promptTokens,
    completion_tokens: completionTokens,
    total_tokens: promptTokens + completionTokens,
    prompt_tokens_details: { cached_tokens: 0 },
    completion_tokens_details: { reasoning_tokens: reasoningTokens },
    prompt_cache_hit_tokens: 0,
    prompt_cache_miss_tokens: promptTokens,
  };
}

/**
 * The body of a non-streamed reply (`stream: false`): one `chat.completion` object.
 * @param {{ reasoning: string, answer: string }} reply
 * @param {CompletionInfo} info
 */
export function completionBody(reply, info) {
  return {
    id: crypto.randomUUID(),
    object: 'chat.completion',
    created: Math.floor(Date.now() / 1000),
    model: info.model,
    system_fingerprint: SYSTEM_FINGERPRINT,
    choices: [
      {
        index: 0,
        message: { role: 'assistant', content: reply.answer, reasoning_content: reply.reasoning },
        logprobs: null,
        finish_reason: 'stop',
      },
    ],
    usage: usage(
      countPromptTokens(info.messages),
      splitIntoPieces(reply.reasoning).length,
      splitIntoPieces(reply.answer).length,
    ),
  };
}

/**
 * Streams a reply as SSE events, paced.
 * @param {ServerResponse} res Nothing may have been written to it yet.
 * @param {{ reasoning: string, answer: string }} reply
 * @param {CompletionInfo} info
 * @param {PaceOptions} [options]
 * @returns {Promise<void>} Resolves when the stream ended or the client went away.
 */
export async function streamCompletion(res, reply, info, options = {}) {
  const reasoningPieces = splitIntoPieces(reply.reasoning);
  const answerPieces = splitIntoPieces(reply.answer);
  const id = crypto.randomUUID();
  const created = Math.floor(Date.now() / 1000);
  const finalUsage = usage(
    countPromptTokens(info.messages),
    reasoningPieces.length,
    answerPieces.length,
  );
  const speed = options.speed !== undefined && options.speed > 0 ? options.speed : 1;
  const random = options.random ?? Math.random;
  const controller = new AbortController();
  const { signal } = controller;
  // Stop promptly (and clear the pending timer) when the client goes away.
  res.on('close', () => controller.abort());

  /** @param {number} ms Milliseconds at speed 1; rejects when the client has gone. */
  const pause = async (ms) => {
    const scaled = ms / speed;
    if (scaled >= 1) await sleep(scaled, undefined, { signal });
    else await nextTick(undefined, { signal });
  };

  /** @param {string} data One SSE event or comment; waits while the socket's buffer is full. */
  const write = async (data) => {
    if (signal.aborted) throw signal.reason;
    if (!res.write(data)) await once(res, 'drain', { signal });
  };

  /**
   * @param {Record<string, unknown>} delta
   * @param {string | null} finishReason
   * @param {unknown} chunkUsage
   */
  const chunk = (delta, finishReason = null, chunkUsage = null) =>
    `data: ${JSON.stringify({
      id,
      object: 'chat.completion.chunk',
      created,
      model: info.model,
      system_fingerprint: SYSTEM_FINGERPRINT,
      choices: [{ index: 0, delta, logprobs: null, finish_reason: finishReason }],
      usage: chunkUsage,
    })}\n\n`;

  const pieceDelay = () =>
    PIECE_MS_MIN + random() * PIECE_MS_SPREAD + (random() < HICCUP_CHANCE ? HICCUP_MS : 0);

  res.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-cache',
    connection: 'keep-alive',
    'x-accel-buffering': 'no',
  });
  res.flushHeaders();

  try {
    await write(': keep-alive\n\n');
    await pause(FIRST_TOKEN_MS);
    await write(chunk({ role: 'assistant', content: null, reasoning_content: '' }));
    for (const piece of reasoningPieces) {
      await pause(pieceDelay());
      await write(chunk({ content: null, reasoning_content: piece }));
    }
    await pause(ANSWER_GAP_MS);
    for (const piece of answerPieces) {
      await pause(pieceDelay());
      await write(chunk({ content: piece, reasoning_content: null }));
    }
    await write(chunk({ content: '', reasoning_content: null }, 'stop', finalUsage));
    await write('data: [DONE]\n\n');
    res.end();
  } catch (error) {
    if (signal.aborted) return; // The client disconnected: nothing left to write to.
    res.destroy(error instanceof Error ? error : new Error(String(error)));
  }
}
