/**
 * Deterministic synthetic reasoning + markdown answer for the streaming benchmark, cut into
 * ~4-character "tokens" and framed as OpenAI `chat.completion.chunk` SSE events.
 *
 * Pure JavaScript with no Node APIs: the synthetic server, the harness and the reference page (for
 * W5's history) all import it, and the same parameters always give the same bytes.
 *
 * Probes: the text carries short marker words at regular places where they are always visible when
 * rendered (prose, list items, table cells, code lines; never inside link targets or math):
 * `k<n>j` in the reasoning and `v<n>w` in the answer, numbered from 0 in stream order. The harness
 * finds them in the rendered DOM to time "byte arrived → painted" without assuming anything about
 * how the renderer maps markdown source to text.
 */

import { mulberry32 } from '../e2e/support/prng.mjs';

/**
 * @typedef {object} WorkloadParams
 * @property {number} r Reasoning tokens.
 * @property {number} a Answer tokens.
 * @property {number} rate Tokens per second; 0 = no pacing (firehose).
 * @property {number} tpe Tokens per SSE event.
 * @property {number} burst SSE events per socket write.
 * @property {number} seed
 */

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

/** The reasoning probe word `i`. @param {number} i */
export const reasoningProbe = (i) => `k${i}j`;
/** The answer probe word `i`. @param {number} i */
export const answerProbe = (i) => `v${i}w`;

const WORDS = (
  'the a of to and in that is for it as with on be this by are we at from or an not if so ' +
  'value function result number case check time first next then because which each only ' +
  'list array string input output order sorted merge step answer problem condition sum ' +
  'prime factor divide remainder bound loop index length node tree left right parent child ' +
  'state update render frame token stream buffer parser block cache memo budget cost linear ' +
  'quadratic constant small large greater less equal true false should would could might ' +
  'probably actually exactly clearly another second third last every other same different ' +
  'compute assume consider verify simple careful edge empty single double middle small'
).split(' ');

const OPENERS = [
  'Wait, let me check this again.',
  'Hmm, that does not look right.',
  'Let me reconsider the second case.',
  'So far so good.',
  'Actually, I think there is a simpler way.',
  'OK, so the invariant still holds.',
  'Let me verify with a small example.',
  'But wait, what about the empty input?',
];

const CJK = [
  '我们需要检查这个条件',
  '这是一个简单的例子',
  'これは重要です',
  '结果是正确的',
  '다시 확인해 보자',
];
const EMOJI = ['🤔', '✅', '🚀', '📈', '🙂', '👨‍👩‍👧', '⚠️'];
const MATH = [
  '$O(n \\log n)$',
  '$x^2 + y^2 = z^2$',
  '$\\sum_{i=1}^{n} i$',
  '$a_i \\le a_{i+1}$',
  '$2^{10}$',
];
const IDENTS = ['left', 'right', 'merged', 'index', 'count', 'total', 'buffer', 'result', 'node'];

/**
 * Builds a text from parts, remembering where tokens must be cut (inside markdown markers) and
 * where each probe ends.
 */
