/**
 * Test support: the top-level blocks of a whole text as the renderer parses it (remark-parse's
 * `mdast-util-from-markdown` with the GFM syntax and tree extensions), to check the block splitter
 * against a parse that knows nothing of streaming.
 */
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { gfm } from 'micromark-extension-gfm';

/** One top-level mdast node: its kind (with what changes its rendering) and its UTF-16 offsets. */
export interface WholeTextBlock {
  /** `type`, plus `depth` for headings and `ordered`, `start` and `spread` for lists. */
  readonly kind: string;
  readonly start: number;
  readonly end: number;
}

/** The top-level nodes of `text` parsed in one piece. */
export function wholeTextBlocks(text: string): WholeTextBlock[] {
  const root = fromMarkdown(text, { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] });
  return root.children.map((node) => {
    let kind: string = node.type;
    if (node.type === 'heading') kind += ` ${node.depth}`;
    if (node.type === 'list') kind += ` ${node.ordered} ${node.start} ${node.spread}`;
    return { kind, start: node.position?.start.offset ?? -1, end: node.position?.end.offset ?? -1 };
  });
}

const aloneCache = new Map<string, WholeTextBlock[]>();

/**
 * Why `settled` (a splitter's settled blocks of `text`) is not what a whole-text parse of `text`
 * gives, or undefined when it is: every boundary between settled blocks must be where a top-level
 * node starts, no node may cross it, and each settled block parsed alone must give the same nodes
 * at the same offsets as the whole text does.
 */
export function settledMismatch(text: string, settled: readonly string[]): string | undefined {
  if (settled.length === 0) return undefined;
  const whole = wholeTextBlocks(text);
  let blockStart = 0;
  for (const [index, block] of settled.entries()) {
    const end = blockStart + block.length;
    if (!text.startsWith(block, blockStart))
      return `block ${index} is not the text at ${blockStart}`;
    if (!whole.some((node) => node.start === end)) return `no block starts at ${end}`;
    const inside = whole.filter((node) => node.start >= blockStart && node.start < end);
    if (inside.some((node) => node.end > end)) return `a block crosses ${end}`;
    let alone = aloneCache.get(block);
    if (alone === undefined) {
      alone = wholeTextBlocks(block);
      aloneCache.set(block, alone);
    }
    const shifted = alone.map((node) => ({
      ...node,
      start: node.start + blockStart,
      end: node.end + blockStart,
    }));
    if (JSON.stringify(shifted) !== JSON.stringify(inside)) {
      return `block ${index} parses alone as ${JSON.stringify(shifted)}, in the text as ${JSON.stringify(inside)}`;
    }
    blockStart = end;
  }
  return undefined;
}
