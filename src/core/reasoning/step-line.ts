/**
 * What one line of reasoning says about step boundaries: a title line (`**Title**`, `# Title`), a
 * pivot (`Wait,`, `Alternatively,`, `Let me check`, …), a code fence marker, or plain text. Every
 * function here looks at a bounded part of the line (its first {@link LOOK_AHEAD} characters and
 * its last few), so classifying a line costs at most its length.
 */

/** How many characters of a line are read for its pivot phrase and its first sentence. */
export const LOOK_AHEAD = 240;

/** Longest title kept, in UTF-16 code units (titles of untitled steps are cut near 60). */
const MAX_TITLE = 120;

/** Titles of untitled steps are cut at a word boundary to about this many characters. */
export const SENTENCE_TITLE_LENGTH = 60;

/**
 * Phrases with which DeepSeek-R1-style traces turn to a new line of thought. Matched at the start
 * of a line (after spaces), case-sensitive, followed by a non-letter.
 */
const PIVOT =
  /^\s*(?:Wait|Alternatively|Hmm+|But|Now|Actually|Hold on|On second thought|Another (?:approach|way|idea|thought)|Let me|Let's|Next|Finally|Okay|OK|Alright|Then|Therefore|So,|So the|So now|Double-check|To verify|Check)(?![\p{L}])/u;

/** The kind of a line, for the segmenter. */
export type LineKind =
  | { kind: 'blank' }
  | { kind: 'fence' }
  | { kind: 'title'; title: string }
  | { kind: 'pivot' }
  | { kind: 'text' };

/** Whether a code point is CJK (one token each in {@link estimateTokenCount}). */
export function isCjk(code: number): boolean {
  return (
    (code >= 0x3040 && code <= 0x30ff) ||
    (code >= 0x3400 && code <= 0x9fff) ||
    (code >= 0xac00 && code <= 0xd7af) ||
    (code >= 0xf900 && code <= 0xfaff)
  );
}

/**
 * Tokens for `chars` UTF-16 code units of which `cjk` are CJK: one per CJK character, one per four
 * others (the same rule as `estimateTokens` in `core/stream/reply-stats.ts`).
 */
export function estimateTokenCount(chars: number, cjk: number): number {
  return cjk + Math.ceil((chars - cjk) / 4);
}

function clip(text: string): string {
  return text.length <= MAX_TITLE ? text : cutAtWord(text, MAX_TITLE);
}

/** Cuts `text` at the last space at or before `max` characters and adds an ellipsis. */
function cutAtWord(text: string, max: number): string {
  if (text.length <= max) return text;
  const space = text.lastIndexOf(' ', max);
  const cut = space > max / 2 ? text.slice(0, space) : text.slice(0, max);
  return `${cut.replace(/[\s,;:.–—-]+$/u, '')}…`;
}

/** The title of a bold (`**x**`, `__x__`) or heading (`# x`) line, or undefined. */
function titleOf(line: string): string | undefined {
  const trimmed = line.trim();
  const heading = /^#{1,6}\s+/.exec(trimmed.slice(0, 8));
  if (heading !== null) {
    const title = trimmed
      .slice(heading[0].length)
      .replace(/(?:^|\s+)#+$/, '')
      .trim();
    return title === '' ? undefined : clip(title);
  }
  for (const marker of ['**', '__']) {
    if (trimmed.length > 4 && trimmed.startsWith(marker) && trimmed.endsWith(marker)) {
      const title = trimmed.slice(2, -2).trim();
      // `**a** and **b**` is a sentence with two bold words, not a title.
      if (title !== '' && !title.includes(marker)) return clip(title);
    }
  }
  return undefined;
}

/**
 * A bold lead-in at the start of a paragraph, optionally as a numbered item, ending in a colon or
 * full stop inside or just after the bold (GLM's `1.  **Analyze the request:** The user…`,
 * `**Case 2**: n is odd`): its bold text, at most 80 characters.
 */
const LEAD_IN = /^\s{0,3}(?:\d{1,3}[.)]\s+)?(\*\*|__)(?=\S)(.{1,80}?[:.]\1|.{1,80}?\1[:.])/;

/**
 * Classifies one line (without its line break).
 *
 * @param isParagraphStart - the line before it was blank (or there was none): only then does a
 *   bold lead-in name a step.
 */
export function classifyLine(line: string, isParagraphStart = true): LineKind {
  const head = line.slice(0, LOOK_AHEAD);
  if (head.trim() === '' && line.trim() === '') return { kind: 'blank' };
  if (/^\s{0,3}(?:```|~~~)/.test(head)) return { kind: 'fence' };
  const title = titleOf(line);
  if (title !== undefined) return { kind: 'title', title };
  const leadIn = isParagraphStart ? LEAD_IN.exec(head) : null;
  if (leadIn !== null) {
    const text = leadIn[2]!.replace(/(?:\*\*|__)?[\s:.]*(?:\*\*|__)?[\s:.]*$/, '').trim();
    if (text !== '') return { kind: 'title', title: text };
  }
  if (PIVOT.test(head)) return { kind: 'pivot' };
  return { kind: 'text' };
}

/**
 * The title of an untitled step from its first line: list, quote and emphasis markers stripped,
 * the first sentence, cut at a word boundary to about {@link SENTENCE_TITLE_LENGTH} characters.
 */
export function sentenceTitle(line: string): string {
  const head = line
    .slice(0, LOOK_AHEAD)
    .replace(/^\s*(?:[-*+>]\s+|\d+[.)]\s+)*/, '')
    .replace(/\*\*|__|`/g, '')
    .trim();
  const end = /[.!?。！？](?=\s|$)/u.exec(head);
  const sentence = end === null ? head : head.slice(0, end.index + 1);
  const title = sentence.length > SENTENCE_TITLE_LENGTH ? sentence : sentence.replace(/\.$/, '');
  return cutAtWord(title, SENTENCE_TITLE_LENGTH);
}
