import { memo, useMemo, useState } from 'react';
import { FormattingBoundary } from '../components/ui/plain-text-fallback';
import { createNestingBound } from '../core/markdown/bound-nesting';
import { repairTail } from '../core/markdown/repair-tail';
import { createBlockSplitter, type OpenFenceInfo } from '../core/markdown/split-blocks';
import { CodeBlockFrame, Markdown, MarkdownContent } from './markdown';

/**
 * A finished block: parsed once; `memo` keeps it from rendering again while text streams on.
 * `isLast` marks the text's final block once the text is complete (a fence ending the text is
 * then closed for good and gets highlighted).
 */
const SettledBlock = memo(function SettledBlock({
  source,
  isLast = false,
}: {
  source: string;
  isLast?: boolean;
}) {
  return <MarkdownContent text={source} isFinished={isLast} />;
});

/**
 * The settled blocks, in order. The splitter hands over a new array only when a block settles, so
 * while the tail grows this renders nothing again: a frame reconciles the tail alone, not its
 * siblings (hundreds of them in a long answer).
 */
const SettledBlocks = memo(function SettledBlocks({ blocks }: { blocks: readonly string[] }) {
  return blocks.map((block, index) => <SettledBlock key={index} source={block} />);
});

/** The unfinished rest, with half-typed markup closed so it does not flash raw markers. */
const Tail = memo(function Tail({ source }: { source: string }) {
  return <MarkdownContent text={repairTail(source)} />;
});

/**
 * A code fence still being written, shown as the code block it will be without parsing it: until
 * its closing fence, everything after the opening line is code. The same markup as the parsed fence
 * once closed (the same `CodeBlockFrame`; the unit test compares them), so nothing
 * moves when the block settles.
 */
const OpenCodeBlock = memo(function OpenCodeBlock({
  code,
  language,
}: {
  code: string;
  language: string | undefined;
}) {
  return (
    <CodeBlockFrame language={language} code={code.replace(/\n$/, '')}>
      <code className={language === undefined ? undefined : `language-${language}`}>
        {code === '' || code.endsWith('\n') ? code : `${code}\n`}
      </code>
    </CodeBlockFrame>
  );
});

/** The tail: other blocks (repaired), then the open fence it ends in, if any. */
function LiveTail({ tail, openFence }: { tail: string; openFence: OpenFenceInfo | undefined }) {
  if (openFence === undefined) return <Tail source={tail} />;
  const before = tail.slice(0, openFence.start);
  return (
    <>
      {before.trim() !== '' && <Tail source={before} />}
      <OpenCodeBlock code={tail.slice(openFence.codeStart)} language={openFence.language} />
    </>
  );
}

interface StreamingMarkdownProps {
  /** The whole markdown text so far. */
  text: string;
  /** More text may still arrive (append-only). */
  isStreaming: boolean;
  /**
   * How the unfinished tail shows while streaming: `markdown` (default) parses it after
   * `repairTail`; `text` parses only its finished lines (again each time a line ends) and shows
   * the line still being written as plain text, for long live text (reasoning).
   */
  liveTail?: 'markdown' | 'text';
}

/** The tail as plain text: nothing parsed per update. */
const PlainTail = memo(function PlainTail({ source }: { source: string }) {
  return <p className="whitespace-pre-wrap">{source.trimEnd()}</p>;
});

/** The tail's finished lines as markdown (an open fence as code); the line being written plain. */
function LineTail({ tail, openFence }: { tail: string; openFence: OpenFenceInfo | undefined }) {
  if (openFence !== undefined) return <LiveTail tail={tail} openFence={openFence} />;
  const cut = tail.lastIndexOf('\n') + 1;
  const lines = tail.slice(0, cut);
  return (
    <>
      {lines.trim() !== '' && <Tail source={lines} />}
      {tail.slice(cut).trim() !== '' && <PlainTail source={tail.slice(cut)} />}
    </>
  );
}

/**
 * Markdown that is cheap to re-render while it streams and cheap to finish. Finished top-level
 * blocks (see `createBlockSplitter` for what settles and why: the Streamdown PR #608 / hawk.garage
 * PR #924 rules of performance.md §1.2c) are each parsed once and never re-rendered; per update,
 * only the unfinished tail is parsed again, after `repairTail`, and a code fence still open at the
 * end of the tail is shown as code without parsing. All parts sit in one `.markdown` wrapper, so
 * they look like one document.
 *
 * When streaming ends, the tail is parsed once more, exactly (no repair). A settled block cannot be
 * changed by anything after it, so the settled blocks and the exact tail together are what a
 * one-shot render of the whole text shows (the unit tests compare the DOM on the benchmark answer
 * and adversarial documents); the finished message costs one block's parse, not the whole text's.
 * A text with a reference or footnote definition cannot be split (definitions change earlier
 * blocks): it is parsed whole on every update, and exactly like `<Markdown>` at the end. The
 * splitter belongs to this component instance (one message) and starts over if the text is
 * replaced rather than extended.
 */
export const StreamingMarkdown = memo(function StreamingMarkdown(props: StreamingMarkdownProps) {
  return (
    <FormattingBoundary text={props.text}>
      <StreamingBlocks {...props} />
    </FormattingBoundary>
  );
});

function StreamingBlocks({
  text: source,
  isStreaming,
  liveTail = 'markdown',
}: StreamingMarkdownProps) {
  const [bound] = useState(createNestingBound);
  const [splitter] = useState(createBlockSplitter);
  // Both are idempotent for the same text, so a repeated render (Strict Mode) gets the same split.
  const text = useMemo(() => bound.update(source), [bound, source]);
  const split = useMemo(() => splitter.update(text), [splitter, text]);
  if (split.hasDefinitions) {
    return isStreaming ? (
      <div className="markdown">
        {liveTail === 'text' ? <PlainTail source={text} /> : <Tail source={text} />}
      </div>
    ) : (
      <Markdown text={text} />
    );
  }
  return (
    <div className="markdown">
      <SettledBlocks blocks={split.settled} />
      {isStreaming && liveTail === 'text' ? (
        <LineTail key="tail" tail={split.tail} openFence={split.openFence} />
      ) : isStreaming ? (
        <LiveTail key="tail" tail={split.tail} openFence={split.openFence} />
      ) : (
        split.tail !== '' && <SettledBlock key={split.settled.length} source={split.tail} isLast />
      )}
    </div>
  );
}
