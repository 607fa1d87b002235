/**
 * Markdown documents for the streaming-markdown tests: one shaped like a benchmark answer and a set
 * of adversarial ones (`../shared/docs/performance.md` §1.2b/c lists what breaks block splitting).
 * Deterministic; every document ends with a newline. Test support only, not shipped.
 */

/** A small deterministic generator (mulberry32), so documents are the same on every run. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let value = Math.imul(state ^ (state >>> 15), 1 | state);
    value = (value + Math.imul(value ^ (value >>> 7), 61 | value)) ^ value;
    return ((value ^ (value >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = [
  'the',
  'stream',
  'renders',
  'tokens',
  'quickly',
  'while',
  'reasoning',
  'model',
  'answer',
  'frame',
  'parser',
  'block',
  'markdown',
  'latency',
  'browser',
  'budget',
  'cost',
  'linear',
  '日本語',
  '中文',
  'emoji',
  '🚀',
  '✨',
  'naïve',
  'café',
  'x²',
  '$x^2$',
  '`code`',
  '**bold**',
  '*italic*',
  '_under_',
  '~~gone~~',
  '[link](https://example.com/a_b?c=1&d=2)',
];

function words(count: number, seed: number): string[] {
  const next = random(seed);
  return Array.from({ length: count }, () => WORDS[Math.floor(next() * WORDS.length)] ?? 'word');
}

function sentence(count: number, seed: number): string {
  const text = words(count, seed).join(' ');
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
}

function pythonCode(lines: number): string {
  const out: string[] = [];
  for (let index = 0; out.length < lines; index += 1) {
    out.push(
      `def step_${index}(values, power=2):`,
      `    """Square ** each value; keep [x]: pairs and ~~ as text."""`,
      `    total = sum(v ** power for v in values)  # 日本語 🚀`,
      `    return {"index": ${index}, "total": total, "note": '*not* markdown'}`,
      '',
    );
  }
  return out.slice(0, lines).join('\n');
}

function tableRows(rows: number): string {
  const out = ['| # | Name | Value | Notes |', '|---|:-----|------:|:-----:|'];
  for (let index = 1; index <= rows; index += 1) {
    out.push(`| ${index} | **item ${index}** | \`${index * 3}\` | ${sentence(4, index)} |`);
  }
  return out.join('\n');
}

/** Prose, nested lists, a 200-line code fence, a 50-row table, inline code and math, CJK, emoji. */
export const BENCHMARK_ANSWER = [
  '# Comparing approaches',
  '',
  `Here is a **detailed** look at *three* ideas with \`inline code\`, math like $x^2 + y^2 = z^2$, a [link](https://example.com/docs?q=sort&lang=en) and ~~old~~ new text. 日本語のテキストと絵文字 🚀✨ are here too. ${sentence(40, 1)}`,
  '',
  '## 1. Overview',
  '',
  '- **Quicksort**: average $O(n \\log n)$',
  '  - partition step',
  '    - Lomuto or *Hoare*',
  '  - recursion',
  '- *Mergesort*: stable',
  '  1. split',
  '  2. merge',
  '- `heapsort` — in place',
  '',
  '1. First ordered item',
  '2. Second with `code` and **bold _nested_ text**',
  '',
  '> A quote with **bold** text',
  '> spanning two lines.',
  '',
  '- [x] done task',
  '- [ ] open task',
  '',
  'A loose list follows:',
  '',
  '- item one',
  '',
  '- item two',
  '',
  '  continued paragraph in item two',
  '',
  sentence(60, 2),
  '',
  '```python',
  pythonCode(200),
  '```',
  '',
  tableRows(50),
  '',
  '---',
  '',
  `Final words with **bold _nested italic_ text**, 中文，emoji 👩‍💻 and ${sentence(30, 3)}`,
  '',
].join('\n');

