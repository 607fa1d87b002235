/**
 * Synthetic SSE streams for formats with no recording in `shared/streams`, written for Ruminate's
 * tests (not copies of any capture). The mock provider serves each under its name as a model, like
 * a recording:
 *
 *   - `synthetic-gemini-thoughts`: Gemini's OpenAI-compatible endpoint with `include_thoughts`:
 *     thought summaries in `delta.content` flagged `extra_content.google.thought`, a `<thought>`
 *     tag opening the first one and `</thought>` opening the first answer chunk, both cut across
 *     chunks, and a `thought_signature` on the last answer chunk
 *     (ai.google.dev/gemini-api/docs/openai).
 *   - `synthetic-harmony-content`: gpt-oss harmony channels left in `content` (as llama.cpp sends
 *     them with `--reasoning-format none`), markers cut across chunks.
 */

/** @param {Record<string, unknown>} delta @param {string | null} [finish] */
function chunk(delta, finish = null) {
  const body = {
    id: 'chatcmpl-synthetic',
    object: 'chat.completion.chunk',
    created: 0,
    model: 'synthetic',
    choices: [{ index: 0, delta, finish_reason: finish }],
  };
  return `data: ${JSON.stringify(body)}\n\n`;
}

const USAGE =
  'data: {"choices":[],"usage":{"prompt_tokens":9,"completion_tokens":40,"total_tokens":49}}\n\n';

const THOUGHT = { google: { thought: true } };

/** @returns {Buffer} */
function geminiThoughts() {
  const thoughts = [
    '<thou',
    'ght>**Adding the numbers**\n\nThe user asks for 17 + 25. ',
    'Tens: 10 + 20 = 30; ones: 7 + 5 = 12; ',
    'so the total is 42.',
  ];
  const answers = ['</tho', 'ught>17 + 25 = ', '**42**.'];
  return Buffer.from(
    [
      ...thoughts.map((content, i) =>
        chunk(
          i === 0
            ? { role: 'assistant', content, extra_content: THOUGHT }
            : { content, extra_content: THOUGHT },
        ),
      ),
      ...answers.map((content, i) =>
        chunk(
          i === answers.length - 1
            ? { content, extra_content: { google: { thought_signature: 'c3ludGhldGljLXNpZw==' } } }
            : { content },
        ),
      ),
      chunk({}, 'stop'),
      USAGE,
      'data: [DONE]\n\n',
    ].join(''),
  );
}

/** @returns {Buffer} */
function harmonyContent() {
  const content =
    '<|channel|>analysis<|message|>We need the capital of Norway. It is Oslo.<|end|>' +
    '<|start|>assistant<|channel|>final<|message|>The capital of Norway is **Oslo**.<|return|>';
  // Cut into 7-character pieces, so every marker is split somewhere.
  const pieces = content.match(/[\s\S]{1,7}/g) ?? [];
  return Buffer.from(
    [
      chunk({ role: 'assistant', content: '' }),
      ...pieces.map((piece) => chunk({ content: piece })),
      chunk({}, 'stop'),
      USAGE,
      'data: [DONE]\n\n',
    ].join(''),
  );
}

/** The synthetic streams by name; each call builds the body. */
export const SYNTHETIC_STREAMS = {
  'synthetic-gemini-thoughts': geminiThoughts,
  'synthetic-harmony-content': harmonyContent,
};
