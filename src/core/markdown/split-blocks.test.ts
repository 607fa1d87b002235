import { describe, expect, it } from 'vitest';
import { sampledInMutationRun } from '../../testing/mutation-run';
import { createBlockSplitter, type BlockSplit } from './split-blocks';
import { ADVERSARIAL_DOCUMENTS, BENCHMARK_ANSWER, prefixLengths } from './test-documents';
import { settledMismatch, wholeTextBlocks } from '../../testing/whole-text-blocks';

interface StreamRun {
  last: BlockSplit;
  lexedChars: number;
  /** What a full re-lex on every update would have cost. */
  quadraticChars: number;
  updates: number;
}

/** An open fence reported by the splitter is what a parse of the tail sees: its last block, open. */
function checkOpenFence({ tail, openFence }: BlockSplit, at: number): void {
  const fence = openFence!;
  const last = wholeTextBlocks(tail).at(-1);
  if (last?.kind !== 'code' || last.start !== fence.start || last.end !== tail.length) {
    expect.fail(`open fence at ${at} is not the tail's last block`);
  }
  if (/\n(`{3,}|~{3,})[ \t]*\n?$/.test(tail.slice(fence.codeStart - 1))) {
    expect.fail(`open fence at ${at} has its closing fence`);
  }
  if (!/^(`{3,}|~{3,})[^\n]*\n$/.test(tail.slice(fence.start, fence.codeStart))) {
    expect.fail(`open fence at ${at}: the code does not start after the opening line`);
  }
}

/** How often an open fence that stays the same is checked again (a parse of the whole tail). */
const FENCE_RECHECK_EVERY = sampledInMutationRun(25, 250);
/** How often the tail is compared with the prefix after the settled blocks. */
const TAIL_CHECK_EVERY = sampledInMutationRun(1, 7);

/** Streams `doc` prefix by prefix, checking the invariants at every step. */
function streamAndCheck(doc: string, lengths = prefixLengths(doc)): StreamRun {
  let lexedChars = 0;
  const splitter = createBlockSplitter({ onLex: (chars) => (lexedChars += chars) });
  let previous: readonly string[] = [];
  let settledLength = 0;
  let quadraticChars = 0;
  let last: BlockSplit = splitter.update('');
  let checkedFenceAt: number | undefined;
  let checks = 0;
  for (const length of lengths) {
    const prefix = doc.slice(0, length);
    last = splitter.update(prefix);
    quadraticChars += length;
    // Settled blocks never change: the old ones are the same strings, in the same places.
    expect(last.settled.length).toBeGreaterThanOrEqual(previous.length);
    for (let index = 0; index < previous.length; index += 1) {
      if (last.settled[index] !== previous[index])
        expect.fail(`block ${index} changed at ${length}`);
    }
    for (const block of last.settled.slice(previous.length)) {
      if (!prefix.startsWith(block, settledLength))
        expect.fail(`block at ${settledLength} differs`);
      settledLength += block.length;
    }
    // Comparing the whole tail per prefix is quadratic on a long open block: sampled in mutation
    // runs, and always checked at the end.
    if (checks % TAIL_CHECK_EVERY === 0 && last.tail !== prefix.slice(settledLength)) {
      expect.fail(`tail is wrong at ${length}`);
    }
    // A parse of the tail per prefix is slow on a 20 KB fence: check each new fence, then every 25th.
    const fenceAt = last.openFence === undefined ? undefined : settledLength + last.openFence.start;
    if (
      fenceAt !== undefined &&
      (fenceAt !== checkedFenceAt || checks % FENCE_RECHECK_EVERY === 0)
    ) {
      checkOpenFence(last, length);
      checkedFenceAt = fenceAt;
    }
    checks += 1;
    previous = last.settled;
  }
  expect(last.settled.join('') + last.tail).toBe(doc);
  return { last, lexedChars, quadraticChars, updates: lengths.length };
}

const DOCUMENTS: [string, string][] = [
  ['the benchmark answer', BENCHMARK_ANSWER],
  ...Object.entries(ADVERSARIAL_DOCUMENTS),
];

