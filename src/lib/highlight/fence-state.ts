import { isFenceClosing, readFenceOpening } from '../../core/markdown/code-fence';

/**
 * Whether a fenced code block is finished, read from the markdown source and the block's position
 * in it (mdast/hast `position`, offsets in UTF-16 code units).
 *
 * A fence is finished when its closing fence line is complete: a newline follows it, or the text
 * is finished (`isFinished`). While text streams, `` ``` `` at the very end may still become
 * `` ```ts `` (an opening line, not a closing one), and a tail repaired for display (`repairTail`
 * appends the closing fence) ends exactly like that, so such a fence counts as unfinished. A fence
 * without a closing line (cut off at the end of a reply, or ended by its list item or blockquote)
 * is never finished, so a block rendered alone while streaming and the same block in the one-shot
 * render of the whole text always agree.
 */
export function isFenceFinished(
  source: string,
  start: number | undefined,
  end: number | undefined,
  isFinished: boolean,
): boolean {
  if (start === undefined || end === undefined || end > source.length || start >= end) {
    return false;
  }
  const block = source.slice(start, end);
  const firstBreak = block.indexOf('\n');
  if (firstBreak === -1) return false;
  const opening = readFenceOpening(block.slice(0, firstBreak));
  const lastLine = block.slice(block.lastIndexOf('\n') + 1);
  // The closing line keeps its block quote markers and indentation; the fence is after them.
  const closing = lastLine.replace(/^[ \t>]*/, '');
  if (opening === undefined || !isFenceClosing(closing, opening)) return false;
  const after = source.slice(end);
  return isFinished || after.startsWith('\n') || after.startsWith('\r\n');
}
