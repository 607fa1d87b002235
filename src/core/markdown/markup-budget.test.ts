import { describe, expect, it } from 'vitest';
import { boundNesting } from './bound-nesting';
import { AFTER_HOSTILE, HOSTILE_CORPUS } from './hostile-corpus';
import { isOverBudget, MAX_INLINE_NESTING, MAX_MARKUP_CHARS, splitByBudget } from './markup-budget';
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
});
