/** Emphasis and strikethrough delimiter runs (CommonMark §6.2, GFM strikethrough) in the tail repair. */
import { count } from './step-counter';
import { MAX_OPEN_CONSTRUCTS, type InlineScan } from './open-construct';
import { runEnd } from './run-index';

/**
 * A run of `*`, `_` or `~` at `index`: closes what it can (CommonMark flanking rules), opens the
 * rest on `scan.stack`; returns the index after the run.
 */
export function delimiterRun(region: string, index: number, scan: InlineScan): number {
  const char = region.charAt(index);
  const end = runEnd(region, index);
  if (char === '~' && end - index > 2) return end;
  const before = charBefore(region, index);
  const after = end < region.length ? charAt(region, end) : ' ';
  const left =
    !isSpace(after) && (!isPunctuation(after) || isSpace(before) || isPunctuation(before));
  const right =
    !isSpace(before) && (!isPunctuation(before) || isSpace(after) || isPunctuation(after));
  const length = end - index;
  // `_` and `~` do not open or close inside a word; a single `~` is usually "about" (`~5 ms`),
  // which GFM would strike through if closed, so it never opens here.
  const isShy = char === '_' || char === '~';
  const canOpen =
    (isShy ? left && (!right || isPunctuation(before)) : left) && (char !== '~' || length === 2);
  const canClose = isShy ? right && (!left || isPunctuation(after)) : right;
  const remaining = canClose ? closeDelimiters(scan, char, length) : length;
  if (remaining > 0 && canOpen && scan.stack.length < MAX_OPEN_CONSTRUCTS) {
    scan.stack.push({ kind: 'delimiter', char, length: remaining, start: end - remaining, end });
  }
  const mayOpenLater = char !== '_' || isSpace(before) || isPunctuation(before);
  const isTrailing = end === region.length && remaining === length && mayOpenLater;
  scan.trailingRun = isTrailing ? index : undefined;
  return end;
}

/** Matches a closing run against the open runs of the same character; returns what is left. */
function closeDelimiters(scan: InlineScan, char: string, length: number): number {
  const { stack } = scan;
  let remaining = length;
  for (let index = stack.length - 1; index >= 0 && remaining > 0; index -= 1) {
    count(scan.counter);
    const open = stack[index];
    if (open === undefined || open.kind === 'bracket') break;
    if (open.kind !== 'delimiter' || open.char !== char) continue;
    if (char === '~' && open.length !== remaining) continue;
    const used = Math.min(open.length, remaining);
    remaining -= used;
    stack.splice(index);
    if (open.length > used)
      stack.push({ ...open, length: open.length - used, end: open.end - used });
  }
  return remaining;
}

function charBefore(text: string, index: number): string {
  if (index === 0) return ' ';
  const low = text.charCodeAt(index - 1);
  const isPair = low >= 0xdc00 && low <= 0xdfff && index >= 2;
  return text.slice(isPair ? index - 2 : index - 1, index);
}

function charAt(text: string, index: number): string {
  return String.fromCodePoint(text.codePointAt(index) ?? 0x20);
}

function isSpace(char: string): boolean {
  return /^\s$/u.test(char);
}

function isPunctuation(char: string): boolean {
  return /^[\p{P}\p{S}]$/u.test(char);
}
