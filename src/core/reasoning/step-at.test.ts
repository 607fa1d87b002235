import { describe, expect, it } from 'vitest';
import { stepAt } from './step-at';
import { segmentSteps } from './step-segmenter';

describe('stepAt', () => {
  it('finds the step holding an offset, at every offset of a trace', () => {
    const text = '**One**\nabc\n**Two**\ndef\n**Three**\nghi\n';
    const steps = segmentSteps(text);
    expect(steps).toHaveLength(3);
    for (let offset = 0; offset < text.length; offset += 1) {
      const expected = steps.findIndex((step) => offset >= step.start && offset < step.end);
      expect(stepAt(steps, offset)).toBe(expected);
    }
  });
});
