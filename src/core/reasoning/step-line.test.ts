import { describe, expect, it } from 'vitest';
import {
  classifyLine,
  estimateTokenCount,
  isCjk,
  LOOK_AHEAD,
  SENTENCE_TITLE_LENGTH,
  sentenceTitle,
} from './step-line';

describe('isCjk', () => {
  it('is true inside each CJK range and false just outside it', () => {
    for (const [first, last] of [
      [0x3040, 0x30ff],
      [0x3400, 0x9fff],
      [0xac00, 0xd7af],
      [0xf900, 0xfaff],
    ]) {
      expect(isCjk(first!), first!.toString(16)).toBe(true);
      expect(isCjk(last!), last!.toString(16)).toBe(true);
      expect(isCjk(first! - 1), (first! - 1).toString(16)).toBe(false);
      expect(isCjk(last! + 1), (last! + 1).toString(16)).toBe(false);
    }
    expect(isCjk('a'.charCodeAt(0))).toBe(false);
  });
});

describe('estimateTokenCount', () => {
  it('counts one token per CJK character and one per four others, rounded up', () => {
    expect(estimateTokenCount(0, 0)).toBe(0);
    expect(estimateTokenCount(4, 0)).toBe(1);
    expect(estimateTokenCount(5, 0)).toBe(2);
    expect(estimateTokenCount(7, 2)).toBe(2 + 2);
    expect(estimateTokenCount(3, 3)).toBe(3);
  });
});

describe('classifyLine', () => {
  it('finds blank lines and code fence markers (up to three spaces in)', () => {
    expect(classifyLine('')).toEqual({ kind: 'blank' });
    expect(classifyLine('  \t ')).toEqual({ kind: 'blank' });
    expect(classifyLine(`${' '.repeat(LOOK_AHEAD)}x`)).toEqual({ kind: 'text' });
    expect(classifyLine('```python')).toEqual({ kind: 'fence' });
    expect(classifyLine('   ~~~')).toEqual({ kind: 'fence' });
    expect(classifyLine('    ```')).toEqual({ kind: 'text' });
  });

  it('reads heading titles, without closing hashes', () => {
    expect(classifyLine('# Plan')).toEqual({ kind: 'title', title: 'Plan' });
    expect(classifyLine('###### Deep ##')).toEqual({ kind: 'title', title: 'Deep' });
    expect(classifyLine('####### Seven')).toEqual({ kind: 'text' });
    expect(classifyLine('#NoSpace')).toEqual({ kind: 'text' });
    expect(classifyLine('# ')).toEqual({ kind: 'text' });
  });

  it('reads bold titles, but not a sentence with two bold words', () => {
    expect(classifyLine('**Check the base case**')).toEqual({
      kind: 'title',
      title: 'Check the base case',
    });
    expect(classifyLine('  __Plan__  ')).toEqual({ kind: 'title', title: 'Plan' });
    expect(classifyLine('**a** and **b**')).toEqual({ kind: 'text' });
    expect(classifyLine('****')).toEqual({ kind: 'text' });
    expect(classifyLine('** **')).toEqual({ kind: 'text' });
  });

  it('cuts a long title at a word near 120 characters', () => {
    const words = Array.from({ length: 40 }, (_, i) => `word${i}`).join(' ');
    const line = classifyLine(`# ${words}`);
    if (line.kind !== 'title') throw new Error('expected a title');
    expect(line.title.endsWith('…')).toBe(true);
    expect(line.title.length).toBeLessThanOrEqual(121);
    expect(line.title.length).toBeGreaterThan(100);
    expect(words.startsWith(line.title.slice(0, -1))).toBe(true);
    expect(line.title.at(-2)).not.toBe(' ');
  });

  it('reads a bold lead-in only at the start of a paragraph', () => {
    const line = '1.  **Analyze the request:** The user wants a proof.';
    expect(classifyLine(line)).toEqual({ kind: 'title', title: 'Analyze the request' });
    expect(classifyLine(line, false)).toEqual({ kind: 'text' });
    expect(classifyLine('**Case 2**: n is odd')).toEqual({ kind: 'title', title: 'Case 2' });
    expect(classifyLine('**Done.** Next')).toEqual({ kind: 'title', title: 'Done' });
    expect(classifyLine('**bold** words here')).toEqual({ kind: 'text' });
  });

  it('finds pivots at the start of a line, followed by a non-letter', () => {
    for (const pivot of ['Wait, no.', '  Hmmm. Odd.', 'Let me check 7.', 'Alternatively: x']) {
      expect(classifyLine(pivot), pivot).toEqual({ kind: 'pivot' });
    }
    for (const text of ['Waiting for it.', 'wait, lower case', 'I wait, here', 'Nowhere']) {
      expect(classifyLine(text), text).toEqual({ kind: 'text' });
    }
  });
});

