/**
 * Deterministic synthetic text for the streaming benchmark: a reasoning or answer channel of a
 * given number of ~4-character tokens, and which token completes each probe word.
 *
 * Pure JavaScript with no Node APIs: the synthetic server, the harness and the reference page (for
 * W5's history) all use it, and the same arguments always give the same text.
 */

import { mulberry32 } from '../e2e/support/prng.mjs';
import { writeAnswer, writeReasoning } from './synth-documents.mjs';
import { answerProbe, reasoningProbe, TextBuilder } from './text-builder.mjs';

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
 * A reasoning or answer channel: its tokens and, per probe, the index of the token that completes
 * it. The text is written for `count` tokens (an answer's fence and table scale with `count / 4000`).
 * @param {'reasoning' | 'answer'} kind
 * @param {number} count
 * @param {number} seed
 * @returns {{ tokens: string[], text: string, probeTokens: number[] }}
 */
export function synthChannel(kind, count, seed) {
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
