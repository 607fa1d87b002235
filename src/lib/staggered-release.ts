/**
 * Telling many mounted components that something they wait for (a chunk loaded on demand: the
 * math renderer, a highlighting grammar) has arrived, without one long frame: they re-render a
 * few at a time, newest first, in tasks of at most {@link RELEASE_SLICE_MS}.
 */
import { useCallback, useState, useSyncExternalStore } from 'react';
import { flushSync } from 'react-dom';

/**
 * Main-thread time, in ms, one release task may spend re-rendering waiting components before it
 * yields so the page can paint a frame (one component that takes longer still finishes).
 */
export const RELEASE_SLICE_MS = 8;

/** What one mounted component has seen of a {@link StaggeredRelease}. */
export interface ReleaseCell {
  /** The release's {@link StaggeredRelease.version} this component renders with. */
  seen: number;
}

interface Subscriber {
  cell: ReleaseCell;
  onChange: () => void;
}

/** How a {@link StaggeredRelease} runs its work: re-renders and later tasks. */
export interface ReleaseScheduler {
  /** Runs `update` and renders what it changed before returning (React's `flushSync`). */
  renderNow: (update: () => void) => void;
  /** Runs `task` in a later task (`setTimeout(task, 0)`). */
  later: (task: () => void) => void;
  /** A monotonic clock, ms (`performance.now`). */
  now: () => number;
}

const browserScheduler: ReleaseScheduler = {
  renderNow: (update) => flushSync(update),
  later: (task) => setTimeout(task, 0),
  now: () => performance.now(),
};

/**
 * A version number raised by {@link announce}, which subscribed components take up one by one:
 * the most recently subscribed first (in a chat, the newest text, nearest the view), each
 * re-rendered at once, until {@link RELEASE_SLICE_MS} has passed; the rest follow in later tasks.
 * A component that subscribes after an announcement it has not seen is queued too, and one that
 * unsubscribes before its turn is skipped.
 */
export class StaggeredRelease {
  /** How many announcements have been made (0 before the first). */
  version = 0;
  private readonly subscribers = new Set<Subscriber>();
  private queue: Subscriber[] = [];
  private isDraining = false;

  constructor(private readonly scheduler: ReleaseScheduler = browserScheduler) {}

  /**
   * Calls `onChange` (after raising `cell.seen` to {@link version}) at this subscriber's turn after
   * each announcement, and soon if `cell` has not seen the latest one yet.
   * @returns a function that unsubscribes.
   */
  subscribe(cell: ReleaseCell, onChange: () => void): () => void {
    const subscriber = { cell, onChange };
    this.subscribers.add(subscriber);
    if (cell.seen < this.version) this.enqueue([subscriber]);
    return () => this.subscribers.delete(subscriber);
  }

  /** Raises {@link version} and starts releasing every subscriber, newest first. */
  announce(): void {
    this.version += 1;
    this.enqueue([...this.subscribers]);
  }

  private enqueue(subscribers: Subscriber[]): void {
    const queued = new Set(this.queue);
    this.queue.push(...subscribers.filter((subscriber) => !queued.has(subscriber)));
    if (this.isDraining) return;
    this.isDraining = true;
    this.scheduler.later(this.drain);
  }

  private readonly drain = (): void => {
    const start = this.scheduler.now();
    do {
      const subscriber = this.queue.pop();
      if (subscriber === undefined) break;
      if (!this.subscribers.has(subscriber) || subscriber.cell.seen >= this.version) continue;
      this.scheduler.renderNow(() => {
        subscriber.cell.seen = this.version;
        subscriber.onChange();
      });
    } while (this.scheduler.now() - start < RELEASE_SLICE_MS);
    if (this.queue.length > 0) this.scheduler.later(this.drain);
    else this.isDraining = false;
  };
}

/**
 * The version of `release` this component renders with: the one current when it mounted, then each
 * later one at the component's turn (see {@link StaggeredRelease}). While `isWaiting` is false the
 * component is not subscribed and its version stays as it is.
 */
export function useStaggeredRelease(release: StaggeredRelease, isWaiting: boolean): number {
  const [cell] = useState<ReleaseCell>(() => ({ seen: release.version }));
  const subscribe = useCallback(
    (onChange: () => void) => (isWaiting ? release.subscribe(cell, onChange) : () => undefined),
    [release, cell, isWaiting],
  );
  return useSyncExternalStore(subscribe, () => cell.seen);
}
