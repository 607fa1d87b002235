import {
  cloneElement,
  createContext,
  isValidElement,
  memo,
  useContext,
  useMemo,
  type ComponentProps,
  type ReactNode,
} from 'react';
import type { Components, ExtraProps, Options } from 'react-markdown';
import { remarkGfmParse } from './remark-gfm-parse';
import { CopyButton } from '../components/ui/copy-button';
import { FormattingBoundary } from '../components/ui/plain-text-fallback';
import { boundNesting } from '../core/markdown/bound-nesting';
import { splitByBudget } from '../core/markdown/markup-budget';
import { isFenceFinished } from './highlight/fence-state';
import { useHighlightedCode } from './highlight/use-highlighted-code';
import { useMathPlugins, type MathRendering } from './math/use-math-plugins';
import { markdownElements } from './markdown-elements';
import { remarkHtmlAsText } from './remark-html-as-text';

const remarkPlugins = [remarkGfmParse, remarkHtmlAsText];

/** The markdown being rendered and whether it is final: code blocks read it to know if they are. */
const MarkdownSourceContext = createContext({ source: '', isFinished: true });

function textOf(node: unknown): string {
  if (typeof node === 'string' || typeof node === 'number') return String(node);
  if (Array.isArray(node)) return node.map(textOf).join('');
  if (typeof node === 'object' && node !== null && 'props' in node) {
    return textOf((node.props as { children?: unknown }).children);
  }
  return '';
}

function SafeLink({ href, children }: ComponentProps<'a'>) {
  if (!href) return <span>{children}</span>;
  return (
    <a href={href} target="_blank" rel="noopener noreferrer nofollow ugc">
      {children}
    </a>
  );
}

/** Images in model output are links, never loaded by themselves: no tracking pixels, no surprises. */
function ImageLink({ src, alt }: ComponentProps<'img'>) {
  if (typeof src !== 'string' || src === '') return <span>{alt}</span>;
  return (
    <a href={src} target="_blank" rel="noopener noreferrer nofollow ugc" className="image-link">
      {`Image: ${alt || src}`}
    </a>
  );
}

/**
 * A code block with its language label and a copy button. A finished fence (see
 * `isFenceFinished`) in a known language is syntax-highlighted once its grammar has loaded: the
 * same `<code>` element (cloned, so React keeps its DOM node) gets coloured spans around the same
 * text, so nothing moves.
 */
