/**
 * Stands in for `@ungap/structured-clone` (see `resolve.alias` in `vite.config.ts`): the markdown
 * pipeline (mdast-util-to-hast) clones plain tree data with it, and every browser Ruminate
 * supports has `structuredClone` built in (Chromium 98, Firefox 94, Safari 15.4), so the ponyfill's
 * 3 KB need not be in the first download.
 */
export default function structuredClone<T>(value: T): T {
  return globalThis.structuredClone(value);
}
