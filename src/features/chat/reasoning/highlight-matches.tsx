import type { ReactNode } from 'react';
import type { TextMatch } from '../../../core/reasoning/find-matches';

/**
 * A step's text with its search matches in `<mark>` (id `${idPrefix}-match-${number}`, the active
 * one with `data-active`), as text nodes and elements.
 *
 * @param offset - where `text` starts in the whole trace (UTF-16 offsets, as the matches are).
 * @param firstMatch - index in `matches` of the step's first match; `endMatch` is one past its last.
 * @param activeMatch - index in `matches` of the highlighted match, or -1.
 */
export function highlightMatches(
  text: string,
  offset: number,
  matches: readonly TextMatch[],
  firstMatch: number,
  endMatch: number,
  activeMatch: number,
  idPrefix: string,
): ReactNode[] {
  const out: ReactNode[] = [];
  let at = 0;
  for (let number = firstMatch; number < endMatch; number += 1) {
    const match = matches[number]!;
    const start = Math.max(match.start - offset, at);
    const end = Math.min(match.end - offset, text.length);
    if (start > at) out.push(text.slice(at, start));
    const isActive = number === activeMatch;
    out.push(
      <mark
        key={number}
        id={`${idPrefix}-match-${number}`}
        data-active={isActive || undefined}
        className={
          isActive
            ? 'bg-amber-300 text-zinc-900 ring-2 ring-amber-500'
            : 'bg-yellow-200 text-zinc-900'
        }
      >
        {text.slice(start, end)}
      </mark>,
    );
    at = end;
  }
  if (at < text.length) out.push(text.slice(at));
  return out;
}
