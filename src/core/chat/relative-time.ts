/** Units from largest to smallest, with their length in ms (a month is 30 days, a year 365). */
const UNITS: readonly [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 86_400_000],
  ['month', 30 * 86_400_000],
  ['week', 7 * 86_400_000],
  ['day', 86_400_000],
  ['hour', 3_600_000],
  ['minute', 60_000],
];

/** One formatter per locale, made on first use (making one costs more than formatting). */
const formats = new Map<string | undefined, Intl.RelativeTimeFormat>();

function formatFor(locale: string | undefined): Intl.RelativeTimeFormat {
  let format = formats.get(locale);
  if (format === undefined) {
    format = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
    formats.set(locale, format);
  }
  return format;
}

/**
 * When `thenMs` was, relative to `nowMs` (both epoch ms), in the largest whole unit that fits:
 * "now", "5 minutes ago", "yesterday", "3 weeks ago" (`Intl.RelativeTimeFormat`, `numeric:
 * 'auto'`). Under a minute is "now".
 *
 * @param locale - A BCP 47 tag; the runtime's default when omitted.
 */
export function relativeTime(thenMs: number, nowMs: number, locale?: string): string {
  const format = formatFor(locale);
  const diff = thenMs - nowMs;
  for (const [unit, length] of UNITS) {
    if (Math.abs(diff) >= length) return format.format(Math.round(diff / length), unit);
  }
  return format.format(0, 'second');
}
