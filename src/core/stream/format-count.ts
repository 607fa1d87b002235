const COUNT_FORMAT = new Intl.NumberFormat('en');

/**
 * `count` as `count.toLocaleString('en')` writes it ("12,345"; at most 3 decimals), with one
 * formatter made once: `toLocaleString` sets up a new one at every call (tens of µs in Chromium),
 * which adds up in figures shown at every frame of a stream.
 */
export function formatCount(count: number): string {
  return COUNT_FORMAT.format(count);
}
