import { describe, expect, it } from 'vitest';
import { formatStepDuration, outlineMarkdown } from './step-outline';

describe('formatStepDuration', () => {
  it('rounds to seconds, with minutes past one', () => {
    expect([200, 600, 4_400, 59_400, 60_000, 125_000].map(formatStepDuration)).toEqual([
      '<1 s',
      '1 s',
      '4 s',
      '59 s',
      '1 min',
      '2 min 5 s',
    ]);
  });
});

describe('outlineMarkdown', () => {
  const text = '**One**\n\naaaa\n\n**Two *x***\n\nbbbb\n\n**Three**\n\ncccc\n';
  const escape = (title: string) => title.replace(/[*_]/g, '\\$&');

  it('lists titles, durations and tokens, escaped', () => {
    const two = text.indexOf('**Two');
    const three = text.indexOf('**Three');
    // The last character of each step arrives just before the next step's first.
    const arrivals = [
      0,
      1000,
      two - 1,
      5000,
      two,
      5200,
      three - 1,
      6200,
      three,
      6300,
      three + 12,
      9300,
    ];
    expect(outlineMarkdown(text, arrivals, escape)).toBe(
      [
        '**Steps:**',
        '',
        '1. One · 4 s · ~4 tokens',
        '2. Two \\*x\\* · 1 s · ~5 tokens',
        '3. Three · 3 s · ~4 tokens',
      ].join('\n'),
    );
  });

  it('leaves durations out without arrivals, and the outline out below three steps', () => {
    expect(outlineMarkdown(text, undefined, escape)).toContain('1. One · ~4 tokens');
    expect(outlineMarkdown('**One**\n\nx\n\n**Two**\n', [0, 1], escape)).toBe('');
  });
});

describe('outlineMarkdown, untitled items', () => {
  it('names a step by its number when its title escapes to nothing', () => {
    const text = '**One**\n\na\n\n**Two**\n\nb\n\n**Three**\n\nc\n';
    expect(outlineMarkdown(text, undefined, () => '')).toBe(
      [
        '**Steps:**',
        '',
        '1. Step 1 · ~3 tokens',
        '2. Step 2 · ~3 tokens',
        '3. Step 3 · ~4 tokens',
      ].join('\n'),
    );
  });
});
