import { describe, expect, it } from 'vitest';
import { indentWidth } from './indent-width';

describe('indentWidth', () => {
  it('counts spaces as one column and advances a tab to the next multiple of 4', () => {
    expect(indentWidth('')).toBe(0);
    expect(indentWidth('   x')).toBe(3);
    expect(indentWidth('\t')).toBe(4);
    expect(indentWidth(' \t')).toBe(4);
    expect(indentWidth('  \t x')).toBe(5);
    expect(indentWidth('     \tx')).toBe(8);
    expect(indentWidth('x    ')).toBe(0);
  });
});
