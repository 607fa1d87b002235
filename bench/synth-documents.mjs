/**
 * The two documents of a synthetic reply, written into a {@link TextBuilder}: R1-style reasoning and
 * a markdown answer with every block kind a chat answer uses.
 */

import { CJK, EMOJI, IDENTS, OPENERS, WORDS } from './text-builder.mjs';

/** @typedef {import('./text-builder.mjs').TextBuilder} TextBuilder */

/**
 * Reasoning in the style of R1: long paragraphs, few blank lines, occasional inline code, math and a
 * short list; no headings.
 * @param {TextBuilder} b
 * @param {number} minChars
 */
export function writeReasoning(b, minChars) {
  while (b.length < minChars) {
    b.add(b.pick(OPENERS)).add(' ');
    const sentences = 6 + b.int(10);
    for (let i = 0; i < sentences; i++) {
      if (i > 0) b.add(' ');
      b.sentence(b.random() < 0.35);
    }
    b.add('\n\n');
    if (b.random() < 0.12) {
      for (let i = 1; i <= 3; i++) {
        b.add(`${i}. `);
        b.words(6 + b.int(6));
        b.add('\n');
      }
      b.add('\n');
    }
  }
}

/**
 * A markdown answer: prose, nested lists, a long TypeScript fence, a table, a short Python fence,
 * a blockquote and a rule, then prose until `minChars`.
 * @param {TextBuilder} b
 * @param {number} minChars
 * @param {number} scale 1 for a 4,000-token answer (200-line fence, 50-row table).
 */
export function writeAnswer(b, minChars, scale) {
  const fenceLines = Math.max(6, Math.round(200 * scale));
  const tableRows = Math.max(3, Math.round(50 * scale));
  b.add('## ');
  b.words(4);
  b.add('\n\n');
  b.paragraph(4, true);
  // Nested list, then an ordered one.
  for (let i = 0; i < 3; i++) {
    b.add('- ');
    b.words(6 + b.int(6));
    b.add(' ').inlineCode().add('\n');
    for (let j = 0; j < 2; j++) {
      b.add('  - ');
      b.words(5 + b.int(5));
      b.add('\n');
    }
  }
  b.add('\n');
  for (let i = 1; i <= 4; i++) {
    b.add(`${i}. `);
    b.bold(2);
    b.add(': ');
    b.words(6 + b.int(8));
    b.add('\n');
  }
  b.add('\n');
  b.paragraph(3, true);
  // The long fence, its opening backticks split.
  b.add('`').cut().add('``ts\n');
  b.add('export function merge(left: number[], right: number[]): number[] {\n');
  for (let i = 0; i < fenceLines - 2; i++) {
    const indent = '  '.repeat(1 + (i % 3));
    const kind = i % 5;
    if (kind === 0)
      b.add(`${indent}const `)
        .probe()
        .add(` = ${b.pick(IDENTS)}[${i}] ?? 0;\n`);
    else if (kind === 1) b.add(`${indent}if (${b.pick(IDENTS)} < ${b.int(1000)}) {\n`);
    else if (kind === 2) b.add(`${indent}${b.pick(IDENTS)} += ${b.int(10)};\n`);
    else if (kind === 3) b.add(`${indent}}\n`);
    else b.add(`${indent}// ${b.pick(WORDS)} ${b.pick(WORDS)}\n`);
  }
  b.add('}\n```\n\n');
  b.paragraph(2, true);
  b.add('> ');
  b.words(14);
  b.add(' ').add(b.pick(EMOJI)).add('\n\n---\n\n');
  // The table: each row's leading pipe starts a token.
  b.add('| Case | Input | Result | Note |\n|---|---:|:---:|---|\n');
  for (let i = 0; i < tableRows; i++) {
    b.cut()
      .add('| ')
      .probe()
      .add(` | ${b.int(10000)} | ${b.random() < 0.5 ? '`ok`' : '**fail**'} | `)
      .add(b.random() < 0.2 ? b.pick(CJK) : b.pick(WORDS))
      .add(' |\n');
  }
  b.add('\n### ');
  b.words(3);
  b.add('\n\n');
  b.add('`').cut().add('``python\n');
  const pyLines = Math.max(4, Math.round(20 * scale));
  for (let i = 0; i < pyLines; i++) {
    b.add(i % 4 === 0 ? `def step_${i}(x):  # ` : `    x = x * ${i} + 1  # `)
      .probe()
      .add('\n');
  }
  b.add('```\n\n');
  b.add('1. ').words(8).add('\n   - ').words(6).add('\n   - ').link().add('\n2. ').words(7);
  b.add('\n\n');
  while (b.length < minChars) b.paragraph(3 + b.int(4), true);
}
