/** Delimiter runs (`` ` ``, `$`) of a text, found once and looked up by size in amortized O(1). */

/** The end of the run of `text.charAt(start)` that starts at `start`. */
export function runEnd(text: string, start: number): number {
  const char = text.charAt(start);
  let end = start;
  while (text.charAt(end) === char) end += 1;
  return end;
}

/**
 * The runs of one character in a text, by size, for finding "the next run of exactly `size` at or
 * after `from`". Built once per paragraph (one pass); each size keeps a cursor that only moves
 * forward, because the paragraph scan asks with ever larger `from`.
 */
export class RunIndex {
  private readonly bySize = new Map<number, { starts: number[]; cursor: number }>();

  /** Indexes the runs of `char` in `text`; `counter.steps` grows by the characters read. */
  constructor(text: string, char: string, counter: { steps: number } | undefined) {
    for (let start = text.indexOf(char); start !== -1;) {
      const end = runEnd(text, start);
      if (counter !== undefined) counter.steps += end - start;
      const size = end - start;
      const entry = this.bySize.get(size);
      if (entry === undefined) this.bySize.set(size, { starts: [start], cursor: 0 });
      else entry.starts.push(start);
      start = text.indexOf(char, end);
    }
  }

  /** Start of the next run of exactly `size` at or after `from`; -1 when there is none. */
  next(from: number, size: number): number {
    const entry = this.bySize.get(size);
    if (entry === undefined) return -1;
    while (entry.cursor < entry.starts.length && (entry.starts[entry.cursor] ?? 0) < from) {
      entry.cursor += 1;
    }
    return entry.starts[entry.cursor] ?? -1;
  }
}
