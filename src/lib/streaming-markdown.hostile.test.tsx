import { render } from '@testing-library/react';
import fc from 'fast-check';
import type { ReactElement } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AFTER_HOSTILE, HOSTILE_CORPUS } from '../core/markdown/hostile-corpus';
import { Markdown } from './markdown';
import { StreamingMarkdown } from './streaming-markdown';

/** react-markdown puts newlines between blocks; parts rendered apart lack them at their edges. */
function withoutBlockNewlines(html: string): string {
  return html.replace(/\n+(?=<)|(?<=>)\n+/g, '');
}

function htmlOf(element: ReactElement): string {
  const { container, unmount } = render(element);
  const html = container.innerHTML;
  unmount();
  return html;
}

/** Streams `doc` into one StreamingMarkdown at `cuts`; returns the HTML once streaming ended. */
function streamed(doc: string, cuts: readonly number[]): string {
  const view = render(<StreamingMarkdown text="" isStreaming />);
  for (const cut of cuts) {
    view.rerender(<StreamingMarkdown text={doc.slice(0, cut)} isStreaming />);
    expect(view.container.querySelector('[data-testid="plain-text-fallback"]')).toBeNull();
  }
  view.rerender(<StreamingMarkdown text={doc} isStreaming={false} />);
  const html = view.container.innerHTML;
  view.unmount();
  return html;
}

const errors = vi.spyOn(console, 'error');
afterEach(() => {
  // A caught render error is logged by the boundary: none may happen.
  expect(errors).not.toHaveBeenCalled();
  errors.mockClear();
});

describe('StreamingMarkdown on hostile text (issue 10)', () => {
  it.each(Object.entries(HOSTILE_CORPUS))(
    '%s: renders, shows the words after it, and streams to the one-shot result',
    (_, doc) => {
      const view = render(<StreamingMarkdown text={doc} isStreaming={false} />);
      expect(view.container.textContent).toContain(AFTER_HOSTILE);
      expect(view.container.querySelector('[data-testid="plain-text-fallback"]')).toBeNull();
      const oneShot = view.container.innerHTML;
      view.unmount();
      const cuts = Array.from({ length: 6 }, (_, index) => Math.round((doc.length * index) / 6));
      expect(withoutBlockNewlines(streamed(doc, cuts))).toBe(withoutBlockNewlines(oneShot));
      expect(withoutBlockNewlines(htmlOf(<Markdown text={doc} />))).toBe(
        withoutBlockNewlines(oneShot),
      );
    },
    60_000,
  );

  it('streams any text, split anywhere, to what a one-shot render shows', () => {
    const piece = fc.oneof(
      fc.constantFrom(
        '- ',
        '> ',
        '1. ',
        '  ',
        '\n',
        '\n\n',
        '```',
        '~~~',
        '**',
        '*',
        '_',
        '~~',
        '`',
        '[',
        '](u)',
        '![',
        '<a>',
        '<',
        '$',
        '$$',
        '\\(',
        '\\)',
        '\\[',
        '|',
        '| --- |',
        '#',
        '---',
        '\t',
        '\\',
        '[^1]: ',
        '\u0000',
        '\ud800',
        '\u202e',
        '\u0301',
        'word',
        ' ',
        'x',
      ),
      fc.string({ maxLength: 4 }),
    );
    fc.assert(
      fc.property(
        fc.array(piece, { maxLength: 40 }),
        fc.array(fc.nat(), { maxLength: 5 }),
        (pieces, rawCuts) => {
          const doc = pieces.join('');
          const cuts = rawCuts.map((cut) => cut % (doc.length + 1)).sort((a, b) => a - b);
          const oneShot = htmlOf(<StreamingMarkdown text={doc} isStreaming={false} />);
          expect(withoutBlockNewlines(streamed(doc, cuts))).toBe(withoutBlockNewlines(oneShot));
        },
      ),
      { numRuns: 150 },
    );
  }, 120_000);
});
