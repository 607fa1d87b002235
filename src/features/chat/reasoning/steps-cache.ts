import type { ArrivalCheckpoints } from '../../../core/reasoning/arrival-checkpoints';
import {
  createRepetitionDetector,
  type Repetition,
  type RepetitionDetector,
} from '../../../core/reasoning/repetition-detector';
import { createStepSegmenter, type StepSegmenter } from '../../../core/reasoning/step-segmenter';
import { createStepTimer, type ReasoningStep } from '../../../core/reasoning/step-timing';

/** The steps of a trace and whether it repeats itself. */
export interface ReasoningStepsView {
  steps: readonly ReasoningStep[];
  /** Set once the trace is found repeating itself. */
  repetition: Repetition | undefined;
}

/** Reads a growing text, feeding only what was added since the last read. */
export interface StepsCache {
  /** @param isComplete - the reasoning has ended (its last line counts as complete). */
  read(
    text: string,
    arrivals: ArrivalCheckpoints | undefined,
    isComplete: boolean,
  ): ReasoningStepsView;
}

/** How many leading characters are compared to tell a continuation from a different text. */
const HEAD = 64;

/**
 * A cache of the work done on one growing text: each read feeds only the characters added since
 * the last read. A text that is not a continuation (shorter, or a different start) starts over.
 * @public loaded on demand through `navigation-runtime.ts`
 */
export function createStepsCache(): StepsCache {
  let segmenter: StepSegmenter = createStepSegmenter();
  let detector: RepetitionDetector = createRepetitionDetector();
  let timeSteps = createStepTimer();
  let head = '';
  let last: { length: number; arrivals?: ArrivalCheckpoints; isComplete: boolean } | undefined;
  let view: ReasoningStepsView = { steps: [], repetition: undefined };

  return {
    read(text: string, arrivals: ArrivalCheckpoints | undefined, isComplete: boolean) {
      const fed = segmenter.length;
      if (text.length < fed || (fed > 0 && !text.startsWith(head))) {
        segmenter = createStepSegmenter();
        detector = createRepetitionDetector();
        timeSteps = createStepTimer();
        last = undefined;
      }
      if (text.length > segmenter.length) {
        const delta = text.slice(segmenter.length);
        segmenter.feed(delta);
        detector.feed(delta);
        head = text.slice(0, HEAD);
      }
      if (
        last?.length !== text.length ||
        last.arrivals !== arrivals ||
        last.isComplete !== isComplete
      ) {
        last = { length: text.length, arrivals, isComplete };
        view = {
          steps: timeSteps(segmenter.steps(isComplete), arrivals),
          repetition: detector.repetition,
        };
      }
      return view;
    },
  };
}
