/**
 * Incremental paragraph splitting for streaming plain text (the live reasoning view): the text is
 * cut at blank lines, and every paragraph but the last is final, so a renderer can keep its DOM
 * and update only the last one.
 */

/** The paragraphs of a streaming text; blank lines between them are not part of any paragraph. */
export interface ParagraphSplit {
  /** Finished paragraphs, in order. Append-only: an entry never changes once returned. */
  readonly settled: readonly string[];
  /** The paragraph still arriving (may be empty or end in blank lines). */
  readonly last: string;
}

/** An incremental paragraph splitter for one text; see {@link createParagraphSplitter}. */
export interface ParagraphSplitter {
  /** Splits `fullText`; starts over when it does not extend the previous call's text. */
  update(fullText: string): ParagraphSplit;
}

/** One or more blank lines followed by a line with text: a paragraph break. */
const PARAGRAPH_BREAK = /\r?\n(?:[ \t]*\r?\n)+(?=[ \t]*[^\s])/g;

/**
 * Creates a splitter for one streaming text. A paragraph settles once a blank line and the first
 * character of the next paragraph have arrived; each update scans only the new text.
 */
export function createParagraphSplitter(): ParagraphSplitter {
  let text = '';
  let settled: readonly string[] = [];
  let offset = 0;
  let scanFrom = 0;
  return {
    update(fullText) {
      if (!fullText.startsWith(text)) {
        settled = [];
        offset = 0;
        scanFrom = 0;
      }
      text = fullText;
      const found: string[] = [];
      PARAGRAPH_BREAK.lastIndex = scanFrom;
      for (let match = PARAGRAPH_BREAK.exec(text); match; match = PARAGRAPH_BREAK.exec(text)) {
        const paragraph = text.slice(offset, match.index);
        if (paragraph.trim() !== '') found.push(paragraph);
        offset = match.index + match[0].length;
      }
      if (found.length > 0) settled = [...settled, ...found];
      scanFrom = Math.max(offset, trailingBlankStart(text));
      return { settled, last: text.slice(offset) };
    },
  };
}

function trailingBlankStart(text: string): number {
  let index = text.length;
  while (index > 0 && /\s/.test(text.charAt(index - 1))) index -= 1;
  return index;
}
