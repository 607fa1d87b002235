/** Display math that fills its lines, written as a `$$` block of its own. */
import { indentWidth } from './indent-width';

/**
 * Math at `text[start, end)` that fills its lines, as a `$$` block; undefined when it shares a
 * line with other text, sits after a container marker (`>`, `-`) or is indented like code.
 */
export function displayBlock(
  text: string,
  start: number,
  end: number,
  content: string,
  isInList: boolean,
): string | undefined {
  let lineStart = start;
  while (lineStart > 0 && isSpaceOrTab(text.charAt(lineStart - 1))) lineStart -= 1;
  if (lineStart > 0 && text.charAt(lineStart - 1) !== '\n') return undefined;
  const indent = text.slice(lineStart, start);
  if (indentWidth(indent) > 3 && !isInList) return undefined;
  let after = end;
  while (after < text.length && text.charAt(after) !== '\n' && /\s/.test(text.charAt(after))) {
    after += 1;
  }
  if (after < text.length && text.charAt(after) !== '\n') return undefined;
  const lines = content
    .replace(/^[ \t]*\r?\n/, '')
    .replace(/\r?\n[ \t\r]*$/, '')
    .split('\n');
  if (lines.some((line) => /^[ \t]*\$\$/.test(line))) return undefined;
  const body = lines.map((line) =>
    (/^[ \t]*/.exec(line)?.[0].length ?? 0) >= indent.length ? line : indent + line.trimStart(),
  );
  return `$$\n${body.join('\n')}\n${indent}$$`;
}

function isSpaceOrTab(char: string): boolean {
  return char === ' ' || char === '\t';
}