class TextBuilder {
  /** @param {() => number} random @param {(i: number) => string} probeName */
  constructor(random, probeName) {
    this.random = random;
    this.probeName = probeName;
    /** @type {string[]} */
    this.parts = [];
    this.length = 0;
    /** @type {number[]} Offsets (UTF-16) at which a token must end. */
    this.cuts = [];
    /** @type {number[]} Offset just after each probe. */
    this.probeEnds = [];
  }
  /** @param {string} text */
  add(text) {
    this.parts.push(text);
    this.length += text.length;
    return this;
  }
  /** Forces a token boundary at the current end. */
  cut() {
    this.cuts.push(this.length);
    return this;
  }
  /** Adds the next probe word. */
  probe() {
    this.add(this.probeName(this.probeEnds.length));
    this.probeEnds.push(this.length);
    return this;
  }
  /** @param {number} n */
  int(n) {
    return Math.floor(this.random() * n);
  }
  /** @template T @param {readonly T[]} list @returns {T} */
  pick(list) {
    return list[this.int(list.length)];
  }
  /** A run of plain words, with a probe every ~12 words. @param {number} count */
  words(count) {
    for (let i = 0; i < count; i++) {
      if (i > 0) this.add(' ');
      if (i % 12 === 6) this.probe();
      else this.add(this.pick(WORDS));
    }
    return this;
  }
  /** `**bold**` with the opening marker split across tokens. @param {number} count */
  bold(count) {
    this.add('*').cut().add('*');
    this.words(count);
    return this.add('*').cut().add('*');
  }
  /** `*italic*`. @param {number} count */
  italic(count) {
    this.add('*');
    this.words(count);
    return this.add('*');
  }
  /** Inline code, the opening backtick cut off. */
  inlineCode() {
    return this.add('`')
      .cut()
      .add(`${this.pick(IDENTS)}.${this.pick(WORDS)}()`)
      .add('`');
  }
  /** `[text](url)`, cut after `](`. */
  link() {
    this.add('[');
    this.words(2 + this.int(3));
    return this.add('](')
      .cut()
      .add(`https://example.com/docs/${this.pick(WORDS)}-${this.int(100)}`)
      .add(')');
  }
  /** A sentence of prose, sometimes with inline markup. @param {boolean} rich */
  sentence(rich) {
    this.words(5 + this.int(10));
    if (rich) {
      const kind = this.int(9);
      this.add(' ');
      if (kind === 0) this.bold(2 + this.int(3));
      else if (kind === 1) this.italic(2 + this.int(2));
      else if (kind === 2) this.inlineCode();
      else if (kind === 3) this.link();
      else if (kind === 4) this.add(this.pick(MATH));
      else if (kind === 5) this.add(this.pick(CJK));
      else if (kind === 6) this.add(this.pick(EMOJI));
      else this.words(3);
      this.add(' ');
      this.words(3 + this.int(6));
    }
    return this.add('.');
  }
  /** @param {number} sentences @param {boolean} rich */
  paragraph(sentences, rich) {
    for (let i = 0; i < sentences; i++) {
      if (i > 0) this.add(' ');
      this.sentence(rich);
    }
    return this.add('\n\n');
  }
  toString() {
    return this.parts.join('');
  }
}

/**
 * Reasoning in the style of R1: long paragraphs, few blank lines, occasional inline code, math and a
 * short list; no headings.
 * @param {TextBuilder} b
 * @param {number} minChars
 */
function writeReasoning(b, minChars) {
  while (b.length < minChars) {
    b.add(b.pick(OPENERS)).add(' ');
    const sentences = 6 + b.int(10);
    for (let i = 0; i < sentences; i++) {
      if (i > 0) b.add(' ');
      b.sentence(b.random() < 0.35);
    }
    b.add('\n\n');
    if (b.random() < 0.12) {
      for (let i = 1; i <= 3; i++) {
        b.add(`${i}. `);
        b.words(6 + b.int(6));
        b.add('\n');
      }
      b.add('\n');
    }
  }
}

/**
 * A markdown answer: prose, nested lists, a long TypeScript fence, a table, a short Python fence,
 * a blockquote and a rule, then prose until `minChars`.
 * @param {TextBuilder} b
 * @param {number} minChars
 * @param {number} scale 1 for a 4,000-token answer (200-line fence, 50-row table).
 */
