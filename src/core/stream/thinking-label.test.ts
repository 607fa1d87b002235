import { describe, expect, it } from 'vitest';
import { formatDuration, thinkingLabel } from './thinking-label';

describe('thinkingLabel', () => {
  const timing = { requestSentAt: 0, firstReasoningAt: 1_000 };

  it('ticks whole seconds while thinking', () => {
    expect(thinkingLabel(timing, true, 1_999)).toBe('Thinking… 0s');
    expect(thinkingLabel(timing, true, 13_200)).toBe('Thinking… 12s');
  });

  it('reports the time until the first answer token once thinking ended', () => {
    expect(
      thinkingLabel({ ...timing, firstAnswerAt: 35_000, endedAt: 90_000 }, false, 99_000),
    ).toBe('Thought for 34 seconds');
  });

  it('falls back to the end time when no answer came', () => {
    expect(thinkingLabel({ ...timing, endedAt: 2_000 }, false, 9_000)).toBe('Thought for 1 second');
  });

  it('formats minutes', () => {
    expect(formatDuration(125_000)).toBe('2 min 5 s');
    expect(formatDuration(120_000)).toBe('2 min');
  });
});

describe('thinkingLabel, edge cases', () => {
  it('counts no time before the first reasoning token', () => {
    expect(thinkingLabel({ requestSentAt: 0 }, true, 5_000)).toBe('Thinking… 0s');
    expect(thinkingLabel({ requestSentAt: 0, endedAt: 5_000 }, false, 9_000)).toBe(
      'Thought for 1 second',
    );
  });

  it('switches to minutes at 60 seconds', () => {
    expect(formatDuration(59_400)).toBe('59 seconds');
    expect(formatDuration(60_000)).toBe('1 min');
  });
});
