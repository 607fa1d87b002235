import { describe, expect, it } from 'vitest';
import { toMarkdown } from './export';

/** Issue 13: the Markdown export lists a long trace's steps before its reasoning. */
describe('toMarkdown with a reasoning outline', () => {
  const reasoning = '**Read the question**\n\nx\n\n**Check 17 <b>**\n\ny\n\n**Answer**\n\nz\n';
  const transcript = (text: string) => ({
    title: 'T',
    messages: [
      {
        role: 'assistant' as const,
        reasoning: text,
        answer: 'No.',
        status: 'done' as const,
        reasoningArrivals: [0, 1000, 25, 3000, 26, 3100],
      },
    ],
  });

  it('puts the steps, escaped, before the reasoning block', () => {
    const markdown = toMarkdown(transcript(reasoning));
    const outline = markdown.indexOf('**Steps:**');
    expect(outline).toBeGreaterThan(0);
    expect(outline).toBeLessThan(markdown.indexOf('<details>'));
    expect(markdown).toContain('1. Read the question · 2 s · ~');
    expect(markdown).toContain('2. Check 17 \\<b\\> · <1 s · ~');
  });

  it('adds no outline to a short trace', () => {
    expect(toMarkdown(transcript('Just one step.'))).not.toContain('**Steps:**');
  });
});
