/**
 * Incremental block splitting for append-only (streaming) markdown: finished top-level blocks are
 * "settled" once and never looked at again, so a renderer can parse each of them once and re-parse
 * only the unfinished tail on every frame.
 *
 * Basis: the published rules for incremental lexing (Streamdown PR #608, hawk.garage PR #924; see
 * performance.md §1.2c). They freeze a block once it ends in a blank line and enough blocks follow
 * it. Instead of a fixed margin of following blocks, this splitter checks the cases that margin
 * guards against explicitly (see {@link createBlockSplitter}), and it gives up settling entirely
 * for documents whose blocks are not independent (reference and footnote definitions).
 */
import { ownCopy } from './own-copy';
import { Lexer, type Token } from 'marked';
import { fenceLanguage, isFenceClosing, readFenceOpening, type FenceMarker } from './code-fence';

/** The current split of a streaming text: `settled.join('') + tail` is always the whole text. */
export interface BlockSplit {
  /**
   * The raw markdown of finished top-level blocks, in order; each ends with the blank line(s) that
   * closed it. Append-only: an entry, once returned, never changes (until the text is replaced).
   */
  readonly settled: readonly string[];
  /** Everything after the last settled block: the part that still changes. */
  readonly tail: string;
  /**
   * The text contains a link reference definition or a footnote definition (`[x]: url`,
   * `[^1]: note` at the start of a line). Such a definition changes how blocks before it render, so
   * blocks cannot be rendered alone any more: nothing settles from then on, and a renderer should
   * parse the whole text instead.
   */
  readonly hasDefinitions: boolean;
  /**
   * Set when the tail ends in a fenced code block at the top level that has no closing fence yet
   * (the common long tail: a model writing code). A renderer can show it as code without parsing
   * the tail, since nothing in it can be anything but code until the closing fence.
   */
  readonly openFence?: OpenFenceInfo;
}

/** Where the open code fence of a tail is; see {@link BlockSplit.openFence}. */
export interface OpenFenceInfo {
  /** Offset in the tail of the fence's opening line; the tail before it is other blocks. */
  readonly start: number;
  /** Offset in the tail where the code starts (after the opening line's newline). */
  readonly codeStart: number;
  /** The first word of the info string (`ts` in ` ```ts title="x" `), if any. */
  readonly language: string | undefined;
}

/** An incremental splitter for one message; see {@link createBlockSplitter}. */
export interface BlockSplitter {
  /**
   * Splits `fullText`, which should extend the previous call's text; when it does not (a different
   * message, an edit), the splitter starts over.
   */
  update(fullText: string): BlockSplit;
}

/** Options of {@link createBlockSplitter}. */
export interface BlockSplitterOptions {
  /** Called with the number of characters handed to the lexer each time it runs (tests, benches). */
  onLex?: (chars: number) => void;
}

interface OpenFence {
  marker: FenceMarker;
  length: number;
  /** Offset in the text of the opening line, which starts at column 0. */
  start: number;
  /** Offset in the text after the opening line; -1 while that line is not complete. */
  codeStart: number;
  language: string | undefined;
  /** Start of the first line not yet checked for a closing fence. */
  nextLine: number;
}

interface SplitterState {
  text: string;
  settled: readonly string[];
  /** Where the tail starts: the end of the last settled block. */
  offset: number;
  /** Where the search for new block boundaries resumes. */
  scanFrom: number;
  /** Start of the first line not yet known to be a non-definition. */
  definitionScanFrom: number;
  /** The tail ends inside a fenced code block that starts at the top level. */
  fence: OpenFence | undefined;
  hasDefinitions: boolean;
  /** A carriage return was seen: the lexer's offsets cannot be trusted, nothing more settles. */
  isStopped: boolean;
  result: BlockSplit;
}

function initialState(): SplitterState {
  return {
    text: '',
    settled: [],
    offset: 0,
    scanFrom: 0,
    definitionScanFrom: 0,
    fence: undefined,
    hasDefinitions: false,
    isStopped: false,
    result: { settled: [], tail: '', hasDefinitions: false },
  };
}

