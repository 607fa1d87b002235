/**
 * When each part of a streamed text arrived, kept compact enough to store with the message.
 *
 * A checkpoint list is a flat array of pairs `[offset0, at0, offset1, at1, …]`: the text from
 * `offset_i` (UTF-16 offset) up to `offset_{i+1}` started arriving at `at_i` (epoch ms) and had all
 * arrived less than {@link ARRIVAL_RESOLUTION_MS} later. Offsets and times never decrease. A new
 * pair is added only when a delta arrives at least that long after the last pair, and when the list
 * passes {@link MAX_CHECKPOINTS} pairs it is thinned to about half, evenly over time: any stream
 * takes at most 2 × 2,000 numbers, and a time is then early by at most about 4 × duration / 2,000
 * (a second for eight minutes of reasoning).
 */

/** Flat `[offset, epochMs, offset, epochMs, …]`; see the module comment. */
export type ArrivalCheckpoints = readonly number[];

/** Deltas closer in time than this share a checkpoint, in ms. */
export const ARRIVAL_RESOLUTION_MS = 250;

/** Most pairs kept; past it the list is thinned to half. */
export const MAX_CHECKPOINTS = 2000;

/**
 * Records that text starting at `offset` arrived at `at`.
 *
 * @param checkpoints - the list so far (not changed).
 * @param offset - UTF-16 offset of the delta's first character (the text's length before it).
 * @param at - arrival time, epoch ms.
 * @returns `checkpoints` itself when no pair is needed (same resolution window), else a new list.
 */
export function recordArrival(
  checkpoints: ArrivalCheckpoints,
  offset: number,
  at: number,
): ArrivalCheckpoints {
  const lastAt = checkpoints.at(-1);
  const lastOffset = checkpoints.at(-2);
  if (lastAt !== undefined && lastOffset !== undefined) {
    if (at - lastAt < ARRIVAL_RESOLUTION_MS || offset <= lastOffset) return checkpoints;
  }
  const next = [...checkpoints, offset, Math.round(at)];
  return next.length / 2 > MAX_CHECKPOINTS ? thin(next) : next;
}

/**
 * Keeps the first pair (so the first arrival stays exact) and then only pairs at least
 * `2 × span / MAX_CHECKPOINTS` ms after the last one kept: about half the pairs, evenly spread.
 */
function thin(checkpoints: readonly number[]): number[] {
  const first = checkpoints[1]!;
  const gap = (2 * (checkpoints.at(-1)! - first)) / MAX_CHECKPOINTS;
  const out: number[] = [checkpoints[0]!, first];
  for (let index = 2; index < checkpoints.length; index += 2) {
    if (checkpoints[index + 1]! - out.at(-1)! >= gap) {
      out.push(checkpoints[index]!, checkpoints[index + 1]!);
    }
  }
  return out;
}
