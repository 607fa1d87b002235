/** The inline half of {@link repairTail}: closes the markup left open in the last paragraph. */
import { delimiterRun } from './delimiter-run';
import { INCOMPLETE_LINK_URL } from './incomplete-link-url';
import { linePrefixLength } from './line-prefix';
import { MAX_OPEN_CONSTRUCTS, type InlineScan, type Open } from './open-construct';
import { runEnd } from './run-index';
import { count, type StepCounter } from './step-counter';

/**
 * Closes the inline markup left open at the end of one paragraph (`region`); see
 * {@link repairTail} for what is closed and dropped. Linear in the length of `region`.
 */
export function repairInline(region: string, counter: StepCounter): string {
  const scan = scanInline(region, counter);
  let cut = scan.trailingRun ?? region.length;
  let stack = scan.stack;
  const image = stack.findIndex(
    (open) => (open.kind === 'bracket' || open.kind === 'target') && open.isImage,
  );
  if (image !== -1) {
    cut = Math.min(cut, stack[image]?.start ?? cut);
    stack = stack.slice(0, image);
  }
  let suffix = '';
  let lastNonBlank = lastNonBlankBefore(region, cut, counter);
  for (let index = stack.length - 1; index >= 0; index -= 1) {
    count(counter);
    const open = stack[index];
    if (open === undefined || open.start >= cut) continue;
    const closing = closingFor(open, region, cut, lastNonBlank >= open.end);
    const previousCut = cut;
    if (closing === undefined) cut = open.start;
    else if (open.kind === 'target') cut = open.end - 1;
    if (cut !== previousCut) lastNonBlank = lastNonBlankBefore(region, cut, counter);
    suffix += closing ?? '';
  }
  const body = region.slice(0, cut);
  return suffix === '' ? body : body.replace(/[ \t\n]+$/, '') + suffix;
}

/** The index of the last character before `end` that is not whitespace; -1 when there is none. */
function lastNonBlankBefore(region: string, end: number, counter: StepCounter): number {
  let index = end - 1;
  while (index >= 0 && /\s/.test(region.charAt(index))) {
    count(counter);
    index -= 1;
  }
  return index;
}

/**
 * What closes `open`, whose content runs to `cut` (`hasContent`: it holds a non-blank character);
 * `undefined` drops it (nothing inside yet).
 */
function closingFor(
  open: Open,
  region: string,
  cut: number,
  hasContent: boolean,
): string | undefined {
  switch (open.kind) {
    case 'code':
      if (cut <= open.end) return undefined;
      return (region.charAt(cut - 1) === '`' ? ' ' : '') + '`'.repeat(open.length);
    case 'delimiter':
      return hasContent ? open.char.repeat(open.length) : undefined;
    case 'bracket':
      return hasContent ? `](${INCOMPLETE_LINK_URL})` : undefined;
    case 'target':
      return `(${INCOMPLETE_LINK_URL})`;
  }
}

const AUTOLINK = /<[A-Za-z][A-Za-z0-9+.-]{1,31}:[^\s<>]*>/y;

function scanInline(region: string, counter: StepCounter): InlineScan {
  const scan: InlineScan = { counter, stack: [], trailingRun: undefined };
  const isTableRow = /^[ \t]*\|/.test(region);
  let index = linePrefixLength(region, 0);
  while (index < region.length) {
    count(counter);
    const top = scan.stack.at(-1);
    if (top?.kind === 'code') index = scanCode(region, index, scan.stack, top.length);
    else if (top?.kind === 'target') index = scanTarget(region, index, scan.stack, top);
    else index = scanText(region, index, scan, isTableRow);
  }
  return scan;
}

/** One step outside code spans and link targets; returns the next index. */
function scanText(region: string, index: number, scan: InlineScan, isTableRow: boolean): number {
  const char = region.charAt(index);
  const { stack } = scan;
  if (char === '\\') return index + 2;
  if (char === '`') {
    const end = runEnd(region, index);
    if (stack.length < MAX_OPEN_CONSTRUCTS) {
      stack.push({ kind: 'code', length: end - index, start: index, end });
    }
    return end;
  }
  if (char === '*' || char === '_' || char === '~') return delimiterRun(region, index, scan);
  if (char === '[' || (char === '!' && region.charAt(index + 1) === '[')) {
    const end = index + (char === '!' ? 2 : 1);
    if (stack.length < MAX_OPEN_CONSTRUCTS) {
      stack.push({ kind: 'bracket', isImage: char === '!', start: index, end });
    }
    return end;
  }
  if (char === ']') return closeBracket(region, index, scan);
  if (char === '|' && isTableRow) stack.length = 0;
  if (char === '\n') return index + 1 + linePrefixLength(region, index + 1);
  if (char === '<') {
    AUTOLINK.lastIndex = index;
    if (AUTOLINK.test(region)) return AUTOLINK.lastIndex;
  }
  return index + 1;
}

/** Inside a code span only a backtick run of the same length matters. */
function scanCode(region: string, index: number, stack: Open[], length: number): number {
  const next = region.indexOf('`', index);
  if (next === -1) return region.length;
  const end = runEnd(region, next);
  if (end - next === length) stack.pop();
  return end;
}

/** Inside a link target `(…)`: balanced parentheses, backslash escapes. */
function scanTarget(region: string, index: number, stack: Open[], target: Open): number {
  const char = region.charAt(index);
  if (char === '\\') return index + 2;
  if (target.kind === 'target' && char === '(') target.depth += 1;
  if (target.kind === 'target' && char === ')') {
    if (target.depth === 0) stack.pop();
    else target.depth -= 1;
  }
  return index + 1;
}

/** `]`: followed by `(` it starts a link target; otherwise the bracket was literal text. */
function closeBracket(region: string, index: number, scan: InlineScan): number {
  const { stack } = scan;
  let opener = stack.length - 1;
  while (opener >= 0 && stack[opener]?.kind !== 'bracket') {
    count(scan.counter);
    opener -= 1;
  }
  if (opener === -1) return index + 1;
  const bracket = stack[opener];
  if (region.charAt(index + 1) !== '(' || bracket?.kind !== 'bracket') {
    stack.splice(opener, 1);
    return index + 1;
  }
  stack.splice(opener);
  stack.push({
    kind: 'target',
    isImage: bracket.isImage,
    start: bracket.start,
    end: index + 2,
    depth: 0,
  });
  return index + 2;
}