/**
 * Creates a splitter for one streaming message.
 *
 * A top-level block settles only when all of these hold:
 * - it ends in a blank line and the next block has started at column 0 with a non-blank character
 *   (so a paragraph cannot turn into a setext heading, a table cannot grow, indented code or list
 *   content cannot continue, and a blockquote cannot go on lazily);
 * - it is not a fenced code block without its closing fence, nor an HTML block of a kind a blank
 *   line does not end (`<!--`, `<pre>`, `<script>`, `<?`, `<![CDATA[`…) without its end marker;
 * - it is not a list followed by a line that is, or may still become, a list item: a list settles
 *   only once a following non-list, non-indented block has started;
 * - the text so far has no link reference or footnote definition anywhere (see
 *   {@link BlockSplit.hasDefinitions}) and no carriage return.
 *
 * Each update scans only the new text for candidate boundaries (a blank line followed by a
 * non-indented line) and lexes the tail with `marked`'s block lexer only when one appears; while
 * the tail ends in an open code fence, it just looks for the closing fence in the new lines.
 * Settled text is never lexed again. A block the lexer cannot end (a long open fence, a paragraph
 * without blank lines) stays in the tail, so its own cost still grows with its length.
 */
export function createBlockSplitter(options: BlockSplitterOptions = {}): BlockSplitter {
  let state = initialState();
  return {
    update(fullText) {
      if (!fullText.startsWith(state.text)) state = initialState();
      if (fullText.length === state.text.length && state.text !== '') return state.result;
      const previousLength = state.text.length;
      state.text = fullText;
      if (fullText.includes('\r', previousLength)) state.isStopped = true;
      if (!state.hasDefinitions) scanDefinitions(state);
      if (!state.hasDefinitions && !state.isStopped) advance(state, options.onLex);
      const fence = state.fence;
      if (fence !== undefined && fence.codeStart === -1) completeOpeningLine(fence, fullText);
      state.result = {
        settled: state.settled,
        tail: fullText.slice(state.offset),
        hasDefinitions: state.hasDefinitions,
        openFence:
          fence === undefined || fence.codeStart === -1 || state.hasDefinitions
            ? undefined
            : {
                start: fence.start - state.offset,
                codeStart: fence.codeStart - state.offset,
                language: fence.language,
              },
      };
      return state.result;
    },
  };
}

/**
 * A line that starts (after container markers) a link reference or footnote definition. Labels
 * are at most 999 characters (CommonMark), which bounds the work on a long line.
 */
const DEFINITION_START =
  /[ \t]*(?:(?:>|[-+*][ \t]|\d{1,9}[.)][ \t])[ \t]*)*\[(?:[^\\\]\n]|\\.){0,999}\]:/y;

/** Checks the lines that are new or still growing for the start of a definition. */
function scanDefinitions(state: SplitterState): void {
  const { text } = state;
  let lineStart = state.definitionScanFrom;
  for (;;) {
    DEFINITION_START.lastIndex = lineStart;
    if (DEFINITION_START.test(text)) {
      state.hasDefinitions = true;
      return;
    }
    const newline = text.indexOf('\n', lineStart);
    if (newline === -1) break;
    lineStart = newline + 1;
  }
  state.definitionScanFrom = lineStart;
}

/** A blank line followed by a line starting with a non-blank character: a possible boundary. */
const CANDIDATE = /\n[ \t]*\n(?:[ \t]*\n)*(?=[^ \t\n])/g;

function advance(state: SplitterState, onLex: ((chars: number) => void) | undefined): void {
  if (state.fence !== undefined && !passFence(state, state.fence)) return;
  CANDIDATE.lastIndex = Math.max(state.scanFrom, state.offset);
  if (CANDIDATE.exec(state.text) === null) {
    state.scanFrom = Math.max(state.scanFrom, blankRunStart(state.text, state.text.length));
    return;
  }
  lexTail(state, onLex);
}

/** The start of the whitespace run that ends at `end`: where a boundary search can resume. */
function blankRunStart(text: string, end: number): number {
  let index = end;
  while (index > 0 && isBlankChar(text.charCodeAt(index - 1))) index -= 1;
  return index;
}

function isBlankChar(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0x0a;
}

