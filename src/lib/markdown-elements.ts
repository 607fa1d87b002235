import type { ReactElement } from 'react';
import renderMarkdown, { type Options } from 'react-markdown';
import { createLruCache } from './lru-cache';

/** How many rendered texts are kept (least recently used first out). */
export const MARKDOWN_ELEMENTS_CACHE_LIMIT = 64;

const cache = createLruCache<ReactElement>(MARKDOWN_ELEMENTS_CACHE_LIMIT);
const optionIds = new WeakMap<Readonly<Options>, number>();
let lastOptionId = 0;

function idOf(options: Readonly<Options>): number {
  let id = optionIds.get(options);
  if (id === undefined) {
    lastOptionId += 1;
    id = lastOptionId;
    optionIds.set(options, id);
  }
  return id;
}

/**
 * The React elements react-markdown renders for `text` with `options` (remark and rehype plugins,
 * components; `children` is ignored), remembered for the last
 * {@link MARKDOWN_ELEMENTS_CACHE_LIMIT} texts. The same text with the same options object (kept
 * as a module constant by the caller: a new object is a new key) is parsed once.
 *
 * While a reply streams, a block is parsed as the live tail when its last line ends and, a frame
 * or two later, as a settled block of the very same text: the second is taken from here. The
 * elements hold no state of their own (components read context when they render), so two views
 * may show the same elements. Errors raised by the plugins or the parser propagate, uncached.
 */
export function markdownElements(text: string, options: Readonly<Options>): ReactElement {
  const key = `${idOf(options)}\u0000${text}`;
  const cached = cache.get(key);
  if (cached !== undefined) return cached;
  const elements = renderMarkdown({ ...options, children: text });
  cache.set(key, elements);
  return elements;
}
