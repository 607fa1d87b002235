import { describe, expect, it } from 'vitest';
import { boundaryVerdict, firstLine, isClosedCode } from './boundary-verdict';
import { topLevelBlocks } from './top-level-blocks';

/** The verdict on the first block of `source` once its second block starts. */
function verdictAfterFirst(source: string): string {
  const [first, next] = topLevelBlocks(source);
  if (first === undefined || next === undefined) throw new Error(`two blocks expected: ${source}`);
  return boundaryVerdict(first, source, next.start);
}

describe('boundaryVerdict', () => {
  it.each([
    'A paragraph.\n\nNext',
    '# Heading\n\nNext',
    'Setext\n===\n\nNext',
    '***\n\nNext',
    '| a |\n| - |\n\nNext',
    '> quote\n\nNext',
    '```\ncode\n```\n\nNext',
    '<div>\n\nNext',
  ])('settles a finished block: %j', (source) => {
    expect(verdictAfterFirst(source)).toBe('safe');
  });

  it('settles a table or a quote before anything, a list that does not start at 1 included', () => {
    expect(verdictAfterFirst('> quote\n\n2. two\n')).toBe('safe');
    expect(verdictAfterFirst('| a |\n| - |\n\n-\n')).toBe('safe');
  });

  it('keeps a fence or a raw HTML block that has not closed', () => {
    const fence = '```js\nconst a = 1;\n\nNext';
    expect(boundaryVerdict({ type: 'codeFenced', start: 0, end: 18 }, fence, 20)).toBe('unsafe');
    const html = '<script>\nlet a;\n\nNext';
    expect(boundaryVerdict({ type: 'htmlFlow', start: 0, end: 15 }, html, 17)).toBe('unsafe');
    const comment = '<!-- open\n\nNext';
    expect(boundaryVerdict({ type: 'htmlFlow', start: 0, end: 9 }, comment, 11)).toBe('unsafe');
    expect(boundaryVerdict({ type: 'htmlFlow', start: 0, end: 12 }, '<!-- a -->\n\nB', 12)).toBe(
      'safe',
    );
  });

  it('keeps a block of a kind it does not know', () => {
    expect(boundaryVerdict({ type: 'somethingNew', start: 0, end: 1 }, 'a\n\nb', 3)).toBe('unsafe');
  });

  it('decides after a list once the next line shows whether it is another item', () => {
    const list = { type: 'listUnordered', start: 0, end: 3 };
    expect(boundaryVerdict(list, '- a\n\n- b\n', 5)).toBe('unsafe');
    expect(boundaryVerdict(list, '- a\n\n-\n', 5)).toBe('unsafe');
    expect(boundaryVerdict(list, '- a\n\n-', 5)).toBe('undecided');
    expect(boundaryVerdict(list, '- a\n\n12', 5)).toBe('undecided');
    expect(boundaryVerdict(list, '- a\n\n12\n', 5)).toBe('safe');
    expect(boundaryVerdict(list, '- a\n\n--\n', 5)).toBe('safe');
    expect(boundaryVerdict(list, '- a\n\nText\n', 5)).toBe('safe');
    expect(boundaryVerdict(list, '- a\n\na - b\n', 5)).toBe('safe');
    expect(boundaryVerdict(list, '- a\n\n12. b\n', 5)).toBe('unsafe');
    expect(boundaryVerdict(list, '- a\n\na12', 5)).toBe('safe');
    const ordered = { type: 'listOrdered', start: 0, end: 4 };
    expect(boundaryVerdict(ordered, '1. a\n\n2.\tb\n', 6)).toBe('unsafe');
  });

  it('keeps indented code before a line that would read as a list only on its own', () => {
    const code = { type: 'codeIndented', start: 0, end: 8 };
    expect(boundaryVerdict(code, '    code\n\n2. two\n', 10)).toBe('unsafe');
    expect(boundaryVerdict(code, '    code\n\n-\n', 10)).toBe('unsafe');
    expect(boundaryVerdict(code, '    code\n\n12. two\n', 10)).toBe('unsafe');
    expect(boundaryVerdict(code, '    code\n\na 2. x\n', 10)).toBe('safe');
    for (const start of ['2', '12', '2.', '2.  ', '2. ', '- ', '-']) {
      expect(boundaryVerdict(code, `    code\n\n${start}`, 10), start).toBe('undecided');
    }
    for (const start of ['x2', '2 x', '2.x', '-x']) {
      expect(boundaryVerdict(code, `    code\n\n${start}`, 10), start).toBe('safe');
    }
    expect(boundaryVerdict(code, '    code\n\n1. one\n', 10)).toBe('safe');
    expect(boundaryVerdict(code, '    code\n\nText\n', 10)).toBe('safe');
  });
});

describe('isClosedCode', () => {
  it('needs the closing fence after the opening line', () => {
    expect(isClosedCode('```\ncode\n```')).toBe(true);
    expect(isClosedCode('```\ncode\n```\n\n')).toBe(true);
    expect(isClosedCode('```\ncode')).toBe(false);
    expect(isClosedCode('```')).toBe(false);
    expect(isClosedCode('~~~\ncode\n```')).toBe(false);
  });

  it('takes indented code as closed', () => {
    expect(isClosedCode('    code')).toBe(true);
  });
});

describe('firstLine', () => {
  it('is the text before the first line break', () => {
    expect(firstLine('a\nb')).toBe('a');
    expect(firstLine('ab')).toBe('ab');
  });
});
