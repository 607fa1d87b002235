/** Link reference and footnote definitions (CommonMark §4.7, GFM footnotes) in a streaming text. */
import type { SplitterState } from './splitter-state';

/**
 * A line that starts (after container markers) a link reference or footnote definition. Labels
 * are at most 999 characters (CommonMark), which bounds the work on a long line.
 */
const DEFINITION_START =
  /[ \t]*(?:(?:>|[-+*][ \t]|\d{1,9}[.)][ \t])[ \t]*)*\[(?:[^\\\]\n]|\\.){0,999}\]:/y;

/**
 * Checks the lines that are new or still growing for the start of a definition; sets
 * `state.hasDefinitions` once one appears. Each line is read once, so all calls over a growing text
 * take linear time.
 */
export function scanDefinitions(state: SplitterState): void {
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
