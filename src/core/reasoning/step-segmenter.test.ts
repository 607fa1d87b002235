import { describe, expect, it } from 'vitest';
import { createPrng } from '../../testing/recordings';
import { titledTrace, untitledTrace } from '../../testing/synthetic-traces';
import {
  createStepSegmenter,
  MIN_STEP_TOKENS,
  segmentSteps,
  type ReasoningStepSpan,
} from './step-segmenter';
import { SENTENCE_TITLE_LENGTH, sentenceTitle } from './step-line';
import { sampledInMutationRun } from '../../testing/mutation-run';

function feedAll(pieces: readonly string[]): readonly ReasoningStepSpan[] {
  const segmenter = createStepSegmenter();
  pieces.forEach((piece) => segmenter.feed(piece));
  return segmenter.steps(true);
}

function textOf(text: string, step: ReasoningStepSpan) {
  return text.slice(step.start, step.end);
}

describe('titled traces', () => {
  const titles = ['Assessing the question', 'Checking the remainder mod 7', 'Writing the answer'];
  const text = titledTrace(titles);

  it('starts a step at every bold line, titled with its text', () => {
    const steps = segmentSteps(text);
    expect(steps.map((step) => step.title)).toEqual(titles);
    expect(steps.every((step) => step.isTitled)).toBe(true);
    expect(steps.map((step) => textOf(text, step).split('\n')[0])).toEqual(
      titles.map((title) => `**${title}**`),
    );
    expect(steps[0]!.start).toBe(0);
    expect(steps.at(-1)!.end).toBe(text.length);
    steps.slice(1).forEach((step, index) => expect(step.start).toBe(steps[index]!.end));
  });

  it('starts a step at a heading however short the step before, and after untitled text', () => {
    const steps = segmentSteps('Intro line.\n\n## First\nx\n### Second ##\ny\n');
    expect(steps.map((step) => [step.title, step.isTitled])).toEqual([
      ['Intro line', false],
      ['First', true],
      ['Second', true],
    ]);
  });

  it('does not take a sentence with two bold words, or a heading in a code fence, as a title', () => {
    const text = '**a** and **b** are equal.\n\n```python\n# not a title\n```\n\n**Real title**\n';
    expect(segmentSteps(text).map((step) => step.title)).toEqual([
      'a and b are equal',
      'Real title',
    ]);
  });

  it('does not split a titled trace at pivot phrases', () => {
    const long = 'word '.repeat(4 * MIN_STEP_TOKENS);
    const text = `**Only title**\n\n${long}\n\nWait, ${long}\n\nAlternatively, ${long}\n`;
    expect(segmentSteps(text)).toHaveLength(1);
  });
});

describe('untitled traces', () => {
  const filler = (words: number) => 'we compare both sides of the equation '.repeat(words / 7);

  it('starts a step at a pivot paragraph once the step holds enough tokens', () => {
    const first = `Okay, so the question asks for the remainder. ${filler(160)}`;
    const second = `Wait, that is not right because the remainder must be smaller. ${filler(160)}`;
    const text = `${first}\n\n${second}\n\nAlternatively, ${filler(10)}`;
    const steps = segmentSteps(text);
    expect(steps.map((step) => step.title)).toEqual([
      'Okay, so the question asks for the remainder',
      'Wait, that is not right because the remainder must be…',
    ]);
    expect(steps[1]!.start).toBe(first.length + 2);
  });

  it('merges a short pivot paragraph into the step before', () => {
    const text = `Okay, so we start. ${filler(200)}\n\nWait.\n\nThat was fine. ${filler(50)}`;
    expect(segmentSteps(text)).toHaveLength(1);
  });

  it('keeps at most one step per 150 tokens on average', () => {
    const text = untitledTrace(400);
    const steps = segmentSteps(text);
    const tokens = steps.reduce((sum, step) => sum + step.tokens, 0);
    expect(steps.length).toBeGreaterThan(10);
    expect(tokens / steps.length).toBeGreaterThanOrEqual(MIN_STEP_TOKENS);
    steps
      .slice(0, -1)
      .forEach((step) => expect(step.tokens).toBeGreaterThanOrEqual(MIN_STEP_TOKENS));
  });

  it('titles a step with its first sentence cut at a word boundary near 60 characters', () => {
    const steps = segmentSteps(untitledTrace(200));
    for (const step of steps) {
      expect(step.title.length).toBeGreaterThan(0);
      expect(step.title.length).toBeLessThanOrEqual(61);
      expect(step.title).not.toMatch(/\s…$/);
    }
  });
});

