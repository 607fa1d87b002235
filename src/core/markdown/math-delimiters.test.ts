import { describe, expect, it } from 'vitest';
import { normalizeMathDelimiters } from './math-delimiters';

function normalized(markdown: string): string {
  return normalizeMathDelimiters(markdown).text;
}

describe('normalizeMathDelimiters', () => {
  it('leaves a text without math exactly as it is', () => {
    for (const text of ['Plain **text**.', 'costs $5 and $10', 'between $5-$10', '$100k, $200k']) {
      expect(normalizeMathDelimiters(text)).toEqual({ text, hasMath: false });
    }
  });

  it('keeps $…$ and $$…$$ math as written', () => {
    expect(normalizeMathDelimiters('where $x^2 + y^2 = z^2$ holds')).toEqual({
      text: 'where $x^2 + y^2 = z^2$ holds',
      hasMath: true,
    });
    expect(normalized('a $$\\int_0^1 x\\,dx$$ b')).toBe('a $$\\int_0^1 x\\,dx$$ b');
    expect(normalized('$$\n\\sum_i i\n$$')).toBe('$$\n\\sum_i i\n$$');
  });

  it('turns \\(…\\) into $…$ and \\[…\\] into a display block', () => {
    expect(normalized('Let \\(x_1\\) and \\(y\\) be reals.')).toBe('Let $x_1$ and $y$ be reals.');
    expect(normalized('So\n\\[\n\\frac{a}{b}\n\\]\nand more.')).toBe(
      'So\n$$\n\\frac{a}{b}\n$$\nand more.',
    );
    expect(normalized('\\[ a \\\\ b \\]')).toBe('$$\n a \\\\ b \n$$');
    expect(normalized('1. Solve\n   \\[x = 1\\]\n2. Next')).toBe(
      '1. Solve\n   $$\n   x = 1\n   $$\n2. Next',
    );
  });

  it('makes a line holding only $$…$$ a display block', () => {
    expect(normalized('Text\n$$E = mc^2$$\nmore')).toBe('Text\n$$\nE = mc^2\n$$\nmore');
  });

  it('keeps inline \\[…\\] inline, and brackets after a word as brackets', () => {
    expect(normalized('> quote \\[x\\]')).toBe('> quote $$x$$');
    expect(normalizeMathDelimiters('see array\\[0\\] and f\\(x\\)')).toEqual({
      text: 'see array\\[0\\] and f\\(x\\)',
      hasMath: false,
    });
  });

  it('uses a longer dollar run when the math contains dollars', () => {
    expect(normalized('\\(\\text{$a$}\\)')).toBe('$$\\text{$a$}$$');
    expect(normalized('\\(a \\$\\)')).toBe('$$ a \\$ $$');
  });

  it('escapes money that remark-math would pair with later math', () => {
    expect(normalized('costs $5 and $x$ is math')).toBe('costs \\$5 and $x$ is math');
    expect(normalized('$5-$10 and $100k, but $y$')).toBe('\\$5-\\$10 and \\$100k, but $y$');
    expect(normalized('pay $5 for \\(x\\)')).toBe('pay \\$5 for $x$');
    // A `$` right after a backslash does not close math (Pandoc), but would for remark-math.
    expect(normalized('a $b\\$ c$ d $e$')).toBe('a \\$b\\$ c\\$ d $e$');
  });

  it('does not pair a dollar with one inside a later code span', () => {
    expect(normalized('costs $10, `$x$` is code, $y$ is math')).toBe(
      'costs \\$10, `$x$` is code, $y$ is math',
    );
  });

  it('leaves money after the last math alone', () => {
    expect(normalized('$x$ costs $5')).toBe('$x$ costs $5');
  });

  it('does not touch code spans, fences, indented code or raw HTML', () => {
    const texts = [
      '`$5 and $x$` and $y$',
      '```ts\nconst a = `${b}` + $c$ + \\(d\\);\n```\n\n$x$',
      '~~~\n$5 $6 \\[z\\]\n~~~\n\n$x$',
      '    echo $HOME/$PATH \\(x\\)\n\nthen $z$',
      '<div>\n$5 and $6 \\(x\\)\n</div>\n\n$y$',
      '<pre>\n$5 and $6\n\nstill raw $7\n</pre>\n\n$y$',
      'see <https://example.com/$5/$x$> and $y$',
    ];
    for (const text of texts)
      expect(normalizeMathDelimiters(text)).toEqual({ text, hasMath: true });
    expect(normalized('`\\(x\\)` then \\(y\\)')).toBe('`\\(x\\)` then $y$');
  });

  it('finds no math inside code alone', () => {
    for (const text of ['`$x$`', '```\n$x$ \\(y\\)\n```', '    $x$ \\[y\\]']) {
      expect(normalizeMathDelimiters(text)).toEqual({ text, hasMath: false });
    }
  });

  it('counts a ```math fence and a $$ block as math', () => {
    expect(normalizeMathDelimiters('```math\nx^2\n```').hasMath).toBe(true);
    expect(normalizeMathDelimiters('$$\nx\n$$').hasMath).toBe(true);
  });

  it('does not pair across lines, blank lines or an unclosed delimiter', () => {
    for (const text of ['a $x\ny$ b', 'a \\(x\ny\\) b', 'a \\[x\n\ny\\] b', 'open \\(x and $y']) {
      expect(normalizeMathDelimiters(text).hasMath).toBe(false);
    }
  });

  it('keeps CRLF line endings', () => {
    expect(normalized('a $x$\r\n\r\n```\r\n$5 $6\r\n```\r\nb')).toBe(
      'a $x$\r\n\r\n```\r\n$5 $6\r\n```\r\nb',
    );
  });

  it('still finds math after a delimiter that did not close', () => {
    expect(normalized('open \\(x\n\\(y\\) closed')).toBe('open \\(x\n$y$ closed');
    expect(normalized('\\(a \\(b\\)')).toBe('$a \\(b$');
    expect(normalized('\\[a\n\n\\[b\\]')).toBe('\\[a\n\n$$\nb\n$$');
    expect(normalized('`a ``b`` $x$ ` c')).toBe('`a ``b`` $x$ ` c');
    expect(normalized('`` a ` $x$')).toBe('`` a ` $x$');
  });

  // Issue 10: 60,000 unclosed `\(` froze the tab for seconds (each one scanned to the line's end).
  it('does work linear in the length of hostile text', () => {
    const hostile: Record<string, (n: number) => string> = {
      'unclosed \\(': (n) => '\\('.repeat(n),
      'unclosed \\[': (n) => 'a \\['.repeat(n),
      'unclosed $': (n) => '$a '.repeat(n),
      'dollar runs of every size': (n) => runsOfEverySize('$', n),
      'backtick runs of every size': (n) => runsOfEverySize('`', n) + ' $x$',
      'display math on one long line': (n) => '$$a$$ '.repeat(n),
      'escaped backslashes': (n) => '\\\\('.repeat(n) + '\\)',
      'a math paragraph': (n) => 'Let \\(x_i\\) be $y$ and `c` with $5.\n'.repeat(n),
    };
    for (const [name, make] of Object.entries(hostile)) {
      const steps = [2_000, 4_000, 8_000].map((n) => {
        const counter = { steps: 0 };
        const text = make(n);
        normalizeMathDelimiters(text, { counter });
        return counter.steps / text.length;
      });
      // Steps per character stay flat as the text doubles (a quadratic pass would double them).
      expect({ name, growth: (steps[2] ?? 0) / (steps[0] ?? 1) }).toEqual({
        name,
        growth: expect.closeTo(1, 0) as number,
      });
      expect(steps[2]).toBeLessThan(4);
    }
  });

  it('copies an HTML block unchanged, and a lone tag only where it can start one', () => {
    expect(normalized('<div>\n\\(x\\)\n</div>\n\nafter \\(y\\)')).toBe(
      '<div>\n\\(x\\)\n</div>\n\nafter $y$',
    );
    expect(normalized('<span>\n\\(x\\)\n\nafter \\(y\\)')).toBe('<span>\n\\(x\\)\n\nafter $y$');
    expect(normalized('Text\n<span>\n\\(x\\)')).toBe('Text\n<span>\n$x$');
  });

  it.each([
    ['Text\n   \\[x\\]\nmore', 'Text\n   $$\n   x\n   $$\nmore'],
    ['  \\[x\\]', '  $$\n  x\n  $$'],
    ['\t\\[x\\]', '\t\\[x\\]'],
    ['Text\n\\[x\\]  \nmore', 'Text\n$$\nx\n$$  \nmore'],
    ['\\[x\\] and more', '$$x$$ and more'],
    ['\\[a\nb\\]', '$$\na\nb\n$$'],
    ['\\[\na\n  b\n\\]', '$$\na\n  b\n$$'],
    ['\\[\na\n  \\]', '$$\na\n$$'],
    ['\\[a\n$$ b\\]', '\\[a\n$$ b\\]'],
    ['1. Solve\n   \\[\n   a\n      b\n   \\]', '1. Solve\n   $$\n   a\n      b\n   $$'],
    ['1. Solve\n   \\[\n a\n   \\]', '1. Solve\n   $$\n   a\n   $$'],
    ['Text\n$$E$$  \nmore', 'Text\n$$\nE\n$$  \nmore'],
    ['$$E$$ and', '$$E$$ and'],
  ])(
    'writes display math that fills its lines as a block, keeping its indentation: %j',
    (text, expected) => {
      expect(normalized(text)).toBe(expected);
    },
  );

  it('copies an HTML comment unchanged up to its end', () => {
    expect(normalized('<!-- \\(x\\)\n\\(y\\)\n-->\n\nafter \\(z\\)')).toBe(
      '<!-- \\(x\\)\n\\(y\\)\n-->\n\nafter $z$',
    );
    expect(normalized('<!-- a -->\n\\(y\\)')).toBe('<!-- a -->\n$y$');
  });

  it('follows the dollar rules at each end of inline math', () => {
    const cases: [string, string][] = [
      // An opening $ before a space, a closing one after a backslash or before a $: not math.
      ['a $ x$ b $y$', 'a \\$ x\\$ b $y$'],
      ['q $x \\$ $y$', 'q \\$x \\$ $y$'],
      ['$x$$ $y$', '\\$x\\$\\$ $y$'],
      // No line break or backtick between the two.
      ['p $a\nb$ $y$', 'p \\$a\nb\\$ $y$'],
      ['p $a`b$ $y$', 'p \\$a`b\\$ $y$'],
      ['a $x', 'a $x'],
    ];
    for (const [text, expected] of cases) expect(normalized(text), text).toBe(expected);
  });

  it('fences \\(…\\) with more dollars than it holds, padding dollars at its ends', () => {
    expect(normalized('\\(a$$b\\)')).toBe('$$$a$$b$$$');
    expect(normalized('\\(a$\\)')).toBe('$$ a$ $$');
    expect(normalized('\\($a\\)')).toBe('$$ $a $$');
    expect(normalized('\\(x\\) at start')).toBe('$x$ at start');
    // Math next to math stays two: remark-math reads `$x$$y$` as one.
    expect(normalized('\\(x\\)\\(y\\)')).toBe('$x$ $y$');
    expect(normalized('$x$\\(y\\) and \\(x\\)$y$')).toBe('$x$ $y$ and $x$ $y$');
  });

  it('leaves brackets with nothing in them, or right after a word, as they are', () => {
    for (const text of ['\\(  \\) $y$', 'a\\(x\\) $y$', 'word\\[x\\] $y$', '\\[ \\] $y$']) {
      expect(normalized(text), text).toBe(text);
    }
  });

  it('puts display math on lines of its own, indented like the line it is on', () => {
    expect(normalized('  \\[x\\]')).toBe('  $$\n  x\n  $$');
    expect(normalized('\\[x\n    y\n\\]')).toBe('$$\nx\n    y\n$$');
    expect(normalized('Text  \\[x\\]  \nmore')).toBe('Text  $$x$$  \nmore');
  });

  it('tells indented code from an indented line of a list item', () => {
    // Indented code: after a blank line, after indented code, and once a list has ended.
    for (const text of [
      'a\n\n    \\(x\\)\n\n$y$',
      '    code\n    \\(x\\)\n\n$y$',
      '- a\n\nb\n\n    \\(x\\)\n\n$y$',
    ]) {
      expect(normalized(text), text).toBe(text);
    }
    // Inside a list item the same line is paragraph text, and indented display math is a block.
    expect(normalized('- item\n\n    \\(x\\)')).toBe('- item\n\n    $x$');
    expect(normalized('1. Solve\n    \\[x = 1\\]\n2. Next')).toBe(
      '1. Solve\n    $$\n    x = 1\n    $$\n2. Next',
    );
    expect(normalized('- a\n\n  b\n\n    \\[x\\]')).toBe('- a\n\n  b\n\n    $$\n    x\n    $$');
  });

  it('keeps display math indented like code inline, and reads past a lone `<`', () => {
    expect(normalized('Text\n    \\[x\\]\nmore')).toBe('Text\n    $$x$$\nmore');
    expect(normalizeMathDelimiters('if a < b then $x$ ok')).toEqual({
      text: 'if a < b then $x$ ok',
      hasMath: true,
    });
  });
});

/** Runs of `char` of sizes 1, 2, 3… separated by spaces, up to about `length` characters. */
function runsOfEverySize(char: string, length: number): string {
  const runs: string[] = [];
  for (let size = 1, total = 0; total < length; size += 1) {
    runs.push(char.repeat(size));
    total += size + 1;
  }
  return runs.join(' ');
}
