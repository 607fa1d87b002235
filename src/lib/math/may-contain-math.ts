/**
 * A cheap test, run on every render, for whether a markdown text may hold math: `\(` or `\[`, a
 * `$$`, a ` ```math ` fence, or a `$…$` pair that follows Pandoc's rule (see
 * `normalizeMathDelimiters`). It never says no where `normalizeMathDelimiters` finds math, so the
 * math chunk is loaded whenever it is needed; a yes can still be wrong (math-looking text inside
 * code), which only costs loading that chunk. Money (`$5 and $10`) says no.
 */
const MAY_CONTAIN_MATH =
  /\\[([]|\$\$|(?:`{3}|~{3})[ \t]*math|\$(?=[^\s$])[^$\n`]*(?<=[^\s\\])\$(?![\d$])/i;

/** Whether `markdown` may contain math; see the module comment. */
export function mayContainMath(markdown: string): boolean {
  return MAY_CONTAIN_MATH.test(markdown);
}
