/**
 * Small statistics over numbers, shared by the metrics of a run and the summary over runs. Values
 * that are not finite (NaN for "not measured") are left out.
 */

/**
 * Nearest-rank percentile of finite values; NaN when there are none.
 * @param {readonly number[]} values
 * @param {number} p In [0, 100].
 */
export function percentile(values, p) {
  const sorted = values.filter(Number.isFinite).sort((a, b) => a - b);
  if (sorted.length === 0) return NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))];
}

/** Median of finite values; NaN when there are none. @param {readonly number[]} values */
export const median = (values) => {
  const sorted = values.filter(Number.isFinite).sort((a, b) => a - b);
  if (sorted.length === 0) return NaN;
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

/** Mean of finite values; NaN when there are none. @param {readonly number[]} values */
export const mean = (values) => {
  const finite = values.filter(Number.isFinite);
  return finite.length === 0 ? NaN : finite.reduce((a, b) => a + b, 0) / finite.length;
};

/**
 * Index of the first element of an ascending array greater than `value` (its length if none).
 * @param {readonly number[]} sorted
 * @param {number} value
 */
export function firstAbove(sorted, value) {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid] > value) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** `value` rounded to `digits` decimals; NaN stays NaN. @param {number} value @param {number} [digits] */
export const round = (value, digits = 2) =>
  Number.isFinite(value) ? Math.round(value * 10 ** digits) / 10 ** digits : NaN;
