/**
 * The renderers a workload is measured with: the app itself, and the reference page
 * (`bench/reference/`) rendering with react-markdown, Streamdown, or nothing (the floor: the same
 * stream pipeline and one commit per frame, rendering only the texts' lengths).
 */

/** @typedef {'app' | 'react-markdown' | 'streamdown' | 'floor'} Variant */

/** @type {Variant[]} */
export const ALL_VARIANTS = ['app', 'react-markdown', 'streamdown', 'floor'];

/**
 * The page a variant is measured on.
 * @param {Variant} variant
 * @param {{ appUrl: string, referenceUrl?: string }} servers Origins, e.g. `http://127.0.0.1:4173`.
 */
export function variantUrl(variant, { appUrl, referenceUrl }) {
  if (variant === 'app') return `${appUrl}/`;
  if (referenceUrl === undefined) throw new Error(`No reference page for ${variant}.`);
  return `${referenceUrl}/?renderer=${variant === 'floor' ? 'none' : variant}`;
}
