import { describe, expect, it } from 'vitest';
import { ownCopy } from './own-copy';

describe('ownCopy', () => {
  it('returns an equal string, empty and astral text included', () => {
    for (const text of ['', 'a', 'a longer text with 😀 and \u0000 in it', 'x'.repeat(10_000)]) {
      expect(ownCopy(text)).toBe(text);
    }
  });
});
