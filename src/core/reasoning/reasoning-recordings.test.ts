import { describe, expect, it } from 'vitest';
import { listRecordings, readRecording } from '../../testing/recordings';
import { apiStyleOf, replayReply } from '../../testing/replay-reply';
import { createRepetitionDetector } from './repetition-detector';
import { createStepSegmenter, segmentSteps } from './step-segmenter';
import { sampledInMutationRun } from '../../testing/mutation-run';

/** The reasoning of every recording, replayed through the production decoder. */
const traces = listRecordings().map((name) => ({
  name,
  reasoning: replayReply(apiStyleOf(name), readRecording(name)).reasoning,
}));

describe.each(traces)('$name', ({ name, reasoning }) => {
  it('segments into the reviewed golden steps', async () => {
    const steps = segmentSteps(reasoning).map((step) => ({
      ...step,
      // The start of each step as text, for review; the full text stays in the recording.
      opens: reasoning.slice(step.start, step.start + 60),
    }));
    await expect(JSON.stringify(steps, null, 2) + '\n').toMatchFileSnapshot(
      `./__golden__/${name.replace(/\.sse$/, '')}.json`,
    );
  });

  it('gives the same steps fed at every split point', () => {
    const whole = segmentSteps(reasoning);
    for (let cut = 1; cut < reasoning.length; cut += sampledInMutationRun(1, 61)) {
      const segmenter = createStepSegmenter();
      segmenter.feed(reasoning.slice(0, cut));
      segmenter.feed(reasoning.slice(cut));
      expect(segmenter.steps(true)).toEqual(whole);
    }
  });

  it('finds no repetition', () => {
    const detector = createRepetitionDetector();
    detector.feed(reasoning);
    expect(detector.repetition).toBeUndefined();
  });
});

it('finds no repetition in all the recordings read as one trace', () => {
  const detector = createRepetitionDetector();
  for (const { reasoning } of traces) detector.feed(`${reasoning}\n\n`);
  expect(detector.repetition).toBeUndefined();
});
