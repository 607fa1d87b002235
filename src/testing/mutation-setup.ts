/**
 * Setup for mutation runs (vitest.mutation.config.ts): a property that fails stops at the first
 * counterexample instead of shrinking it. A mutant only needs to be caught, and shrinking reruns a
 * property (some derive keys with PBKDF2) until the mutant's time limit runs out.
 */
import fc from 'fast-check';

fc.configureGlobal({ endOnFailure: true });
