/**
 * Repairs the unfinished end of a streaming markdown text so it renders the way it will once the
 * rest arrives, instead of flashing raw markers: `**bold` renders bold, not `**bold`.
 *
 * Same job as Streamdown's `remend` (performance.md §1.2d), written here because `remend` 1.4
 * closes markers in the wrong order when they nest (`**c \`d` became `**c \`d**\``, which shows the
 * `**`) and leaves a trailing `**` in place. Only the end of the text is touched: inline markup
 * cannot cross a blank line, so everything before the last paragraph is left as it is.
 */

/**
 * The target given to a link whose URL has not fully arrived. It is not a URL the renderer keeps
 * (unknown scheme), so the link text shows as plain text until the real target arrives.
 */
export const INCOMPLETE_LINK_URL = 'ruminate-incomplete:link';

import { isFenceClosing, readFenceOpening, type FenceMarker } from './code-fence';

interface Fence {
  marker: FenceMarker;
  length: number;
  /** The opening line's container prefix (blockquote markers kept, list markers as spaces). */
  indent: string;
}

interface Layout {
  /** The code fence the text ends in, if any. */
  fence: Fence | undefined;
  /** Start of the last paragraph-like run of lines: where open inline markup can be. */
  regionStart: number;
}

/** Options of {@link repairTail}. */
export interface RepairTailOptions {
  /** Counts the work done: one step per character position scanned or open construct visited. */
  counter?: { steps: number };
}

/**
 * Closes what is open at the end of `tail`: emphasis (`*`, `_`, `**`, `***`), strikethrough
 * (`~`, `~~`), inline code, a code fence (a closing fence is appended; a half-typed closing fence is
 * completed), and a link whose text or URL is unfinished (its target becomes
 * {@link INCOMPLETE_LINK_URL}, so it shows as text). An unfinished image is dropped, and so is a
 * marker with nothing after it yet (`a **`, a trailing backtick) and a half-typed setext underline
 * or list marker under a paragraph line (`Foo\n-`), which would otherwise flash a heading.
 * Complete markdown comes back unchanged. Linear in the length of `tail` (see
 * {@link MAX_OPEN_CONSTRUCTS}).
 */
export function repairTail(tail: string, options: RepairTailOptions = {}): string {
  const layout = scanLines(tail);
  if (layout.fence !== undefined) return closeFence(tail, layout.fence);
  const text = dropPartialUnderline(tail);
  const { regionStart } = text === tail ? layout : scanLines(text);
  return text.slice(0, regionStart) + repairInline(text.slice(regionStart), options.counter);
}

type Counter = { steps: number } | undefined;

function count(counter: Counter, steps = 1): void {
  if (counter !== undefined) counter.steps += steps;
}

