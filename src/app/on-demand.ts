/**
 * Code the first screen does not need, downloaded with `import()` when it is first wanted, so the
 * initial download stays small.
 */

/**
 * The code of a part of the app could not be downloaded: the network failed, or Ruminate was
 * updated and the old file is gone.
 */
export class PartLoadError extends Error {
  readonly kind = 'part-load';

  /** @param label - what failed to load, as a noun phrase ("the settings"). */
  constructor(
    readonly label: string,
    options: { cause: unknown },
  ) {
    super(
      `Ruminate couldn’t load ${label}. Check your connection and try again. If it keeps failing, Ruminate may have been updated: reload the page.`,
      options,
    );
    this.name = 'PartLoadError';
  }
}

/** A module downloaded once, on first use. */
export interface OnDemand<T> {
  /** What the module provides, as a noun phrase for messages ("the settings"). */
  readonly label: string;
  /**
   * Starts the download, or returns the one already under way or done: every call gets the same
   * promise until {@link OnDemand.reset}. Rejects with {@link PartLoadError}.
   */
  load(): Promise<T>;
  /** The module once it has loaded, so a part can render at once without suspending. */
  loaded(): T | undefined;
  /** Forgets a failed download, so the next `load` tries again. Does nothing otherwise. */
  reset(): void;
}

/**
 * Wraps a dynamic `import()`; nothing is fetched until `load` is called.
 * @param label - what the module provides, as a noun phrase for messages ("the settings").
 * @param importModule - `() => import('…')`.
 */
export function onDemand<T>(label: string, importModule: () => Promise<T>): OnDemand<T> {
  let pending: Promise<T> | undefined;
  let loadedModule: T | undefined;
  let hasFailed = false;
  return {
    label,
    load() {
      pending ??= importModule().then(
        (value) => (loadedModule = value),
        (cause: unknown) => {
          hasFailed = true;
          throw new PartLoadError(label, { cause });
        },
      );
      return pending;
    },
    loaded: () => loadedModule,
    reset() {
      if (!hasFailed) return;
      pending = undefined;
      hasFailed = false;
    },
  };
}

/** Starts downloading a part ahead of need, say when the person reaches for its button. */
export function preload(part: OnDemand<unknown>): void {
  // Not lost: the same rejected promise reaches the part when it renders, which shows the error.
  part.load().catch(() => undefined);
}
