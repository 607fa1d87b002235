/**
 * Code fences as CommonMark 0.31 §4.5 ("Fenced code blocks") defines them, read one line at a
 * time. Every place that needs to know where a fenced code block opens and closes asks here.
 *
 * - An opening fence is up to 3 spaces of indentation, then at least 3 backticks or at least 3
 *   tildes, then an info string; after backticks the info string may not contain a backtick.
 * - A closing fence is up to 3 spaces of indentation, then a run of the opening fence's character
 *   at least as long as the opening run, then only spaces or tabs.
 *
 * Lines are passed without their line ending (a trailing `\r` of a CRLF line is ignored). Callers
 * inside containers (block quotes, list items) remove the container's prefix first. Each check is
 * one pass over the line.
 */

/** The character a fence is made of. */
export type FenceMarker = '`' | '~';

/** An opening code fence line. */
export interface FenceOpening {
  marker: FenceMarker;
  /** Length of the marker run, at least 3. */
  length: number;
  /** Spaces before the run (0 to 3); CommonMark removes as many from each code line. */
  indent: number;
  /** The info string, trimmed (`ts title="x"`); empty when there is none. */
  info: string;
}

const OPENING = /^( {0,3})(`{3,}|~{3,})([\s\S]*)$/;
const CLOSING = /^ {0,3}(`{3,}|~{3,})[ \t]*$/;

function withoutCr(line: string): string {
  return line.endsWith('\r') ? line.slice(0, -1) : line;
}

/** The opening fence `line` is, or `undefined` when it is not one. */
export function readFenceOpening(line: string): FenceOpening | undefined {
  const match = OPENING.exec(withoutCr(line));
  if (match === null) return undefined;
  const [, indent = '', run = '', rest = ''] = match;
  const marker = run.charAt(0) as FenceMarker;
  if (marker === '`' && rest.includes('`')) return undefined;
  return { marker, length: run.length, indent: indent.length, info: rest.trim() };
}

/** Whether `line` closes a code block opened by `fence`. */
export function isFenceClosing(
  line: string,
  fence: Pick<FenceOpening, 'marker' | 'length'>,
): boolean {
  const run = CLOSING.exec(withoutCr(line))?.[1];
  return run !== undefined && run.charAt(0) === fence.marker && run.length >= fence.length;
}

/** The language of an info string: its first word (`ts` in `ts title="x"`), if any. */
export function fenceLanguage(info: string): string | undefined {
  return /^[^\s`]+/.exec(info)?.[0];
}
