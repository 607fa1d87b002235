import { describe, expect, it } from 'vitest';
import { closesBlock, openBlock, type OpenBlock } from './open-block';

describe('openBlock', () => {
  it('opens a code fence, and calls it math when its info string starts with the word math', () => {
    expect(openBlock('```ts', false)).toEqual({
      block: { kind: 'fence', marker: '`', length: 3 },
      isMath: false,
      closesAtOnce: false,
    });
    expect(openBlock('~~~~ math', false)).toEqual({
      block: { kind: 'fence', marker: '~', length: 4 },
      isMath: true,
      closesAtOnce: false,
    });
    for (const info of ['math', 'Math', 'MATH x', 'math\ttitle']) {
      expect(openBlock('```' + info, true)?.isMath, info).toBe(true);
    }
    for (const info of ['', 'mathx', 'nomath', 'ts math']) {
      expect(openBlock('```' + info, true)?.isMath, info).toBe(false);
    }
  });

  it('opens a $$ block with the length of its dollar run, never on a line with another $', () => {
    expect(openBlock('$$', false)).toEqual({
      block: { kind: 'math', length: 2 },
      isMath: true,
      closesAtOnce: false,
    });
    expect(openBlock('$$$ \\sum', false)?.block).toEqual({ kind: 'math', length: 3 });
    expect(openBlock('$$ a $ b', true)).toBeUndefined();
    expect(openBlock('$ x', true)).toBeUndefined();
  });

  it('opens raw HTML blocks that end at their closing tag, even on the same line', () => {
    const pre = openBlock('<pre class="x">', false);
    expect(pre).toMatchObject({ block: { kind: 'html' }, isMath: false, closesAtOnce: false });
    expect(openBlock('<SCRIPT>', false)?.block.kind).toBe('html');
    expect(openBlock('<style', false)?.block.kind).toBe('html');
    expect(openBlock('<textarea>a</textarea>', false)?.closesAtOnce).toBe(true);
    expect(openBlock('<pre>x</pre> tail', false)?.closesAtOnce).toBe(true);
    // `<prefix>` is not `<pre>`: only a lone tag, and only where one may start a block.
    expect(openBlock('<prefix>', false)).toBeUndefined();
    expect(openBlock('<prefix>', true)?.block).toEqual({ kind: 'html', close: 'blank' });
  });

  it('opens a comment that ends at -->', () => {
    expect(openBlock('<!-- note', false)).toEqual({
      block: { kind: 'html', close: /-->/ },
      isMath: false,
      closesAtOnce: false,
    });
    expect(openBlock('<!-- note -->', false)?.closesAtOnce).toBe(true);
  });

  it('opens a block-level tag anywhere, and a lone inline tag only where one may start a block', () => {
    const blank = { block: { kind: 'html', close: 'blank' }, isMath: false, closesAtOnce: false };
    expect(openBlock('<div class="a">', false)).toEqual(blank);
    expect(openBlock('</TABLE>', false)).toEqual(blank);
    expect(openBlock('<details>text', false)).toEqual(blank);
    expect(openBlock('<span>', true)).toEqual(blank);
    expect(openBlock('</span >', true)).toEqual(blank);
    expect(openBlock('<br/>', true)).toEqual(blank);
    expect(openBlock('<span>', false)).toBeUndefined();
    expect(openBlock('<span> text', true)).toBeUndefined();
    expect(openBlock('<divx>', false)).toBeUndefined();
  });

  it('opens nothing on other lines', () => {
    for (const line of ['', 'text', 'a <div>', '<', '<3 you', '``', '  text $$']) {
      expect(openBlock(line, true), line).toBeUndefined();
    }
  });
});

describe('closesBlock', () => {
  const fence: OpenBlock = { kind: 'fence', marker: '`', length: 3 };
  const math: OpenBlock = { kind: 'math', length: 2 };

  it('closes a fence with a long enough run of its marker, after any container prefix', () => {
    expect(closesBlock(fence, '```')).toBe(true);
    expect(closesBlock(fence, '> ````')).toBe(true);
    expect(closesBlock(fence, '  - ```')).toBe(true);
    expect(closesBlock(fence, '~~~')).toBe(false);
    expect(closesBlock(fence, '```ts')).toBe(false);
    expect(closesBlock({ kind: 'fence', marker: '~', length: 4 }, '~~~')).toBe(false);
  });

  it('closes a $$ block with a line of at least as many dollars and nothing else', () => {
    for (const line of ['$$', '$$$', '$$ \t', '$$\r', '> $$', '1. $$', '   $$']) {
      expect(closesBlock(math, line), line).toBe(true);
    }
    for (const line of ['$', '$$x', 'x$$', '$$ x', '', 'text']) {
      expect(closesBlock(math, line), line).toBe(false);
    }
    expect(closesBlock({ kind: 'math', length: 3 }, '$$')).toBe(false);
    expect(closesBlock({ kind: 'math', length: 3 }, '$$$')).toBe(true);
  });

  it('closes an HTML block at a blank line, or at its closing text anywhere on the line', () => {
    const blank: OpenBlock = { kind: 'html', close: 'blank' };
    expect(closesBlock(blank, '')).toBe(true);
    expect(closesBlock(blank, '  \t')).toBe(true);
    expect(closesBlock(blank, '> ')).toBe(true);
    expect(closesBlock(blank, 'text')).toBe(false);
    const comment: OpenBlock = { kind: 'html', close: /-->/ };
    expect(closesBlock(comment, 'end -->')).toBe(true);
    expect(closesBlock(comment, '')).toBe(false);
    const pre = openBlock('<pre>', false)?.block;
    expect(pre && closesBlock(pre, 'x </pre> y')).toBe(true);
    expect(pre && closesBlock(pre, 'x </p>')).toBe(false);
  });
});