function writeAnswer(b, minChars, scale) {
  const fenceLines = Math.max(6, Math.round(200 * scale));
  const tableRows = Math.max(3, Math.round(50 * scale));
  b.add('## ');
  b.words(4);
  b.add('\n\n');
  b.paragraph(4, true);
  // Nested list, then an ordered one.
  for (let i = 0; i < 3; i++) {
    b.add('- ');
    b.words(6 + b.int(6));
    b.add(' ').inlineCode().add('\n');
    for (let j = 0; j < 2; j++) {
      b.add('  - ');
      b.words(5 + b.int(5));
      b.add('\n');
    }
  }
  b.add('\n');
  for (let i = 1; i <= 4; i++) {
    b.add(`${i}. `);
    b.bold(2);
    b.add(': ');
    b.words(6 + b.int(8));
    b.add('\n');
  }
  b.add('\n');
  b.paragraph(3, true);
  // The long fence, its opening backticks split.
  b.add('`').cut().add('``ts\n');
  b.add('export function merge(left: number[], right: number[]): number[] {\n');
  for (let i = 0; i < fenceLines - 2; i++) {
    const indent = '  '.repeat(1 + (i % 3));
    const kind = i % 5;
    if (kind === 0)
      b.add(`${indent}const `)
        .probe()
        .add(` = ${b.pick(IDENTS)}[${i}] ?? 0;\n`);
    else if (kind === 1) b.add(`${indent}if (${b.pick(IDENTS)} < ${b.int(1000)}) {\n`);
    else if (kind === 2) b.add(`${indent}${b.pick(IDENTS)} += ${b.int(10)};\n`);
    else if (kind === 3) b.add(`${indent}}\n`);
    else b.add(`${indent}// ${b.pick(WORDS)} ${b.pick(WORDS)}\n`);
  }
  b.add('}\n```\n\n');
  b.paragraph(2, true);
  b.add('> ');
  b.words(14);
  b.add(' ').add(b.pick(EMOJI)).add('\n\n---\n\n');
  // The table: each row's leading pipe starts a token.
  b.add('| Case | Input | Result | Note |\n|---|---:|:---:|---|\n');
  for (let i = 0; i < tableRows; i++) {
    b.cut()
      .add('| ')
      .probe()
      .add(` | ${b.int(10000)} | ${b.random() < 0.5 ? '`ok`' : '**fail**'} | `)
      .add(b.random() < 0.2 ? b.pick(CJK) : b.pick(WORDS))
      .add(' |\n');
  }
  b.add('\n### ');
  b.words(3);
  b.add('\n\n');
  b.add('`').cut().add('``python\n');
  const pyLines = Math.max(4, Math.round(20 * scale));
  for (let i = 0; i < pyLines; i++) {
    b.add(i % 4 === 0 ? `def step_${i}(x):  # ` : `    x = x * ${i} + 1  # `)
      .probe()
      .add('\n');
  }
  b.add('```\n\n');
  b.add('1. ').words(8).add('\n   - ').words(6).add('\n   - ').link().add('\n2. ').words(7);
  b.add('\n\n');
  while (b.length < minChars) b.paragraph(3 + b.int(4), true);
}

/** Token piece lengths in code points; mean 4. */
const PIECE_LENGTHS = [2, 3, 3, 4, 4, 4, 4, 5, 5, 6];

/**
 * Cuts a text into `count` tokens of ~4 characters (never splitting a surrogate pair), honouring
 * forced cuts, and drops what is left over.
 * @param {string} text
 * @param {readonly number[]} cuts Sorted offsets where a token must end.
 * @param {number} count
 * @param {() => number} random
 * @returns {string[]}
 */
function tokenize(text, cuts, count, random) {
  /** @type {string[]} */
  const tokens = [];
  let offset = 0;
  let cutIndex = 0;
  while (tokens.length < count && offset < text.length) {
    while (cutIndex < cuts.length && cuts[cutIndex] <= offset) cutIndex++;
    const limit = cutIndex < cuts.length ? cuts[cutIndex] : text.length;
    let want = PIECE_LENGTHS[Math.floor(random() * PIECE_LENGTHS.length)];
    let end = offset;
    while (want > 0 && end < limit) {
      const code = text.charCodeAt(end);
      end += code >= 0xd800 && code <= 0xdbff && end + 1 < text.length ? 2 : 1;
      want--;
    }
    tokens.push(text.slice(offset, end));
    offset = end;
  }
  return tokens;
}

/**
 * A reasoning or answer channel: its tokens and, per probe, the token that completes it.
 * @param {'reasoning' | 'answer'} kind
 * @param {number} count
 * @param {number} seed
 * @returns {{ tokens: string[], text: string, probeTokens: number[] }}
 */
