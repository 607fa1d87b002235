/** Runs of blank characters (space, tab, line feed) around block boundaries. */

/** The start of the whitespace run that ends at `end`: where a boundary search can resume. */
export function blankRunStart(text: string, end: number): number {
  let index = end;
  while (index > 0 && isBlankChar(text.charCodeAt(index - 1))) index -= 1;
  return index;
}

/** Whether a UTF-16 code unit is a space, a tab or a line feed. */
export function isBlankChar(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0x0a;
}
