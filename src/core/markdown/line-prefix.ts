/** Container markers, list markers and a heading marker at the start of a line. */
const LINE_PREFIX =
  /[ \t]*(?:(?:>|[-+*]|\d{1,9}[.)])(?=[ \t\n]|$)[ \t]*)*(?:#{1,6}(?=[ \t\n]|$)[ \t]*)?/y;

/**
 * The length (UTF-16 code units) of the container markers (`>`, list bullets and numbers), their
 * spaces and a heading marker at `start`, the start of a line of `text`.
 */
export function linePrefixLength(text: string, start: number): number {
  LINE_PREFIX.lastIndex = start;
  LINE_PREFIX.test(text);
  return LINE_PREFIX.lastIndex - start;
}
