/**
 * Case-insensitive search over a whole reasoning trace, returning every match as UTF-16 offsets.
 */

/** Most matches returned; a search for `e` in 400 KB stops here. */
export const MAX_MATCHES = 10_000;

/** One match: `[start, end)` in UTF-16 offsets of the searched text. */
export interface TextMatch {
  start: number;
  end: number;
}

/**
 * Lower-cases `text` for searching. When lower-casing changes a character's length (`İ` becomes
 * two code units), such characters are kept as they are, so offsets in the result are offsets in
 * `text`. Final sigma `ς` folds to `σ`, so a piece folds as it would inside any longer text (the
 * only lower-casing that depends on the characters around it).
 */
export function foldCase(text: string): string {
  const lower = text.toLowerCase();
  if (lower.length === text.length) return lower.replaceAll('ς', 'σ');
  let out = '';
  for (let index = 0; index < text.length; index += 1) {
    const char = text[index]!;
    const folded = char.toLowerCase();
    out += folded.length === 1 ? folded : char;
  }
  return out.replaceAll('ς', 'σ');
}

/**
 * Every non-overlapping occurrence of `query` in `text`, ignoring case, in order. Linear in the
 * text for a given query (`indexOf` from each match's end).
 *
 * @param folded - `foldCase(text)`, when the caller keeps it between searches.
 * @returns at most {@link MAX_MATCHES} matches; none for a blank query.
 */
export function findMatches(text: string, query: string, folded?: string): TextMatch[] {
  const needle = foldCase(query);
  if (needle.trim() === '') return [];
  folded ??= foldCase(text);
  const matches: TextMatch[] = [];
  for (let at = folded.indexOf(needle); at !== -1 && matches.length < MAX_MATCHES;) {
    matches.push({ start: at, end: at + needle.length });
    at = folded.indexOf(needle, at + needle.length);
  }
  return matches;
}

/** Searches a text that grows, such as reasoning while it streams. */
export interface MatchFinder {
  /**
   * {@link findMatches} of `text` and `query`. When the query is the last one and `text` extends
   * the last text, only the new end is searched (from where a match could first cross the old
   * end), so a frame of new tokens costs work proportional to those tokens. Returns the last
   * array itself when nothing new matched.
   */
  find(text: string, query: string): readonly TextMatch[];
}

/** A {@link MatchFinder} with nothing searched yet. */
export function createMatchFinder(): MatchFinder {
  let lastText = '';
  let lastQuery = '';
  let last: TextMatch[] = [];
  return {
    find(text, query) {
      // A blank query matches nothing: skip comparing the whole text with the last one.
      if (query.trim() === '') {
        if (last.length > 0) last = [];
        lastText = text;
        lastQuery = query;
        return last;
      }
      const grows =
        query === lastQuery && text.length >= lastText.length && text.startsWith(lastText);
      if (!grows) last = findMatches(text, query);
      else if (text.length > lastText.length && last.length < MAX_MATCHES) {
        const needle = foldCase(query);
        const from = Math.max(last.at(-1)?.end ?? 0, lastText.length - needle.length + 1, 0);
        const found = findMatches(text.slice(from), query);
        if (found.length > 0) {
          const room = MAX_MATCHES - last.length;
          last = [
            ...last,
            ...found.slice(0, room).map((m) => ({ start: m.start + from, end: m.end + from })),
          ];
        }
      }
      lastText = text;
      lastQuery = query;
      return last;
    },
  };
}

/**
 * The matches that start in `[start, end)` (UTF-16 offsets): indices `firstMatch` to
 * `endMatch - 1` of `matches`, which are in order. Two binary searches, O(log matches).
 */
export function matchRange(
  matches: readonly TextMatch[],
  start: number,
  end: number,
): { firstMatch: number; endMatch: number } {
  return { firstMatch: firstStartingAt(matches, start), endMatch: firstStartingAt(matches, end) };
}

/** The index of the first match starting at or after `offset` (`matches.length` if none). */
function firstStartingAt(matches: readonly TextMatch[], offset: number): number {
  let low = 0;
  let high = matches.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (matches[middle]!.start < offset) low = middle + 1;
    else high = middle;
  }
  return low;
}
