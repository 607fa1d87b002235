import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { repairTail } from '../core/markdown/repair-tail';
import { createBlockSplitter, type BlockSplit } from '../core/markdown/split-blocks';
import {
  ADVERSARIAL_DOCUMENTS,
  BENCHMARK_ANSWER,
  prefixLengths,
} from '../core/markdown/test-documents';
import { Markdown, MarkdownContent } from './markdown';
import { StreamingMarkdown } from './streaming-markdown';

/**
 * Every markdown source react-markdown parses, in order (the real component still renders), and
 * every one parsed so far in this file (`markdownElements` remembers recent ones).
 */
const parsed = vi.hoisted(() => ({ sources: [] as string[], ever: new Set<string>() }));

vi.mock('react-markdown', async (importOriginal) => {
  const actual = await importOriginal<typeof import('react-markdown')>();
  function CountedMarkdown(options: Parameters<typeof actual.default>[0]) {
    parsed.sources.push(String(options.children));
    parsed.ever.add(String(options.children));
    return actual.default(options);
  }
  return { ...actual, default: CountedMarkdown };
});

const htmlCache = new Map<string, string>();

/** The HTML react-markdown makes of `text` alone, without the `.markdown` wrapper. */
function contentHtml(text: string): string {
  const cached = htmlCache.get(text);
  if (cached !== undefined) return cached;
  const html = htmlOf(<MarkdownContent text={text} />);
  htmlCache.set(text, html);
  return html;
}

function htmlOf(element: ReactElement): string {
  const { container, unmount } = render(element);
  const html = container.innerHTML;
  unmount();
  return html;
}

/**
 * What the streaming view must show for `split`: each part rendered alone, side by side; an open
 * fence at the end of the tail exactly as the parser renders it once its closing fence is added.
 */
function expectedHtml(split: BlockSplit, prefix: string): string {
  if (split.hasDefinitions) return `<div class="markdown">${contentHtml(repairTail(prefix))}</div>`;
  const fence = split.openFence;
  const before = fence === undefined ? split.tail : split.tail.slice(0, fence.start);
  let tail = before.trim() === '' && fence !== undefined ? '' : contentHtml(repairTail(before));
  if (fence !== undefined) {
    const open = split.tail.slice(fence.start);
    tail += contentHtml(
      `${open}${open.endsWith('\n') ? '' : '\n'}${open.startsWith('~') ? '~~~' : '```'}`,
    );
  }
  return `<div class="markdown">${split.settled.map(contentHtml).join('')}${tail}</div>`;
}

/** react-markdown puts newlines between blocks; parts rendered apart lack them at their edges. */
function withoutBlockNewlines(html: string): string {
  return html.replace(/\n+(?=<)|(?<=>)\n+/g, '');
}

function evenPrefixes(doc: string, steps: number): number[] {
  return Array.from({ length: steps }, (_, index) => Math.round((doc.length * index) / steps));
}

interface StreamStep {
  prefix: string;
  split: BlockSplit;
  html: string;
}

/** Streams `doc` into one `StreamingMarkdown`, checking that settled blocks are parsed once. */
function streamDocument(doc: string, lengths: number[]) {
  const view = render(<StreamingMarkdown text="" isStreaming />);
  const splitter = createBlockSplitter();
  const steps: StreamStep[] = [];
  let shown = 0;
  for (const length of lengths) {
    const prefix = doc.slice(0, length);
    const split = splitter.update(prefix);
    const tail = repairTail(split.hasDefinitions ? prefix : split.tail);
    const fresh = split.hasDefinitions ? [] : split.settled.slice(shown);
    // Only new blocks and the tail are parsed; earlier blocks are not rendered again. A new block
    // whose text was parsed before (as the tail, a frame earlier) is taken from memory.
    const parsedBefore = new Set(parsed.ever);
    parsed.sources = [];
    view.rerender(<StreamingMarkdown text={prefix} isStreaming />);
    const parsedNow = parsed.sources.filter((source) => source !== tail);
    expect(parsedNow).toEqual(fresh.filter((block) => parsedNow.includes(block)));
    for (const block of fresh) {
      if (!parsedNow.includes(block)) expect(parsedBefore.has(block)).toBe(true);
    }
    expect(parsed.sources.filter((source) => source === tail).length).toBeLessThanOrEqual(1);
    shown = split.hasDefinitions ? shown : split.settled.length;
    steps.push({ prefix, split, html: view.container.innerHTML });
  }
  return { view, steps };
}

