import { useEffect, useMemo } from 'react';
import type { Options as MarkdownOptions } from 'react-markdown';
import { StaggeredRelease, useStaggeredRelease } from '../staggered-release';
import { mayContainMath } from './may-contain-math';

type MathRuntime = typeof import('./math-runtime');
type Pluggable = NonNullable<MarkdownOptions['remarkPlugins']>[number];

/** What {@link useMathPlugins} returns once math can be rendered. */
export interface MathRendering {
  /** The markdown to render: the text with its math delimiters normalized for remark-math. */
  text: string;
  /** remark-math, to add to the remark plugins (after remark-gfm). */
  remarkPlugin: Pluggable;
  /** rehype-katex with safe options, to add to the rehype plugins. */
  rehypePlugin: Pluggable;
}

let runtime: MathRuntime | undefined;
let loading: Promise<MathRuntime | undefined> | undefined;
/** Texts waiting for the math chunk take it up a few at a time once it has loaded. */
const arrival = new StaggeredRelease();

/**
 * Loads the math chunk (remark-math, rehype-katex, KaTeX and its CSS) once; later calls get the
 * same promise. Resolves to `undefined` when the chunk cannot be loaded (math then stays text).
 */
export function loadMathRuntime(): Promise<MathRuntime | undefined> {
  loading ??= import('./math-runtime').then(
    (module) => {
      runtime = module;
      arrival.announce();
      return module;
    },
    (error: unknown) => {
      console.warn('Math rendering is unavailable: its code could not be loaded.', error);
      return undefined;
    },
  );
  return loading;
}

/**
 * Math support for one markdown text. When the text may contain math (see `mayContainMath`), it
 * loads the math chunk; until that has loaded, and for a text without math, it returns `undefined`
 * and the text renders as it is. Then it returns the normalized text and the plugins to render it
 * with. Texts already shown when the chunk arrives re-render with math a few per task, newest first
 * (see `StaggeredRelease`), so a long reasoning full of math does not freeze the page.
 */
export function useMathPlugins(text: string): MathRendering | undefined {
  const isWanted = useMemo(() => mayContainMath(text), [text]);
  const version = useStaggeredRelease(arrival, isWanted);
  const loaded = isWanted && version > 0 ? runtime : undefined;
  useEffect(() => {
    if (isWanted && loaded === undefined) void loadMathRuntime();
  }, [isWanted, loaded]);
  return useMemo(() => {
    if (loaded === undefined) return undefined;
    const normalized = loaded.normalizeMathDelimiters(text);
    if (!normalized.hasMath) return undefined;
    return {
      text: normalized.text,
      remarkPlugin: loaded.remarkMathPlugin,
      rehypePlugin: loaded.rehypeKatexPlugin,
    };
  }, [loaded, text]);
}
