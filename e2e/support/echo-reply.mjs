/**
 * The mock provider's `echo` model: a chat completions stream (DeepSeek's wire format) whose answer
 * is the last user message of the request, word for word, in deltas of up to 64 characters, with a
 * short reasoning first. Tests use it to send the app a reply whose text they choose, such as the
 * hostile markdown of `src/core/markdown/hostile-corpus.ts`.
 */

/** The reasoning every echo reply carries before its answer. */
export const ECHO_REASONING = 'The person asked me to repeat their message.';

/** Longest answer delta, in UTF-16 code units (never splitting a surrogate pair that is whole). */
const DELTA_CHARS = 64;

/**
 * Whether `model` asks for an echo: `echo`, or `echo~<ms>` for `<ms>` between events.
 * @param {string} model
 * @returns {{ delayMs: number | undefined } | null}
 */
export function parseEchoModel(model) {
  const match = /^echo(?:~(\d+))?$/.exec(model);
  return match ? { delayMs: match[1] === undefined ? undefined : Number(match[1]) } : null;
}

/**
 * The SSE bytes of an echo reply to a chat completions request body.
 * @param {unknown} body The parsed request body.
 * @returns {Buffer}
 */
export function echoStream(body) {
  const messages = /** @type {{ messages?: { role?: string, content?: unknown }[] }} */ (body)
    .messages;
  const last = Array.isArray(messages) ? messages.findLast((m) => m.role === 'user') : undefined;
  const text = typeof last?.content === 'string' ? last.content : '';
  /** @param {Record<string, unknown>} delta @param {string | null} finish */
  const chunk = (delta, finish = null) =>
    `data: ${JSON.stringify({
      id: 'echo',
      object: 'chat.completion.chunk',
      created: 0,
      model: 'echo',
      choices: [{ index: 0, delta, finish_reason: finish }],
    })}\n\n`;
  const events = [chunk({ role: 'assistant', content: null, reasoning_content: ECHO_REASONING })];
  for (let start = 0; start < text.length;) {
    let end = Math.min(text.length, start + DELTA_CHARS);
    const code = text.charCodeAt(end - 1);
    if (end < text.length && code >= 0xd800 && code <= 0xdbff) end += 1;
    events.push(chunk({ content: text.slice(start, end) }));
    start = end;
  }
  events.push(chunk({}, 'stop'), 'data: [DONE]\n\n');
  return Buffer.from(events.join(''), 'utf8');
}
