import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escapeHtmlOutsideCode } from './escape-html-outside-code';

describe('escapeHtmlOutsideCode', () => {
  it('escapes tags, comments and HTML blocks in text', () => {
    expect(escapeHtmlOutsideCode('<img src=x onerror=alert(1)>')).toBe(
      '&lt;img src=x onerror=alert(1)>',
    );
    expect(escapeHtmlOutsideCode('a <!-- hidden --> b\n\n<div>\n<script>x</script>\n</div>')).toBe(
      'a &lt;!-- hidden --> b\n\n&lt;div>\n&lt;script>x&lt;/script>\n&lt;/div>',
    );
  });

  it('leaves fenced code blocks as written, fences included', () => {
    const text = 'before <b>\n```html\n<b>bold</b>\n```\nafter <i>\n~~~~\n<x>\n~~~\n<y>\n~~~~';
    expect(escapeHtmlOutsideCode(text)).toBe(
      'before &lt;b>\n```html\n<b>bold</b>\n```\nafter &lt;i>\n~~~~\n<x>\n~~~\n<y>\n~~~~',
    );
  });

  it('a line with backticks in its info string is no fence', () => {
    expect(escapeHtmlOutsideCode('``` a ` b\n<b>')).toBe('``` a ` b\n&lt;b>');
  });

  it('leaves code spans as written and pairs runs of equal length only', () => {
    expect(escapeHtmlOutsideCode('use `Vec<T>` not <T>')).toBe('use `Vec<T>` not &lt;T>');
    expect(escapeHtmlOutsideCode('``a ` <b> `` <c> ` <d>')).toBe('``a ` <b> `` &lt;c> ` &lt;d>');
  });

  it('a code span cannot reach across a blank line', () => {
    expect(escapeHtmlOutsideCode('open ` <a>\n\n<b> ` x')).toBe('open ` &lt;a>\n\n&lt;b> ` x');
    // A line of spaces is blank too.
    expect(escapeHtmlOutsideCode('open ` <a>\n  \n<b> ` x')).toBe('open ` &lt;a>\n  \n&lt;b> ` x');
  });

  it('escapes everything in a paragraph holding an escaped backtick', () => {
    expect(escapeHtmlOutsideCode('\\`<img onerror=x>` and `<b>`')).toBe(
      '\\`&lt;img onerror=x>` and `&lt;b>`',
    );
  });

  it('changes nothing but “<” outside code', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom('<', '`', '\n', 'a', ' ', '~', '\\') }),
        (s) => {
          const out = escapeHtmlOutsideCode(s);
          expect(out.replace(/&lt;/g, '<')).toBe(s);
        },
      ),
    );
  });
});
