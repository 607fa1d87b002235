import { describe, expect, it } from 'vitest';
import { INCOMPLETE_LINK_URL as URL, MAX_OPEN_CONSTRUCTS, repairTail } from './repair-tail';
import { ADVERSARIAL_DOCUMENTS, BENCHMARK_ANSWER } from './test-documents';

describe('repairTail', () => {
  it.each([
    ['This is **bold', 'This is **bold**'],
    ['***both', '***both***'],
    ['an *italic', 'an *italic*'],
    ['an _italic', 'an _italic_'],
    ['gone ~~struck', 'gone ~~struck~~'],
    ['use `code', 'use `code`'],
    ['use ``a`b', 'use ``a`b``'],
    ['日本語の**強調', '日本語の**強調**'],
    ['Emoji 😀 **b', 'Emoji 😀 **b**'],
    ['- item **bo', '- item **bo**'],
    ['# Head **x', '# Head **x**'],
    ['> **quoted\n> on two lines', '> **quoted\n> on two lines**'],
    ['| a | **b', '| a | **b**'],
  ])('closes open inline markup: %j', (tail, repaired) => {
    expect(repairTail(tail)).toBe(repaired);
  });

  it.each([
    ['**c `d', '**c `d`**'],
    ['a `b` and **c `d', 'a `b` and **c `d`**'],
    ['**a *b', '**a *b***'],
    ['*a **b', '*a **b***'],
    ['~~a **b', '~~a **b**~~'],
    ['**bold _it', '**bold _it_**'],
    ['**trailing space ', '**trailing space**'],
    ['**line end\n', '**line end**'],
  ])('closes nested markup innermost first: %j', (tail, repaired) => {
    expect(repairTail(tail)).toBe(repaired);
  });

  it.each([
    ['a **b** c **', 'a **b** c '],
    ['a *', 'a '],
    ['use `', 'use '],
    ['use ``', 'use '],
    ['**', ''],
    ['**[', ''],
    ['see [', 'see '],
  ])('drops a marker with nothing after it yet: %j', (tail, repaired) => {
    expect(repairTail(tail)).toBe(repaired);
  });

  it('shows an unfinished link as text and drops an unfinished image', () => {
    expect(repairTail('see [the docs](https://exa')).toBe(`see [the docs](${URL})`);
    expect(repairTail('see [the docs](')).toBe(`see [the docs](${URL})`);
    expect(repairTail('see [the **docs')).toBe(`see [the **docs**](${URL})`);
    expect(repairTail('**see [a](http')).toBe(`**see [a](${URL})**`);
    expect(repairTail('see ![a chart](https://x')).toBe('see ');
    expect(repairTail('see ![a chart')).toBe('see ');
    expect(repairTail('[a](b (c)')).toBe(`[a](${URL})`);
  });

  it('closes an open code fence, completing a half-typed closing fence', () => {
    expect(repairTail('```js\nconst a = **1;\n')).toBe('```js\nconst a = **1;\n```');
    expect(repairTail('```js\nconst a = 1;')).toBe('```js\nconst a = 1;\n```');
    expect(repairTail('```js\ncode\n``')).toBe('```js\ncode\n```');
    expect(repairTail('````\n```\ncode')).toBe('````\n```\ncode\n````');
    expect(repairTail('~~~\nx **')).toBe('~~~\nx **\n~~~');
    expect(repairTail('- item\n  ```js\n  x')).toBe('- item\n  ```js\n  x\n  ```');
    expect(repairTail('> ```\n> x')).toBe('> ```\n> x\n> ```');
  });

  it('hides a half-typed setext underline or list marker under a paragraph line', () => {
    expect(repairTail('A title\n-')).toBe('A title');
    expect(repairTail('**A title\n=')).toBe('**A title**');
    expect(repairTail('- item\n-')).toBe('- item\n-');
  });

  it.each([
    'snake_case_name and __init__',
    'a * b * c',
    '2 * 3 = 6',
    'about ~5 ms, 20~25',
    '$x^2$ and $a_1$',
    'a [b] c',
    '- [ ] task',
    'see <https://a_b*c>',
    '**done** and `x` and [link](https://a.b/c_(d)) and ![img](u)',
    '| a | b |\n|---|---|\n| **1** | `2` |',
  ])('leaves complete or literal markup alone: %j', (tail) => {
    expect(repairTail(tail)).toBe(tail);
  });

  it('leaves each complete test document unchanged', () => {
    for (const doc of [BENCHMARK_ANSWER, ...Object.values(ADVERSARIAL_DOCUMENTS)]) {
      const complete = doc.includes('\n```ts\n') ? `${doc}\`\`\`\n` : doc;
      expect(repairTail(complete)).toBe(complete);
    }
  });

  it('touches only the last paragraph', () => {
    expect(repairTail('open **bold\n\nnext *one')).toBe('open **bold\n\nnext *one*');
    expect(repairTail('- **a\n- b')).toBe('- **a\n- b');
  });

  // Issue 10: a closer looked back through every open construct, so 20,000 `*a` then `b_` took
  // seconds.
  it('does work linear in the length of hostile tails', () => {
    const hostile: Record<string, (n: number) => string> = {
      'open * then _ closers': (n) => '*a '.repeat(n) + 'b_ '.repeat(n),
      'open * then ] closers': (n) => '*a '.repeat(n) + 'b] '.repeat(n),
      'open brackets': (n) => '[a '.repeat(n),
      'open code spans of every size': (n) =>
        Array.from({ length: n }, (_, i) => '`'.repeat((i % 50) + 1) + 'a').join(' '),
      'open constructs before blank content': (n) => '*a ['.repeat(n) + ' '.repeat(n),
      'a tail of mixed markup': (n) => '**b** *i* `c` [l](u) ~~s~~ _u_ '.repeat(n),
    };
    for (const [name, make] of Object.entries(hostile)) {
      const perChar = [2_000, 4_000, 8_000].map((n) => {
        const counter = { steps: 0 };
        const text = make(n);
        repairTail(text, { counter });
        return counter.steps / text.length;
      });
      // Steps per character stay flat as the text doubles (a quadratic pass would double them).
      expect({ name, growth: (perChar[2] ?? 0) / (perChar[0] ?? 1) }).toEqual({
        name,
        growth: expect.closeTo(1, 0) as number,
      });
      expect(perChar[2]).toBeLessThan(MAX_OPEN_CONSTRUCTS);
    }
  });

  it.each([
    ['use ``a`', 'use ``a` ``'],
    ['a \\*b **c', 'a \\*b **c**'],
    ['😀_b', '😀_b_'],
    ['x _b', 'x _b_'],
    ['***a* and more', '***a* and more**'],
    ['**a *b* c', '**a *b* c**'],
  ])(
    'reads escapes, code span ends, partial closes and the character before a run: %j',
    (tail, repaired) => {
      expect(repairTail(tail)).toBe(repaired);
    },
  );

  it('reads a backslash escape inside an unfinished link target', () => {
    expect(repairTail('[a](b\\)c')).toBe(`[a](${URL})`);
  });

  it.each([
    ['a ~~~b', 'a ~~~b'],
    ['x~~y', 'x~~y'],
    ['~a', '~a'],
    ['~~a', '~~a~~'],
    ['~~a ~b', '~~a ~b~~'],
    ['~~a~~ b ~~', '~~a~~ b '],
    ['foo_bar', 'foo_bar'],
    ['foo_', 'foo_'],
    ['a _', 'a '],
    ['_a_b', '_a_b_'],
    ['x_a_ b', 'x_a_ b'],
    ['_a _ b', '_a _ b_'],
    ['__a_', '__a__'],
    ['_a*_ b', '_a*_ b'],
    ['_(a_', '_(a_'],
    ['_a)_b', '_a)_b__'],
    ['(_a', '(_a_'],
    ["'*a", "'*a*"],
    ["*'a", "*'a*"],
    ["a*'b", "a*'b"],
    ["_'a", "_'a_"],
    ["a_'b", "a_'b"],
    ["'_a", "'_a_"],
    ['a*b', 'a*b*'],
    ['a* b', 'a* b'],
    ['*a * b', '*a * b*'],
    ['**a*b', '**a*b*'],
    ['***a** b', '***a** b*'],
    ['*a ~~b* c', '*a ~~b* c'],
    ['**a_**b', '**a_**b****'],
  ])('opens and closes delimiter runs by the flanking rules: %j', (tail, repaired) => {
    expect(repairTail(tail)).toBe(repaired);
  });

  it('keeps at most the bound of constructs open', () => {
    const tail = '*a '.repeat(MAX_OPEN_CONSTRUCTS + 6);
    expect(repairTail(tail)).toBe(tail.trimEnd() + '*'.repeat(MAX_OPEN_CONSTRUCTS));
  });
});
