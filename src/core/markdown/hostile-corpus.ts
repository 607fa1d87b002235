/**
 * Pathological markdown a model or a share link could hand the renderer: deep nesting of every
 * container, tens of thousands of unclosed delimiters of every kind, a thousand-column table, a
 * megabyte on one line, right-to-left text and stacked combining marks, NUL characters and lone
 * surrogates. Every entry ends with {@link AFTER_HOSTILE}, the words a renderer must still show
 * after the hostile part. Deterministic. Used by the unit tests, the e2e tests and
 * `npm run bench:hostile`; not shipped.
 */

/** The sentence every corpus entry ends with. */
export const AFTER_HOSTILE = 'Words after the hostile part.';

const end = `\n\n${AFTER_HOSTILE}\n`;

function lines(count: number, line: (index: number) => string): string {
  return Array.from({ length: count }, (_, index) => line(index)).join('\n');
}

/** A table of `columns` columns and `rows` body rows. */
function wideTable(columns: number, rows: number): string {
  const row = (cell: (column: number) => string) =>
    `|${Array.from({ length: columns }, (_, column) => ` ${cell(column)} `).join('|')}|`;
  return [
    row((column) => `h${column}`),
    row(() => '---'),
    ...Array.from({ length: rows }, (_, r) => row((column) => `*${r}.${column}*`)),
  ].join('\n');
}

/** Hostile documents, by name. */
export const HOSTILE_CORPUS: Readonly<Record<string, string>> = {
  'a list nested 1,000 deep on one line': `${'- '.repeat(1000)}x${end}`,
  'an ordered list nested 1,000 deep': `${'1. '.repeat(1000)}x${end}`,
  'a quote nested 2,500 deep': `${'>'.repeat(2500)} x${end}`,
  'a list nested 300 deep by indentation': `${lines(300, (depth) => `${'  '.repeat(depth)}- level ${depth}`)}${end}`,
  'quotes and lists alternating 1,000 deep': `${'> - '.repeat(1000)}x${end}`,
  'a fence inside a quote nested 500 deep': `${'> '.repeat(500)}\`\`\`\n${'> '.repeat(500)}code\n${end}`,
  'emphasis nested 2,000 deep': `${'*a _'.repeat(1000)}x${'_ a*'.repeat(1000)}${end}`,
  'links nested 5,000 deep': `${'['.repeat(5000)}x${'](u)'.repeat(5000)}${end}`,
  'images nested 2,000 deep': `${'!['.repeat(2000)}x${'](u)'.repeat(2000)}${end}`,
  '60,000 unclosed \\(': `${'\\('.repeat(60_000)}${end}`,
  '20,000 unclosed \\[': `${'a \\['.repeat(20_000)}${end}`,
  '30,000 unclosed $': `${'$a '.repeat(30_000)}${end}`,
  '30,000 unclosed *': `${'*a '.repeat(30_000)}${end}`,
  '30,000 unclosed _': `${'_a '.repeat(30_000)}${end}`,
  '30,000 unclosed ~~': `${'~~a '.repeat(30_000)}${end}`,
  '30,000 unclosed backticks': `${'`a '.repeat(30_000)}${end}`,
  '30,000 unclosed [': `${'[a '.repeat(30_000)}${end}`,
  '30,000 unclosed <': `${'<a '.repeat(30_000)}${end}`,
  'a thousand-column table': `${wideTable(1000, 3)}${end}`,
  'a megabyte on one line': `${'lorem ipsum dolor sit amet '.repeat(38_837)}${end}`,
  'right-to-left text and bidi controls': `${lines(200, (index) => `\u202e${index} مرحبا بالعالم שלום עולם \u2066**bold**\u2069 \u200f*x*`)}${end}`,
  'stacked combining marks': `${`Z${'\u0301\u0316\u0327\u0360'.repeat(50)} `.repeat(200)}${end}`,
  'NUL characters and lone surrogates': `a\u0000b **\u0000** \ud800 [x](\udc00) \`\ud83d\` \ud83d\ude00 $\ud800$ ${'\u0000\ud800'.repeat(5000)}${end}`,
};
