/** The inline constructs the tail repair tracks while they are open. */
import type { StepCounter } from './step-counter';

/**
 * An open construct of a paragraph, by kind: an emphasis or strikethrough delimiter run, a code
 * span, a link or image text (`[`), a link or image target (`](`). Offsets are UTF-16 indices in
 * the paragraph: `start` of the opening marker, `end` just after it.
 */
export type Open =
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

/** The state of the inline scan of one paragraph. */
export interface InlineScan {
  /** Counts one step per position scanned or open construct visited. */
  counter: StepCounter;
  /** The constructs open so far, innermost last; at most {@link MAX_OPEN_CONSTRUCTS}. */
  stack: Open[];
  /** A delimiter run at the very end that closed nothing: it may open something later. */
  trailingRun: number | undefined;
}
