/**
 * The width of a line's leading spaces and tabs in columns, tabs advancing to the next multiple of 4
 * (CommonMark §2.2, "Tabs").
 */
export function indentWidth(line: string): number {
  let width = 0;
  for (const char of line) {
    if (char === ' ') width += 1;
    else if (char === '\t') width += 4 - (width % 4);
    else break;
  }
  return width;
}