function CodeBlock({ children, node }: ComponentProps<'pre'> & ExtraProps) {
  const { source, isFinished } = useContext(MarkdownSourceContext);
  const text = textOf(children);
  const code = text.replace(/\n$/, '');
  const child: unknown = Array.isArray(children) ? children[0] : children;
  const codeElement = isValidElement<{ className?: string }>(child) ? child : undefined;
  const className = String(codeElement?.props.className ?? '');
  const language = /language-([\w+#.-]+)/.exec(className)?.[1];
  const isDone = isFenceFinished(
    source,
    node?.position?.start.offset,
    node?.position?.end.offset,
    isFinished,
  );
  const highlighted = useHighlightedCode(code, language, language !== undefined && isDone);
  return (
    <CodeBlockFrame language={language} code={code}>
      {highlighted === undefined || codeElement === undefined
        ? children
        : cloneElement(codeElement, undefined, ...highlighted, text.slice(code.length))}
    </CodeBlockFrame>
  );
}

/**
 * The frame of every code block: the language label (`text` when there is none) and a copy button
 * for `code`, above a `<pre>` holding `children` (the `<code>` element).
 */
export function CodeBlockFrame({
  language,
  code,
  children,
}: {
  language: string | undefined;
  code: string;
  children: ReactNode;
}) {
  return (
    <div className="code-block">
      <div className="code-block-bar">
        <span>{language ?? 'text'}</span>
        <CopyButton text={code} label="Copy code" isCompact />
      </div>
      <pre>{children}</pre>
    </div>
  );
}

const components: Components = { a: SafeLink, img: ImageLink, pre: CodeBlock };

/** Props of {@link MarkdownContent}. */
export interface MarkdownContentProps {
  /** The markdown. */
  text: string;
  /**
   * The text will not grow. Default `false`: a part of a document that may still be streaming, so
   * a code fence whose closing line ends the text (nothing after it yet, as in a tail closed by
   * `repairTail`) stays plain until a newline follows; earlier fences are highlighted.
   */
  isFinished?: boolean;
}

/**
 * The elements of {@link Markdown} without its wrapper, for rendering one document in parts (see
 * `StreamingMarkdown`): parts placed side by side in one `.markdown` wrapper look like one document.
 * Math (see `useMathPlugins`) and syntax highlighting load on demand, the first time a text needs
 * them; until then the text shows as it is. Blocks over budget (`splitByBudget`) show as plain text.
 */
export const MarkdownContent = memo(function MarkdownContent({
  text,
  isFinished = false,
}: MarkdownContentProps) {
  const segments = useMemo(() => splitByBudget(text), [text]);
  const only = segments.length === 1 ? segments[0] : undefined;
  if (only !== undefined && !only.isPlain) {
    return <ParsedMarkdown text={text} isFinished={isFinished} />;
  }
  return segments.map((segment, index) =>
    segment.isPlain ? (
      <PlainBlock key={index} text={segment.text} />
    ) : (
      <ParsedMarkdown key={index} text={segment.text} isFinished={isFinished} />
    ),
  );
});

/** Characters per element of a {@link PlainBlock}. */
const PLAIN_SLICE_CHARS = 4096;

/**
 * A block too big or too tangled to parse (see `splitByBudget`), as the text it is: every word
 * shows, and the page stays responsive. The text is laid out in slices of about 4 KB (cut after a
 * line break where there is one), so while it grows only its last slice changes and is laid out
 * again, not a megabyte of text per frame, and slices off screen are not laid out at all.
 */
function PlainBlock({ text }: { text: string }) {
  const slices: string[] = [];
  for (let start = 0; start < text.length;) {
    let end = Math.min(text.length, start + PLAIN_SLICE_CHARS);
    const newline = text.lastIndexOf('\n', end - 1);
    if (end < text.length && newline > start) end = newline + 1;
    else if (end < text.length && /[\ud800-\udbff]/.test(text.charAt(end - 1))) end -= 1;
    slices.push(text.slice(start, end));
    start = end;
  }
  return (
    <pre className="plain-block whitespace-pre-wrap break-words font-sans">
      {slices.map((slice, index) => (
        <span
          key={index}
          className="block [contain-intrinsic-size:auto_40em] [content-visibility:auto]"
        >
          {slice}
        </span>
      ))}
    </pre>
  );
}

/** react-markdown's options without math: a constant, so `markdownElements` can remember texts. */
const PLAIN_OPTIONS: Readonly<Options> = { remarkPlugins, components };

/** The options with math, one object per math runtime (in practice one). */
const mathOptions = new WeakMap<object, Readonly<Options>>();

function optionsWith(math: MathRendering | undefined): Readonly<Options> {
  if (math === undefined) return PLAIN_OPTIONS;
  let options = mathOptions.get(math.rehypePlugin);
  if (options === undefined) {
    options = {
      remarkPlugins: [remarkGfmParse, math.remarkPlugin, remarkHtmlAsText],
      rehypePlugins: [math.rehypePlugin],
      components,
    };
    mathOptions.set(math.rehypePlugin, options);
  }
  return options;
}

/** One text within budget, parsed (or taken from `markdownElements`' memory of it). */
function ParsedMarkdown({ text, isFinished }: { text: string; isFinished: boolean }) {
  const math = useMathPlugins(text);
  const source = math?.text ?? text;
  const options = optionsWith(math);
  const elements = useMemo(() => markdownElements(source, options), [source, options]);
  const context = useMemo(() => ({ source, isFinished }), [source, isFinished]);
  return (
    <MarkdownSourceContext.Provider value={context}>{elements}</MarkdownSourceContext.Provider>
  );
}

/** Props of {@link Markdown}. */
export interface MarkdownProps {
  /** The markdown. */
  text: string;
  /**
   * The text is final. Default `true`; pass `false` while it may still grow (see
   * {@link MarkdownContentProps.isFinished}).
   */
  isFinished?: boolean;
}

/**
 * Renders untrusted markdown (GFM: tables, task lists, strikethrough, fenced code) safely: raw HTML
 * shows as text, links open in a new tab without referrer, unsafe URLs (`javascript:` and the like)
 * are removed by react-markdown's URL filter, and images are not loaded. Finished code fences are
 * syntax-highlighted and math (`$…$`, `$$…$$`, `\(…\)`, `\[…\]`) is rendered with KaTeX, both
 * loaded on demand.
 */
export const Markdown = memo(function Markdown({ text, isFinished = true }: MarkdownProps) {
  const bounded = useMemo(() => boundNesting(text), [text]);
  return (
    <FormattingBoundary text={text}>
      <div className="markdown">
        <MarkdownContent text={bounded} isFinished={isFinished} />
      </div>
    </FormattingBoundary>
  );
});
