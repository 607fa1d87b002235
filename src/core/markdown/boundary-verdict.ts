/** Whether a finished top-level block can settle once the next block has started. */
import { isFenceClosing, readFenceOpening } from './code-fence';
import type { TopLevelBlock } from './top-level-blocks';

/** The first line of a block's source. */
export function firstLine(raw: string): string {
  const newline = raw.indexOf('\n');
  return newline === -1 ? raw : raw.slice(0, newline);
}

/** `safe`: the block can settle; `unsafe`: not now; `undecided`: ask again when more text arrives. */
export type Verdict = 'safe' | 'unsafe' | 'undecided';

/**
 * Whether the block `last` (a top-level block of `source`, see `top-level-blocks.ts`) can settle
 * now that the next block starts at `position` of `source`.
 */
export function boundaryVerdict(last: TopLevelBlock, source: string, position: number): Verdict {
  const raw = source.slice(last.start, last.end);
  switch (last.type) {
    case 'content':
    case 'atxHeading':
    case 'setextHeading':
    case 'thematicBreak':
    case 'table':
    case 'blockQuote':
      return 'safe';
    case 'codeIndented':
      return afterIndentedCodeVerdict(source, position);
    case 'codeFenced':
      return isClosedCode(raw) ? 'safe' : 'unsafe';
    case 'htmlFlow':
      return isClosedHtml(raw) ? 'safe' : 'unsafe';
    case 'listOrdered':
    case 'listUnordered':
      return listMarkerVerdict(source, position);
    default:
      return 'unsafe';
  }
}

/**
 * Whether a code block's source (`raw`) is closed: indented code is closed by any non-indented line;
 * a fence needs its closing fence.
 */
export function isClosedCode(raw: string): boolean {
  const opening = readFenceOpening(firstLine(raw));
  if (opening === undefined) return true;
  const body = raw.replace(/\n+$/, '');
  const lastLineStart = body.lastIndexOf('\n') + 1;
  if (lastLineStart === 0) return false;
  return isFenceClosing(body.slice(lastLineStart), opening);
}

/** HTML block kinds 1–5 (CommonMark) run across blank lines until their end marker. */
const HTML_BLOCK_ENDS: readonly (readonly [RegExp, RegExp])[] = [
  [/^ {0,3}<(?:script|pre|style|textarea)(?:[\s>]|$)/i, /<\/(?:script|pre|style|textarea)>/i],
  [/^ {0,3}<!--/, /^ {0,3}<![\s\S]*?-->/],
  [/^ {0,3}<\?/, /\?>/],
  [/^ {0,3}<!\[CDATA\[/, /\]\]>/],
  [/^ {0,3}<![A-Za-z]/, />/],
];

function isClosedHtml(raw: string): boolean {
  const kind = HTML_BLOCK_ENDS.find(([start]) => start.test(raw));
  return kind === undefined || kind[1].test(raw);
}

/** A list ends only at a line that is not a list item; decide once the marker is complete. */
function listMarkerVerdict(source: string, position: number): Verdict {
  const lineEnd = source.indexOf('\n', position);
  const head = source.slice(position, position + 12);
  const isWholeLine = lineEnd !== -1 && lineEnd - position <= head.length;
  const line = isWholeLine ? head.slice(0, lineEnd - position) : head;
  const marker = /^(?:[-+*]|\d{1,9}[.)])/.exec(line)?.[0];
  if (marker === undefined) {
    return /^\d{1,9}$/.test(line) && !isWholeLine ? 'undecided' : 'safe';
  }
  const after = line.charAt(marker.length);
  if (after === '') return isWholeLine ? 'unsafe' : 'undecided';
  return after === ' ' || after === '\t' ? 'unsafe' : 'safe';
}

/**
 * After indented code, micromark reads the next block as if it could interrupt a paragraph: an
 * ordered list that does not start at 1, or an empty list item, is read as a paragraph there but as
 * a list on its own. Such a block must not be cut from the code before it; decide once its first
 * line is complete.
 */
function afterIndentedCodeVerdict(source: string, position: number): Verdict {
  const lineEnd = source.indexOf('\n', position);
  const isWholeLine = lineEnd !== -1 && lineEnd - position <= 16;
  const line = source.slice(position, isWholeLine ? lineEnd : position + 16);
  if (!isWholeLine && /^ {0,3}(?:\d{1,9}(?:[.)][ \t]*)?|[-+*][ \t]*)$/.test(line)) {
    return 'undecided';
  }
  const ordered = /^ {0,3}(\d{1,9})[.)](?:[ \t]|$)/.exec(line);
  if (ordered !== null && Number(ordered[1]) !== 1) return 'unsafe';
  return isWholeLine && /^ {0,3}(?:[-+*]|\d{1,9}[.)])[ \t]*$/.test(line) ? 'unsafe' : 'safe';
}
