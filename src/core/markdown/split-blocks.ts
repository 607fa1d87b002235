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
import { blankRunStart } from './blank-run';
import type { BlockSplit } from './block-split';
import { completeOpeningLine, passFence } from './open-fence';
import { scanDefinitions } from './definitions';
import { lexTail } from './lex-tail';
import { initialState, type SplitterState } from './splitter-state';

export type { BlockSplit, OpenFenceInfo } from './block-split';

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
