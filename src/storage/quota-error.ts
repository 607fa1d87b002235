/**
 * Telling a full disk from other storage failures. Its own module, free of Dexie, so the chat can
 * use it without pulling the database code into the first download.
 */

/**
 * Whether an error from a write means the browser's storage is full: a `QuotaExceededError`
 * (a DOMException's name), or Dexie's wrapper of one (its `inner` error).
 */
export function isQuotaError(error: unknown): boolean {
  const nameOf = (value: unknown) =>
    typeof value === 'object' && value !== null && 'name' in value ? String(value.name) : '';
  const inner = (error as { inner?: unknown } | null)?.inner;
  return nameOf(error) === 'QuotaExceededError' || nameOf(inner) === 'QuotaExceededError';
}
