/**
 * Synthetic reasoning streams for the mock provider (`e2e/mock-provider.mjs`), in DeepSeek's chat
 * completions format (`delta.reasoning_content`, then `delta.content`): traces long enough to have
 * steps, which the short real recordings are not. Selected by the request's `model`:
 *
 *   - `synth-titled`    four `**Title**` steps (as OpenAI and Gemini summaries are written)
 *   - `synth-untitled`  a DeepSeek-R1-style trace that turns at "Wait,", "Alternatively,", …
 *   - `synth-loop`      a trace that writes the same re-check again and again
 *
 * `~<ms>` after the name sets the pause after each SSE event, as for recordings.
 */

/** The step titles of `synth-titled`, in order. */
export const TITLED_STEPS = [
  'Reading the question',
  'Checking the remainder mod 7',
  'Trying small cases',
  'Writing the answer',
];

const BODIES = [
  'We want the remainder of 10 to the power 100 when divided by 7. Powers of ten cycle modulo 7, so the cycle length matters more than the exponent.',
  'Ten is 3 mod 7, and the powers of 3 mod 7 run 3, 2, 6, 4, 5, 1 with period six. One hundred is 4 mod 6, so the remainder is the fourth term, which is 4.',
  'Check with small cases: 10 mod 7 is 3, 100 mod 7 is 2, 1000 mod 7 is 6 and 10000 mod 7 is 4. That matches the cycle, so the remainder pattern holds.',
  'The answer: the remainder is 4. State the cycle and the reduction of the exponent briefly.',
];

/** The reasoning of `synth-titled`. */
export function titledReasoning() {
  return TITLED_STEPS.map((title, index) => `**${title}**\n\n${BODIES[index]}\n\n`).join('');
}

const WORDS =
  'we compare both sides of the equation and check whether each factor divides the sum evenly before the next case where a prime appears twice in the product term bound limit integer square root'.split(
    ' ',
  );

/**
 * `count` seeded sentences (mulberry32), so every run streams the same text.
 * @param {number} seed
 * @param {number} count
 */
function sentences(seed, count) {
  let a = seed >>> 0;
  const random = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const out = [];
  for (let index = 0; index < count; index += 1) {
    const words = Array.from(
      { length: 10 + Math.floor(random() * 8) },
      () => WORDS[Math.floor(random() * WORDS.length)],
    );
    out.push(`${words.join(' ')}.`);
  }
  return out.join(' ');
}

/** The reasoning of `synth-untitled`: eight long paragraphs, five opening with a pivot. */
export function untitledReasoning() {
  const openers = [
    'Okay, so',
    'Then',
    'Wait, maybe',
    'So',
    'Alternatively, perhaps',
    'Hmm, let me check:',
    'Next',
    'But',
  ];
  return openers.map((opener, index) => `${opener} ${sentences(index + 1, 9)}`).join('\n\n');
}

/** The reasoning of `synth-loop`: an opening, then the same re-check eight times. */
export function loopReasoning() {
  const recheck =
    'Let me check the remainder of the sum divided by seven once more, adding the digits again from the left.';
  return `Okay, so we need the remainder of the sum.\n\n${`${recheck}\n\n`.repeat(8)}`;
}

/** @type {Record<string, () => { reasoning: string, answer: string }>} */
const STREAMS = {
  'synth-titled': () => ({ reasoning: titledReasoning(), answer: 'The remainder is **4**.' }),
  'synth-untitled': () => ({ reasoning: untitledReasoning(), answer: 'It checks out.' }),
  'synth-loop': () => ({ reasoning: loopReasoning(), answer: 'The remainder is 3.' }),
};

/**
 * Cuts text into deltas of about `words` words, keeping every character.
 * @param {string} text
 */
function pieces(text, words = 6) {
  const tokens = text.match(/\S+\s*|\s+/g) ?? [];
  const out = [];
  for (let index = 0; index < tokens.length; index += words)
    out.push(tokens.slice(index, index + words).join(''));
  return out;
}

/**
 * The SSE body of a synthetic reasoning trace, in DeepSeek's chat completions format.
 * @param {string} name e.g. `synth-titled`
 * @param {() => { reasoning: string, answer: string }} make
 * @returns {Buffer}
 */
function traceBody(name, make) {
  const { reasoning, answer } = make();
  /**
   * @param {Record<string, unknown>} delta
   * @param {string | null} [finish]
   */
  const chunk = (delta, finish = null) =>
    `data: ${JSON.stringify({ id: 'synth', object: 'chat.completion.chunk', created: 0, model: name, choices: [{ index: 0, delta, finish_reason: finish }] })}\n\n`;
  const events = [
    chunk({ role: 'assistant', content: null, reasoning_content: '' }),
    ...pieces(reasoning).map((text) => chunk({ content: null, reasoning_content: text })),
    ...pieces(answer).map((text) => chunk({ content: text, reasoning_content: null })),
    chunk({}, 'stop'),
    'data: [DONE]\n\n',
  ];
  return Buffer.from(events.join(''), 'utf8');
}

/**
 * The synthetic reasoning traces by model name (`synth-titled`, `synth-untitled`, `synth-loop`);
 * each call builds the body. The mock provider serves them like recordings (`~<ms>` paces them).
 * @type {Record<string, () => Buffer>}
 */
export const SYNTHETIC_TRACES = Object.fromEntries(
  Object.entries(STREAMS).map(([name, make]) => [name, () => traceBody(name, make)]),
);