/** Container markers, list markers and a heading marker at the start of a line. */
const LINE_PREFIX =
  /[ \t]*(?:(?:>|[-+*]|\d{1,9}[.)])(?=[ \t\n]|$)[ \t]*)*(?:#{1,6}(?=[ \t\n]|$)[ \t]*)?/y;
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

function linePrefixLength(text: string, start: number): number {
  LINE_PREFIX.lastIndex = start;
  LINE_PREFIX.test(text);
  return LINE_PREFIX.lastIndex - start;
}

/** One pass over the lines: which fence is open at the end, and where the last paragraph starts. */
function scanLines(text: string): Layout {
  let fence: Fence | undefined;
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

function openingFence(line: string): Fence {
  const prefixLength = linePrefixLength(line, 0);
  const opening = readFenceOpening(line.slice(prefixLength));
  const indent = line.slice(0, prefixLength).replace(/[^>\t]/g, ' ');
  return { marker: opening?.marker ?? '`', length: opening?.length ?? 3, indent };
}

function isFenceEnd(line: string, fence: Fence): boolean {
  return isFenceClosing(line.slice(linePrefixLength(line, 0)), fence);
}

/** Appends the closing fence, or completes a half-typed one on the last line. */
function closeFence(text: string, fence: Fence): string {
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
function dropPartialUnderline(text: string): string {
  const lastNewline = text.lastIndexOf('\n');
  if (lastNewline === -1 || !/^ {0,3}(?:=+|-+)[ \t]*$/.test(text.slice(lastNewline + 1))) {
    return text;
  }
  const previousLine = text.slice(text.lastIndexOf('\n', lastNewline - 1) + 1, lastNewline);
  return lineKind(previousLine) === 'text' ? text.slice(0, lastNewline) : text;
}

type Open =
  | { kind: 'delimiter'; char: string; length: number; start: number; end: number }
  | { kind: 'code'; length: number; start: number; end: number }
  | { kind: 'bracket'; isImage: boolean; start: number; end: number }
  | { kind: 'target'; isImage: boolean; start: number; end: number; depth: number };

/**
 * The most constructs left open at once that are tracked; a run that would open one more is taken
 * as text. Real text rarely has more than a few open at a time, and the bound keeps every look back
 * through the open ones short, so a tail of 30,000 unclosed `*` is repaired in linear time.
 */
export const MAX_OPEN_CONSTRUCTS = 64;

interface InlineScan {
  counter: Counter;
  stack: Open[];
  /** A delimiter run at the very end that closed nothing: it may open something later. */
  trailingRun: number | undefined;
}

/** Closes the inline markup left open at the end of one paragraph. */
function repairInline(region: string, counter: Counter): string {
  const scan = scanInline(region, counter);
  let cut = scan.trailingRun ?? region.length;
  let stack = scan.stack;
  const image = stack.findIndex(
    (open) => (open.kind === 'bracket' || open.kind === 'target') && open.isImage,
  );
  if (image !== -1) {
    cut = Math.min(cut, stack[image]?.start ?? cut);
    stack = stack.slice(0, image);
  }
  let suffix = '';
  let lastNonBlank = lastNonBlankBefore(region, cut, counter);
  for (let index = stack.length - 1; index >= 0; index -= 1) {
    count(counter);
    const open = stack[index];
    if (open === undefined || open.start >= cut) continue;
    const closing = closingFor(open, region, cut, lastNonBlank >= open.end);
    const previousCut = cut;
    if (closing === undefined) cut = open.start;
    else if (open.kind === 'target') cut = open.end - 1;
    if (cut !== previousCut) lastNonBlank = lastNonBlankBefore(region, cut, counter);
    suffix += closing ?? '';
  }
  const body = region.slice(0, cut);
  return suffix === '' ? body : body.replace(/[ \t\n]+$/, '') + suffix;
}

/** The index of the last character before `end` that is not whitespace; -1 when there is none. */
function lastNonBlankBefore(region: string, end: number, counter: Counter): number {
  let index = end - 1;
  while (index >= 0 && /\s/.test(region.charAt(index))) {
    count(counter);
    index -= 1;
  }
  return index;
}

/**
 * What closes `open`, whose content runs to `cut` (`hasContent`: it holds a non-blank character);
 * `undefined` drops it (nothing inside yet).
 */
function closingFor(
  open: Open,
  region: string,
  cut: number,
  hasContent: boolean,
): string | undefined {
  switch (open.kind) {
    case 'code':
      if (cut <= open.end) return undefined;
      return (region.charAt(cut - 1) === '`' ? ' ' : '') + '`'.repeat(open.length);
    case 'delimiter':
      return hasContent ? open.char.repeat(open.length) : undefined;
    case 'bracket':
      return hasContent ? `](${INCOMPLETE_LINK_URL})` : undefined;
    case 'target':
      return `(${INCOMPLETE_LINK_URL})`;
  }
}

const AUTOLINK = /<[A-Za-z][A-Za-z0-9+.-]{1,31}:[^\s<>]*>/y;

function scanInline(region: string, counter: Counter): InlineScan {
  const scan: InlineScan = { counter, stack: [], trailingRun: undefined };
  const isTableRow = /^[ \t]*\|/.test(region);
  let index = linePrefixLength(region, 0);
  while (index < region.length) {
    count(counter);
    const top = scan.stack.at(-1);
    if (top?.kind === 'code') index = scanCode(region, index, scan.stack, top.length);
    else if (top?.kind === 'target') index = scanTarget(region, index, scan.stack, top);
    else index = scanText(region, index, scan, isTableRow);
  }
  return scan;
}

/** One step outside code spans and link targets; returns the next index. */
function scanText(region: string, index: number, scan: InlineScan, isTableRow: boolean): number {
  const char = region.charAt(index);
  const { stack } = scan;
  if (char === '\\') return index + 2;
  if (char === '`') {
    const end = runEnd(region, index);
    if (stack.length < MAX_OPEN_CONSTRUCTS) {
      stack.push({ kind: 'code', length: end - index, start: index, end });
    }
    return end;
  }
  if (char === '*' || char === '_' || char === '~') return delimiterRun(region, index, scan);
  if (char === '[' || (char === '!' && region.charAt(index + 1) === '[')) {
    const end = index + (char === '!' ? 2 : 1);
    if (stack.length < MAX_OPEN_CONSTRUCTS) {
      stack.push({ kind: 'bracket', isImage: char === '!', start: index, end });
    }
    return end;
  }
  if (char === ']') return closeBracket(region, index, scan);
  if (char === '|' && isTableRow) stack.length = 0;
  if (char === '\n') return index + 1 + linePrefixLength(region, index + 1);
  if (char === '<') {
    AUTOLINK.lastIndex = index;
    if (AUTOLINK.test(region)) return AUTOLINK.lastIndex;
  }
  return index + 1;
}

function runEnd(text: string, start: number): number {
  const char = text.charAt(start);
  let end = start;
  while (text.charAt(end) === char) end += 1;
  return end;
}

/** Inside a code span only a backtick run of the same length matters. */
function scanCode(region: string, index: number, stack: Open[], length: number): number {
  const next = region.indexOf('`', index);
  if (next === -1) return region.length;
  const end = runEnd(region, next);
  if (end - next === length) stack.pop();
  return end;
}

/** Inside a link target `(…)`: balanced parentheses, backslash escapes. */
function scanTarget(region: string, index: number, stack: Open[], target: Open): number {
  const char = region.charAt(index);
  if (char === '\\') return index + 2;
  if (target.kind === 'target' && char === '(') target.depth += 1;
  if (target.kind === 'target' && char === ')') {
    if (target.depth === 0) stack.pop();
    else target.depth -= 1;
  }
  return index + 1;
}

/** `]`: followed by `(` it starts a link target; otherwise the bracket was literal text. */
function closeBracket(region: string, index: number, scan: InlineScan): number {
  const { stack } = scan;
  let opener = stack.length - 1;
  while (opener >= 0 && stack[opener]?.kind !== 'bracket') {
    count(scan.counter);
    opener -= 1;
  }
  if (opener === -1) return index + 1;
  const bracket = stack[opener];
  if (region.charAt(index + 1) !== '(' || bracket?.kind !== 'bracket') {
    stack.splice(opener, 1);
    return index + 1;
  }
  stack.splice(opener);
  stack.push({
    kind: 'target',
    isImage: bracket.isImage,
    start: bracket.start,
    end: index + 2,
    depth: 0,
  });
  return index + 2;
}

/** A run of `*`, `_` or `~`: closes what it can (CommonMark flanking rules), opens the rest. */
function delimiterRun(region: string, index: number, scan: InlineScan): number {
  const char = region.charAt(index);
  const end = runEnd(region, index);
  if (char === '~' && end - index > 2) return end;
  const before = charBefore(region, index);
  const after = end < region.length ? charAt(region, end) : ' ';
  const left =
    !isSpace(after) && (!isPunctuation(after) || isSpace(before) || isPunctuation(before));
  const right =
    !isSpace(before) && (!isPunctuation(before) || isSpace(after) || isPunctuation(after));
  const length = end - index;
  // `_` and `~` do not open or close inside a word; a single `~` is usually "about" (`~5 ms`),
  // which GFM would strike through if closed, so it never opens here.
  const isShy = char === '_' || char === '~';
  const canOpen =
    (isShy ? left && (!right || isPunctuation(before)) : left) && (char !== '~' || length === 2);
  const canClose = isShy ? right && (!left || isPunctuation(after)) : right;
  const remaining = canClose ? closeDelimiters(scan, char, length) : length;
  if (remaining > 0 && canOpen && scan.stack.length < MAX_OPEN_CONSTRUCTS) {
    scan.stack.push({ kind: 'delimiter', char, length: remaining, start: end - remaining, end });
  }
  const mayOpenLater = char !== '_' || isSpace(before) || isPunctuation(before);
  const isTrailing = end === region.length && remaining === length && mayOpenLater;
  scan.trailingRun = isTrailing ? index : undefined;
  return end;
}

/** Matches a closing run against the open runs of the same character; returns what is left. */
function closeDelimiters(scan: InlineScan, char: string, length: number): number {
  const { stack } = scan;
  let remaining = length;
  for (let index = stack.length - 1; index >= 0 && remaining > 0; index -= 1) {
    count(scan.counter);
    const open = stack[index];
    if (open === undefined || open.kind === 'bracket') break;
    if (open.kind !== 'delimiter' || open.char !== char) continue;
    if (char === '~' && open.length !== remaining) continue;
    const used = Math.min(open.length, remaining);
    remaining -= used;
    stack.splice(index);
    if (open.length > used)
      stack.push({ ...open, length: open.length - used, end: open.end - used });
  }
  return remaining;
}

function charBefore(text: string, index: number): string {
  if (index === 0) return ' ';
  const low = text.charCodeAt(index - 1);
  const isPair = low >= 0xdc00 && low <= 0xdfff && index >= 2;
  return text.slice(isPair ? index - 2 : index - 1, index);
}

function charAt(text: string, index: number): string {
  return String.fromCodePoint(text.codePointAt(index) ?? 0x20);
}

function isSpace(char: string): boolean {
  return /^\s$/u.test(char);
}

function isPunctuation(char: string): boolean {
  return /^[\p{P}\p{S}]$/u.test(char);
}
