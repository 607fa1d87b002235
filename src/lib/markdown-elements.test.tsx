import { renderToStaticMarkup } from 'react-dom/server';
import type { Options } from 'react-markdown';
import { describe, expect, it } from 'vitest';
import { MARKDOWN_ELEMENTS_CACHE_LIMIT, markdownElements } from './markdown-elements';

const PLAIN: Options = {};
const SHOUTING: Options = {
  components: { p: ({ children }) => <p className="shout">{children}</p> },
};

describe('markdownElements', () => {
  it('renders what react-markdown renders, per options object', () => {
    expect(renderToStaticMarkup(markdownElements('Some **bold** text', PLAIN))).toBe(
      '<p>Some <strong>bold</strong> text</p>',
    );
    expect(renderToStaticMarkup(markdownElements('Some **bold** text', SHOUTING))).toBe(
      '<p class="shout">Some <strong>bold</strong> text</p>',
    );
  });

  it('hands back the same elements for the same text and options', () => {
    const first = markdownElements('# Title\n\nA paragraph.', PLAIN);
    expect(markdownElements('# Title\n\nA paragraph.', PLAIN)).toBe(first);
    expect(markdownElements('# Title\n\nA paragraph.\n', PLAIN)).not.toBe(first);
    expect(markdownElements('# Title\n\nA paragraph.', { ...PLAIN })).not.toBe(first);
  });

  it('forgets the least recently used text once full', () => {
    const kept = markdownElements('kept', PLAIN);
    const dropped = markdownElements('dropped', PLAIN);
    for (let i = 0; i < MARKDOWN_ELEMENTS_CACHE_LIMIT - 2; i++)
      markdownElements(`filler ${i}`, PLAIN);
    // Using `kept` makes `dropped` the oldest; one more new text pushes it out.
    expect(markdownElements('kept', PLAIN)).toBe(kept);
    markdownElements('one more', PLAIN);
    expect(markdownElements('kept', PLAIN)).toBe(kept);
    expect(markdownElements('dropped', PLAIN)).not.toBe(dropped);
  });
});
