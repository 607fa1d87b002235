import katex from 'katex';
import { renderToStaticMarkup } from 'react-dom/server';
import ReactMarkdown from 'react-markdown';
import rehypeKatex from 'rehype-katex';
import remarkMath from 'remark-math';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { FORMULA_CACHE_LIMIT, rehypeKatexCached } from './rehype-katex-cached';

const OPTIONS = { trust: false, strict: 'ignore', output: 'htmlAndMathml' } as const;

function html(markdown: string, plugin: typeof rehypeKatex | typeof rehypeKatexCached): string {
  return renderToStaticMarkup(
    <ReactMarkdown
      remarkPlugins={[[remarkMath, { singleDollarTextMath: true }]]}
      rehypePlugins={[[plugin, OPTIONS]]}
    >
      {markdown}
    </ReactMarkdown>,
  );
}

/** A formula no other test renders, so the shared cache has not seen it. */
let serial = 0;
function fresh(): string {
  serial += 1;
  return `x_{${serial}}^{2}`;
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('rehypeKatexCached', () => {
  const documents = [
    'Inline $a^2 + b^2 = c^2$ and again $a^2 + b^2 = c^2$, then $\\frac{1}{2}$.',
    'Display:\n\n$$\n\\sum_{i=1}^{n} i = \\frac{n(n+1)}{2}\n$$\n\nand inline $n$ after.',
    'A fence:\n\n```math\n\\int_0^1 x\\,dx\n```\n',
    'An error $\\frac{1}{$ and a bad command $\\notacommand$ stay readable.',
    'Same source, two modes: $x$ and\n\n$$\nx\n$$\n',
    '- a list with $\\alpha$\n- and $\\alpha$ again\n\n| t | $\\beta$ |\n|---|---|\n| $\\beta$ | 1 |',
    'No math at all, **bold** and `code`.',
  ];

  it.each(documents)('renders as rehype-katex does, first time and from memory: %s', (doc) => {
    const expected = html(doc, rehypeKatex);
    expect(html(doc, rehypeKatexCached)).toBe(expected);
    expect(html(doc, rehypeKatexCached)).toBe(expected);
  });

  it('renders a formula once, however often it appears and is rendered again', () => {
    const formula = fresh();
    const spy = vi.spyOn(katex, 'renderToString');
    const doc = `$${formula}$ and $${formula}$ and\n\n$$\n${formula}\n$$\n`;
    const first = html(doc, rehypeKatexCached);
    // Inline and display are two renders; the repeated inline copy is not rendered yet (both are
    // met in the same pass), but every later frame takes both from memory.
    expect(spy).toHaveBeenCalledTimes(3);
    expect(html(doc, rehypeKatexCached)).toBe(first);
    expect(html(`more text, then $${formula}$`, rehypeKatexCached)).toContain('class="katex"');
    expect(spy).toHaveBeenCalledTimes(3);
  });

  it('hands out copies: changing a rendered tree does not change what is remembered', () => {
    const doc = `$${fresh()}$`;
    // Rendered and remembered, then taken from memory by a tree that a later plugin defaces.
    const expected = html(doc, rehypeKatexCached);
    interface Node {
      value?: string;
      children?: Node[];
    }
    const deface = (node: Node) => {
      if (node.value !== undefined) node.value = '';
      node.children?.forEach(deface);
    };
    const defaced = renderToStaticMarkup(
      <ReactMarkdown
        remarkPlugins={[[remarkMath, { singleDollarTextMath: true }]]}
        rehypePlugins={[[rehypeKatexCached, OPTIONS], () => deface]}
      >
        {doc}
      </ReactMarkdown>,
    );
    expect(defaced).not.toBe(expected);
    expect(html(doc, rehypeKatexCached)).toBe(expected);
  });

  it('forgets the least recently used formula once full', () => {
    const kept = fresh();
    const dropped = fresh();
    // Filling up evicts what earlier tests left first, so these two end up the oldest: `kept`
    // first.
    html(`$${kept}$`, rehypeKatexCached);
    html(`$${dropped}$`, rehypeKatexCached);
    for (let i = 0; i < FORMULA_CACHE_LIMIT - 2; i++) html(`$${fresh()}$`, rehypeKatexCached);
    // Using `kept` makes `dropped` the oldest; one more new formula pushes it out.
    html(`$${kept}$`, rehypeKatexCached);
    html(`$${fresh()}$`, rehypeKatexCached);
    const spy = vi.spyOn(katex, 'renderToString');
    html(`$${kept}$`, rehypeKatexCached);
    expect(spy).not.toHaveBeenCalled();
    html(`$${dropped}$`, rehypeKatexCached);
    expect(spy).toHaveBeenCalledTimes(1);
  });

  it('renders a formula with markup inside it (not plain text) each time, as rehype-katex does', () => {
    const spy = vi.spyOn(katex, 'renderToString');
    const strange = () => (tree: { children: unknown[] }) => {
      // A math element holding an element other than code: its source is not cached.
      tree.children.unshift({
        type: 'element',
        tagName: 'span',
        properties: { className: ['math-inline'] },
        children: [
          {
            type: 'element',
            tagName: 'b',
            properties: {},
            children: [{ type: 'text', value: 'y' }],
          },
        ],
      });
    };
    const render = () =>
      renderToStaticMarkup(
        <ReactMarkdown rehypePlugins={[strange, [rehypeKatexCached, OPTIONS]]}>text</ReactMarkdown>,
      );
    const first = render();
    expect(first).toContain('class="katex"');
    expect(render()).toBe(first);
    expect(spy).toHaveBeenCalledTimes(2);
  });
});