describe('createBlockSplitter: streamed documents', () => {
  it.each(DOCUMENTS)('%s: settled + tail is the prefix, settled never changes', (_, doc) => {
    const run = streamAndCheck(doc);
    // Incremental: far below re-lexing the whole text per update, and at most a few passes.
    expect(run.lexedChars).toBeLessThan(run.quadraticChars / 20);
    expect(run.lexedChars).toBeLessThan(doc.length * 6);
  });

  it('splits the benchmark answer into many blocks, each a block of the whole-text parse', () => {
    const streamed = streamAndCheck(BENCHMARK_ANSWER).last;
    expect(settledMismatch(BENCHMARK_ANSWER, streamed.settled)).toBeUndefined();
    expect(streamed.settled.length).toBeGreaterThanOrEqual(12);
    expect(streamed.settled.some((block) => block.startsWith('```python'))).toBe(true);
    expect(streamed.settled.some((block) => block.startsWith('| # | Name'))).toBe(true);
  });

  it('streams in uneven chunks just as well (chunk sizes 1 to 97)', () => {
    const lengths: number[] = [];
    for (let length = 0, step = 1; length < BENCHMARK_ANSWER.length; step = (step * 7) % 97) {
      length = Math.min(BENCHMARK_ANSWER.length, length + step);
      lengths.push(length);
    }
    const run = streamAndCheck(BENCHMARK_ANSWER, lengths);
    expect(settledMismatch(BENCHMARK_ANSWER, run.last.settled)).toBeUndefined();
    expect(run.last.settled.length).toBeGreaterThanOrEqual(12);
  });

  it('never lexes inside a 20 KB open code fence once it knows the fence is open', () => {
    const run = streamAndCheck(ADVERSARIAL_DOCUMENTS['a 20 KB open code fence'] ?? '');
    expect(run.last.settled).toEqual(['Intro before the code.\n\n']);
    expect(run.lexedChars).toBeLessThan(200);
  });

  it('does not lex a paragraph or a table that has no blank line in it', () => {
    const paragraph = streamAndCheck(ADVERSARIAL_DOCUMENTS['a 5,000-word paragraph'] ?? '');
    expect(paragraph.lexedChars).toBe(0);
    expect(paragraph.last.settled).toEqual([]);
    const table = streamAndCheck(ADVERSARIAL_DOCUMENTS['a 200-row table'] ?? '');
    expect(table.last.settled).toHaveLength(2);
    expect(table.lexedChars).toBeLessThan(table.last.settled.join('').length * 3);
  });

  it('stops settling at the first definition and says so', () => {
    const notes = streamAndCheck(ADVERSARIAL_DOCUMENTS.footnotes ?? '').last;
    expect(notes.hasDefinitions).toBe(true);
    expect(notes.tail.startsWith('[^1]: Footnote 1')).toBe(true);
    const reference = streamAndCheck(
      ADVERSARIAL_DOCUMENTS['a link reference definition at the very end'] ?? '',
    ).last;
    expect(reference.hasDefinitions).toBe(true);
    expect(reference.tail.startsWith('[docs]:')).toBe(true);
  });
});

/** The final split of `text` streamed one character at a time. */
function splitStreamed(text: string): BlockSplit {
  const splitter = createBlockSplitter();
  let split = splitter.update('');
  for (let length = 1; length <= text.length; length += 1)
    split = splitter.update(text.slice(0, length));
  return split;
}

describe('createBlockSplitter: what settles', () => {
  it('settles a paragraph once a blank line and the next block follow', () => {
    expect(splitStreamed('One.\n\n')).toMatchObject({ settled: [], tail: 'One.\n\n' });
    expect(splitStreamed('One.\n\nT')).toMatchObject({ settled: ['One.\n\n'], tail: 'T' });
    expect(splitStreamed('One.\n\n\n  \nTwo')).toMatchObject({ settled: ['One.\n\n\n  \n'] });
  });

  it('keeps a paragraph that may become a setext heading or continue lazily', () => {
    expect(splitStreamed('Title\n---\nText').settled).toEqual([]);
    expect(splitStreamed('Line one\nline two\n').settled).toEqual([]);
  });

  it('does not settle before an indented line', () => {
    expect(splitStreamed('    code\n\n    more code\n\n').settled).toEqual([]);
    expect(splitStreamed('    code\n\n    more\n\nText').settled).toEqual([
      '    code\n\n    more\n\n',
    ]);
  });

  it('keeps indented code with a list item micromark reads as a paragraph after it', () => {
    // After indented code, `2) d` and an empty item read as paragraph text, and as lists alone.
    for (const next of ['2) d', '-']) {
      const { settled } = splitStreamed(`    x\n\n${next}\n\nText`);
      expect(settled[0]).not.toBe('    x\n\n');
    }
    expect(splitStreamed('    x\n\n1) d\n\nText').settled[0]).toBe('    x\n\n');
  });

  it('settles a list only when a following non-list, non-indented block starts', () => {
    expect(splitStreamed('- a\n\n- b\n\n').settled).toEqual([]);
    expect(splitStreamed('- a\n\n  more\n\n* c\n\n1. d\n\n2) e\n\n').settled).toEqual([]);
    expect(splitStreamed('- a\n\n1').settled).toEqual([]);
    expect(splitStreamed('- a\n\n123456789').settled).toEqual([]);
    expect(splitStreamed('- a\n\n-').settled).toEqual([]);
    expect(splitStreamed('- a\n\n12x').settled).toEqual(['- a\n\n']);
    expect(splitStreamed('- a\n\n1.5 is more').settled).toEqual(['- a\n\n']);
    expect(splitStreamed('- a\n\n---').settled).toEqual(['- a\n\n']);
    expect(splitStreamed('1. a\n\n2. b\n\nEnd').settled).toEqual(['1. a\n\n2. b\n\n']);
  });

  it('never settles inside a code fence, whatever its blank lines', () => {
    const fence = '```js\na\n\nb\n\n``\n~~~\n    ```\nc\n\n';
    expect(splitStreamed(fence).settled).toEqual([]);
    expect(splitStreamed(`${fence}\`\`\`\n\nEnd`).settled).toEqual([`${fence}\`\`\`\n\n`]);
    expect(splitStreamed('~~~\na\n\n```\n\nb\n\n').settled).toEqual([]);
    expect(splitStreamed('Text\n```\na\n\nb').settled).toEqual([]);
  });

  it('keeps an HTML block a blank line does not end until its end marker', () => {
    expect(splitStreamed('<!-- a\n\nb\n\nc').settled).toEqual([]);
    expect(splitStreamed('<!-- a\n\nb -->\n\nc').settled).toEqual(['<!-- a\n\nb -->\n\n']);
    expect(splitStreamed('<script>\na\n\nb').settled).toEqual([]);
    expect(splitStreamed('<div>\na\n\nb').settled).toEqual(['<div>\na\n\n']);
  });

  it('settles tables, headings, rules and quotes after their blank line', () => {
    const text = '| a |\n|---|\n| 1 |\n\n# H\n\n---\n\n> q\n\nEnd';
    expect(splitStreamed(text).settled).toEqual([
      '| a |\n|---|\n| 1 |\n\n',
      '# H\n\n',
      '---\n\n',
      '> q\n\n',
    ]);
  });

  it('settles nothing after a link reference or footnote definition', () => {
    for (const definition of ['[x]: https://x.y', '[^1]: note', '> [x]: /u', '- [x]: /u']) {
      const split = splitStreamed(`One.\n\nTwo.\n\n${definition}\n\nThree.\n\nFour.`);
      expect(split.hasDefinitions).toBe(true);
      expect(split.settled).toEqual(['One.\n\n', 'Two.\n\n']);
    }
    const indented = splitStreamed('One.\n\nTwo.\n\n  [a b]: <u>\n\nThree.');
    expect(indented).toMatchObject({ hasDefinitions: true, settled: ['One.\n\n'] });
    expect(
      splitStreamed('A [link](u) and [x] or [^1].\n\n[x] text\n\n- [ ] task\n\nB').hasDefinitions,
    ).toBe(false);
  });

  it('stops settling at a carriage return', () => {
    expect(splitStreamed('One.\n\nTwo.\r\n\r\nThree.\r\n\r\nFour').settled).toEqual(['One.\n\n']);
  });
});

