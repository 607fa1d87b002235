/** The state a block splitter keeps between updates; see `split-blocks.ts`. */
import type { FenceMarker } from './code-fence';
import type { BlockSplit } from './block-split';

/** A fenced code block at the top level of the tail that has no closing fence yet. */
export interface OpenFence {
  /** The fence character. */
  marker: FenceMarker;
  /** The number of fence characters on the opening line. */
  length: number;
  /** Offset in the text of the opening line, which starts at column 0. */
  start: number;
  /** Offset in the text after the opening line; -1 while that line is not complete. */
  codeStart: number;
  /** The first word of the info string, once the opening line is complete. */
  language: string | undefined;
  /** Start of the first line not yet checked for a closing fence. */
  nextLine: number;
}

/** What a splitter knows about the text so far; offsets are UTF-16 indices in `text`. */
export interface SplitterState {
  /** The whole text of the last update. */
  text: string;
  /** The settled blocks so far (see {@link BlockSplit.settled}). */
  settled: readonly string[];
  /** Where the tail starts: the end of the last settled block. */
  offset: number;
  /** Where the search for new block boundaries resumes. */
  scanFrom: number;
  /** Start of the first line not yet known to be a non-definition. */
  definitionScanFrom: number;
  /** The tail ends inside a fenced code block that starts at the top level. */
  fence: OpenFence | undefined;
  /** A definition was seen (see {@link BlockSplit.hasDefinitions}). */
  hasDefinitions: boolean;
  /** A carriage return was seen: the lexer's offsets cannot be trusted, nothing more settles. */
  isStopped: boolean;
  /** The split returned by the last update. */
  result: BlockSplit;
}

/** The state of a splitter that has seen no text. */
export function initialState(): SplitterState {
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
