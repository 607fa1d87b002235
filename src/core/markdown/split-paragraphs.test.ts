import { describe, expect, it } from 'vitest';
import { createParagraphSplitter } from './split-paragraphs';

describe('createParagraphSplitter', () => {
  it('settles a paragraph once a blank line and the next paragraph start', () => {
    const splitter = createParagraphSplitter();
    expect(splitter.update('First line\nsecond line')).toEqual({
      settled: [],
      last: 'First line\nsecond line',
    });
    expect(splitter.update('First line\nsecond line\n\n')).toEqual({
      settled: [],
      last: 'First line\nsecond line\n\n',
    });
    expect(splitter.update('First line\nsecond line\n\n \n  Next')).toEqual({
      settled: ['First line\nsecond line'],
      last: '  Next',
    });
  });

  it('gives the same paragraphs however the text was streamed, and keeps settled ones', () => {
    const text = '\n\nOne.\n\nTwo\nlines.\r\n\r\nThree.\n\n\n\nFour 🚀.';
    const splitter = createParagraphSplitter();
    let previous: readonly string[] = [];
    for (let length = 0; length <= text.length; length += 1) {
      const split = splitter.update(text.slice(0, length));
      expect(split.settled.slice(0, previous.length)).toEqual(previous);
      previous = split.settled;
    }
    expect(splitter.update(text)).toEqual({
      settled: ['One.', 'Two\nlines.', 'Three.'],
      last: 'Four 🚀.',
    });
  });

  it('starts over when the text is replaced', () => {
    const splitter = createParagraphSplitter();
    splitter.update('A.\n\nB.');
    expect(splitter.update('C.')).toEqual({ settled: [], last: 'C.' });
  });
});
