import { describe, expect, it } from 'vitest';
import { boundNesting } from './bound-nesting';
import { AFTER_HOSTILE, HOSTILE_CORPUS } from './hostile-corpus';
import {
  isOverBudget,
  MAX_BLOCK_CHARS,
  MAX_CODE_BLOCK_CHARS,
  MAX_INLINE_NESTING,
  MAX_MARKUP_CHARS,
  MAX_PREFIX_COLUMNS,
  MAX_TABLE_CELLS,
  splitByBudget,
} from './markup-budget';
import { ADVERSARIAL_DOCUMENTS, BENCHMARK_ANSWER } from './test-documents';

describe('splitByBudget', () => {
  it('keeps the text people and models write whole', () => {
    for (const doc of [BENCHMARK_ANSWER, ...Object.values(ADVERSARIAL_DOCUMENTS)]) {
      expect(splitByBudget(doc)).toEqual([{ text: doc, isPlain: false }]);
    }
  });

  it('keeps a long code block as code', () => {
    const code = `\`\`\`ts\n${'const x = a[i] * b_c ** 2; // <$>\n'.repeat(3000)}\`\`\`\n`;
    expect(isOverBudget(code, false)).toBe(true);
    expect(splitByBudget(`Intro\n\n${code}`).every((segment) => !segment.isPlain)).toBe(true);
  });

  it.each(Object.entries(HOSTILE_CORPUS))(
    '%s: only a hostile block is plain; the words after it stay markdown',
    (name, doc) => {
      const segments = splitByBudget(boundNesting(doc));
      expect(segments.map((segment) => segment.text).join('')).toBe(boundNesting(doc));
      const isTangled = /unclosed|emphasis|links|images|table|megabyte|indentation/.test(name);
      expect(segments.some((segment) => segment.isPlain)).toBe(isTangled);
      expect(segments.at(-1)?.isPlain).toBe(false);
      expect(segments.at(-1)?.text.endsWith(`${AFTER_HOSTILE}\n`)).toBe(true);
    },
  );

  it('estimates nesting from runs that open and close', () => {
    const deep = (depth: number) => `${'*a _'.repeat(depth / 2)}x${'_ a*'.repeat(depth / 2)}`;
    expect(isOverBudget(deep(MAX_INLINE_NESTING), false)).toBe(false);
    expect(isOverBudget(deep(MAX_INLINE_NESTING + 2), false)).toBe(true);
    expect(isOverBudget('**bold** and *it* and [l](u) '.repeat(100), false)).toBe(false);
    expect(isOverBudget('['.repeat(MAX_INLINE_NESTING + 1), false)).toBe(true);
  });

  it('counts the indentation a list nested line after line makes the parser check', () => {
    const nested = (depth: number) =>
      Array.from({ length: depth }, (_, level) => `${'  '.repeat(level)}- ${level}`).join('\n');
    expect(isOverBudget(nested(60), false)).toBe(false);
    expect(isOverBudget(nested(100), false)).toBe(true);
  });

  it('cuts around a tangled block, keeping the text before and after it as markdown', () => {
    const tangled = '['.repeat(100);
    expect(splitByBudget(`Intro\n\n${tangled}\n\nAfter`)).toEqual([
      { text: 'Intro\n\n', isPlain: false },
      { text: `${tangled}\n`, isPlain: true },
      { text: '\nAfter', isPlain: false },
    ]);
  });

  it('ends a region where a code fence starts, even without a blank line', () => {
    const tangled = '['.repeat(100);
    expect(splitByBudget(`${tangled}\n\`\`\`\ncode\n\`\`\`\nafter`)).toEqual([
      { text: `${tangled}\n`, isPlain: true },
      { text: '```\ncode\n```\nafter', isPlain: false },
    ]);
    expect(splitByBudget(`${tangled}\n\`\`\`js`)).toEqual([
      { text: `${tangled}\n`, isPlain: true },
      { text: '```js', isPlain: false },
    ]);
  });

  it('measures a fence that opens on the last line as code', () => {
    const tangled = '['.repeat(100);
    const fence = `\`\`\`${'*'.repeat(5000)}`;
    expect(splitByBudget(`${tangled}\n\n${fence}`)).toEqual([
      { text: `${tangled}\n`, isPlain: true },
      { text: `\n${fence}`, isPlain: false },
    ]);
  });

  it('takes a run at the very end of a block as opening nothing', () => {
    expect(isOverBudget(`${'*a '.repeat(MAX_INLINE_NESTING)}*`, false)).toBe(false);
    expect(isOverBudget('*a '.repeat(MAX_INLINE_NESTING + 1), false)).toBe(true);
  });

  it('counts markup characters', () => {
    expect(isOverBudget('$'.repeat(MAX_MARKUP_CHARS), false)).toBe(false);
    expect(isOverBudget('$'.repeat(MAX_MARKUP_CHARS + 1), false)).toBe(true);
  });

  it('keeps an empty text as one segment, and adds no empty segment after a plain one', () => {
    expect(splitByBudget('')).toEqual([{ text: '', isPlain: false }]);
    const tangled = '['.repeat(100);
    expect(splitByBudget(`Intro\n\n${tangled}`)).toEqual([
      { text: 'Intro\n\n', isPlain: false },
      { text: tangled, isPlain: true },
    ]);
  });

  it('ends a fenced code region at its closing fence', () => {
    const tangled = '['.repeat(100);
    expect(splitByBudget(`\`\`\`\ncode\n\`\`\`\n${tangled}\n\nafter`)).toEqual([
      { text: '```\ncode\n```\n', isPlain: false },
      { text: `${tangled}\n`, isPlain: true },
      { text: '\nafter', isPlain: false },
    ]);
  });

  it('measures a fence left open at the end, or opened on the last line, as code', () => {
    const tangled = '['.repeat(100);
    const longCode = 'x'.repeat(MAX_CODE_BLOCK_CHARS);
    for (const fence of [`\`\`\`\n${longCode}`, `\`\`\`${longCode}`]) {
      expect(splitByBudget(`${tangled}\n\n${fence}`)).toEqual([
        { text: `${tangled}\n`, isPlain: true },
        { text: '\n', isPlain: false },
        { text: fence, isPlain: true },
      ]);
    }
  });
});

