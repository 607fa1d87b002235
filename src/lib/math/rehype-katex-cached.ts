/**
 * rehype-katex with a memory: a formula already rendered is not rendered again.
 *
 * While a reply streams, its live block is parsed and rendered again at every frame, and so is
 * every formula in it: KaTeX's layout and the parse of its HTML into hast cost far more than the
 * rest of the block. This plugin keeps the hast of the last {@link FORMULA_CACHE_LIMIT} formulas,
 * keyed by display mode and source, and hands each later copy of a formula a clone of it. Formulas
 * not seen before are rendered by rehype-katex itself (with its error handling), in one pass over
 * the tree, and remembered.
 */
import type { Element, ElementContent, Parents, Root } from 'hast';
import rehypeKatex, { type Options } from 'rehype-katex';
import { createLruCache } from '../lru-cache';

/** How many rendered formulas are kept (least recently used first out). */
export const FORMULA_CACHE_LIMIT = 512;

/** Formulas longer than this (UTF-16 code units) are rendered each time and not kept. */
const FORMULA_CACHE_MAX_SOURCE = 4096;

const cache = createLruCache<ElementContent[]>(FORMULA_CACHE_LIMIT);

/** A formula the tree holds: the node rehype-katex replaces, and whether it is display math. */
interface Formula {
  scope: Element;
  isDisplay: boolean;
}

function classesOf(element: Element): readonly unknown[] {
  const { className } = element.properties;
  return Array.isArray(className) ? className : [];
}

/**
 * The formula `element` starts, with rehype-katex 7.0.1's rules: an element with the class
 * `math-inline` or `math-display` (remark-math) or `language-math` (a ` ```math ` fence); a
 * `<pre>` around a `language-math` `<code>` is replaced whole and shown as display math.
 */
function formulaAt(element: Element): Formula | undefined {
  if (element.tagName === 'pre') {
    const code = element.children.find(
      (child): child is Element =>
        child.type === 'element' &&
        child.tagName === 'code' &&
        classesOf(child).includes('language-math'),
    );
    if (code !== undefined) return { scope: element, isDisplay: true };
  }
  const classes = classesOf(element);
  if (classes.includes('math-display')) return { scope: element, isDisplay: true };
  if (classes.includes('math-inline') || classes.includes('language-math')) {
    return { scope: element, isDisplay: false };
  }
  return undefined;
}

/**
 * The formula's source when the formula holds only text (and `<code>` around it), as
 * rehype-katex reads it; `undefined` for anything else, which is then not cached.
 */
function sourceOf(node: ElementContent): string | undefined {
  if (node.type === 'text') return node.value;
  if (node.type !== 'element' || (node.tagName !== 'code' && node.tagName !== 'pre')) {
    return undefined;
  }
  let text = '';
  for (const child of node.children) {
    const part = sourceOf(child);
    if (part === undefined) return undefined;
    text += part;
  }
  return text;
}

function keyOf({ scope, isDisplay }: Formula): string | undefined {
  const source = sourceOf(scope);
  if (source === undefined || source.length > FORMULA_CACHE_MAX_SOURCE) return undefined;
  return (isDisplay ? 'D' : 'I') + source;
}

function remember(key: string, rendered: ElementContent[]): void {
  cache.set(key, structuredClone(rendered));
}

function recall(key: string): ElementContent[] | undefined {
  const rendered = cache.get(key);
  return rendered === undefined ? undefined : structuredClone(rendered);
}

/** A formula to render: wrapped in `holder` so its output can be found and remembered. */
interface Miss {
  parent: Parents;
  holder: Element;
  key: string | undefined;
}

/** Puts remembered formulas in place and wraps the others; one pass over the tree. */
function collect(parent: Parents, misses: Miss[]): void {
  const children = parent.children as ElementContent[];
  for (let index = 0; index < children.length; index++) {
    const node = children[index]!;
    if (node.type !== 'element') continue;
    const formula = formulaAt(node);
    if (formula === undefined) {
      collect(node, misses);
      continue;
    }
    const key = keyOf(formula);
    const rendered = key === undefined ? undefined : recall(key);
    if (rendered !== undefined) {
      children.splice(index, 1, ...rendered);
      index += rendered.length - 1;
      continue;
    }
    const holder: Element = { type: 'element', tagName: 'span', properties: {}, children: [node] };
    children[index] = holder;
    misses.push({ parent, holder, key });
  }
}

/** Replaces each holder by what rehype-katex put in it, parent by parent in one pass each. */
function unwrap(misses: Miss[]): void {
  const holdersByParent = new Map<Parents, Set<Element>>();
  for (const { parent, holder, key } of misses) {
    if (key !== undefined) remember(key, holder.children);
    const holders = holdersByParent.get(parent) ?? new Set<Element>();
    holders.add(holder);
    holdersByParent.set(parent, holders);
  }
  for (const [parent, holders] of holdersByParent) {
    (parent as { children: unknown[] }).children = parent.children.flatMap((child) =>
      child.type === 'element' && holders.has(child) ? child.children : [child],
    );
  }
}

/**
 * A rehype plugin: rehype-katex's rendering (same options, output and error handling) with a
 * cache of rendered formulas shared by every tree. `options` are rehype-katex's (KaTeX's).
 */
export function rehypeKatexCached(options: Readonly<Options>) {
  const render = rehypeKatex(options);
  return function transform(tree: Root, file: Parameters<typeof render>[1]): void {
    const misses: Miss[] = [];
    collect(tree, misses);
    if (misses.length === 0) return;
    render(tree, file);
    unwrap(misses);
  };
}
