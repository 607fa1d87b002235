import { describe, expect, it } from 'vitest';
import { createPrng } from '../../testing/recordings';
import { paragraph, untitledTrace } from '../../testing/synthetic-traces';
import * as fc from 'fast-check';
import {
  createRepetitionDetector,
  MIN_PARAGRAPH_CHARS,
  MIN_SENTENCE_CHARS,
  NGRAM,
  PARAGRAPH_REPEATS,
  REPEATED_NGRAM_RATE,
  SENTENCE_REPEATS,
  WINDOW_WORDS,
  type Repetition,
} from './repetition-detector';

function detect(text: string, deltaSize = 7): Repetition | undefined {
  const detector = createRepetitionDetector();
  for (let at = 0; at < text.length; at += deltaSize) detector.feed(text.slice(at, at + deltaSize));
  expect(detector.work).toBe(text.length);
  return detector.repetition;
}

describe('createRepetitionDetector', () => {
  it('stays quiet on a long healthy trace', () => {
    expect(detect(untitledTrace(1500))).toBeUndefined();
  });

  it('trips on the same paragraph written again and again', () => {
    const random = createPrng(3);
    const loop = `Let me check the remainder of 1,000,000 divided by 7 again. ${paragraph(random, 2)}`;
    const text = `${untitledTrace(30)}\n\n${`${loop}\n\n`.repeat(5)}`;
    const repetition = detect(text);
    expect(repetition?.rule).toBe('paragraph');
    expect(repetition!.at).toBeGreaterThan(text.indexOf(loop) + 2 * loop.length);
    expect(repetition!.at).toBeLessThan(text.indexOf(loop) + 4 * (loop.length + 2));
  });

  it('trips on a re-check whose numbers change each time', () => {
    const checks = Array.from(
      { length: 8 },
      (_, round) => `So ${round * 7 + 3} mod 7 is 3, which means the sum is still not divisible. `,
    ).join('');
    expect(detect(`${untitledTrace(10)} ${checks}`)?.rule).toBe('sentence');
  });

  it('trips on a loop that rewords itself', () => {
    const random = createPrng(9);
    const core = paragraph(random, 6).split(' ');
    const rounds = Array.from({ length: 12 }, (_, round) => {
      const words = [...core];
      words[(round * 13) % words.length] = 'perhaps';
      return words.join(' ').replace(/\./g, ',');
    });
    expect(detect(`${untitledTrace(20)} ${rounds.join(' ')}`)?.rule).toBe('ngram');
  });

  it('does not count short sentences that recur in any trace', () => {
    expect(detect('Wait. Let me check. Hmm. Yes.\n'.repeat(40))).toBeUndefined();
  });
});

/** The character as the rules read it, written from the rules' own description. */
function normalChar(char: string): string {
  if (/\p{N}/u.test(char)) return '0';
  return /\p{L}/u.test(char) ? char.toLowerCase() : '';
}

/** Normalized text: every separator run one space, trimmed. */
function normalText(text: string): string {
  return [...text]
    .map((char) => normalChar(char) || ' ')
    .join('')
    .replace(/ +/g, ' ')
    .trim();
}

/**
 * The rules of `repetition-detector.ts` applied to the whole text at once, slowly and plainly:
 * each rule's first trip, and the earliest of those (at the same character the n-gram rule is
 * checked first, then the sentence rule, then the paragraph rule).
 */
