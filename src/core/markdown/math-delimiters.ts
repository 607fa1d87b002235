/**
 * Rewrites the math delimiters chat models write into the syntax remark-math parses, leaving code,
 * raw HTML and money alone.
 *
 * Why a text pass: remark-math only knows `$…$` and `$$…$$` and will not add `\(…\)` / `\[…\]`
 * ("not a goal", remarkjs discussion #1269), yet DeepSeek, Qwen and GPT models write those. In
 * markdown `\(` is an escaped `(`, so the delimiters are gone once the text is parsed; they have to
 * be rewritten before. Chat UIs built on remark-math (LobeChat, Open WebUI) do the same.
 *
 * Money: remark-math pairs any two single dollars, so "costs $5 and $10" would become math. Single
 * dollars here follow Pandoc's `tex_math_dollars` rule instead (also MathJax's and the commonmark
 * math extension's): the opening `$` has a non-space character right after it, the closing `$` a
 * non-space, non-backslash character right before it and no digit right after it, both on one
 * line, with no backtick between them (TeX has no use for one; a code span does). `$x^2$` is math;
 * `$5 and $10`, `$5-$10` and `$100k` are not. A `$` that is not math is backslash-escaped when
 * remark-math could otherwise pair it with a later one.
 */
import { CONTAINER_PREFIX, closesBlock, openBlock, type OpenBlock } from './open-block';
import { indentWidth } from './indent-width';
import { normalizeMathParagraph } from './math-paragraph';

/** The result of {@link normalizeMathDelimiters}. */
export interface MathDelimiterNormalization {
  /**
   * Markdown for remark-math with `singleDollarTextMath` on: `\(…\)` became `$…$`, `\[…\]` and a
   * line that is only `$$…$$` became a display block (`$$` on lines of their own), and dollars
   * that are not math are escaped where remark-math would pair them. The input itself, unchanged,
   * when `hasMath` is false.
   */
  readonly text: string;
  /** `text` contains math outside code: inline or display, or a ` ```math ` fence. */
  readonly hasMath: boolean;
}

const LIST_ITEM = /^[ \t]*(?:>[ \t]*)*(?:[-+*]|\d{1,9}[.)])(?:[ \t]|$)/;
const QUICK_REJECT = /\$|\\[([]|math/;

/** Options of {@link normalizeMathDelimiters}. */
export interface MathDelimiterOptions {
  /**
   * Counts the work done: `steps` grows by one for every character position the inline scans visit
   * and every delimiter run they look up (tests use it to show the pass is linear).
   */
  counter?: { steps: number };
}

/**
 * Prepares model-written markdown for remark-math (see the module comment for the rules). Fenced
 * and indented code, code spans, ` ```math ` fences, `$$` blocks, raw HTML blocks, autolinks and
 * inline tags are copied unchanged; so is the whole text when it holds no math. Pure and total;
 * linear in the length of the text for any input (thousands of unclosed `\(`, `$` or backticks
 * included): no position is scanned again for a delimiter already known not to close.
 */
export function normalizeMathDelimiters(
  markdown: string,
  options: MathDelimiterOptions = {},
): MathDelimiterNormalization {
  if (!QUICK_REJECT.test(markdown)) return { text: markdown, hasMath: false };
  const out: string[] = [];
  let paragraph: string[] = [];
  let isParagraphInList = false;
  let block: OpenBlock | undefined;
  let isInList = false;
  let previousBlank = true;
  let previousIndentedCode = false;
  let hasMath = false;

  const flush = () => {
    if (paragraph.length === 0) return;
    const result = normalizeMathParagraph(paragraph.join('\n'), isParagraphInList, options.counter);
    out.push(result.text);
    hasMath ||= result.hasMath;
    paragraph = [];
  };

  for (const line of markdown.split('\n')) {
    if (block !== undefined) {
      out.push(line);
      if (closesBlock(block, line)) block = undefined;
      continue;
    }
    const rest = line.slice(CONTAINER_PREFIX.exec(line)?.[0].length ?? 0);
    const isBlank = rest.trim() === '';
    if (isBlank) {
      flush();
      out.push(line);
      previousBlank = true;
      previousIndentedCode = false;
      continue;
    }
    if (LIST_ITEM.test(line)) isInList = true;
    else if (previousBlank && !/^[ \t]/.test(line)) isInList = false;

    const isIndentedCode: boolean =
      paragraph.length === 0 &&
      !isInList &&
      (previousBlank || previousIndentedCode) &&
      indentWidth(line) >= 4;
    const opened = isIndentedCode ? undefined : openBlock(rest, paragraph.length === 0);
    previousBlank = false;
    previousIndentedCode = isIndentedCode;
    if (isIndentedCode || opened !== undefined) {
      flush();
      out.push(line);
      if (opened !== undefined) {
        hasMath ||= opened.isMath;
        if (!opened.closesAtOnce) block = opened.block;
      }
      continue;
    }
    if (paragraph.length === 0) isParagraphInList = isInList;
    paragraph.push(line);
  }
  flush();
  return hasMath ? { text: out.join('\n'), hasMath } : { text: markdown, hasMath: false };
}
