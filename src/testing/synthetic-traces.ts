/**
 * Test helpers: synthetic reasoning traces (titled summaries, DeepSeek-style untitled traces,
 * loops), built from a seeded PRNG so every run sees the same text.
 */
import { createPrng } from './recordings';

const WORDS =
  'the remainder modulo seven gives three so we check whether each factor divides evenly and compare both sides of the equation before moving on to the next case where a prime appears twice in sum product term value bound limit integer square root triangle angle length area'.split(
    ' ',
  );

/** `count` words drawn from a small vocabulary, as a sentence with a full stop. */
export function sentence(random: () => number, count: number): string {
  const words = Array.from({ length: count }, () => WORDS[Math.floor(random() * WORDS.length)]!);
  const text = words.join(' ');
  return `${text[0]!.toUpperCase()}${text.slice(1)}.`;
}

/** A paragraph of `sentences` sentences of 8–20 words. */
export function paragraph(random: () => number, sentences: number): string {
  return Array.from({ length: sentences }, () =>
    sentence(random, 8 + Math.floor(random() * 13)),
  ).join(' ');
}

/** A titled trace (OpenAI / Gemini summaries): `**Title**`, a blank line, then paragraphs. */
export function titledTrace(titles: readonly string[], seed = 1): string {
  const random = createPrng(seed);
  return titles
    .map((title) => `**${title}**\n\n${paragraph(random, 3)}\n\n${paragraph(random, 2)}\n\n`)
    .join('');
}

/** Paragraph openers of a DeepSeek-R1-style trace, with `null` for a plain paragraph. */
const OPENERS = [null, null, 'Wait, ', 'Alternatively, ', 'Let me check: ', 'Hmm, ', 'But ', null];

/** An untitled trace of `paragraphs` paragraphs, some opening with a pivot phrase. */
export function untitledTrace(paragraphs: number, seed = 2): string {
  const random = createPrng(seed);
  const out: string[] = [];
  for (let index = 0; index < paragraphs; index += 1) {
    const opener = index === 0 ? 'Okay, ' : OPENERS[Math.floor(random() * OPENERS.length)];
    const body = paragraph(random, 1 + Math.floor(random() * 4));
    out.push(opener === null ? body : opener + body[0]!.toLowerCase() + body.slice(1));
  }
  return out.join('\n\n');
}
