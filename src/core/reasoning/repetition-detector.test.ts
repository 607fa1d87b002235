import { describe, expect, it } from 'vitest';
import { createPrng } from '../../testing/recordings';
import { paragraph, untitledTrace } from '../../testing/synthetic-traces';
import { createRepetitionDetector, type Repetition } from './repetition-detector';

function detect(text: string, deltaSize = 7): Repetition | undefined {
  const detector = createRepetitionDetector();
  for (let at = 0; at < text.length; at += deltaSize) detector.feed(text.slice(at, at + deltaSize));
  expect(detector.work).toBe(text.length);
  return detector.repetition;
}

describe('createRepetitionDetector', () => {
  it('stays quiet on a long healthy trace', () => {
    expect(detect(untitledTrace(1500))).toBeUndefined();
  });

  it('trips on the same paragraph written again and again', () => {
    const random = createPrng(3);
    const loop = `Let me check the remainder of 1,000,000 divided by 7 again. ${paragraph(random, 2)}`;
    const text = `${untitledTrace(30)}\n\n${`${loop}\n\n`.repeat(5)}`;
    const repetition = detect(text);
    expect(repetition?.rule).toBe('paragraph');
    expect(repetition!.at).toBeGreaterThan(text.indexOf(loop) + 2 * loop.length);
    expect(repetition!.at).toBeLessThan(text.indexOf(loop) + 4 * (loop.length + 2));
  });

  it('trips on a re-check whose numbers change each time', () => {
    const checks = Array.from(
      { length: 8 },
      (_, round) => `So ${round * 7 + 3} mod 7 is 3, which means the sum is still not divisible. `,
    ).join('');
    expect(detect(`${untitledTrace(10)} ${checks}`)?.rule).toBe('sentence');
  });

  it('trips on a loop that rewords itself', () => {
    const random = createPrng(9);
    const core = paragraph(random, 6).split(' ');
    const rounds = Array.from({ length: 12 }, (_, round) => {
      const words = [...core];
      words[(round * 13) % words.length] = 'perhaps';
      return words.join(' ').replace(/\./g, ',');
    });
    expect(detect(`${untitledTrace(20)} ${rounds.join(' ')}`)?.rule).toBe('ngram');
  });

  it('does not count short sentences that recur in any trace', () => {
    expect(detect('Wait. Let me check. Hmm. Yes.\n'.repeat(40))).toBeUndefined();
  });
});