describe('streaming', () => {
  const traces = {
    titled: titledTrace(['One', 'Two', 'Three', 'Four']).slice(0, 900),
    untitled: untitledTrace(40).slice(0, 3000),
    mixed: `Plan first. ${'x y '.repeat(400)}\n\n**Now titled**\n\nWait, ${'z '.repeat(400)}\n`,
  };

  it.each(Object.entries(traces))(
    '%s: fed whole and split at every point, the same steps',
    (_, text) => {
      const whole = segmentSteps(text);
      for (let cut = 1; cut < text.length; cut += sampledInMutationRun(1, 23)) {
        expect(feedAll([text.slice(0, cut), text.slice(cut)])).toEqual(whole);
      }
    },
  );

  it.each(Object.entries(traces))('%s: fed one character at a time, the same steps', (_, text) => {
    expect(feedAll([...text])).toEqual(segmentSteps(text));
  });

  it('keeps finished steps as the same objects while the last one grows', () => {
    const segmenter = createStepSegmenter();
    const text = titledTrace(['A', 'B', 'C']);
    segmenter.feed(text);
    const before = segmenter.steps();
    segmenter.feed('more text');
    const after = segmenter.steps();
    expect(after[0]).toBe(before[0]);
    expect(after.at(-1)).not.toBe(before.at(-1));
    expect(after.at(-1)!.end).toBe(text.length + 'more text'.length);
  });

  it('names a step while its first line streams once the first sentence is complete', () => {
    const segmenter = createStepSegmenter();
    segmenter.feed('Okay, so the');
    expect(segmenter.steps()[0]!.title).toBe('');
    segmenter.feed(' sum is odd. And then');
    expect(segmenter.steps()[0]!.title).toBe('Okay, so the sum is odd');
  });

  it('does work proportional to the text, whatever the deltas (counted, not timed)', () => {
    const random = createPrng(7);
    const text = `${untitledTrace(600)}\n\n${'one long line without a break '.repeat(4000)}`;
    const segmenter = createStepSegmenter();
    for (let at = 0; at < text.length;) {
      const size = 1 + Math.floor(random() * 8);
      segmenter.feed(text.slice(at, at + size));
      at += size;
      segmenter.steps();
    }
    expect(segmenter.length).toBe(text.length);
    expect(segmenter.work).toBeLessThanOrEqual(2 * text.length);
  });
});

describe('bold lead-ins', () => {
  it('starts a step at a paragraph opening with a bold label, numbered or not', () => {
    const text =
      '1.  **Analyze the request:** The user asks for 2 + 2.\n\n2.  **Check for tricks:** None.\n\n**Case 3**: n is odd.\n\nSo **this**: stays in the step.\n';
    expect(segmentSteps(text).map((step) => step.title)).toEqual([
      'Analyze the request',
      'Check for tricks',
      'Case 3',
    ]);
  });

  it('ignores a bold lead-in in the middle of a paragraph', () => {
    expect(segmentSteps('Plain first line.\n**Inside:** the same paragraph.\n')).toHaveLength(1);
  });
});

