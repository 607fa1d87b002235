/**
 * Which blocks of a markdown text are too big or too tangled to hand to the markdown parser. The
 * parser's work grows faster than the text for some input (micromark's emphasis and link
 * resolution is quadratic in the delimiters it has to pair, and a megabyte paragraph takes seconds
 * whatever it holds), so a block over budget is shown as plain text instead: every word is there,
 * unformatted, and the page never freezes.
 *
 * A block is over budget when any of these holds (the numbers are generous for text people and
 * models write; the hostile corpus of `hostile-corpus.ts` crosses them by far):
 * - it is longer than {@link MAX_BLOCK_CHARS} (a fenced code block: {@link MAX_CODE_BLOCK_CHARS});
 * - outside fenced code, it holds more than {@link MAX_MARKUP_CHARS} markup characters
 *   (`* _ ~ [ ] ! < > \` $ \\`);
 * - emphasis or brackets open deeper than {@link MAX_INLINE_NESTING}, as estimated by a running
 *   count of runs that can open (followed by a non-space) minus runs that can close;
 * - a line has more than {@link MAX_TABLE_CELLS} `|` (a table that wide);
 * - the columns of indentation and container markers at its line starts add up to more than
 *   {@link MAX_PREFIX_COLUMNS} (a list nested deep by indentation, line after line).
 * Each test is one linear pass; whole texts under budget are never split.
 */
import { isFenceClosing, readFenceOpening, type FenceOpening } from './code-fence';

/** Longest block, in UTF-16 code units, that is parsed as markdown. */
export const MAX_BLOCK_CHARS = 64_000;
/** Longest fenced code block, in UTF-16 code units, that is parsed as markdown. */
export const MAX_CODE_BLOCK_CHARS = 256_000;
/** Most markup characters in one block. */
export const MAX_MARKUP_CHARS = 4_000;
/** Deepest estimated nesting of emphasis or brackets. */
export const MAX_INLINE_NESTING = 32;
/** Most `|` on one line. */
export const MAX_TABLE_CELLS = 128;
/**
 * Most columns of indentation and container markers (`>`, list markers) at the starts of the lines
 * of one block, summed: the parser checks every open container again on every line.
 */
export const MAX_PREFIX_COLUMNS = 8_000;

/** A part of a text: markdown to parse, or `isPlain` text to show as it is. */
export interface BudgetSegment {
  readonly text: string;
  readonly isPlain: boolean;
}

/**
 * Splits `markdown` into runs of regions within budget and single regions over it, in order;
 * joined, the segments are `markdown`. A region is a run of non-blank lines, or a fenced code block
 * (a fence at the start of a line, up to 3 spaces in, to its closing fence, blank lines included),
 * so a cut between segments is always at a blank line, where a streaming renderer's settled blocks
 * end too. A text within budget is one segment. One linear pass.
 */
export function splitByBudget(markdown: string): BudgetSegment[] {
  if (!isOverBudget(markdown, false)) return [{ text: markdown, isPlain: false }];
  const segments: BudgetSegment[] = [];
  let runStart = 0;
  for (const region of regionsOf(markdown)) {
    if (!isOverBudget(markdown.slice(region.start, region.end), region.isCode)) continue;
    if (region.start > runStart) {
      segments.push({ text: markdown.slice(runStart, region.start), isPlain: false });
    }
    segments.push({ text: markdown.slice(region.start, region.end), isPlain: true });
    runStart = region.end;
  }
  if (markdown.length > runStart) {
    segments.push({ text: markdown.slice(runStart), isPlain: false });
  }
  return segments;
}

interface Region {
  start: number;
  /** After the region's last line break, or the end of the text. */
  end: number;
  isCode: boolean;
}

/** The regions of `markdown` (see {@link splitByBudget}), in order. */
function* regionsOf(markdown: string): Generator<Region> {
  let start = -1;
  let fence: FenceOpening | undefined;
  for (let lineStart = 0; lineStart < markdown.length;) {
    const newline = markdown.indexOf('\n', lineStart);
    const lineEnd = newline === -1 ? markdown.length : newline + 1;
    const line = markdown.slice(lineStart, lineEnd);
    const lineText = newline === -1 ? line : line.slice(0, -1);
    if (fence !== undefined) {
      if (isFenceClosing(lineText, fence) || lineEnd === markdown.length) {
        yield { start, end: lineEnd, isCode: true };
        start = -1;
        fence = undefined;
      }
    } else if (line.trim() === '') {
      if (start !== -1) yield { start, end: lineStart, isCode: false };
      start = -1;
    } else {
      const opening = readFenceOpening(lineText);
      if (opening !== undefined) {
        if (start !== -1) yield { start, end: lineStart, isCode: false };
        start = lineStart;
        fence = opening;
        if (lineEnd === markdown.length) {
          yield { start, end: lineEnd, isCode: true };
          start = -1;
        }
      } else if (start === -1) start = lineStart;
    }
    lineStart = lineEnd;
  }
  if (start !== -1 && fence === undefined) yield { start, end: markdown.length, isCode: false };
}

/** Whether `block` is over budget (see the module comment); `isCode`: a fenced code block. */
export function isOverBudget(block: string, isCode: boolean): boolean {
  if (block.length > (isCode ? MAX_CODE_BLOCK_CHARS : MAX_BLOCK_CHARS)) return true;
  if (isCode) return false;
  let markup = 0;
  let nesting = 0;
  let pipes = 0;
  let prefixColumns = 0;
  let isLineStart = true;
  for (let index = 0; index < block.length; index += 1) {
    const char = block.charAt(index);
    if (isLineStart) {
      if (
        char === ' ' ||
        char === '\t' ||
        char === '>' ||
        char === '-' ||
        char === '*' ||
        char === '+'
      ) {
        prefixColumns += char === '\t' ? 4 : 1;
        if (prefixColumns > MAX_PREFIX_COLUMNS) return true;
        if (char !== '*') continue;
      } else isLineStart = false;
    }
    switch (char) {
      case '\n':
        pipes = 0;
        isLineStart = true;
        continue;
      case '|':
        pipes += 1;
        if (pipes > MAX_TABLE_CELLS) return true;
        continue;
      case '*':
      case '_':
      case '~': {
        let end = index + 1;
        while (block.charAt(end) === char) end += 1;
        markup += end - index;
        const before = block.charAt(index - 1);
        const after = block.charAt(end);
        const canOpen =
          !isSpace(after) && (!isPunctuation(after) || isSpace(before) || isPunctuation(before));
        const canClose =
          !isSpace(before) && (!isPunctuation(before) || isSpace(after) || isPunctuation(after));
        if (canClose && nesting > 0) nesting -= 1;
        else if (canOpen) nesting += 1;
        index = end - 1;
        if (nesting > MAX_INLINE_NESTING) return true;
        break;
      }
      case '[':
        markup += 1;
        nesting += 1;
        if (nesting > MAX_INLINE_NESTING) return true;
        break;
      case ']':
        markup += 1;
        if (nesting > 0) nesting -= 1;
        break;
      case '!':
      case '<':
      case '>':
      case '`':
      case '$':
      case '\\':
        markup += 1;
        break;
      default:
        continue;
    }
    if (markup > MAX_MARKUP_CHARS) return true;
  }
  return false;
}

function isSpace(char: string): boolean {
  return char === '' || /\s/.test(char);
}

/** ASCII punctuation, which is what the markup characters and most delimiters around them are. */
function isPunctuation(char: string): boolean {
  return /[!-/:-@[-`{-~]/.test(char);
}
