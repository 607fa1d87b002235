/**
 * Whether two copies of a message hold the same data, as they do when a save comes back unchanged
 * from storage (a structured clone: equal content, new objects).
 */
import type { ChatMessage } from './chat-message';

function isSameValue(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const left = a as Record<string, unknown>;
  const right = b as Record<string, unknown>;
  for (const key of Object.keys(left)) if (!isSameValue(left[key], right[key])) return false;
  // A key only `b` has must hold `undefined` in it too (a missing key and `undefined` are the same).
  for (const key of Object.keys(right))
    if (!(key in left) && right[key] !== undefined) return false;
  return true;
}

/**
 * Whether `a` and `b` hold the same data: plain values compared by content (objects key by key,
 * arrays item by item, a missing key the same as one holding `undefined`). With `ignoreState` the
 * assistant `state` field is left out, for a reply whose state this tab keeps on its own.
 *
 * Linear in the size of the two copies; meant for JSON-like data (no maps, sets or cycles).
 */
export function isSameCopy(a: ChatMessage, b: ChatMessage, ignoreState = false): boolean {
  if (!ignoreState) return isSameValue(a, b);
  return isSameValue({ ...a, state: undefined }, { ...b, state: undefined });
}
