/**
 * The blocks whose lines the math pass copies unchanged: fenced code, `$$` math blocks and raw HTML
 * blocks (CommonMark §4.5 and §4.6; remark-math's math flow). Each is recognised by its first line
 * and closed by a later one.
 */
import { isFenceClosing, readFenceOpening, type FenceMarker } from './code-fence';

/** Container markers (blockquote `>`, list bullets and numbers) and indentation at a line start. */
export const CONTAINER_PREFIX = /^[ \t]*(?:(?:>|[-+*]|\d{1,9}[.)])(?=[ \t]|$)[ \t]*)*/;
const MATH_FLOW_OPEN = /^(\${2,})[^$]*$/;
const HTML_RAW_OPEN = /^ {0,3}<(?:script|pre|style|textarea)(?=[\s>]|$)/i;
const HTML_RAW_CLOSE = /<\/(?:script|pre|style|textarea)>/i;
const HTML_BLOCK_TAG =
  /^ {0,3}<\/?(?:address|article|aside|base|basefont|blockquote|body|caption|center|col|colgroup|dd|details|dialog|dir|div|dl|dt|fieldset|figcaption|figure|footer|form|frame|frameset|h[1-6]|head|header|hr|html|iframe|legend|li|link|main|menu|menuitem|nav|noframes|ol|optgroup|option|p|param|search|section|summary|table|tbody|td|tfoot|th|thead|title|tr|track|ul)(?=[\s/>]|$)/i;
const HTML_LONE_TAG =
  /^ {0,3}(?:<[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?\/?>|<\/[A-Za-z][A-Za-z0-9-]*\s*>)\s*$/;

/** A block whose lines are copied unchanged until its closing line. */
export type OpenBlock =
  | { kind: 'fence'; marker: FenceMarker; length: number }
  | { kind: 'math'; length: number }
  | { kind: 'html'; close: RegExp | 'blank' };

/** A block that starts on a line; see {@link openBlock}. */
export interface BlockOpening {
  /** The block now open. */
  block: OpenBlock;
  /** The block is math: a ` ```math ` fence or a `$$` block. */
  isMath: boolean;
  /** The opening line closes the block too (`<pre>…</pre>`, `<!-- … -->` on one line). */
  closesAtOnce: boolean;
}

/**
 * A fence, a `$$` block or an HTML block starting on this line (container prefix removed);
 * `canStartLoneTag`: a line holding only a tag starts an HTML block (not inside a paragraph).
 */
export function openBlock(rest: string, canStartLoneTag: boolean): BlockOpening | undefined {
  const fence = readFenceOpening(rest);
  if (fence !== undefined) {
    return {
      block: { kind: 'fence', marker: fence.marker, length: fence.length },
      isMath: /^math(?:\s|$)/i.test(fence.info),
      closesAtOnce: false,
    };
  }
  const math = MATH_FLOW_OPEN.exec(rest);
  if (math !== null) {
    return {
      block: { kind: 'math', length: math[1]?.length ?? 2 },
      isMath: true,
      closesAtOnce: false,
    };
  }
  if (!rest.startsWith('<')) return undefined;
  if (HTML_RAW_OPEN.test(rest)) {
    const close = HTML_RAW_CLOSE;
    return { block: { kind: 'html', close }, isMath: false, closesAtOnce: close.test(rest) };
  }
  if (rest.startsWith('<!--')) {
    return { block: { kind: 'html', close: /-->/ }, isMath: false, closesAtOnce: /-->/.test(rest) };
  }
  if (HTML_BLOCK_TAG.test(rest) || (canStartLoneTag && HTML_LONE_TAG.test(rest))) {
    return { block: { kind: 'html', close: 'blank' }, isMath: false, closesAtOnce: false };
  }
  return undefined;
}

/** Whether `line` (with its container prefix) closes `block`. */
export function closesBlock(block: OpenBlock, line: string): boolean {
  const rest = line.slice(CONTAINER_PREFIX.exec(line)?.[0].length ?? 0);
  switch (block.kind) {
    case 'fence':
      return isFenceClosing(rest, block);
    case 'math': {
      const run = /^(\$+)[ \t\r]*$/.exec(rest)?.[1];
      return run !== undefined && run.length >= block.length;
    }
    case 'html':
      return block.close === 'blank' ? rest.trim() === '' : block.close.test(line);
  }
}
