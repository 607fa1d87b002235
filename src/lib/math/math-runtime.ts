/**
 * The math renderer, loaded on demand (its own chunk with KaTeX and its CSS and fonts): remark-math
 * to parse `$…$` / `$$…$$`, rehype-katex (with a cache of rendered formulas) to render them, and
 * the delimiter normalizer that turns model-written math into what remark-math parses.
 */
import 'katex/dist/katex.min.css';
import type { Options as MarkdownOptions } from 'react-markdown';
import type { Options as RehypeKatexOptions } from 'rehype-katex';
import remarkMath from 'remark-math';
import { normalizeMathDelimiters } from '../../core/markdown/math-delimiters';
import { rehypeKatexCached } from './rehype-katex-cached';

type Pluggable = NonNullable<MarkdownOptions['remarkPlugins']>[number];

/**
 * KaTeX settings for untrusted model output.
 * - `trust: false`: `\href`, `\url`, `\includegraphics`, `\htmlClass`/`\htmlId`/`\htmlStyle`/
 *   `\htmlData` render as error text, never as links, images or attributes.
 * - `strict: 'ignore'`: non-standard LaTeX renders without console warnings.
 * - `maxExpand: 1000`: macro expansions per expression (`\def\a{\a\a}` stops with an error).
 * - `maxSize: 20`: the largest size, in em, that `\rule`, `\kern` and the like may take.
 * - `errorColor`: a CSS variable, so `src/index.css` can give errors a readable colour in light
 *   and dark mode (KaTeX writes it into an inline style).
 * rehype-katex renders with `throwOnError: true` and, on a parse error, renders again with
 * `throwOnError: false` (the error shows as the source in `.katex-error`), so nothing throws.
 */
export const KATEX_OPTIONS = {
  trust: false,
  strict: 'ignore',
  maxExpand: 1000,
  maxSize: 20,
  output: 'htmlAndMathml',
  errorColor: 'var(--katex-error-color, #cc0000)',
} as const satisfies RehypeKatexOptions;

/**
 * remark-math with single-dollar math on: `normalizeMathDelimiters` has already escaped the
 * dollars that are not math, so remark-math only sees real delimiters.
 * @public read through the module loaded on demand (`use-math-plugins.ts`)
 */
export const remarkMathPlugin: Pluggable = [remarkMath, { singleDollarTextMath: true }];

/**
 * rehype-katex with {@link KATEX_OPTIONS}, remembering rendered formulas (a live block renders its
 * formulas again at every frame; see `rehype-katex-cached.ts`).
 * @public read through the module loaded on demand (`use-math-plugins.ts`)
 */
export const rehypeKatexPlugin: Pluggable = [rehypeKatexCached, KATEX_OPTIONS];

/** @public read through the module loaded on demand (`use-math-plugins.ts`) */
export { normalizeMathDelimiters };