describe('sentenceTitle', () => {
  it('strips list, quote and emphasis markers and keeps the first sentence', () => {
    expect(sentenceTitle('- **Try** `n = 7`. Then more.')).toBe('Try n = 7');
    expect(sentenceTitle('> 2) Is it prime? Maybe.')).toBe('Is it prime?');
    expect(sentenceTitle('No full stop here')).toBe('No full stop here');
    expect(sentenceTitle('Version 1.5 is out. Yes.')).toBe('Version 1.5 is out');
  });

  it('cuts a long first sentence at a word and marks the cut', () => {
    const sentence = `${'alpha '.repeat(20)}end.`;
    const title = sentenceTitle(sentence);
    expect(title.endsWith('…')).toBe(true);
    expect(title.length).toBeLessThanOrEqual(SENTENCE_TITLE_LENGTH + 1);
    expect(title).toBe(`${'alpha '.repeat(10).trim()}…`);
    // One long word has no space to cut at: it is cut at the length.
    expect(sentenceTitle('x'.repeat(100))).toBe(`${'x'.repeat(SENTENCE_TITLE_LENGTH)}…`);
  });
});

describe('classifyLine, edge cases', () => {
  it('reads a heading however many spaces follow its hashes, and keeps hashes inside the title', () => {
    expect(classifyLine(`#${' '.repeat(10)}Spaced out`)).toEqual({
      kind: 'title',
      title: 'Spaced out',
    });
    expect(classifyLine('# Use C#')).toEqual({ kind: 'title', title: 'Use C#' });
    expect(classifyLine('## Step ## two')).toEqual({ kind: 'title', title: 'Step ## two' });
  });

  it('takes a heading of nothing but closing hashes for no title', () => {
    expect(classifyLine('# ##')).toEqual({ kind: 'text' });
    expect(classifyLine(`#${' '.repeat(9)}#`)).toEqual({ kind: 'text' });
  });

  it('needs bold markers on both ends of a bold title', () => {
    expect(classifyLine('**unclosed bold line')).toEqual({ kind: 'text' });
    expect(classifyLine('plain text ending in bold**')).toEqual({ kind: 'text' });
    expect(classifyLine('__unclosed underscores')).toEqual({ kind: 'text' });
  });

  it('keeps a title of exactly 120 characters whole', () => {
    const title = `${'word '.repeat(23)}abcde`;
    expect(title).toHaveLength(120);
    expect(classifyLine(`# ${title}`)).toEqual({ kind: 'title', title });
  });

  it('takes a bold lead-in of punctuation alone for no title', () => {
    expect(classifyLine('**...**: then the text')).toEqual({ kind: 'text' });
  });
});

describe('sentenceTitle, edge cases', () => {
  it('strips nested list and quote markers, and numbers of several digits', () => {
    expect(sentenceTitle('>   - Nested quote item. More.')).toBe('Nested quote item');
    expect(sentenceTitle('12. Twelfth step')).toBe('Twelfth step');
    expect(sentenceTitle('2)   > Quoted step')).toBe('Quoted step');
    expect(sentenceTitle('Plain words  ')).toBe('Plain words');
  });

  it('keeps a first sentence of 60 characters whole, without its full stop', () => {
    const sixty = `${'abcd '.repeat(11)}abcd.`;
    expect(sixty).toHaveLength(60);
    expect(sentenceTitle(`${sixty} More.`)).toBe(sixty.slice(0, -1));
    expect(sentenceTitle(sixty.slice(0, -1))).toBe(sixty.slice(0, -1));
  });

  it('cuts a first sentence of 61 characters, full stop included', () => {
    const sixtyOne = `${'abcd '.repeat(11)}abcde.`;
    expect(sixtyOne).toHaveLength(61);
    expect(sentenceTitle(sixtyOne)).toBe(`${'abcd '.repeat(11).trim()}…`);
  });

  it('cuts at the length when the last space is in the first half, and drops punctuation at a cut', () => {
    const line = `${'a'.repeat(30)} ${'b'.repeat(40)}`;
    expect(sentenceTitle(line)).toBe(`${line.slice(0, SENTENCE_TITLE_LENGTH)}…`);
    const punctuated = `${'abcd '.repeat(10)}word,;– and more words after the cut`;
    expect(sentenceTitle(punctuated)).toBe(`${'abcd '.repeat(10)}word…`);
  });
});
