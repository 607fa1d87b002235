/**
 * Safe readers for fields of parsed provider JSON, shared by the API-style normalizers.
 */
import type { Usage } from '../stream/stream-event';

/** A parsed JSON object. */
export type Json = Record<string, unknown>;

/** Whether a value is a JSON object (not null, not an array). */
export function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The value when it is a non-empty string; `null`, `""` and other types mean "no data". */
export function nonEmptyString(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** The value when it is a finite number (a token count). */
export function toCount(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

/** The usage with its unknown fields removed, or `undefined` when no count is known. */
export function compactUsage(usage: Usage): Usage | undefined {
  const known = Object.entries(usage).filter(([, value]) => value !== undefined);
  return known.length > 0 ? (Object.fromEntries(known) as Usage) : undefined;
}
