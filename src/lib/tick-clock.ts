/**
 * One timer for every clock on the page: listeners subscribe with a period, and each is called
 * when the wall clock crosses a multiple of its period. Listeners due at the same moment are
 * called in the same task, so the React updates they make are rendered together.
 */

/** What a {@link TickClock} needs from its environment. */
export interface TickTimers {
  /** Epoch ms (`Date.now`). */
  now: () => number;
  /** Calls `task` after `delayMs` (`setTimeout`); returns a cancel function. */
  after: (delayMs: number, task: () => void) => () => void;
}

interface Period {
  /** The last period index (`floor(now / periodMs)`) its listeners were called at or joined in. */
  index: number;
  listeners: Set<() => void>;
}

/** A shared timer for clocks of several periods; see {@link subscribeToTicks}. */
export class TickClock {
  private readonly periods = new Map<number, Period>();
  private cancel: (() => void) | undefined;

  constructor(private readonly timers: TickTimers) {}

  /**
   * Calls `listener` each time the wall clock passes a multiple of `periodMs` (ms, > 0), until the
   * returned function is called.
   */
  subscribe(periodMs: number, listener: () => void): () => void {
    let period = this.periods.get(periodMs);
    if (period === undefined) {
      period = { index: Math.floor(this.timers.now() / periodMs), listeners: new Set() };
      this.periods.set(periodMs, period);
    }
    const entry = () => listener();
    period.listeners.add(entry);
    this.reschedule();
    return () => {
      const current = this.periods.get(periodMs);
      current?.listeners.delete(entry);
      if (current?.listeners.size === 0) this.periods.delete(periodMs);
      this.reschedule();
    };
  }

  /** Arms the one timer for the next multiple of the shortest period subscribed to. */
  private reschedule(): void {
    this.cancel?.();
    this.cancel = undefined;
    if (this.periods.size === 0) return;
    const shortest = Math.min(...this.periods.keys());
    const now = this.timers.now();
    this.cancel = this.timers.after(shortest - (now % shortest), this.tick);
  }

  private readonly tick = (): void => {
    this.cancel = undefined;
    const now = this.timers.now();
    const due: (() => void)[] = [];
    for (const [periodMs, period] of this.periods) {
      const index = Math.floor(now / periodMs);
      if (index === period.index) continue;
      period.index = index;
      due.push(...period.listeners);
    }
    for (const listener of due) listener();
    this.reschedule();
  };
}

const browserClock = new TickClock({
  now: () => Date.now(),
  after: (delayMs, task) => {
    const timer = setTimeout(task, delayMs);
    return () => clearTimeout(timer);
  },
});

/**
 * Calls `listener` every `periodMs` (at each multiple of it on the wall clock), from the page's one
 * shared timer. @returns a function that stops the calls.
 */
export function subscribeToTicks(periodMs: number, listener: () => void): () => void {
  return browserClock.subscribe(periodMs, listener);
}
