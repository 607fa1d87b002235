/**
 * The line-level half of {@link repairTail}: which code fence a tail ends in, where its last
 * paragraph starts, and how an open fence or a half-typed underline is repaired.
 */
import { isFenceClosing, readFenceOpening, type FenceMarker } from './code-fence';
import { linePrefixLength } from './line-prefix';

/** A code fence open at the end of a tail. */
export interface TailFence {
  /** The fence character. */
  marker: FenceMarker;
  /** The number of fence characters on the opening line. */
  length: number;
  /** The opening line's container prefix (blockquote markers kept, list markers as spaces). */
  indent: string;
}

/** The line-level structure of a tail; see {@link scanTailLayout}. */
export interface TailLayout {
  /** The code fence the text ends in, if any. */
  fence: TailFence | undefined;
  /** Start of the last paragraph-like run of lines: where open inline markup can be. */
  regionStart: number;
}

const BLOCK_START = /^[ \t]*(?:>|(?:[-+*]|\d{1,9}[.)])(?:[ \t]|$))/;
const SINGLE_LINE_BLOCK =
  /^ {0,3}(?:#{1,6}(?:[ \t]|$)|\||(?:(?:-[ \t]*){3,}|(?:\*[ \t]*){3,}|(?:_[ \t]*){3,}|=+[ \t]*)$)/;

type LineKind = 'blank' | 'fence' | 'block' | 'single' | 'text';

function lineKind(line: string): LineKind {
  if (/^[ \t]*$/.test(line)) return 'blank';
  if (readFenceOpening(line.slice(linePrefixLength(line, 0))) !== undefined) return 'fence';
  if (SINGLE_LINE_BLOCK.test(line)) return 'single';
  return BLOCK_START.test(line) ? 'block' : 'text';
}

/**
 * One pass over the lines: which fence is open at the end, and where the last paragraph starts.
 * Linear in the length of `text`.
 */
export function scanTailLayout(text: string): TailLayout {
  let fence: TailFence | undefined;
  let regionStart = 0;
  let previous: LineKind = 'blank';
  for (let start = 0; start <= text.length;) {
    const newline = text.indexOf('\n', start);
    const end = newline === -1 ? text.length : newline;
    const line = text.slice(start, end);
    if (fence !== undefined) {
      if (newline !== -1 && isFenceEnd(line, fence)) fence = undefined;
      regionStart = end + 1;
      previous = 'single';
    } else {
      const kind = lineKind(line);
      if (kind === 'fence') fence = openingFence(line);
      else if (kind === 'blank' && newline !== -1) regionStart = end + 1;
      else if (kind === 'single' || kind === 'block' || previous === 'single') {
        regionStart = isQuoteContinuation(line, kind, previous) ? regionStart : start;
      }
      previous = kind;
    }
    if (newline === -1) break;
    start = newline + 1;
  }
  return { fence, regionStart };
}

/** A `> text` line right after another `> text` line continues the same paragraph. */
function isQuoteContinuation(line: string, kind: LineKind, previous: LineKind): boolean {
  return kind === 'block' && previous === 'block' && /^[ \t]*>[ \t]*[^\s>\-+*\d]/.test(line);
}

function openingFence(line: string): TailFence {
  const prefixLength = linePrefixLength(line, 0);
  const opening = readFenceOpening(line.slice(prefixLength));
  const indent = line.slice(0, prefixLength).replace(/[^>\t]/g, ' ');
  return { marker: opening?.marker ?? '`', length: opening?.length ?? 3, indent };
}

function isFenceEnd(line: string, fence: TailFence): boolean {
  return isFenceClosing(line.slice(linePrefixLength(line, 0)), fence);
}

/** Appends the closing fence, or completes a half-typed one on the last line. */
export function closeFence(text: string, fence: TailFence): string {
  const closing = fence.indent + fence.marker.repeat(fence.length);
  const lastLineStart = text.lastIndexOf('\n') + 1;
  const lastLine = text.slice(lastLineStart);
  const rest = lastLine.slice(linePrefixLength(lastLine, 0));
  if (lastLineStart > 0 && rest !== '' && /^(`+|~+)$/.test(rest) && rest.startsWith(fence.marker)) {
    return text.slice(0, lastLineStart) + closing;
  }
  return `${text}${text.endsWith('\n') || text === '' ? '' : '\n'}${closing}`;
}

/** `Foo\n-` or `Foo\n==`: the last line could still become a heading underline or a list item. */
export function dropPartialUnderline(text: string): string {
  const lastNewline = text.lastIndexOf('\n');
  if (lastNewline === -1 || !/^ {0,3}(?:=+|-+)[ \t]*$/.test(text.slice(lastNewline + 1))) {
    return text;
  }
  const previousLine = text.slice(text.lastIndexOf('\n', lastNewline - 1) + 1, lastNewline);
  return lineKind(previousLine) === 'text' ? text.slice(0, lastNewline) : text;
}
