/**
 * The inline half of the math pass: rewrites the math delimiters of one paragraph (see
 * `math-delimiters.ts` for the rules) and escapes the dollars that are not math.
 */
import { displayBlock } from './display-block';
import { RunIndex, runEnd } from './run-index';

/** The result of {@link normalizeMathParagraph}. */
export interface MathParagraph {
  /** The paragraph with its math rewritten and its literal dollars escaped where needed. */
  readonly text: string;
  /** The paragraph holds inline or display math. */
  readonly hasMath: boolean;
}

/** An autolink or an inline HTML tag: copied as is (no escapes work inside). */
const AUTOLINK_OR_TAG =
  /<(?:[A-Za-z][A-Za-z0-9+.-]{1,31}:[^\s<>]*|\/?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?\/?)>/y;

/**
 * Rewrites one paragraph-like run of lines (`text`, lines joined by `\n`): inline delimiters, code
 * spans, tags. `isInList`: the paragraph sits in a list item, so an indented `\[…\]` can still be
 * a display block. `counter.steps` grows by every position scanned and run looked up. Linear in the
 * length of `text`.
 */
export function normalizeMathParagraph(
  text: string,
  isInList: boolean,
  counter: { steps: number } | undefined,
): MathParagraph {
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

  /** The text so far, up to `start`, ends in a dollar (a rewritten one included). */
  const endsInDollar = (start: number) => {
    if (start > copied) return text.charAt(start - 1) === '$';
    const last = pieces.at(-1);
    return typeof last === 'number' || (last?.endsWith('$') ?? false);
  };

  while (index < text.length) {
    if (counter !== undefined) counter.steps += 1;
    const char = text.charAt(index);
    if (char === '\\') {
      const next = text.charAt(index + 1);
      if ((next === '(' || next === '[') && !isWordCharacter(text, index)) {
        const math = bracketMath(scan, index, next === '[', isInList);
        if (math !== undefined) {
          // remark-math joins touching dollar runs (`$x$$y$` is one math): keep them apart.
          const before = endsInDollar(index) ? ' ' : '';
          const after = text.charAt(math.end) === '$' ? ' ' : '';
          replace(index, math.end, `${before}${math.text}${after}`);
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
