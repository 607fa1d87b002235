/**
 * The vocabulary of the benchmark's synthetic text and {@link TextBuilder}, which assembles a text
 * from parts while remembering where tokens must be cut (inside markdown markers) and where each
 * probe word ends. Probes are short marker words, `k<n>j` in the reasoning and `v<n>w` in the
 * answer, numbered from 0 in stream order, placed where a renderer always shows them (prose, list
 * items, table cells, code lines; never inside link targets or math).
 */

/** The reasoning probe word `i`. @param {number} i */
export const reasoningProbe = (i) => `k${i}j`;
/** The answer probe word `i`. @param {number} i */
export const answerProbe = (i) => `v${i}w`;

export const WORDS = (
  'the a of to and in that is for it as with on be this by are we at from or an not if so ' +
  'value function result number case check time first next then because which each only ' +
  'list array string input output order sorted merge step answer problem condition sum ' +
  'prime factor divide remainder bound loop index length node tree left right parent child ' +
  'state update render frame token stream buffer parser block cache memo budget cost linear ' +
  'quadratic constant small large greater less equal true false should would could might ' +
  'probably actually exactly clearly another second third last every other same different ' +
  'compute assume consider verify simple careful edge empty single double middle small'
).split(' ');

export const OPENERS = [
  'Wait, let me check this again.',
  'Hmm, that does not look right.',
  'Let me reconsider the second case.',
  'So far so good.',
  'Actually, I think there is a simpler way.',
  'OK, so the invariant still holds.',
  'Let me verify with a small example.',
  'But wait, what about the empty input?',
];

export const CJK = [
  '我们需要检查这个条件',
  '这是一个简单的例子',
  'これは重要です',
  '结果是正确的',
  '다시 확인해 보자',
];
export const EMOJI = ['🤔', '✅', '🚀', '📈', '🙂', '👨‍👩‍👧', '⚠️'];
export const MATH = [
  '$O(n \\log n)$',
  '$x^2 + y^2 = z^2$',
  '$\\sum_{i=1}^{n} i$',
  '$a_i \\le a_{i+1}$',
  '$2^{10}$',
];
export const IDENTS = [
  'left',
  'right',
  'merged',
  'index',
  'count',
  'total',
  'buffer',
  'result',
  'node',
];

/**
 * Builds a text from parts, remembering where tokens must be cut (inside markdown markers) and
 * where each probe ends.
 */
export class TextBuilder {
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
