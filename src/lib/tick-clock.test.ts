import { describe, expect, it } from 'vitest';
import { TickClock } from './tick-clock';

/** Timers on a clock the test moves; `advance` runs what falls due, in time order. */
function manualTimers(start: number) {
  let clock = start;
  let timers: { at: number; task: () => void }[] = [];
  return {
    timers: {
      now: () => clock,
      after: (delayMs: number, task: () => void) => {
        const timer = { at: clock + delayMs, task };
        timers.push(timer);
        return () => {
          timers = timers.filter((t) => t !== timer);
        };
      },
    },
    armed: () => timers.map((t) => t.at),
    advance(toMs: number) {
      for (;;) {
        const next = [...timers].sort((a, b) => a.at - b.at)[0];
        if (next === undefined || next.at > toMs) break;
        timers = timers.filter((t) => t !== next);
        clock = next.at;
        next.task();
      }
      clock = toMs;
    },
  };
}

describe('TickClock', () => {
  it('ticks at each multiple of the period on the wall clock', () => {
    const manual = manualTimers(1_100);
    const clock = new TickClock(manual.timers);
    const ticks: number[] = [];
    clock.subscribe(250, () => ticks.push(manual.timers.now()));
    expect(manual.armed()).toEqual([1_250]);
    manual.advance(2_000);
    expect(ticks).toEqual([1_250, 1_500, 1_750, 2_000]);
  });

  it('calls clocks due at the same moment in one task, from one timer', () => {
    const manual = manualTimers(0);
    const clock = new TickClock(manual.timers);
    const calls: string[] = [];
    clock.subscribe(1_000, () => calls.push(`second@${manual.timers.now()}`));
    clock.subscribe(250, () => calls.push(`quarter@${manual.timers.now()}`));
    expect(manual.armed()).toHaveLength(1);
    manual.advance(1_000);
    expect(calls).toEqual([
      'quarter@250',
      'quarter@500',
      'quarter@750',
      'second@1000',
      'quarter@1000',
    ]);
  });

  it('stops a listener that unsubscribes, and the timer with the last one', () => {
    const manual = manualTimers(0);
    const clock = new TickClock(manual.timers);
    const calls: string[] = [];
    const stopA = clock.subscribe(100, () => calls.push('a'));
    const stopB = clock.subscribe(100, () => calls.push('b'));
    manual.advance(100);
    stopA();
    manual.advance(200);
    expect(calls).toEqual(['a', 'b', 'b']);
    stopB();
    expect(manual.armed()).toEqual([]);
  });

  it('goes back to the longer period when the shorter one is gone', () => {
    const manual = manualTimers(0);
    const clock = new TickClock(manual.timers);
    const calls: number[] = [];
    clock.subscribe(1_000, () => calls.push(manual.timers.now()));
    const stop = clock.subscribe(250, () => undefined);
    manual.advance(300);
    stop();
    expect(manual.armed()).toEqual([1_000]);
    manual.advance(2_000);
    expect(calls).toEqual([1_000, 2_000]);
  });

  it('does not tick a period just joined until its next multiple', () => {
    const manual = manualTimers(990);
    const clock = new TickClock(manual.timers);
    const calls: number[] = [];
    clock.subscribe(250, () => undefined);
    manual.advance(1_005);
    clock.subscribe(1_000, () => calls.push(manual.timers.now()));
    manual.advance(1_999);
    expect(calls).toEqual([]);
    manual.advance(2_000);
    expect(calls).toEqual([2_000]);
  });
});
