import { memo, type ComponentProps } from 'react';
import ReactMarkdown, { type Components } from 'react-markdown';
import remarkGfm from 'remark-gfm';
import { CopyButton } from '../components/ui/copy-button';
import { remarkHtmlAsText } from './remark-html-as-text';

const remarkPlugins = [remarkGfm, remarkHtmlAsText];

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

function CodeBlock({ children }: ComponentProps<'pre'>) {
  const code = textOf(children).replace(/\n$/, '');
  const child = Array.isArray(children) ? children[0] : children;
  const className =
    typeof child === 'object' && child !== null && 'props' in child
      ? String((child.props as { className?: string }).className ?? '')
      : '';
  const language = /language-([\w+#.-]+)/.exec(className)?.[1];
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

/**
 * The elements of {@link Markdown} without its wrapper, for rendering one document in parts (see
 * `StreamingMarkdown`): parts placed side by side in one `.markdown` wrapper look like one document.
 */
export const MarkdownContent = memo(function MarkdownContent({ text }: { text: string }) {
  return (
    <ReactMarkdown remarkPlugins={remarkPlugins} components={components}>
      {text}
    </ReactMarkdown>
  );
});

/**
 * Renders untrusted markdown (GFM: tables, task lists, strikethrough, fenced code) safely: raw HTML
 * shows as text, links open in a new tab without referrer, unsafe URLs (`javascript:` and the like)
 * are removed by react-markdown's URL filter, and images are not loaded.
 */
export const Markdown = memo(function Markdown({ text }: { text: string }) {
  return (
    <div className="markdown">
      <MarkdownContent text={text} />
    </div>
  );
});