/** Looks for the closing fence in the complete lines not checked yet; true once found. */
function passFence(state: SplitterState, fence: OpenFence): boolean {
  const { text } = state;
  for (;;) {
    const newline = text.indexOf('\n', fence.nextLine);
    if (newline === -1) return false;
    const line = text.slice(fence.nextLine, newline);
    fence.nextLine = newline + 1;
    if (isFenceClosing(line, fence)) {
      state.fence = undefined;
      state.scanFrom = Math.max(state.scanFrom, newline);
      return true;
    }
  }
}

/** The first line of a token's source. */
function firstLine(raw: string): string {
  const newline = raw.indexOf('\n');
  return newline === -1 ? raw : raw.slice(0, newline);
}

type Verdict = 'safe' | 'unsafe' | 'undecided';

/** What one lex of the tail found; positions are relative to the tail. */
interface TailWalk {
  blocks: string[];
  /** Where the unsettled rest starts. */
  blockStart: number;
  /** How far the tokens matched the source (all of it unless the lexer changed the text). */
  position: number;
  last: Token | undefined;
  /** A boundary that needs more of its next line before it can be decided. */
  undecidedAt: number | undefined;
  /** The last boundary decided either way. */
  decidedAt: number | undefined;
}

/** Lexes the tail, settles every safe boundary in it, and notes where to look next. */
function lexTail(state: SplitterState, onLex: ((chars: number) => void) | undefined): void {
  const base = state.offset;
  const source = state.text.slice(base);
  onLex?.(source.length);
  const walk = walkTokens(source, new Lexer().blockTokens(source, []));
  settle(state, walk.blocks, walk.blockStart);
  const isWhole = walk.position === source.length && walk.last !== undefined;
  state.fence = isWhole && walk.last !== undefined ? openFence(walk.last, state) : undefined;
  state.scanFrom = blankRunStart(state.text, resumePoint(state.text, base, walk));
}

function walkTokens(source: string, tokens: readonly Token[]): TailWalk {
  const walk: TailWalk = {
    blocks: [],
    blockStart: 0,
    position: 0,
    last: undefined,
    undecidedAt: undefined,
    decidedAt: undefined,
  };
  for (const token of tokens) {
    if (!source.startsWith(token.raw, walk.position)) break;
    const { position, last } = walk;
    if (token.type !== 'space' && last !== undefined && isBoundary(source, position)) {
      const verdict = boundaryVerdict(last, source, position);
      if (verdict === 'undecided') {
        walk.undecidedAt = position;
        break;
      }
      walk.decidedAt = position;
      if (verdict === 'safe') {
        // Settled blocks live as long as the message: each gets its own characters, or it would
        // keep this version of the whole text alive (see `own-copy.ts`).
        walk.blocks.push(ownCopy(source.slice(walk.blockStart, position)));
        walk.blockStart = position;
      }
    }
    if (token.type !== 'space') walk.last = token;
    walk.position += token.raw.length;
  }
  return walk;
}

function settle(state: SplitterState, blocks: string[], length: number): void {
  if (blocks.length === 0) return;
  state.settled = [...state.settled, ...blocks];
  state.offset += length;
}

/**
 * Where the next boundary search starts. A line that has only just begun can still change how the
 * lexer splits before it (`- a\n\n-` is one list until the `-` becomes `--`), so a possible
 * boundary before a short last line that the lexer did not decide is looked at again next time.
 */
function resumePoint(text: string, base: number, walk: TailWalk): number {
  if (walk.undecidedAt !== undefined) return base + walk.undecidedAt;
  const lastLineStart = text.lastIndexOf('\n') + 1;
  const isShort = text.length - lastLineStart < SHORT_LINE;
  return isShort && walk.decidedAt !== lastLineStart - base ? lastLineStart : text.length;
}

/** Enough of a line to know which block it starts: a list marker, a fence, an HTML tag. */
const SHORT_LINE = 16;

