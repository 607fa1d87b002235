/**
 * Repairs the unfinished end of a streaming markdown text so it renders the way it will once the
 * rest arrives, instead of flashing raw markers: `**bold` renders bold, not `**bold`.
 *
 * Same job as Streamdown's `remend` (performance.md §1.2d), written here because `remend` 1.4
 * closes markers in the wrong order when they nest (`**c \`d` became `**c \`d**\``, which shows the
 * `**`) and leaves a trailing `**` in place. Only the end of the text is touched: inline markup
 * cannot cross a blank line, so everything before the last paragraph is left as it is.
 */

import { INCOMPLETE_LINK_URL } from './incomplete-link-url';
import { repairInline } from './repair-inline';
import { closeFence, dropPartialUnderline, scanTailLayout } from './tail-layout';

export { INCOMPLETE_LINK_URL };
export { MAX_OPEN_CONSTRUCTS } from './open-construct';

/** Options of {@link repairTail}. */
export interface RepairTailOptions {
  /** Counts the work done: one step per character position scanned or open construct visited. */
  counter?: { steps: number };
}

/**
 * Closes what is open at the end of `tail`: emphasis (`*`, `_`, `**`, `***`), strikethrough
 * (`~`, `~~`), inline code, a code fence (a closing fence is appended; a half-typed closing fence is
 * completed), and a link whose text or URL is unfinished (its target becomes
 * {@link INCOMPLETE_LINK_URL}, so it shows as text). An unfinished image is dropped, and so is a
 * marker with nothing after it yet (`a **`, a trailing backtick) and a half-typed setext underline
 * or list marker under a paragraph line (`Foo\n-`), which would otherwise flash a heading.
 * Complete markdown comes back unchanged. Linear in the length of `tail` (see
 * {@link MAX_OPEN_CONSTRUCTS}).
 */
export function repairTail(tail: string, options: RepairTailOptions = {}): string {
  const layout = scanTailLayout(tail);
  if (layout.fence !== undefined) return closeFence(tail, layout.fence);
  const text = dropPartialUnderline(tail);
  const { regionStart } = text === tail ? layout : scanTailLayout(text);
  return text.slice(0, regionStart) + repairInline(text.slice(regionStart), options.counter);
}
