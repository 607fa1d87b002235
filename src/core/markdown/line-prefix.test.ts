import { describe, expect, it } from 'vitest';
import { linePrefixLength } from './line-prefix';

describe('linePrefixLength', () => {
  it('measures container markers, their spaces and a heading marker at a line start', () => {
    expect(linePrefixLength('> - # Title', 0)).toBe(6);
    expect(linePrefixLength('  12) text', 0)).toBe(6);
    expect(linePrefixLength('text', 0)).toBe(0);
    expect(linePrefixLength('-text', 0)).toBe(0);
    expect(linePrefixLength('####### seven', 0)).toBe(0);
  });

  it('measures from `start`, not from the start of the text', () => {
    const text = 'para\n> * ## x\n';
    expect(linePrefixLength(text, 5)).toBe('> * ## '.length);
    expect(linePrefixLength(text, 7)).toBe('* ## '.length);
    expect(linePrefixLength('ab\n-\n', 3)).toBe(1);
  });
});