describe('isOverBudget', () => {
  it('bounds the length of a block, and more loosely of a fenced code block', () => {
    expect(isOverBudget('a'.repeat(MAX_BLOCK_CHARS), false)).toBe(false);
    expect(isOverBudget('a'.repeat(MAX_BLOCK_CHARS + 1), false)).toBe(true);
    expect(isOverBudget('*'.repeat(MAX_CODE_BLOCK_CHARS), true)).toBe(false);
    expect(isOverBudget('a'.repeat(MAX_CODE_BLOCK_CHARS + 1), true)).toBe(true);
  });

  it('counts every markup character, and every character of a delimiter run', () => {
    for (const markup of ['!', '<', '>', '`', '$', '\\', '[]', '*', '_', '~']) {
      const count = MAX_MARKUP_CHARS / markup.length;
      expect(isOverBudget(`x${markup}`.repeat(count), false), markup).toBe(false);
      expect(isOverBudget(`x${markup}`.repeat(count + 1), false), markup).toBe(true);
    }
    expect(isOverBudget('x~~~~ '.repeat(MAX_MARKUP_CHARS / 4), false)).toBe(false);
    expect(isOverBudget('x~~~~ '.repeat(MAX_MARKUP_CHARS / 4) + '~', false)).toBe(true);
  });

  it('takes a run of delimiters as one opener', () => {
    expect(isOverBudget('**a '.repeat(MAX_INLINE_NESTING), false)).toBe(false);
    expect(isOverBudget('**a '.repeat(MAX_INLINE_NESTING + 1), false)).toBe(true);
  });

  it('opens no emphasis at a run between a letter and punctuation', () => {
    expect(isOverBudget('a*( '.repeat(MAX_INLINE_NESTING * 2), false)).toBe(false);
    expect(isOverBudget('(*a '.repeat(MAX_INLINE_NESTING + 1), false)).toBe(true);
  });

  it('never lets closers take the nesting below zero', () => {
    const deep = '['.repeat(MAX_INLINE_NESTING + 1);
    expect(isOverBudget('['.repeat(MAX_INLINE_NESTING), false)).toBe(false);
    expect(isOverBudget(`${'a*b '.repeat(10)}${deep}`, false)).toBe(true);
    expect(isOverBudget(`${'] '.repeat(10)}${deep}`, false)).toBe(true);
  });

  it('bounds the pipes on one line', () => {
    expect(isOverBudget('|'.repeat(MAX_TABLE_CELLS), false)).toBe(false);
    expect(isOverBudget('|'.repeat(MAX_TABLE_CELLS + 1), false)).toBe(true);
    expect(isOverBudget(`${'|'.repeat(MAX_TABLE_CELLS)}\n`.repeat(3), false)).toBe(false);
  });

  it('sums the columns of indentation and container markers at line starts only', () => {
    for (const prefix of [' ', '>', '-', '+']) {
      expect(isOverBudget(`${prefix.repeat(MAX_PREFIX_COLUMNS)}x`, false), prefix).toBe(false);
      expect(isOverBudget(`${prefix.repeat(MAX_PREFIX_COLUMNS + 1)}x`, false), prefix).toBe(true);
    }
    const lines = `${' '.repeat(MAX_PREFIX_COLUMNS / 2)}x\n`;
    expect(isOverBudget(lines, false)).toBe(false);
    expect(isOverBudget(`${lines}${lines} `, false)).toBe(true);
    // A tab is 4 columns; spaces after a line's first word are not a prefix.
    expect(isOverBudget(`${'\t'.repeat(MAX_PREFIX_COLUMNS / 4)}x`, false)).toBe(false);
    expect(isOverBudget(`${'\t'.repeat(MAX_PREFIX_COLUMNS / 4 + 1)}x`, false)).toBe(true);
    expect(isOverBudget(`x${' -'.repeat(MAX_PREFIX_COLUMNS)}`, false)).toBe(false);
  });
});
