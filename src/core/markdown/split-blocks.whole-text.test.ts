import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sampledInMutationRun } from '../../testing/mutation-run';
import { createBlockSplitter } from './split-blocks';
import { ADVERSARIAL_DOCUMENTS, BENCHMARK_ANSWER, prefixLengths } from './test-documents';
import { settledMismatch } from '../../testing/whole-text-blocks';

/**
 * Streams `doc` through the given prefix lengths and compares the split with a whole-text parse at
 * every `checkEvery`-th prefix (and the last); the first prefix whose split is wrong.
 */
function firstMismatch(
  doc: string,
  lengths: readonly number[],
  checkEvery = 1,
): string | undefined {
  const splitter = createBlockSplitter();
  for (const [index, length] of lengths.entries()) {
    const prefix = doc.slice(0, length);
    const { settled } = splitter.update(prefix);
    if (index % checkEvery !== 0 && index !== lengths.length - 1) continue;
    const mismatch = settledMismatch(prefix, settled);
    if (mismatch !== undefined) return `at ${length} of ${JSON.stringify(prefix)}: ${mismatch}`;
  }
  return undefined;
}

/** Cut points of `doc` from chunk sizes, cycling through them. */
function lengthsFromChunks(doc: string, chunks: readonly number[]): number[] {
  const lengths: number[] = [];
  for (let length = 0, index = 0; length < doc.length; index += 1) {
    length = Math.min(doc.length, length + (chunks[index % chunks.length] ?? 1));
    lengths.push(length);
  }
  return lengths;
}

const DOCUMENTS: [string, string][] = [
  ['the benchmark answer', BENCHMARK_ANSWER],
  ...Object.entries(ADVERSARIAL_DOCUMENTS),
];

describe('createBlockSplitter against a whole-text parse', () => {
  // A whole-text parse of every prefix of a 13 KB document takes minutes; the big documents are
  // still streamed through every prefix, and checked at every 40th (the small ones at every one).
  const checkEveryBig = sampledInMutationRun(40, 400);
  const checkEverySmall = sampledInMutationRun(1, 5);
  it.each(DOCUMENTS)('%s: the settled blocks are whole-text blocks as it streams', (_, doc) => {
    const lengths = prefixLengths(doc);
    const checkEvery = doc.length > 1000 ? checkEveryBig : checkEverySmall;
    expect(firstMismatch(doc, lengths, checkEvery)).toBeUndefined();
  });

  it('holds however the benchmark answer is cut into chunks', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 400 }), { minLength: 1 }), (chunks) => {
        // Streamed through every cut, compared with a whole-text parse at about 100 of them.
        const lengths = lengthsFromChunks(BENCHMARK_ANSWER, chunks);
        const checkEvery = Math.max(1, Math.ceil(lengths.length / 100));
        expect(firstMismatch(BENCHMARK_ANSWER, lengths, checkEvery)).toBe(undefined);
      }),
      { numRuns: sampledInMutationRun(5, 1) },
    );
  });

  it('holds for random documents of block constructs, at every prefix', () => {
    const line = fc.constantFrom(
      '',
      '',
      '',
      'text',
      'more *text*',
      '  indented',
      '    code',
      '- a',
      '* b',
      '1. c',
      '2) d',
      '  - nested',
      '> quote',
      '>',
      '# Heading',
      'Title',
      '===',
      '---',
      '***',
      '```',
      '```js',
      '~~~',
      '| a | b |',
      '|---|---|',
      '| 1 | 2 |',
      '<!-- note',
      '-->',
      '<div>',
      '</div>',
      '<pre>',
      '</pre>',
      '12345',
      '$$',
      '\tx',
    );
    fc.assert(
      // Half the lines are followed by a blank line: that is where blocks may settle.
      fc.property(fc.array(fc.tuple(line, fc.boolean()), { maxLength: 16 }), (pairs) => {
        const lines = pairs.map(([text, isBlankAfter]) => (isBlankAfter ? `${text}\n` : text));
        const doc = lines.join('\n');
        const lengths = Array.from({ length: doc.length + 1 }, (_, index) => index);
        expect(firstMismatch(doc, lengths)).toBeUndefined();
      }),
      { numRuns: sampledInMutationRun(400, 40) },
    );
  });
});