/** A token starting at column 0 with a non-blank character, right after a blank line. */
function isBoundary(source: string, position: number): boolean {
  if (position < 2 || source.charCodeAt(position - 1) !== 0x0a) return false;
  if (isBlankChar(source.charCodeAt(position))) return false;
  let index = position - 2;
  while (index >= 0 && (source[index] === ' ' || source[index] === '\t')) index -= 1;
  return index >= 0 && source[index] === '\n';
}

/** Whether the block ending with `last` can settle now that the next block starts at `position`. */
function boundaryVerdict(last: Token, source: string, position: number): Verdict {
  switch (last.type) {
    case 'paragraph':
    case 'heading':
    case 'hr':
    case 'table':
    case 'blockquote':
      return 'safe';
    case 'code':
      return isClosedCode(last.raw) ? 'safe' : 'unsafe';
    case 'html':
      return isClosedHtml(last.raw) ? 'safe' : 'unsafe';
    case 'list':
      return listMarkerVerdict(source, position);
    default:
      return 'unsafe';
  }
}

/** Indented code is closed by any non-indented line; a fence needs its closing fence. */
function isClosedCode(raw: string): boolean {
  const opening = readFenceOpening(firstLine(raw));
  if (opening === undefined) return true;
  const body = raw.replace(/\n+$/, '');
  const lastLineStart = body.lastIndexOf('\n') + 1;
  if (lastLineStart === 0) return false;
  return isFenceClosing(body.slice(lastLineStart), opening);
}

/** HTML block kinds 1–5 (CommonMark) run across blank lines until their end marker. */
const HTML_BLOCK_ENDS: readonly (readonly [RegExp, RegExp])[] = [
  [/^ {0,3}<(?:script|pre|style|textarea)(?:[\s>]|$)/i, /<\/(?:script|pre|style|textarea)>/i],
  [/^ {0,3}<!--/, /^ {0,3}<![\s\S]*?-->/],
  [/^ {0,3}<\?/, /\?>/],
  [/^ {0,3}<!\[CDATA\[/, /\]\]>/],
  [/^ {0,3}<![A-Za-z]/, />/],
];

function isClosedHtml(raw: string): boolean {
  const kind = HTML_BLOCK_ENDS.find(([start]) => start.test(raw));
  return kind === undefined || kind[1].test(raw);
}

/** A list ends only at a line that is not a list item; decide once the marker is complete. */
function listMarkerVerdict(source: string, position: number): Verdict {
  const lineEnd = source.indexOf('\n', position);
  const head = source.slice(position, position + 12);
  const isWholeLine = lineEnd !== -1 && lineEnd - position <= head.length;
  const line = isWholeLine ? head.slice(0, lineEnd - position) : head;
  const marker = /^(?:[-+*]|\d{1,9}[.)])/.exec(line)?.[0];
  if (marker === undefined) {
    return /^\d{1,9}$/.test(line) && !isWholeLine ? 'undecided' : 'safe';
  }
  const after = line.charAt(marker.length);
  if (after === '') return isWholeLine ? 'unsafe' : 'undecided';
  return after === ' ' || after === '\t' ? 'unsafe' : 'safe';
}

/**
 * The fence the tail ends in, when its last token is a fence without a closing fence that starts
 * at column 0 (an indented fence strips its indent from every code line, so it is left to the
 * parser).
 */
function openFence(last: Token, state: SplitterState): OpenFence | undefined {
  if (last.type !== 'code' || isClosedCode(last.raw)) return undefined;
  const opening = readFenceOpening(firstLine(last.raw));
  if (opening === undefined || opening.indent > 0) return undefined;
  const start = state.text.length - last.raw.length;
  if (start < 0 || !state.text.startsWith(last.raw, start)) return undefined;
  const fence: OpenFence = {
    marker: opening.marker,
    length: opening.length,
    nextLine: state.text.lastIndexOf('\n') + 1,
    start,
    codeStart: -1,
    language: undefined,
  };
  completeOpeningLine(fence, state.text);
  return fence;
}

/** Reads the language once the fence's opening line is complete. */
function completeOpeningLine(fence: OpenFence, text: string): void {
  const newline = text.indexOf('\n', fence.start);
  if (newline === -1) return;
  fence.codeStart = newline + 1;
  fence.language = fenceLanguage(text.slice(fence.start + fence.length, newline).trim());
}
