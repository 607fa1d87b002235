/** What a block splitter returns for each update of a streaming text; see `split-blocks.ts`. */

/** The current split of a streaming text: `settled.join('') + tail` is always the whole text. */
export interface BlockSplit {
  /**
   * The raw markdown of finished top-level blocks, in order; each ends with the blank line(s) that
   * closed it. Append-only: an entry, once returned, never changes (until the text is replaced).
   */
  readonly settled: readonly string[];
  /** Everything after the last settled block: the part that still changes. */
  readonly tail: string;
  /**
   * The text contains a link reference definition or a footnote definition (`[x]: url`,
   * `[^1]: note` at the start of a line). Such a definition changes how blocks before it render, so
   * blocks cannot be rendered alone any more: nothing settles from then on, and a renderer should
   * parse the whole text instead.
   */
  readonly hasDefinitions: boolean;
  /**
   * Set when the tail ends in a fenced code block at the top level that has no closing fence yet
   * (the common long tail: a model writing code). A renderer can show it as code without parsing
   * the tail, since nothing in it can be anything but code until the closing fence.
   */
  readonly openFence?: OpenFenceInfo;
}

/** Where the open code fence of a tail is; see {@link BlockSplit.openFence}. */
export interface OpenFenceInfo {
  /** Offset in the tail of the fence's opening line; the tail before it is other blocks. */
  readonly start: number;
  /** Offset in the tail where the code starts (after the opening line's newline). */
  readonly codeStart: number;
  /** The first word of the info string (`ts` in ` ```ts title="x" `), if any. */
  readonly language: string | undefined;
}
