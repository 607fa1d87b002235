/**
 * Bounds how deeply markdown containers nest before the text reaches a parser. Lists and
 * blockquotes nested a thousand deep (`'- '.repeat(1000)`, `'>'.repeat(2500)`) make the markdown
 * pipeline recurse once per level (micromark, mdast-util-to-hast, `marked`) until the stack runs
 * out, and its work grows faster than the text. Here, a container marker that starts at column
 * {@link MAX_CONTAINER_COLUMN} or later is backslash-escaped, so it and the rest of its line are
 * text in the deepest container allowed: every word still shows.
 *
 * Rules, per line (CommonMark 0.31 §5: a container marker is `>`, `-`, `+`, `*` or 1–9 digits and
 * `.` or `)`; tabs advance to the next multiple of 4 columns):
 * - the line's leading run of spaces, tabs and container markers is read left to right; the first
 *   marker character at column 64 or later gets a backslash before it (before the `.` or `)` of a
 *   number), and reading stops there;
 * - a bullet character there is escaped whatever follows it, so the result for a line that is still
 *   being written never changes once written (`-` may yet become `- `): the output for a prefix of a
 *   text is a prefix of the output for the text, which keeps streaming append-only;
 * - lines inside a fenced code block are code and stay as they are. A fence ends at its closing
 *   fence, or at a non-blank line indented less than the fence (counting `>` as indentation), which
 *   is where the list item or quote holding it ends.
 * Pure and linear: each character is looked at a bounded number of times; text that needs no
 * escape comes back as the same string.
 */

/** The first column (0-based) at which a container marker is escaped: 32 list or 64 quote levels. */
export const MAX_CONTAINER_COLUMN = 64;

/** An incremental {@link boundNesting} for one growing text; see {@link createNestingBound}. */
export interface NestingBound {
  /**
   * The bounded form of `fullText`. When `fullText` extends the previous call's text only the lines
   * from the previous last line on are read again; otherwise it starts over.
   */
  update(fullText: string): string;
}

interface Fence {
  char: string;
  length: number;
  /** Columns of leading whitespace and `>` before the fence's opening run. */
  indent: number;
}

interface State {
  text: string;
  /** Bounded form of `text` up to `lineStart`. */
  done: string;
  /** Start of the last line of `text` (possibly incomplete). */
  lineStart: number;
  /** The fence open at `lineStart`. */
  fence: Fence | undefined;
  hasEscapes: boolean;
  result: string;
}

const initial = (): State => ({
  text: '',
  done: '',
  lineStart: 0,
  fence: undefined,
  hasEscapes: false,
  result: '',
});

/** Creates an incremental nesting bound for one streaming text. */
export function createNestingBound(): NestingBound {
  let state = initial();
  return {
    update(fullText) {
      if (fullText === state.text) return state.result;
      if (!fullText.startsWith(state.text)) state = initial();
      state.text = fullText;
      let start = state.lineStart;
      let tail = '';
      for (;;) {
        const newline = fullText.indexOf('\n', start);
        const end = newline === -1 ? fullText.length : newline;
        const line = boundLine(fullText, start, end, state.fence);
        if (line.escapeAt !== -1) state.hasEscapes = true;
        const bounded =
          line.escapeAt === -1
            ? fullText.slice(start, end)
            : `${fullText.slice(start, line.escapeAt)}\\${fullText.slice(line.escapeAt, end)}`;
        if (newline === -1) {
          tail = bounded;
          break;
        }
        state.done += `${bounded}\n`;
        state.fence = line.fence;
        start = newline + 1;
      }
      state.lineStart = start;
      state.result = state.hasEscapes ? state.done + tail : fullText;
      return state.result;
    },
  };
}

/** The bounded form of `text` (see the module comment); `text` itself when nothing nests too deep. */
export function boundNesting(text: string): string {
  return createNestingBound().update(text);
}

/** What one line needs: where to put a backslash (-1 for nowhere), the fence open after it. */
function boundLine(
  text: string,
  start: number,
  end: number,
  fence: Fence | undefined,
): { escapeAt: number; fence: Fence | undefined } {
  let column = 0;
  let index = start;
  while (index < end) {
    const char = text.charAt(index);
    if (char === ' ' || char === '\t') {
      column += char === ' ' ? 1 : 4 - (column % 4);
      index += 1;
      continue;
    }
    if (fence !== undefined) {
      if (char !== '>') break;
      column += 1;
      index += 1;
      continue;
    }
    const markerEnd = containerMarkerEnd(text, index, end);
    if (markerEnd === -1) break;
    if (column >= MAX_CONTAINER_COLUMN) {
      const last = text.charAt(markerEnd - 1);
      return { escapeAt: last === '.' || last === ')' ? markerEnd - 1 : index, fence };
    }
    const isMarker = char === '>' || markerEnd === end || isMarkerSeparator(text.charAt(markerEnd));
    if (!isMarker) break;
    column += markerEnd - index;
    index = markerEnd;
  }
  if (fence !== undefined)
    return { escapeAt: -1, fence: fenceAfter(text, index, end, fence, column) };
  return { escapeAt: -1, fence: openingFence(text, index, end, column) };
}

/**
 * The end of what may be a container marker at `index`: `>`, a bullet, or up to 9 digits and
 * `.`/`)`; -1 when there is none. Whether a bullet or number is followed by a space is checked by
 * the caller, so a deep one is escaped before its next character is known.
 */
function containerMarkerEnd(text: string, index: number, end: number): number {
  const char = text.charAt(index);
  if (char === '>' || char === '-' || char === '+' || char === '*') return index + 1;
  let digit = index;
  while (digit < end && digit - index < 9 && isDigit(text.charCodeAt(digit))) digit += 1;
  const after = text.charAt(digit);
  return digit > index && digit < end && (after === '.' || after === ')') ? digit + 1 : -1;
}

function isMarkerSeparator(char: string): boolean {
  return char === ' ' || char === '\t';
}

function isDigit(code: number): boolean {
  return code >= 0x30 && code <= 0x39;
}

/** A fence opening at `index` (three or more backticks without one in the info, or tildes). */
function openingFence(text: string, index: number, end: number, indent: number): Fence | undefined {
  const char = text.charAt(index);
  if (char !== '`' && char !== '~') return undefined;
  let runEnd = index;
  while (runEnd < end && text.charAt(runEnd) === char) runEnd += 1;
  if (runEnd - index < 3) return undefined;
  if (char === '`' && text.slice(runEnd, end).includes('`')) return undefined;
  return { char, length: runEnd - index, indent };
}

/** The fence still open after a line inside it whose leading whitespace and `>` end at `index`. */
function fenceAfter(
  text: string,
  index: number,
  end: number,
  fence: Fence,
  column: number,
): Fence | undefined {
  const rest = text.slice(index, end);
  if (rest.trim() === '') return fence;
  if (column < fence.indent) return undefined;
  let runEnd = 0;
  while (rest.charAt(runEnd) === fence.char) runEnd += 1;
  const isClosing = runEnd >= fence.length && rest.slice(runEnd).trim() === '';
  return isClosing ? undefined : fence;
}
