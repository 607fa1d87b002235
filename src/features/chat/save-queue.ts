/**
 * Writes that failed (storage full, database closed) wait here and are tried again, in the order
 * they were first made, until storage takes them: nothing typed or streamed is dropped because
 * one write failed.
 */

/** What the queue reports after each attempt. */
export interface SaveQueueReport {
  /** Writes still waiting (0 once everything is saved). */
  unsaved: number;
  /** The error of the write that failed this time; absent when the queue has just emptied. */
  error?: unknown;
}

/** Options of {@link createSaveQueue}. */
export interface SaveQueueOptions {
  /** Called after a write failed (with its error) and when the waiting writes are all saved. */
  onReport: (report: SaveQueueReport) => void;
  /** How long to wait before trying the waiting writes again, in ms. */
  retryMs: number;
  /** Runs `callback` after `ms` (`setTimeout` in the browser). */
  setTimer: (callback: () => void, ms: number) => void;
}

function first<K, V>(map: Map<K, V>): [K, V] | undefined {
  return map.entries().next().value;
}

/** A queue of keyed writes; see {@link createSaveQueue}. */
export interface SaveQueue {
  /**
   * Runs `write`, or queues it behind writes still waiting. A newer write under the same `key`
   * replaces a waiting one (it holds everything the older one did) but keeps its place in line.
   * Resolves once this write is saved or queued; never rejects.
   */
  run(key: string, write: () => Promise<unknown>): Promise<void>;
  /** How many writes are waiting. */
  unsaved(): number;
}

/**
 * Creates a {@link SaveQueue}. While writes wait, every new write joins the line, so writes reach
 * storage in the order they were made; the line is tried again every `retryMs` and whenever a new
 * write comes.
 */
export function createSaveQueue({ onReport, retryMs, setTimer }: SaveQueueOptions): SaveQueue {
  const waiting = new Map<string, () => Promise<unknown>>();
  let draining: Promise<void> | undefined;
  let isRetryArmed = false;

  const armRetry = () => {
    if (isRetryArmed) return;
    isRetryArmed = true;
    setTimer(() => {
      isRetryArmed = false;
      void drain();
    }, retryMs);
  };

  const drainOnce = async () => {
    for (let next = first(waiting); next !== undefined; next = first(waiting)) {
      const [key, write] = next;
      try {
        await write();
      } catch (error) {
        onReport({ unsaved: waiting.size, error });
        armRetry();
        return;
      }
      // A newer write under this key may have come in meanwhile: it stays first in line.
      if (waiting.get(key) === write) waiting.delete(key);
    }
    onReport({ unsaved: 0 });
  };

  const drain = (): Promise<void> => {
    draining ??= drainOnce().finally(() => {
      draining = undefined;
    });
    return draining;
  };

  return {
    async run(key, write) {
      if (waiting.size === 0 && draining === undefined) {
        try {
          await write();
          return;
        } catch (error) {
          waiting.set(key, write);
          onReport({ unsaved: waiting.size, error });
          armRetry();
          return;
        }
      }
      waiting.set(key, write);
      await drain();
    },
    unsaved: () => waiting.size,
  };
}
