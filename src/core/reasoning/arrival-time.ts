/**
 * Reading arrival checkpoints (`arrival-checkpoints.ts`): when a character arrived, and whether a
 * value from outside is a well-formed list. Apart from the recording, so the page's first download
 * holds only what records them.
 */
import type { ArrivalCheckpoints } from './arrival-checkpoints';

/**
 * When the character at `offset` arrived: the time of the last checkpoint at or before it (at most
 * `ARRIVAL_RESOLUTION_MS` early before any thinning, see `arrival-checkpoints.ts` for after it).
 * Binary search, O(log n).
 *
 * @returns epoch ms, or `undefined` when the list is empty or starts after `offset`.
 */
export function arrivalAt(checkpoints: ArrivalCheckpoints, offset: number): number | undefined {
  let low = 0;
  let high = checkpoints.length / 2 - 1;
  let found: number | undefined;
  while (low <= high) {
    const middle = (low + high) >> 1;
    if (checkpoints[middle * 2]! <= offset) {
      found = checkpoints[middle * 2 + 1];
      low = middle + 1;
    } else high = middle - 1;
  }
  return found;
}

/** Whether `value` is a well-formed checkpoint list (pairs of finite numbers, non-decreasing). */
export function isArrivalCheckpoints(value: unknown): value is ArrivalCheckpoints {
  if (!Array.isArray(value) || value.length % 2 !== 0) return false;
  for (let index = 0; index < value.length; index += 1) {
    const item: unknown = value[index];
    if (typeof item !== 'number' || !Number.isFinite(item) || item < 0) return false;
    if (index >= 2 && item < (value[index - 2] as number)) return false;
  }
  return true;
}
