/** One lex of a streaming tail with `marked`'s block lexer: settles the blocks that are finished. */
import { Lexer, type Token } from 'marked';
import { blankRunStart, isBlankChar } from './blank-run';
import { boundaryVerdict } from './boundary-verdict';
import { openFence } from './open-fence';
import { ownCopy } from './own-copy';
import type { SplitterState } from './splitter-state';

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

/**
 * Lexes the tail, settles every safe boundary in it, and notes where to look next (the open fence
 * the tail ends in, where the boundary search resumes). `onLex` gets the characters lexed.
 */
export function lexTail(state: SplitterState, onLex: ((chars: number) => void) | undefined): void {
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
