/** The open code fence at the end of a streaming tail: found once, then followed line by line. */
import type { Token } from 'marked';
import { firstLine, isClosedCode } from './boundary-verdict';
import { fenceLanguage, isFenceClosing, readFenceOpening } from './code-fence';
import type { OpenFence, SplitterState } from './splitter-state';

/**
 * Looks for the closing fence in the complete lines not checked yet; true once found (then the
 * fence is cleared from `state` and the boundary search resumes after it).
 */
export function passFence(state: SplitterState, fence: OpenFence): boolean {
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

/**
 * The fence the tail ends in, when its last token is a fence without a closing fence that starts
 * at column 0 (an indented fence strips its indent from every code line, so it is left to the
 * parser).
 */
export function openFence(last: Token, state: SplitterState): OpenFence | undefined {
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
export function completeOpeningLine(fence: OpenFence, text: string): void {
  const newline = text.indexOf('\n', fence.start);
  if (newline === -1) return;
  fence.codeStart = newline + 1;
  fence.language = fenceLanguage(text.slice(fence.start + fence.length, newline).trim());
}
