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
  const opening = /^(`{3,}|~{3,})/.exec(block)?.[1];
  const lastLine = block.slice(block.lastIndexOf('\n') + 1);
  const closing = /^[ \t>]*(`{3,}|~{3,})[ \t\r]*$/.exec(lastLine)?.[1];
  const isClosed =
    opening !== undefined &&
    closing !== undefined &&
    closing.charAt(0) === opening.charAt(0) &&
    closing.length >= opening.length;
  if (!isClosed) return false;
  const after = source.slice(end);
  return isFinished || after.startsWith('\n') || after.startsWith('\r\n');
}
