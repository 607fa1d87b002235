/**
 * The top-level blocks of a markdown text, found with the same parser the renderer uses (micromark
 * with its GFM extension), but only as far as the block structure: paragraph content and inline
 * markup are not tokenized, so a pass costs about as much as reading the text once.
 */
import { parse, preprocess } from 'micromark';
import { gfm } from 'micromark-extension-gfm';
import { subtokenize } from 'micromark-util-subtokenize';

/** One top-level block; offsets are UTF-16 indices in the text that was split. */
export interface TopLevelBlock {
  /**
   * The micromark token type: `content` (a paragraph or definitions), `atxHeading`,
   * `setextHeading`, `thematicBreak`, `table`, `blockQuote`, `codeFenced`, `codeIndented`,
   * `htmlFlow`, `listOrdered`, `listUnordered`.
   */
  readonly type: string;
  /** Where the block starts. */
  readonly start: number;
  /** Where the block ends, before the line ending and blank lines that follow it. */
  readonly end: number;
}

/** The tokens between top-level blocks: line endings, blank lines, indentation. */
const SPACE_TYPES = new Set(['lineEnding', 'lineEndingBlank', 'linePrefix', 'whitespace']);

const EXTENSIONS = [gfm()];

/**
 * The top-level blocks of `markdown`, in order, as CommonMark 0.31 with GFM tables and task lists
 * reads them (`micromark-extension-gfm`): the document and its containers are parsed, then one
 * round of sub-tokenization resolves the flow (headings, code, tables, HTML), leaving paragraph
 * content untouched. Pure; linear in the length of `markdown`.
 */
export function topLevelBlocks(markdown: string): TopLevelBlock[] {
  const events = parse({ extensions: EXTENSIONS })
    .document()
    .write(preprocess()(markdown, undefined, true));
  subtokenize(events);
  const blocks: TopLevelBlock[] = [];
  let depth = 0;
  for (const [kind, token] of events) {
    if (kind === 'exit') {
      depth -= 1;
      continue;
    }
    if (depth === 0 && !SPACE_TYPES.has(token.type)) {
      blocks.push({ type: token.type, start: token.start.offset, end: token.end.offset });
    }
    depth += 1;
  }
  return blocks;
}
