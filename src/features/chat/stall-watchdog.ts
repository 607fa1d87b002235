/**
 * Notices a streaming reply that has gone quiet for too long.
 */

/** Quiet time after which a stream is reported as stalled, in ms. */
export const STALL_AFTER_MS = 30_000;

/** What a {@link StallWatchdog} needs from the outside world; tests pass fakes. */
export interface StallWatchdogDeps {
  /** Current time, epoch ms. */
  now: () => number;
  /** Runs `callback` after `ms`; returns a function that cancels it. */
  setTimer: (callback: () => void, ms: number) => () => void;
}

/**
 * The stall watchdog of one request: calls `onStall` once the stream has been quiet for
 * {@link STALL_AFTER_MS}. Data only moves the time of the last read (thousands of reads per second
 * must not each cancel and set a timer); when the timer fires early because data came meanwhile,
 * it waits out the rest of the quiet time. After reporting a stall it stays unarmed until data
 * comes again.
 */
export class StallWatchdog {
  private cancelTimer: (() => void) | undefined;
  /** When the stream last received data, epoch ms. */
  private lastDataAt = 0;

  constructor(
    private readonly deps: StallWatchdogDeps,
    private readonly onStall: () => void,
  ) {}

  /** Starts watching: the quiet time counts from now. */
  start(): void {
    this.lastDataAt = this.deps.now();
    this.arm(STALL_AFTER_MS);
  }

  /** Records a network read; re-arms the watchdog if it had reported a stall. */
  dataReceived(): void {
    this.lastDataAt = this.deps.now();
    if (this.cancelTimer === undefined) this.arm(STALL_AFTER_MS);
  }

  /** Stops watching (the request ended or was stopped). */
  stop(): void {
    this.cancelTimer?.();
    this.cancelTimer = undefined;
  }

  private arm(ms: number): void {
    this.cancelTimer?.();
    this.cancelTimer = this.deps.setTimer(() => {
      this.cancelTimer = undefined;
      const quietMs = this.deps.now() - this.lastDataAt;
      if (quietMs < STALL_AFTER_MS) {
        this.arm(STALL_AFTER_MS - quietMs);
        return;
      }
      this.onStall();
    }, ms);
  }
}