function referenceRepetition(text: string): Repetition | undefined {
  const chars = [...text];
  const trips: (Repetition & { order: number })[] = [];
  const sentences = new Map<string, number>();
  const paragraphs = new Map<string, number>();
  const words: string[] = [];
  const grams: string[] = [];
  const flags: boolean[] = [];
  let offset = 0;
  let sentence = '';
  let paragraph = '';
  let word = '';
  let blankSince = -1;
  for (const char of chars) {
    offset += char.length;
    const normal = normalChar(char);
    if (normal === '' && word !== '') {
      words.push(word);
      word = '';
      if (words.length >= NGRAM) {
        const gram = words.slice(-NGRAM).join(' ');
        flags.push(grams.slice(-WINDOW_WORDS).includes(gram));
        grams.push(gram);
        const window = flags.slice(-WINDOW_WORDS);
        const repeats = window.filter(Boolean).length;
        if (window.length === WINDOW_WORDS && repeats >= REPEATED_NGRAM_RATE * WINDOW_WORDS) {
          trips.push({ rule: 'ngram', at: offset, order: 0 });
        }
      }
    }
    if ('\n.!?'.includes(char)) {
      const key = normalText(sentence);
      if (key.length >= MIN_SENTENCE_CHARS) {
        const seen = (sentences.get(key) ?? 0) + 1;
        sentences.set(key, seen);
        if (seen >= SENTENCE_REPEATS) trips.push({ rule: 'sentence', at: offset, order: 1 });
      }
      sentence = '';
    } else sentence += char;
    if (char === '\n' && blankSince >= 0) {
      const key = normalText(paragraph);
      if (key.length >= MIN_PARAGRAPH_CHARS) {
        const seen = (paragraphs.get(key) ?? 0) + 1;
        paragraphs.set(key, seen);
        if (seen >= PARAGRAPH_REPEATS) trips.push({ rule: 'paragraph', at: offset, order: 2 });
      }
      paragraph = '';
    } else paragraph += char;
    if (char === '\n') blankSince = offset;
    else if (!' \t\r'.includes(char)) blankSince = -1;
    if (normal !== '') word += normal;
  }
  trips.sort((a, b) => a.at - b.at || a.order - b.order);
  const first = trips[0];
  return first === undefined ? undefined : { rule: first.rule, at: first.at };
}

