import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizeMathDelimiters } from '../../core/markdown/math-delimiters';
import { mayContainMath } from './may-contain-math';

describe('mayContainMath', () => {
  it('says yes to each kind of math', () => {
    for (const text of [
      '$x^2$',
      'a $$x$$',
      '\\(x\\)',
      '\\[x\\]',
      '```math\nx\n```',
      '$\\alpha$.',
    ]) {
      expect(mayContainMath(text)).toBe(true);
    }
  });

  it('says no to money and plain text', () => {
    for (const text of ['costs $5 and $10', '$5-$10', 'US$ 5', 'plain', '$ x $']) {
      expect(mayContainMath(text)).toBe(false);
    }
  });

  it('never says no where the normalizer finds math', () => {
    const piece = fc.constantFrom(
      '$',
      '$$',
      '\\',
      '(',
      ')',
      '[',
      ']',
      '`',
      '```',
      'math',
      ' ',
      '\n',
      'x',
      '5',
      '^',
      '<a>',
      '>',
      '- ',
      '    ',
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 24 }), (pieces) => {
        const text = pieces.join('');
        if (normalizeMathDelimiters(text).hasMath) expect(mayContainMath(text)).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });
});
