/** A work counter the linear passes take for tests: `steps` grows with the work done; may be absent. */
export type StepCounter = { steps: number } | undefined;

/** Adds `steps` (default 1) to `counter`, when there is one. */
export function count(counter: StepCounter, steps = 1): void {
  if (counter !== undefined) counter.steps += steps;
}
