import { describe, expect, it } from 'vitest';
import { closeFence, dropPartialUnderline, scanTailLayout, type TailFence } from './tail-layout';

describe('scanTailLayout', () => {
  it('starts the last paragraph after the last blank line, or at the start', () => {
    expect(scanTailLayout('')).toEqual({ fence: undefined, regionStart: 0 });
    expect(scanTailLayout('a\nb').regionStart).toBe(0);
    expect(scanTailLayout('para\n\nlast').regionStart).toBe(6);
    expect(scanTailLayout('para\n\n').regionStart).toBe(6);
    expect(scanTailLayout('a\n\n\n').regionStart).toBe(4);
  });

  it('starts it at a list item, a heading, a rule, or the line after one', () => {
    expect(scanTailLayout('- item\n- two *x').regionStart).toBe(7);
    expect(scanTailLayout('- a\n- c > d').regionStart).toBe(4);
    expect(scanTailLayout('# Title\ntext').regionStart).toBe(8);
    expect(scanTailLayout('text\n---\nmore').regionStart).toBe(9);
  });

  it('keeps one paragraph over the lines of a block quote', () => {
    for (const text of ['> a\n> b *x', '> a\n>b', ' > a\n > b']) {
      expect(scanTailLayout(text).regionStart, text).toBe(0);
    }
    expect(scanTailLayout('> a\n> - b').regionStart).toBe(4);
    expect(scanTailLayout('> a\n> 1. b').regionStart).toBe(4);
  });

  it('reports the fence the text ends in, with its container prefix as indentation', () => {
    expect(scanTailLayout('```ts\ncode')).toEqual({
      fence: { marker: '`', length: 3, indent: '' },
      regionStart: 11,
    });
    expect(scanTailLayout('~~~~\nx').fence).toEqual({ marker: '~', length: 4, indent: '' });
    expect(scanTailLayout('- ```\n  code').fence?.indent).toBe('  ');
    expect(scanTailLayout('>\t```\ncode').fence?.indent).toBe('>\t');
  });

  it('closes a fence only at a closing line that has ended', () => {
    expect(scanTailLayout('```\ncode\n```\nafter')).toEqual({ fence: undefined, regionStart: 13 });
    expect(scanTailLayout('```\ncode\n```').fence).toEqual({ marker: '`', length: 3, indent: '' });
    expect(scanTailLayout('- ```\n  x\n  ```\n').fence).toBeUndefined();
  });
});

describe('closeFence', () => {
  const backticks: TailFence = { marker: '`', length: 3, indent: '' };

  it('appends the closing fence on a line of its own', () => {
    expect(closeFence('```\ncode', backticks)).toBe('```\ncode\n```');
    expect(closeFence('```\ncode\n', backticks)).toBe('```\ncode\n```');
    expect(closeFence('', backticks)).toBe('```');
    expect(closeFence('> ```\n> code\n> ', { ...backticks, indent: '> ' })).toBe(
      '> ```\n> code\n> \n> ```',
    );
  });

  it('completes a half-typed closing fence of the same character', () => {
    expect(closeFence('```\ncode\n``', backticks)).toBe('```\ncode\n```');
    expect(closeFence('~~~\nx\n~~', { marker: '~', length: 3, indent: '' })).toBe('~~~\nx\n~~~');
    expect(closeFence('- ```\n  code\n  ``', { ...backticks, indent: '  ' })).toBe(
      '- ```\n  code\n  ```',
    );
  });

  it('leaves other last lines as code', () => {
    for (const last of ['~~', '`~', 'a``', '``a']) {
      expect(closeFence(`\`\`\`\ncode\n${last}`, backticks), last).toBe(
        `\`\`\`\ncode\n${last}\n\`\`\``,
      );
    }
    expect(closeFence('``', backticks)).toBe('``\n```');
  });
});

describe('dropPartialUnderline', () => {
  it('drops a last line that could still become the underline of a heading', () => {
    for (const text of ['Foo\n-', 'Foo\n==', 'Foo\n   --  ', 'Foo\n-\t']) {
      expect(dropPartialUnderline(text), text).toBe('Foo');
    }
    expect(dropPartialUnderline('# H\nFoo\n=')).toBe('# H\nFoo');
  });

  it('keeps it when it cannot', () => {
    for (const text of ['Foo\n    -', 'Foo\n-=', 'Foo\n- x', '-', '# H\n-', '\n-']) {
      expect(dropPartialUnderline(text), text).toBe(text);
    }
  });
});