describe('step boundaries in detail', () => {
  const filler = (words: number) => 'we compare both sides of the equation '.repeat(words / 7);

  it('starts no step at a long plain paragraph, however long the step before', () => {
    const text = `Okay, so we start. ${filler(300)}\n\nThat was fine, and the next part follows on. ${filler(300)}\n\nMore.\n`;
    expect(segmentSteps(text)).toHaveLength(1);
  });

  it('starts a step at a pivot of exactly 40 characters after exactly 150 tokens', () => {
    const first = `${'abc '.repeat(149)}abc\n`; // 600 characters with the line break: 150 tokens
    const pivot = `${'Wait, this line holds forty characters'.padEnd(40, '!')}\n`;
    const steps = segmentSteps(first + pivot);
    expect(steps.map((step) => [step.start, step.tokens])).toEqual([
      [0, 150],
      [first.length, 11],
    ]);
    expect(segmentSteps(first.slice(4) + pivot)).toHaveLength(1);
    expect(segmentSteps(first + pivot.slice(1))).toHaveLength(1);
  });

  it('titles a step with its first line, not a later one, and never with a fence line', () => {
    expect(segmentSteps('First line here.\nSecond line.\n')[0]!.title).toBe('First line here');
    expect(segmentSteps('```python\nx = 1\n```\nAfter.\n')[0]!.title).toBe('x = 1');
  });

  it('lets a title name a step that holds only blank lines so far', () => {
    expect(segmentSteps('\n\n**Title**\ntext\n').map((step) => [step.title, step.start])).toEqual([
      ['Title', 0],
    ]);
  });

  it('closes a fence only at a fence marker at the start of a line (up to three spaces in)', () => {
    const closedIndented = '```\n# not a title\n  ```\n# Title\n';
    expect(segmentSteps(closedIndented).map((step) => step.title)).toEqual([
      '# not a title',
      'Title',
    ]);
    const markerInside = '```\nx = "```"\n# still code\n```\n# Title\n';
    expect(segmentSteps(markerInside).map((step) => step.title)).toEqual(['x = ""', 'Title']);
  });

  it('counts CJK characters one token each, in finished lines and in the last one', () => {
    const steps = segmentSteps('你好世界\nab\n日本');
    // 4 + 2 CJK characters, and "\n", "ab", "\n": ceil(4 / 4) other tokens.
    expect(steps[0]!.tokens).toBe(6 + 1);
    expect(segmentSteps('abcd\nefgh')[0]!.tokens).toBe(3);
  });

  it('has no steps before any text', () => {
    const segmenter = createStepSegmenter();
    expect(segmenter.steps()).toEqual([]);
    segmenter.feed('');
    expect(segmenter.steps(true)).toEqual([]);
    expect(segmenter.length).toBe(0);
  });

  it('gives the same array again while no text came, and the complete view on request', () => {
    const segmenter = createStepSegmenter();
    segmenter.feed('Okay, so the');
    const partial = segmenter.steps();
    expect(segmenter.steps()).toBe(partial);
    segmenter.feed('');
    expect(segmenter.steps()).toBe(partial);
    expect(partial[0]!.title).toBe('');
    expect(segmenter.steps(true)[0]!.title).toBe('Okay, so the');
    expect(segmenter.steps()[0]!.title).toBe('');
  });

  it('titles a whole trace by its last line too', () => {
    expect(segmentSteps('No full stop here')[0]!.title).toBe('No full stop here');
  });

  it('names a streaming step once its first line is longer than a title keeps', () => {
    const line = `${'abcd '.repeat(12)}abcdefghijklmnop`;
    const segmenter = createStepSegmenter();
    segmenter.feed(line.slice(0, SENTENCE_TITLE_LENGTH + 1));
    expect(segmenter.steps()[0]!.title).toBe('');
    segmenter.feed(line.slice(SENTENCE_TITLE_LENGTH + 1, SENTENCE_TITLE_LENGTH + 2));
    expect(segmenter.steps()[0]!.title).toBe(sentenceTitle(line));
  });

  it('reads every character at least once and each line once more', () => {
    const text = 'one\ntwo three\n\nfour';
    const segmenter = createStepSegmenter();
    for (const char of text) segmenter.feed(char);
    expect(segmenter.work).toBe(text.length + 'one'.length + 'two three'.length);
  });
});
