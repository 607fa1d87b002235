/**
 * The Thinking panel's navigation (`navigation-runtime.ts`), downloaded when the first message with
 * reasoning is shown: it does not fit in the initial download's budget.
 */
export type NavigationRuntime = typeof import('./navigation-runtime');

let loaded: NavigationRuntime | undefined;
let pending: Promise<NavigationRuntime> | undefined;

/** The runtime once downloaded, to render at once without waiting. */
export function loadedNavigation(): NavigationRuntime | undefined {
  return loaded;
}

/** Downloads the runtime once; a failed download is forgotten so the next call tries again. */
export function loadNavigation(): Promise<NavigationRuntime> {
  pending ??= import('./navigation-runtime').then(
    (runtime) => (loaded = runtime),
    (error: unknown) => {
      pending = undefined;
      throw error;
    },
  );
  return pending;
}