const DOCUMENTS: [string, string][] = [
  ['the benchmark answer', BENCHMARK_ANSWER],
  ...Object.entries(ADVERSARIAL_DOCUMENTS),
];

describe('StreamingMarkdown', () => {
  it.each(DOCUMENTS)('%s: streams in parts, ends exactly like a one-shot render', (_, doc) => {
    const lengths = [...evenPrefixes(doc, doc.length > 10_000 ? 8 : 16), doc.length];
    const { view, steps } = streamDocument(doc, lengths);

    // While streaming, each settled block shows exactly what <Markdown> makes of it alone.
    for (const step of steps) expect(step.html).toBe(expectedHtml(step.split, step.prefix));

    // Settled blocks look final: with all text in, the parts match a one-shot render…
    const oneShot = htmlOf(<Markdown text={doc} />);
    expect(withoutBlockNewlines(steps.at(-1)?.html ?? '')).toBe(withoutBlockNewlines(oneShot));
    // …also when the text arrived in many more steps (each settled block is kept to the end).
    const splitter = createBlockSplitter();
    for (const length of prefixLengths(doc)) splitter.update(doc.slice(0, length));
    const fine = expectedHtml(splitter.update(doc), doc);
    expect(withoutBlockNewlines(fine)).toBe(withoutBlockNewlines(oneShot));

    // When streaming ends, the tail is parsed exactly: the same DOM as a one-shot render, but for
    // the newlines react-markdown puts between blocks (the whole text when it has definitions).
    view.rerender(<StreamingMarkdown text={doc} isStreaming={false} />);
    if (steps.at(-1)?.split.hasDefinitions) expect(view.container.innerHTML).toBe(oneShot);
    else {
      expect(withoutBlockNewlines(view.container.innerHTML)).toBe(withoutBlockNewlines(oneShot));
    }
    // A finished message shown later (history) renders the same.
    expect(withoutBlockNewlines(htmlOf(<StreamingMarkdown text={doc} isStreaming={false} />))).toBe(
      withoutBlockNewlines(oneShot),
    );
  });

  it('settles the benchmark answer into many blocks and parses each one once', () => {
    const lengths = Array.from({ length: 60 }, (_, index) =>
      Math.round((BENCHMARK_ANSWER.length * (index + 1)) / 60),
    );
    const { steps } = streamDocument(BENCHMARK_ANSWER, lengths);
    expect(steps.at(-1)?.split.settled.length).toBeGreaterThanOrEqual(12);
  });

  it('never shows raw emphasis, strikethrough or link markers in a repaired tail', () => {
    const prose = BENCHMARK_ANSWER.slice(0, BENCHMARK_ANSWER.indexOf('```python'));
    const torture =
      'Mixing **bold with *italic inside* and `code **not bold**` here**, then ~~struck **bold** text~~, a [link with **bold**](https://example.com/path_(x)) and ***both*** at once. 日本語の**強調**と*斜体*。Emoji 🚀 **after emoji** and __underscored bold__ with _under_ and snake_case_names.\n';
    for (const doc of [torture, prose]) {
      const view = render(<StreamingMarkdown text="" isStreaming />);
      for (let length = 1; length <= doc.length; length += doc === torture ? 1 : 3) {
        view.rerender(<StreamingMarkdown text={doc.slice(0, length)} isStreaming />);
        const shown = view.container.cloneNode(true) as HTMLElement;
        shown.querySelectorAll('code, pre').forEach((code) => code.remove());
        const text = shown.textContent ?? '';
        if (/\*\*|~~|\]\(/.test(text)) expect.fail(`raw markers at ${length}: ${text.slice(-80)}`);
      }
      view.unmount();
    }
  });

  it('starts over when the text is replaced by one that does not extend it', () => {
    const view = render(<StreamingMarkdown text={'First.\n\nSecond **bold'} isStreaming />);
    expect(view.container.querySelector('strong')?.textContent).toBe('bold');
    view.rerender(<StreamingMarkdown text={'Other.\n\n- item'} isStreaming />);
    expect(view.container.textContent).not.toContain('First');
    expect(view.container.querySelector('li')?.textContent).toBe('item');
  });
});
