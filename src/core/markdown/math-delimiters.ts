/**
 * Rewrites the math delimiters chat models write into the syntax remark-math parses, leaving code,
 * raw HTML and money alone.
 *
 * Why a text pass: remark-math only knows `$…$` and `$$…$$` and will not add `\(…\)` / `\[…\]`
 * ("not a goal", remarkjs discussion #1269), yet DeepSeek, Qwen and GPT models write those. In
 * markdown `\(` is an escaped `(`, so the delimiters are gone once the text is parsed; they have to
 * be rewritten before. Chat UIs built on remark-math (LobeChat, Open WebUI) do the same.
 *
 * Money: remark-math pairs any two single dollars, so "costs $5 and $10" would become math. Single
 * dollars here follow Pandoc's `tex_math_dollars` rule instead (also MathJax's and the commonmark
 * math extension's): the opening `$` has a non-space character right after it, the closing `$` a
 * non-space, non-backslash character right before it and no digit right after it, both on one
 * line, with no backtick between them (TeX has no use for one; a code span does). `$x^2$` is math;
 * `$5 and $10`, `$5-$10` and `$100k` are not. A `$` that is not math is backslash-escaped when
 * remark-math could otherwise pair it with a later one.
 */
import { isFenceClosing, readFenceOpening, type FenceMarker } from './code-fence';
import { RunIndex, runEnd } from './run-index';

/** The result of {@link normalizeMathDelimiters}. */
export interface MathDelimiterNormalization {
  /**
   * Markdown for remark-math with `singleDollarTextMath` on: `\(…\)` became `$…$`, `\[…\]` and a
   * line that is only `$$…$$` became a display block (`$$` on lines of their own), and dollars
   * that are not math are escaped where remark-math would pair them. The input itself, unchanged,
   * when `hasMath` is false.
   */
  readonly text: string;
  /** `text` contains math outside code: inline or display, or a ` ```math ` fence. */
  readonly hasMath: boolean;
}

/** Container markers (blockquote `>`, list bullets and numbers) and indentation at a line start. */
const CONTAINER_PREFIX = /^[ \t]*(?:(?:>|[-+*]|\d{1,9}[.)])(?=[ \t]|$)[ \t]*)*/;
const LIST_ITEM = /^[ \t]*(?:>[ \t]*)*(?:[-+*]|\d{1,9}[.)])(?:[ \t]|$)/;
const MATH_FLOW_OPEN = /^(\${2,})[^$]*$/;
const HTML_RAW_OPEN = /^ {0,3}<(?:script|pre|style|textarea)(?=[\s>]|$)/i;
const HTML_RAW_CLOSE = /<\/(?:script|pre|style|textarea)>/i;
const HTML_BLOCK_TAG =
  /^ {0,3}<\/?(?:address|article|aside|base|basefont|blockquote|body|caption|center|col|colgroup|dd|details|dialog|dir|div|dl|dt|fieldset|figcaption|figure|footer|form|frame|frameset|h[1-6]|head|header|hr|html|iframe|legend|li|link|main|menu|menuitem|nav|noframes|ol|optgroup|option|p|param|search|section|summary|table|tbody|td|tfoot|th|thead|title|tr|track|ul)(?=[\s/>]|$)/i;