function channel(kind, count, seed) {
  if (count <= 0) return { tokens: [], text: '', probeTokens: [] };
  const random = mulberry32(seed);
  const b = new TextBuilder(random, kind === 'reasoning' ? reasoningProbe : answerProbe);
  // ~4 characters per token; 10% spare so truncation always lands in the final prose.
  const minChars = Math.ceil(count * 4.4) + 64;
  if (kind === 'reasoning') writeReasoning(b, minChars);
  else writeAnswer(b, minChars, count / 4000);
  const full = b.toString();
  let tokens = tokenize(full, b.cuts, count, random);
  while (tokens.length < count) {
    // Defensive: should not happen with the spare above.
    tokens = tokens.concat(tokenize(' and so on.', [], count - tokens.length, random));
  }
  const text = tokens.join('');
  /** @type {number[]} */
  const probeTokens = [];
  let tokenIndex = 0;
  let tokenEnd = tokens.length > 0 ? tokens[0].length : 0;
  for (const probeEnd of b.probeEnds) {
    if (probeEnd > text.length) break;
    while (tokenEnd < probeEnd) tokenEnd += tokens[++tokenIndex].length;
    probeTokens.push(tokenIndex);
  }
  return { tokens, text, probeTokens };
}

/** Defaults for parameters missing from a model name. */
export const DEFAULT_PARAMS = /** @type {const} */ ({
  r: 800,
  a: 600,
  rate: 80,
  tpe: 1,
  burst: 1,
  seed: 1,
});

/**
 * Reads the parameters encoded in a model name such as
 * `bench:r=25000,a=4000,rate=3000,tpe=1,burst=1,seed=1`; `null` when it is not a bench model.
 * Unknown keys (a run nonce, say) are ignored.
 * @param {string} model
 * @returns {WorkloadParams | null}
 */
export function parseModel(model) {
  const match = /^bench:(.*)$/.exec(model);
  if (!match) return null;
  /** @type {Record<string, number>} */
  const values = { ...DEFAULT_PARAMS };
  for (const pair of match[1].split(',')) {
    const [key, raw] = pair.split('=');
    if (key in DEFAULT_PARAMS && raw !== undefined && raw.trim() !== '') {
      const value = Number(raw);
      if (!Number.isFinite(value) || value < 0) return null;
      values[key] = value;
    }
  }
  return {
    r: Math.floor(values.r),
    a: Math.floor(values.a),
    rate: values.rate,
    tpe: Math.max(1, Math.floor(values.tpe)),
    burst: Math.max(1, Math.floor(values.burst)),
    seed: Math.floor(values.seed),
  };
}

/**
 * The model name for parameters (the inverse of {@link parseModel}).
 * @param {WorkloadParams} p
 * @param {string} [extra] Appended as is, e.g. `run=3`.
 */
export function modelName(p, extra) {
  const base = `bench:r=${p.r},a=${p.a},rate=${p.rate},tpe=${p.tpe},burst=${p.burst},seed=${p.seed}`;
  return extra ? `${base},${extra}` : base;
}

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
  const reasoning = channel('reasoning', params.r, params.seed * 2 + 1);
  const answer = channel('answer', params.a, params.seed * 2 + 2);
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

/**
 * Earlier turns for the history workload (W5): a question, reasoning and a markdown answer each,
 * ~6,000 characters per turn.
 * @param {number} turns
 * @param {number} seed
 * @returns {{ question: string, reasoning: string, answer: string }[]}
 */
export function buildHistory(turns, seed) {
  /** @type {{ question: string, reasoning: string, answer: string }[]} */
  const out = [];
  for (let i = 0; i < turns; i++) {
    const s = seed * 1000 + i * 7;
    out.push({
      question: `Question ${i + 1}: ${channel('reasoning', 12, s).text.split('\n')[0]}`,
      reasoning: channel('reasoning', 400, s + 1).text,
      answer: channel('answer', 1100, s + 2).text,
    });
  }
  return out;
}
