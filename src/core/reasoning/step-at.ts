import type { ReasoningStepSpan } from './step-segmenter';

/**
 * The index of the step holding UTF-16 offset `offset` (the last step starting at or before it;
 * 0 before the first). Binary search, O(log steps).
 */
export function stepAt(steps: readonly ReasoningStepSpan[], offset: number): number {
  let low = 0;
  let high = steps.length - 1;
  let found = 0;
  while (low <= high) {
    const middle = (low + high) >> 1;
    if (steps[middle]!.start <= offset) {
      found = middle;
      low = middle + 1;
    } else high = middle - 1;
  }
  return found;
}
