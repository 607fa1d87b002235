import { describe, expect, it } from 'vitest';
import { blankRunStart, isBlankChar } from './blank-run';

describe('blankRunStart', () => {
  it('steps back over spaces, tabs and line feeds to the end of the text before them', () => {
    expect(blankRunStart('a \t\n', 4)).toBe(1);
    expect(blankRunStart(' \t\n', 3)).toBe(0);
    expect(blankRunStart('a\rb', 3)).toBe(3);
    expect(blankRunStart('ab  ', 2)).toBe(2);
  });
});

describe('isBlankChar', () => {
  it('is a space, a tab or a line feed and nothing else', () => {
    expect([' ', '\t', '\n', '\r', 'a', '\u00a0'].map((c) => isBlankChar(c.charCodeAt(0)))).toEqual(
      [true, true, true, false, false, false],
    );
  });
});
