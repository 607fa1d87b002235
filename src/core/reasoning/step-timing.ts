/**
 * Steps with their timing: when the first and last token of each step arrived, from the arrival
 * checkpoints recorded as the reasoning streamed.
 */
import type { ArrivalCheckpoints } from './arrival-checkpoints';
import { arrivalAt } from './arrival-time';
import type { ReasoningStepSpan } from './step-segmenter';

/** A step of a reasoning trace with its timing. */
export interface ReasoningStep extends ReasoningStepSpan {
  /** When the step's first character arrived, epoch ms; undefined without checkpoints. */
  firstTokenAt?: number;
  /** When its last character arrived, epoch ms; undefined without checkpoints. */
  lastTokenAt?: number;
}

/**
 * Adds timing to steps. O(steps × log checkpoints).
 *
 * @param spans - the steps, as `createStepSegmenter` gives them.
 * @param checkpoints - the message's arrival checkpoints (`reasoningArrivals`).
 */
export function timeSteps(
  spans: readonly ReasoningStepSpan[],
  checkpoints: ArrivalCheckpoints | undefined,
): ReasoningStep[] {
  if (checkpoints === undefined || checkpoints.length === 0) return [...spans];
  return spans.map((span) => timeStep(span, checkpoints));
}

/** Times steps like {@link timeSteps}, reusing the work of its previous call. */
export type StepTimer = (
  spans: readonly ReasoningStepSpan[],
  checkpoints: ArrivalCheckpoints | undefined,
) => ReasoningStep[];

/**
 * A {@link timeSteps} for a growing trace: a span given again (the same object, as the segmenter
 * keeps finished steps) keeps its timed step, object and all, as long as the checkpoints only grew
 * at their end since the last call (a later checkpoint is at or past the text's end then, so it
 * cannot change when a finished step's characters arrived). O(steps) pointer checks, plus
 * O(log checkpoints) per new or changed step.
 */
export function createStepTimer(): StepTimer {
  let lastSpans: readonly ReasoningStepSpan[] = [];
  let lastCheckpoints: ArrivalCheckpoints | undefined;
  let lastSteps: ReasoningStep[] = [];
  return (spans, checkpoints) => {
    const isExtension =
      checkpoints !== undefined &&
      lastCheckpoints !== undefined &&
      extends_(checkpoints, lastCheckpoints);
    const steps =
      checkpoints === undefined || checkpoints.length === 0
        ? [...spans]
        : spans.map((span, index) =>
            isExtension && lastSpans[index] === span
              ? lastSteps[index]!
              : timeStep(span, checkpoints),
          );
    lastSpans = spans;
    lastCheckpoints = checkpoints;
    lastSteps = steps;
    return steps;
  };
}

/** Whether `next` is `previous` with pairs added at its end (the same list included). */
function extends_(next: ArrivalCheckpoints, previous: ArrivalCheckpoints): boolean {
  if (next === previous) return true;
  const length = previous.length;
  if (next.length < length) return false;
  return (
    length === 0 ||
    (next[1] === previous[1] &&
      next[length - 1] === previous[length - 1] &&
      next[length - 2] === previous[length - 2])
  );
}

function timeStep(span: ReasoningStepSpan, checkpoints: ArrivalCheckpoints): ReasoningStep {
  return {
    ...span,
    firstTokenAt: arrivalAt(checkpoints, span.start),
    lastTokenAt: arrivalAt(checkpoints, Math.max(span.start, span.end - 1)),
  };
}

/** How long a step took to arrive, in whole ms (lastTokenAt − firstTokenAt), when known. */
export function stepDurationMs(step: ReasoningStep): number | undefined {
  if (step.firstTokenAt === undefined || step.lastTokenAt === undefined) return undefined;
  return Math.max(0, Math.round(step.lastTokenAt - step.firstTokenAt));
}
