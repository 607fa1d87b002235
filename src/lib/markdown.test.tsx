import { render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { loadLanguage } from './highlight/highlighter';
import { Markdown, MarkdownContent } from './markdown';
import { loadMathRuntime } from './math/use-math-plugins';
import { StreamingMarkdown } from './streaming-markdown';

vi.mock('./highlight/highlighter', async (importOriginal) => {
  const actual = await importOriginal<typeof import('./highlight/highlighter')>();
  return { ...actual, loadLanguage: vi.fn(actual.loadLanguage) };
});

afterEach(() => vi.mocked(loadLanguage).mockClear());

const TS_FENCE = '```ts\nconst answer: number = 42;\n```';

describe('Markdown code highlighting', () => {
  it('highlights a finished fence once its grammar loads, keeping the text, label and copy button', async () => {
    const { container } = render(<Markdown text={`${TS_FENCE}\n`} />);
    const code = container.querySelector('pre code');
    expect(code?.textContent).toBe('const answer: number = 42;\n');
    await waitFor(() => expect(container.querySelector('.hljs-keyword')).not.toBeNull());
    expect(container.querySelector('pre code')).toBe(code);
    expect(code).toHaveClass('language-ts');
    expect(code?.textContent).toBe('const answer: number = 42;\n');
    expect(container.querySelector('.hljs-keyword')?.textContent).toBe('const');
    expect(container.querySelector('.code-block-bar')?.textContent).toContain('ts');
    expect(screen.getByRole('button', { name: 'Copy code' })).toBeInTheDocument();
    expect(loadLanguage).toHaveBeenCalledWith('typescript');
  });

  it('renders code text as text, never as HTML', async () => {
    await loadLanguage('xml');
    const html = '<img src=x onerror="alert(1)"><script>alert(2)</script>';
    const { container } = render(<Markdown text={`\`\`\`html\n${html}\n\`\`\``} />);
    expect(container.querySelector('.hljs-tag')).not.toBeNull();
    expect(container.querySelector('pre code')?.textContent).toBe(`${html}\n`);
    expect(container.querySelector('img, script')).toBeNull();
  });

  it('keeps an unfinished fence plain while the text may still grow', async () => {
    await loadLanguage('typescript');
    const { container, rerender } = render(<MarkdownContent text={TS_FENCE} />);
    expect(container.querySelector('pre code')?.textContent).toBe('const answer: number = 42;\n');
    expect(container.querySelector('[class^="hljs-"]')).toBeNull();
    rerender(<MarkdownContent text={'```ts\nconst answer'} />);
    expect(container.querySelector('[class^="hljs-"]')).toBeNull();
    rerender(<MarkdownContent text={`${TS_FENCE}\n`} />);
    expect(container.querySelector('.hljs-keyword')).not.toBeNull();
    rerender(<MarkdownContent text={TS_FENCE} isFinished />);
    expect(container.querySelector('.hljs-keyword')).not.toBeNull();
  });

  it('highlights settled fences while streaming but not the open one in the tail', async () => {
    await loadLanguage('typescript');
    const text = `${TS_FENCE}\n\nThen:\n\n\`\`\`ts\nlet more = 1;\n`;
    const { container, rerender } = render(<StreamingMarkdown text={text} isStreaming />);
    const blocks = container.querySelectorAll('pre code');
    expect(blocks).toHaveLength(2);
    expect(blocks[0]?.querySelector('.hljs-keyword')).not.toBeNull();
    expect(blocks[1]?.querySelector('[class^="hljs-"]')).toBeNull();
    rerender(<StreamingMarkdown text={`${text}\`\`\``} isStreaming={false} />);
    const done = container.querySelectorAll('pre code');
    expect(done[1]?.querySelector('.hljs-keyword')?.textContent).toBe('let');
  });

  it('shows an unknown language as plain text without loading anything', async () => {
    const { container } = render(
      <Markdown text={'```foolang\nlet x = 1\n```\n\n```\nconst y = 2;\n```'} />,
    );
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(container.querySelector('[class^="hljs-"]')).toBeNull();
    expect(container.querySelectorAll('.code-block-bar')[0]?.textContent).toContain('foolang');
    expect(container.querySelectorAll('.code-block-bar')[1]?.textContent).toContain('text');
    expect(loadLanguage).not.toHaveBeenCalled();
  });
});

describe('Markdown math', () => {
  it('shows the text as it is until KaTeX loads, then renders inline and display math', async () => {
    const text = 'Inline $x^2$ here.\n\n$$\\int_0^1 x\\,dx$$\n';
    const { container } = render(<Markdown text={text} />);
    expect(container.textContent).toContain('$x^2$');
    await waitFor(() => expect(container.querySelectorAll('.katex')).toHaveLength(2));
    expect(container.querySelector('p .katex annotation')?.textContent).toBe('x^2');
    const display = container.querySelector('.katex-display');
    expect(display?.querySelector('annotation')?.textContent).toBe('\\int_0^1 x\\,dx');
    expect(container.textContent).not.toContain('$');
  });

  it('renders \\(…\\) and \\[…\\] as written by DeepSeek and Qwen', async () => {
    await loadMathRuntime();
    const { container } = render(<Markdown text={'Let \\(a_1\\) be:\n\\[\n\\frac{1}{2}\n\\]'} />);
    expect(container.querySelectorAll('.katex')).toHaveLength(2);
    expect(container.querySelector('.katex-display annotation')?.textContent).toBe('\\frac{1}{2}');
  });

  it('leaves money and code alone', async () => {
    await loadMathRuntime();
    const { container } = render(
      <Markdown text={'It costs $5 and $10, `$x$` is code, and $y$ is math.'} />,
    );
    expect(container.querySelectorAll('.katex')).toHaveLength(1);
    expect(container.textContent).toContain('It costs $5 and $10, $x$ is code, and');
    expect(container.querySelector('code')?.textContent).toBe('$x$');
  });

  it('renders no link or script from \\href, \\url or HTML commands', async () => {
    await loadMathRuntime();
    const { container } = render(
      <Markdown
        text={
          '$\\href{javascript:alert(1)}{x}$ and $\\url{javascript:alert(2)}$ and $\\htmlId{a}{b}$'
        }
      />,
    );
    expect(container.querySelectorAll('.katex, .katex-error').length).toBeGreaterThan(0);
    expect(container.querySelector('a')).toBeNull();
    expect(container.innerHTML).not.toMatch(/href="javascript:/i);
    expect(container.querySelector('#a')).toBeNull();
    // Errors take their colour from the theme (src/index.css), not a fixed dark red.
    expect(container.innerHTML).toContain('var(--katex-error-color');
  });

  it('stops runaway macro expansion instead of hanging', async () => {
    await loadMathRuntime();
    const { container } = render(<Markdown text={'$\\def\\a{\\a\\a}\\a$'} />);
    expect(container.querySelector('.katex-error')).not.toBeNull();
  });
});
