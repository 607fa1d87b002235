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
  return spans.map((span) => ({
    ...span,
    firstTokenAt: arrivalAt(checkpoints, span.start),
    lastTokenAt: arrivalAt(checkpoints, Math.max(span.start, span.end - 1)),
  }));
}

/** How long a step took to arrive, in whole ms (lastTokenAt − firstTokenAt), when known. */
export function stepDurationMs(step: ReasoningStep): number | undefined {
  if (step.firstTokenAt === undefined || step.lastTokenAt === undefined) return undefined;
  return Math.max(0, Math.round(step.lastTokenAt - step.firstTokenAt));
}