const HTML_LONE_TAG =
  /^ {0,3}(?:<[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?\/?>|<\/[A-Za-z][A-Za-z0-9-]*\s*>)\s*$/;
/** An autolink or an inline HTML tag: copied as is (no escapes work inside). */
const AUTOLINK_OR_TAG =
  /<(?:[A-Za-z][A-Za-z0-9+.-]{1,31}:[^\s<>]*|\/?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?\/?)>/y;
const QUICK_REJECT = /\$|\\[([]|math/;
type OpenBlock =
  | { kind: 'fence'; marker: FenceMarker; length: number }
  | { kind: 'math'; length: number }
  | { kind: 'html'; close: RegExp | 'blank' };

/** Options of {@link normalizeMathDelimiters}. */
export interface MathDelimiterOptions {
  /**
   * Counts the work done: `steps` grows by one for every character position the inline scans visit
   * and every delimiter run they look up (tests use it to show the pass is linear).
   */
  counter?: { steps: number };
}

/**
 * Prepares model-written markdown for remark-math (see the module comment for the rules). Fenced
 * and indented code, code spans, ` ```math ` fences, `$$` blocks, raw HTML blocks, autolinks and
 * inline tags are copied unchanged; so is the whole text when it holds no math. Pure and total;
 * linear in the length of the text for any input (thousands of unclosed `\(`, `$` or backticks
 * included): no position is scanned again for a delimiter already known not to close.
 */
export function normalizeMathDelimiters(
  markdown: string,
  options: MathDelimiterOptions = {},
): MathDelimiterNormalization {
  if (!QUICK_REJECT.test(markdown)) return { text: markdown, hasMath: false };
  const out: string[] = [];
  let paragraph: string[] = [];
  let isParagraphInList = false;
  let block: OpenBlock | undefined;
  let isInList = false;
  let previousBlank = true;
  let previousIndentedCode = false;
  let hasMath = false;

  const flush = () => {
    if (paragraph.length === 0) return;
    const result = normalizeParagraph(paragraph.join('\n'), isParagraphInList, options.counter);
    out.push(result.text);
    hasMath ||= result.hasMath;
    paragraph = [];
  };

  for (const line of markdown.split('\n')) {
    if (block !== undefined) {
      out.push(line);
      if (closesBlock(block, line)) block = undefined;
      continue;
    }
    const rest = line.slice(CONTAINER_PREFIX.exec(line)?.[0].length ?? 0);
    const isBlank = rest.trim() === '';
    if (isBlank) {
      flush();
      out.push(line);
      previousBlank = true;
      previousIndentedCode = false;
      continue;
    }
    if (LIST_ITEM.test(line)) isInList = true;
    else if (previousBlank && !/^[ \t]/.test(line)) isInList = false;

    const isIndentedCode: boolean =
      paragraph.length === 0 &&
      !isInList &&
      (previousBlank || previousIndentedCode) &&
      indentWidth(line) >= 4;
    const opened = isIndentedCode ? undefined : openBlock(rest, paragraph.length === 0);
    previousBlank = false;
    previousIndentedCode = isIndentedCode;
    if (isIndentedCode || opened !== undefined) {
      flush();
      out.push(line);
      if (opened !== undefined) {
        hasMath ||= opened.isMath;
        if (!opened.closesAtOnce) block = opened.block;
      }
      continue;
    }
    if (paragraph.length === 0) isParagraphInList = isInList;
    paragraph.push(line);
  }
  flush();
  return hasMath ? { text: out.join('\n'), hasMath } : { text: markdown, hasMath: false };
}

interface Opened {
  block: OpenBlock;
  isMath: boolean;
  closesAtOnce: boolean;
}

/** A fence, a `$$` block or an HTML block starting on this line (container prefix removed). */
function openBlock(rest: string, canStartLoneTag: boolean): Opened | undefined {
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

function closesBlock(block: OpenBlock, line: string): boolean {
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

function indentWidth(line: string): number {
  let width = 0;
  for (const char of line) {
    if (char === ' ') width += 1;
    else if (char === '\t') width += 4 - (width % 4);
    else break;
  }
  return width;
}

/** A paragraph-like run of lines: inline delimiters, code spans, tags. */
function normalizeParagraph(
  text: string,
  isInList: boolean,
  counter: { steps: number } | undefined,
): MathDelimiterNormalization {
  /** Copied text and rewritten math as strings; a literal (not math) run of dollars as its size. */
  const pieces: (string | number)[] = [];
  const scan: ParagraphScan = {
    text,
    counter,
    backticks: new RunIndex(text, '`', counter),
    dollars: new RunIndex(text, '$', counter),
    noCloseBefore: { ')': -1, ']': -1 },
  };
  let hasMath = false;
  let copied = 0;
  let index = 0;
  const replace = (start: number, end: number, replacement: string | number) => {
    if (start > copied) pieces.push(text.slice(copied, start));
    pieces.push(replacement);
    copied = end;
  };

  while (index < text.length) {
    if (counter !== undefined) counter.steps += 1;
    const char = text.charAt(index);
    if (char === '\\') {
      const next = text.charAt(index + 1);
      if ((next === '(' || next === '[') && !isWordCharacter(text, index)) {
        const math = bracketMath(scan, index, next === '[', isInList);
        if (math !== undefined) {
          replace(index, math.end, math.text);
          hasMath = true;
          index = math.end;
          continue;
        }
      }
      index += 2;
    } else if (char === '`') {
      const end = runEnd(text, index);
      const close = scan.backticks.next(end, end - index);
      index = close === -1 ? end : close + (end - index);
    } else if (char === '<') {
      AUTOLINK_OR_TAG.lastIndex = index;
      index = AUTOLINK_OR_TAG.test(text) ? AUTOLINK_OR_TAG.lastIndex : index + 1;
    } else if (char === '$') {
      const end = runEnd(text, index);
      const size = end - index;
      const close = size === 1 ? singleDollarClose(text, index) : scan.dollars.next(end, size);
      const content = close === -1 ? '' : text.slice(end, close);
      if (close !== -1 && content.trim() !== '') {
        hasMath = true;
        const display =
          size >= 2 ? displayBlock(text, index, close + size, content, isInList) : undefined;
        if (display !== undefined) replace(index, close + size, display);
        index = close + size;
      } else {
        replace(index, end, size);
        index = end;
      }
    } else {
      index += 1;
    }
  }
  if (copied < text.length) pieces.push(text.slice(copied));

  // remark-math pairs a `$` run with the next run of the same size, even an escaped one (escapes
  // do not apply inside math), so a literal run followed by any dollar is escaped.
  let isDollarLater = false;
  for (let at = pieces.length - 1; at >= 0; at -= 1) {
    const piece = pieces[at];
    if (typeof piece === 'number') {
      pieces[at] = (isDollarLater ? '\\$' : '$').repeat(piece);
      isDollarLater = true;
    } else if (piece !== undefined && piece.includes('$')) {
      isDollarLater = true;
    }
  }
  return { text: pieces.join(''), hasMath };
}

/** What the inline scans of one paragraph share. */
interface ParagraphScan {
  text: string;
  counter: { steps: number } | undefined;
  backticks: RunIndex;
  dollars: RunIndex;
  /**
   * Per closing bracket, the end of the last scan for it that found none: a later `\(` (or `\[`)
   * that starts before that point walks the same positions to the same end, so it fails at once.
   */
  noCloseBefore: { ')': number; ']': number };
}

/** `\(` or `\[` preceded by a letter or digit is an escaped bracket (`a\[0\]`), not math. */
function isWordCharacter(text: string, index: number): boolean {
  return index > 0 && /[\p{L}\p{N}]/u.test(text.charAt(index - 1));
}

/** The closing `$` of the single `$` at `open` under Pandoc's rule; -1 when it is not math. */
function singleDollarClose(text: string, open: number): number {
  const first = text.charAt(open + 1);
  if (first === '' || /\s/.test(first)) return -1;
  const close = text.indexOf('$', open + 1);
  if (close === -1) return -1;
  const content = text.slice(open + 1, close);
  if (content.includes('\n') || content.includes('`')) return -1;
  const before = text.charAt(close - 1);
  const after = text.charAt(close + 1);
  if (/\s/.test(before) || before === '\\' || after === '$' || /\d/.test(after)) return -1;
  return close;
}

/** `\(…\)` (one line) or `\[…\]` at `start`, rewritten; undefined when it does not close. */
function bracketMath(
  scan: ParagraphScan,
  start: number,
  isDisplay: boolean,
  isInList: boolean,
): { text: string; end: number } | undefined {
  const { text, counter } = scan;
  const closing = isDisplay ? ']' : ')';
  if (start < scan.noCloseBefore[closing]) return undefined;
  let index = start + 2;
  while (index < text.length) {
    if (counter !== undefined) counter.steps += 1;
    const char = text.charAt(index);
    if (char === '\\') {
      if (text.charAt(index + 1) === closing) break;
      index += 2;
    } else if (char === '\n' && !isDisplay) {
      break;
    } else {
      index += 1;
    }
  }
  if (index >= text.length || text.charAt(index) === '\n') {
    scan.noCloseBefore[closing] = index;
    return undefined;
  }
  const content = text.slice(start + 2, index);
  if (content.trim() === '') return undefined;
  const end = index + 2;
  const display = isDisplay ? displayBlock(text, start, end, content, isInList) : undefined;
  return { text: display ?? inlineMath(content, isDisplay ? 2 : 1), end };
}

/** Text math with a dollar run longer than any inside `content`. */
function inlineMath(content: string, minimumSize: number): string {
  const longest = Math.max(0, ...(content.match(/\$+/g) ?? []).map((run) => run.length));
  const fence = '$'.repeat(Math.max(minimumSize, longest + 1));
  const pad = content.startsWith('$') || content.endsWith('$') ? ' ' : '';
  return `${fence}${pad}${content}${pad}${fence}`;
}

/**
 * Math at `text[start, end)` that fills its lines, as a `$$` block; undefined when it shares a
 * line with other text, sits after a container marker (`>`, `-`) or is indented like code.
 */
function displayBlock(
  text: string,
  start: number,
  end: number,
  content: string,
  isInList: boolean,
): string | undefined {
  let lineStart = start;
  while (lineStart > 0 && isSpaceOrTab(text.charAt(lineStart - 1))) lineStart -= 1;
  if (lineStart > 0 && text.charAt(lineStart - 1) !== '\n') return undefined;
  const indent = text.slice(lineStart, start);
  if (indentWidth(indent) > 3 && !isInList) return undefined;
  let after = end;
  while (after < text.length && text.charAt(after) !== '\n' && /\s/.test(text.charAt(after))) {
    after += 1;
  }
  if (after < text.length && text.charAt(after) !== '\n') return undefined;
  const lines = content
    .replace(/^[ \t]*\r?\n/, '')
    .replace(/\r?\n[ \t\r]*$/, '')
    .split('\n');
  if (lines.some((line) => /^[ \t]*\$\$/.test(line))) return undefined;
  const body = lines.map((line) =>
    (/^[ \t]*/.exec(line)?.[0].length ?? 0) >= indent.length ? line : indent + line.trimStart(),
  );
  return `$$\n${body.join('\n')}\n${indent}$$`;
}

function isSpaceOrTab(char: string): boolean {
  return char === ' ' || char === '\t';
}