describe('createRepetitionDetector, against the rules applied to the whole text', () => {
  it('trips where a sentence comes the sixth time, whatever its case, digits and separators', () => {
    const variants = [
      'Let me check the remainder of 1000 by 7 again',
      'let me CHECK the remainder of 2345 by 8 again',
      'Let me: check (the) remainder/of 9999 @ by 1 again',
      'LET ME CHECK THE REMAINDER OF 4321 BY 5 [AGAIN]',
      'Let   me check the remainder of 1 000 by `7` {again}',
      'let me check the remainder of 1234 by 7 again!',
    ];
    // "of 1 000" normalizes to "of 0 000", not "of 0000": that variant is another sentence.
    const text = variants.map((variant) => `${variant}. `).join('') + 'Then. ';
    expect(detect(text)).toEqual(referenceRepetition(text));
    const same = variants.filter((_, index) => index !== 4);
    const repeated = `${same.join('. ')}. ${same[0]}? Done.`;
    const at = repeated.indexOf('?') + 1;
    expect(detect(repeated)).toEqual({ rule: 'sentence', at });
    expect(detect(repeated.slice(0, at - 1))).toBeUndefined();
  });

  it('counts a sentence from 30 normalized characters and trips on its sixth copy, not its fifth', () => {
    const thirty = 'abcde fghij klmno pqrst uvwxyz'; // 30 characters
    expect(normalText(thirty)).toHaveLength(MIN_SENTENCE_CHARS);
    expect(detect(`${thirty}. `.repeat(SENTENCE_REPEATS))?.rule).toBe('sentence');
    expect(detect(`${thirty}. `.repeat(SENTENCE_REPEATS - 1))).toBeUndefined();
    expect(detect(`${thirty.slice(1)}. `.repeat(4 * SENTENCE_REPEATS))).toBeUndefined();
  });

  it('counts a paragraph from 60 normalized characters and trips on its third copy', () => {
    const sixty = 'abcde fghij klmno pqrst uvwxyz ABCDE FGHIJ KLMNO PQRST UVWXYZ'; // 61 with spaces
    const paragraph = sixty.slice(0, 60);
    expect(normalText(paragraph)).toHaveLength(MIN_PARAGRAPH_CHARS);
    const text = `${paragraph}\n\n`.repeat(PARAGRAPH_REPEATS);
    expect(detect(text)).toEqual({ rule: 'paragraph', at: text.length });
    expect(detect(`${paragraph}\n\n`.repeat(PARAGRAPH_REPEATS - 1))).toBeUndefined();
    expect(detect(`${paragraph.slice(1)}\n\n`.repeat(5))).toBeUndefined();
  });

  it('ends a paragraph at a blank line holding spaces, tabs or a carriage return', () => {
    const paragraph = 'a paragraph long enough to count, written once more and again';
    for (const gap of ['\n \n', '\n\t\n', '\r\n\r\n', '\n  \t \n']) {
      const text = `${paragraph}${gap}`.repeat(PARAGRAPH_REPEATS);
      expect(detect(text), JSON.stringify(gap)).toEqual({ rule: 'paragraph', at: text.length });
    }
    // A line with a letter on it is not blank.
    expect(detect(`${paragraph}\nx\n`.repeat(PARAGRAPH_REPEATS))).toBeUndefined();
  });

  it('reads letters and digits of any script, and counts offsets in UTF-16 units', () => {
    const variants = [
      'Évaluons la somme numéro ٣ encore une fois 🙂 voilà',
      'évaluons LA SOMME numéro 7 encore une fois voilà',
      'ÉVALUONS la somme NUMÉRO ٤ encore — une fois « voilà »',
    ];
    const text = `${[...variants, ...variants].join('! ')}! 🙂`;
    const repetition = detect(text, 3);
    expect(repetition).toEqual({ rule: 'sentence', at: text.length - 3 });
    expect(repetition).toEqual(referenceRepetition(text));
  });

  it('stays tripped at the first repetition while more comes', () => {
    const loop = 'the same sentence of more than thirty letters. ';
    const first = detect(loop.repeat(SENTENCE_REPEATS));
    expect(detect(loop.repeat(3 * SENTENCE_REPEATS))).toEqual(first);
    expect(first).toEqual({ rule: 'sentence', at: loop.length * SENTENCE_REPEATS - 1 });
  });

  it('trips the n-gram rule only once the window is full of repeated n-grams', () => {
    const phrase = 'alpha beta gamma delta epsilon ';
    // 5 distinct n-grams, then repeats: the window of 600 fills at word 604.
    const text = phrase.repeat(130);
    const wordEnd = (count: number) => {
      let at = -1;
      for (let word = 0; word < count; word += 1) at = text.indexOf(' ', at + 1);
      return at + 1;
    };
    expect(detect(text)).toEqual({ rule: 'ngram', at: wordEnd(WINDOW_WORDS + NGRAM - 1) });
    expect(detect(text.slice(0, wordEnd(WINDOW_WORDS + NGRAM - 1) - 1))).toBeUndefined();
  });

  it('forgets n-grams that left the window, and trips at 60% repeats exactly', () => {
    // Distinct words of letters only (digits all read as 0).
    const letters = (index: number) =>
      String.fromCharCode(97 + (index % 26), 97 + (Math.floor(index / 26) % 26));
    const phrase = 'alpha beta gamma delta epsilon ';
    const fresh = Array.from({ length: WINDOW_WORDS }, (_, index) => `w${letters(index)} `).join(
      '',
    );
    const loop = (words: number) => `${phrase.repeat(100).split(' ').slice(0, words).join(' ')} `;
    // After the fresh words, the loop's first n-grams are new again: its 369th word brings the
    // window to 360 repeated n-grams of 600.
    const text = loop(100) + fresh + loop(369);
    expect(detect(text)).toEqual({ rule: 'ngram', at: text.length });
    expect(detect(loop(100) + fresh + loop(368))).toBeUndefined();
  });

  it('agrees with the rules on texts built from a few repeated pieces', () => {
    const pieces = [
      'Let me check the remainder of 17 by 7 again',
      'LET ME CHECK THE REMAINDER OF 99 BY 7 AGAIN',
      'So the sum is odd',
      'we compare both sides of the equation before moving on to the next case',
      'Wait',
      'É ٣ 🙂',
      'x',
    ];
    const separators = ['. ', '.', ', ', ' ', '\n', '\n\n', '\n \n', '\r\n\r\n', '! ', '? ', '\t'];
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom(...pieces), fc.constantFrom(...separators)), {
          maxLength: 60,
        }),
        fc.integer({ min: 1, max: 9 }),
        (parts, deltaSize) => {
          const text = parts.map(([piece, separator]) => piece + separator).join('');
          expect(detect(text, deltaSize)).toEqual(referenceRepetition(text));
        },
      ),
      { numRuns: 150 },
    );
  });

  it('agrees with the n-gram rule on long texts drawn from small vocabularies', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 2, max: 6 }), fc.integer({ min: 20, max: 200 })), {
          minLength: 3,
          maxLength: 8,
        }),
        fc.integer({ min: 1, max: 1_000_000 }),
        (runs, seed) => {
          const random = createPrng(seed);
          const words = runs.flatMap(([vocabulary, count]) =>
            Array.from({ length: count }, () => `w${Math.floor(random() * vocabulary)}`),
          );
          const text = `${words.join(' ')} `;
          expect(detect(text, 11)).toEqual(referenceRepetition(text));
        },
      ),
      { numRuns: 40 },
    );
  });
});
