/**
 * Makes raw HTML in a message literal text when the message is written into a Markdown file, while
 * code keeps its `<` as written.
 *
 * Rules (CommonMark 0.31: §4.5 fenced code blocks, §6.1 code spans, §4.6 and §6.6 raw HTML):
 * 1. Lines of a fenced code block, its fence lines included, are copied unchanged: HTML is not
 *    interpreted there.
 * 2. Other lines form paragraphs, split at blank lines. In a paragraph, a run of N backticks opens a
 *    code span closed by the next run of exactly N backticks; the span is copied unchanged.
 * 3. Every other `<` becomes `&lt;`, so no tag, comment or HTML block can start.
 * 4. Where a backtick in a paragraph follows a backslash, that paragraph has no code spans (every
 *    `<` in it is escaped): escaped backticks change the pairing, and escaping too much only shows
 *    `&lt;`, while escaping too little would let HTML through.
 *
 * One pass over the lines plus one over each paragraph's backtick runs: linear in the text.
 */
import { isFenceClosing, readFenceOpening, type FenceOpening } from '../markdown/code-fence';

/** Escapes `<` in one paragraph, outside its code spans (rules 2–4). */
function escapeParagraph(text: string): string {
  if (!text.includes('<')) return text;
  if (/\\`/.test(text) || !text.includes('`')) return text.replace(/</g, '&lt;');
  const runs: { start: number; end: number }[] = [];
  for (const match of text.matchAll(/`+/g)) {
    runs.push({ start: match.index, end: match.index + match[0].length });
  }
  // For each run, the index of the next run of the same length, found right to left.
  const nextSame = new Array<number>(runs.length).fill(-1);
  const lastOfLength = new Map<number, number>();
  for (let i = runs.length - 1; i >= 0; i -= 1) {
    const run = runs[i]!;
    const length = run.end - run.start;
    nextSame[i] = lastOfLength.get(length) ?? -1;
    lastOfLength.set(length, i);
  }
  let out = '';
  let copied = 0;
  for (let i = 0; i < runs.length;) {
    const closer = nextSame[i]!;
    if (closer === -1) {
      i += 1;
      continue;
    }
    out += text.slice(copied, runs[i]!.start).replace(/</g, '&lt;');
    copied = runs[closer]!.end;
    out += text.slice(runs[i]!.start, copied);
    i = closer + 1;
  }
  return out + text.slice(copied).replace(/</g, '&lt;');
}

/**
 * `text` with every `<` outside code written as `&lt;` (see the rules above), so Markdown
 * renderers show a message's HTML as text. Code blocks and code spans are unchanged.
 */
export function escapeHtmlOutsideCode(text: string): string {
  const out: string[] = [];
  let paragraph: string[] = [];
  let fence: FenceOpening | undefined;
  const flush = () => {
    if (paragraph.length > 0) out.push(escapeParagraph(paragraph.join('\n')));
    paragraph = [];
  };
  for (const line of text.split('\n')) {
    if (fence !== undefined) {
      out.push(line);
      if (isFenceClosing(line, fence)) fence = undefined;
      continue;
    }
    const opening = readFenceOpening(line);
    if (opening !== undefined) {
      flush();
      fence = opening;
      out.push(line);
    } else if (line.trim() === '') {
      flush();
      out.push(line);
    } else {
      paragraph.push(line);
    }
  }
  flush();
  return out.join('\n');
}
