/**
 * How much a repetitive test repeats itself: `full` normally, `sample` in a mutation run
 * (`npm run mutation`, where vitest.mutation.config.ts sets `MUTATION_RUN=1`).
 *
 * A mutation run reruns, for every mutant, the tests that cover it, in instrumented code that is
 * several times slower. A test that checks the same property hundreds of times (every split point,
 * several seeds, many property runs) then costs tens of seconds per mutant, and the whole run hours.
 * The sample keeps each kind of check, fewer times.
 */
export function sampledInMutationRun<T>(full: T, sample: T): T {
  return process.env.MUTATION_RUN === '1' ? sample : full;
}
