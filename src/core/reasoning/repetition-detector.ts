/**
 * Notices when a reasoning trace goes round in circles (the same re-check written again and again)
 * while it streams.
 *
 * Rules (text is normalized first: lower case, every digit `0`, runs of anything but letters and
 * digits one space):
 * 1. A sentence of at least {@link MIN_SENTENCE_CHARS} normalized characters written
 *    {@link SENTENCE_REPEATS} times.
 * 2. A paragraph of at least {@link MIN_PARAGRAPH_CHARS} normalized characters written
 *    {@link PARAGRAPH_REPEATS} times.
 * 3. Over the last {@link WINDOW_WORDS} words, at least {@link REPEATED_NGRAM_RATE} of the word
 *    {@link NGRAM}-grams already occurred earlier in the same window (a loop that rewords itself).
 *
 * The thresholds are set so that no recording in `shared/streams` (real traces) trips any rule and
 * a synthetic loop trips one within a few repetitions. Once tripped, it stays tripped.
 *
 * Cost: every character is read once; each word costs O({@link NGRAM}); memory grows with the
 * number of distinct sentences and paragraphs (as hashes) plus the window.
 */

export const MIN_SENTENCE_CHARS = 30;
export const SENTENCE_REPEATS = 6;
export const MIN_PARAGRAPH_CHARS = 60;
export const PARAGRAPH_REPEATS = 3;
export const NGRAM = 5;
export const WINDOW_WORDS = 600;
export const REPEATED_NGRAM_RATE = 0.6;

/** Which rule found the repetition, and where the text was when it did. */
export interface Repetition {
  rule: 'sentence' | 'paragraph' | 'ngram';
  /** UTF-16 offset in the reasoning at which the rule tripped. */
  at: number;
}

/** An incremental repetition detector for one trace. */
export interface RepetitionDetector {
  feed(delta: string): void;
  /** The repetition found, once one is. */
  readonly repetition: Repetition | undefined;
  /** Characters read so far: equal to the text's length. */
  readonly work: number;
}

/** 32-bit FNV-1a over a string, for counting sentences without keeping them. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let index = 0; index < text.length; index += 1) {
    h ^= text.charCodeAt(index);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** The character as it counts in normalized text: lower case, digits `0`; `''` for a separator. */
function normalize(char: string): string {
  const code = char.charCodeAt(0);
  if (code < 128) {
    if (code >= 48 && code <= 57) return '0';
    if (code >= 65 && code <= 90) return String.fromCharCode(code + 32);
    return code >= 97 && code <= 122 ? char : '';
  }
  if (/\p{N}/u.test(char)) return '0';
  return /\p{L}/u.test(char) ? char.toLowerCase() : '';
}

/** Creates a detector. */
export function createRepetitionDetector(): RepetitionDetector {
  let repetition: Repetition | undefined;
  let offset = 0;
  let sentence = '';
  let paragraph = '';
  let word = '';
  let lastWasSpace = true;
  let lastWasNewline = false;
  const sentences = new Map<number, number>();
  const paragraphs = new Map<number, number>();
  const words: string[] = [];
  // A ring of the last WINDOW_WORDS n-grams and whether each was a repeat when it came.
  const windowGrams = new Array<number>(WINDOW_WORDS).fill(0);
  const windowFlags = new Array<boolean>(WINDOW_WORDS).fill(false);
  let windowSize = 0;
  let windowNext = 0;
  const gramCounts = new Map<number, number>();
  let repeatedInWindow = 0;

  const trip = (rule: Repetition['rule']) => {
    repetition ??= { rule, at: offset };
  };
  const count = (map: Map<number, number>, text: string, min: number, repeats: number) => {
    const trimmed = text.trim();
    if (trimmed.length < min) return false;
    const key = hash(trimmed);
    const seen = (map.get(key) ?? 0) + 1;
    map.set(key, seen);
    return seen >= repeats;
  };
  const endWord = () => {
    if (word === '') return;
    words.push(word);
    word = '';
    if (words.length > NGRAM) words.shift();
    if (words.length < NGRAM) return;
    const gram = hash(words.join(' '));
    const seen = gramCounts.get(gram) ?? 0;
    const isRepeat = seen > 0;
    gramCounts.set(gram, seen + 1);
    if (windowSize === WINDOW_WORDS) {
      const old = windowGrams[windowNext]!;
      if (windowFlags[windowNext]) repeatedInWindow -= 1;
      const left = gramCounts.get(old)! - 1;
      if (left === 0) gramCounts.delete(old);
      else gramCounts.set(old, left);
    } else windowSize += 1;
    windowGrams[windowNext] = gram;
    windowFlags[windowNext] = isRepeat;
    windowNext = (windowNext + 1) % WINDOW_WORDS;
    if (isRepeat) repeatedInWindow += 1;
    if (windowSize === WINDOW_WORDS && repeatedInWindow >= REPEATED_NGRAM_RATE * WINDOW_WORDS) {
      trip('ngram');
    }
  };

  const read = (char: string) => {
    offset += char.length;
    const isNewline = char === '\n';
    if (isNewline || char === '.' || char === '!' || char === '?') {
      endWord();
      if (count(sentences, sentence, MIN_SENTENCE_CHARS, SENTENCE_REPEATS)) trip('sentence');
      sentence = '';
    }
    if (isNewline && lastWasNewline) {
      if (count(paragraphs, paragraph, MIN_PARAGRAPH_CHARS, PARAGRAPH_REPEATS)) trip('paragraph');
      paragraph = '';
    }
    lastWasNewline =
      isNewline || (lastWasNewline && (char === ' ' || char === '\t' || char === '\r'));
    const normal = normalize(char);
    if (normal !== '') {
      sentence += normal;
      paragraph += normal;
      word += normal;
      lastWasSpace = false;
    } else {
      endWord();
      if (!lastWasSpace) {
        sentence += ' ';
        paragraph += ' ';
        lastWasSpace = true;
      }
    }
  };

  return {
    feed(delta: string): void {
      // Iterating by code point keeps surrogate pairs whole.
      for (const char of delta) read(char);
    },
    get repetition() {
      return repetition;
    },
    get work() {
      return offset;
    },
  };
}