function openFence(size: number): string {
  const lines = ['Intro before the code.', '', '```ts'];
  for (let index = 0; lines.join('\n').length < size; index += 1) {
    lines.push(
      `export function f${index}(a: number): number {`,
      `  return a ** ${index};`,
      '}',
      '',
    );
  }
  return `${lines.join('\n')}\n`;
}

function footnotes(): string {
  const paragraphs = Array.from(
    { length: 12 },
    (_, index) => `${sentence(30, 10 + index)} See the note[^${(index % 3) + 1}].`,
  );
  const notes = [1, 2, 3].map((index) => `[^${index}]: Footnote ${index} with *emphasis*.`);
  return `${[...paragraphs, ...notes].join('\n\n')}\n`;
}

function referenceAtEnd(): string {
  const paragraphs = Array.from(
    { length: 15 },
    (_, index) => `${sentence(25, 30 + index)} Read [the docs][docs] or [this][].`,
  );
  return `${paragraphs.join('\n\n')}\n\n[docs]: https://example.com/docs\n[this]: https://example.com/this\n`;
}

function longParagraph(count: number): string {
  const list = words(count, 99);
  const lines: string[] = [];
  for (let index = 0; index < list.length; index += 16)
    lines.push(list.slice(index, index + 16).join(' '));
  return `${lines.join('\n')}\n`;
}

/** Constructs that break naive splitting: each must still render exactly like a one-shot parse. */
const TRICKY = [
  'Setext heading\n---\n\nAnother\n===\n\nA paragraph\nwith a lazy line.',
  '<!-- an HTML comment\n\nthat spans blank lines -->\n\nAfter the comment.',
  '<pre>\nraw\n\nstill raw\n</pre>\n\nAfter pre.',
  '    indented code\n\n    still code\n\nParagraph.',
  '- bullet list\n\n- loose item\n\n* other bullet list\n\n1. ordered\n\n2) other ordered\n\nText.',
  '1. one\n\n   nested paragraph\n\n   ```js\n   code\n\n   more code\n   ```\n\n2. two\n\nEnd of list.',
  '> quote\n\n> second quote\n>\n> with a blank quoted line\n\nLazy\n> quote\ncontinued.',
  '````md\n```js\ninner\n\nfence\n```\n````\n\n~~~\ntilde fence\n\n~~~\n\nDone.',
  '| a | b |\n|---|---|\n| 1 | 2 |\n\n| c |\n|---|\n| 3 |\n\nText after tables.',
  '- [ ] task\n- [x] done\n\n12345 is a number, not a list.\n\n2024. A year, a list item.\n\nEnd.',
  '# Heading\n\n***\n\n___\n\n- - -\n\nText *after* rules.',
].join('\n\n');

/** Adversarial documents, by name. */
export const ADVERSARIAL_DOCUMENTS: Readonly<Record<string, string>> = {
  'a 20 KB open code fence': openFence(20_000),
  'a 200-row table': `A table:\n\n${tableRows(200)}\n\nAfter the table.\n`,
  footnotes: footnotes(),
  'a link reference definition at the very end': referenceAtEnd(),
  'a 5,000-word paragraph': longParagraph(5000),
  'tricky constructs': `${TRICKY}\n`,
};

/**
 * The prefix lengths to stream a document through: every prefix of a small document; for a big
 * one every 7th plus all within a few characters of each line start (where blocks begin and end).
 */
export function prefixLengths(doc: string): number[] {
  if (doc.length <= 3000) return Array.from({ length: doc.length + 1 }, (_, index) => index);
  const lengths = new Set<number>([0, doc.length]);
  for (let length = 0; length <= doc.length; length += 7) lengths.add(length);
  for (let index = doc.indexOf('\n'); index !== -1; index = doc.indexOf('\n', index + 1)) {
    for (let near = index - 2; near <= index + 3; near += 1) {
      if (near >= 0 && near <= doc.length) lengths.add(near);
    }
  }
  return [...lengths].sort((a, b) => a - b);
}