describe('createBlockSplitter: updates', () => {
  it('returns the same result for the same text and starts over for a different text', () => {
    const splitter = createBlockSplitter();
    const first = splitter.update('One.\n\nTwo.');
    expect(splitter.update('One.\n\nTwo.')).toBe(first);
    expect(splitter.update('One.\n\nTwo. More')).toMatchObject({ tail: 'Two. More' });
    expect(splitter.update('One.\n\nTwo. More').settled).toBe(first.settled);
    expect(splitter.update('Other.\n\nText')).toEqual({
      settled: ['Other.\n\n'],
      tail: 'Text',
      hasDefinitions: false,
    });
  });

  it('lexes only the tail, never the settled text', () => {
    const sizes: number[] = [];
    const splitter = createBlockSplitter({ onLex: (chars) => sizes.push(chars) });
    let text = '';
    for (let index = 0; index < 200; index += 1) {
      text += `Paragraph ${index} with some words.\n\n`;
      splitter.update(text);
    }
    expect(Math.max(...sizes)).toBeLessThan(80);
    expect(splitter.update(`${text}End`).settled).toHaveLength(200);
  });
});

describe('open code fences', () => {
  function splitAll(prefixes: string[]): BlockSplit {
    const splitter = createBlockSplitter();
    let last = splitter.update('');
    for (const prefix of prefixes) last = splitter.update(prefix);
    return last;
  }

  it('reports a fence without its closing fence, with its language, until it closes', () => {
    const doc = 'Here is the code:\n\n```ts title="merge.ts"\nconst a = 1;\n\nconst b = 2;\n';
    const open = splitAll([doc.slice(0, 25), doc]);
    expect(open.tail).toBe('```ts title="merge.ts"\nconst a = 1;\n\nconst b = 2;\n');
    expect(open.openFence).toEqual({ start: 0, codeStart: 23, language: 'ts' });
    expect(open.tail.slice(open.openFence!.codeStart)).toBe('const a = 1;\n\nconst b = 2;\n');
    expect(splitAll([doc, `${doc}\`\`\`\n`]).openFence).toBeUndefined();
  });

  it('learns the language once the opening line is complete', () => {
    const doc = 'Intro\n\n~~~python\nprint(1)\n\nprint(2)\n';
    const splitter = createBlockSplitter();
    splitter.update('Intro\n\n~~~py');
    expect(splitter.update('Intro\n\n~~~pyth').openFence).toBeUndefined();
    expect(splitter.update(doc).openFence?.language).toBe('python');
  });

  it('leaves indented fences and fences without a language to the parser as they are', () => {
    expect(splitAll(['Intro\n\n  ```js\nx\n\ny\n']).openFence).toBeUndefined();
    expect(splitAll(['Intro\n\n```\nx\n\ny\n']).openFence?.language).toBeUndefined();
  });
});
