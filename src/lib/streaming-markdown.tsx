import { memo, useMemo, useState } from 'react';
import { repairTail } from '../core/markdown/repair-tail';
import { createBlockSplitter } from '../core/markdown/split-blocks';
import { Markdown, MarkdownContent } from './markdown';

/** A finished block: parsed once; `memo` keeps it from rendering again while text streams on. */
const SettledBlock = memo(function SettledBlock({ source }: { source: string }) {
  return <MarkdownContent text={source} />;
});

/** The unfinished rest, with half-typed markup closed so it does not flash raw markers. */
const Tail = memo(function Tail({ source }: { source: string }) {
  return <MarkdownContent text={repairTail(source)} />;
});

interface StreamingMarkdownProps {
  /** The whole markdown text so far. */
  text: string;
  /** More text may still arrive (append-only). */
  isStreaming: boolean;
}

/**
 * Markdown that is cheap to re-render while it streams. Finished top-level blocks (see
 * `createBlockSplitter` for what settles and why: the Streamdown PR #608 / hawk.garage PR #924
 * rules of performance.md §1.2c) are each parsed once and never re-rendered; only the unfinished
 * tail is parsed again per update, after `repairTail`. All parts sit in one `.markdown` wrapper, so
 * they look like one document. A text with a reference or footnote definition cannot be split
 * (definitions change earlier blocks) and is parsed whole on every update, as before.
 *
 * When streaming ends, the whole text is parsed once, exactly like `<Markdown>`: the final DOM is
 * the same as a one-shot render whatever happened during the stream. The splitter belongs to this
 * component instance (one message) and starts over if the text is replaced rather than extended.
 */
export const StreamingMarkdown = memo(function StreamingMarkdown({
  text,
  isStreaming,
}: StreamingMarkdownProps) {
  const [splitter] = useState(createBlockSplitter);
  // Idempotent for the same text, so a repeated render (Strict Mode) gets the same split.
  const split = useMemo(
    () => (isStreaming ? splitter.update(text) : undefined),
    [splitter, text, isStreaming],
  );
  if (split === undefined) return <Markdown text={text} />;
  return (
    <div className="markdown">
      {split.hasDefinitions ? (
        <Tail source={text} />
      ) : (
        <>
          {split.settled.map((block, index) => (
            <SettledBlock key={index} source={block} />
          ))}
          <Tail key="tail" source={split.tail} />
        </>
      )}
    </div>
  );
});
