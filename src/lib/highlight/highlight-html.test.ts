import { describe, expect, it } from 'vitest';
import { parseHighlightHtml, textOfHighlight } from './highlight-html';

describe('parseHighlightHtml', () => {
  it('reads nested spans and decodes the five entities highlight.js emits', () => {
    const html =
      '<span class="hljs-keyword">const</span> a = <span class="hljs-string">&quot;&lt;b&gt; &amp; &#x27;c&#x27;&quot;</span>;<span class="hljs-title function_">f</span>';
    const nodes = parseHighlightHtml(html);
    expect(nodes).toEqual([
      { className: 'hljs-keyword', children: ['const'] },
      ' a = ',
      { className: 'hljs-string', children: ['"<b> & \'c\'"'] },
      ';',
      { className: 'hljs-title function_', children: ['f'] },
    ]);
    expect(textOfHighlight(nodes ?? [])).toBe('const a = "<b> & \'c\'";f');
  });

  it('reads spans inside spans', () => {
    expect(
      parseHighlightHtml(
        '<span class="language-xml"><span class="hljs-tag">&lt;a&gt;</span></span>',
      ),
    ).toEqual([
      { className: 'language-xml', children: [{ className: 'hljs-tag', children: ['<a>'] }] },
    ]);
  });

  it('rejects anything but class-only spans and escaped text', () => {
    for (const html of [
      '<img src=x onerror=alert(1)>',
      '<span class="a" onclick="x">b</span>',
      '<span class="a">unclosed',
      'stray</span>',
      'a & b',
      '&nbsp;',
      '<script>alert(1)</script>',
      '<span class="a"b">c</span>',
    ]) {
      expect(parseHighlightHtml(html), html).toBeUndefined();
    }
  });

  it('accepts empty output', () => {
    expect(parseHighlightHtml('')).toEqual([]);
  });
});
