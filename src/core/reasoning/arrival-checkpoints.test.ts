import { describe, expect, it } from 'vitest';
import { ARRIVAL_RESOLUTION_MS, MAX_CHECKPOINTS, recordArrival } from './arrival-checkpoints';
import { arrivalAt, isArrivalCheckpoints } from './arrival-time';
import { createStepSegmenter, segmentSteps } from './step-segmenter';
import { createStepTimer, stepDurationMs, timeSteps } from './step-timing';

describe('recordArrival', () => {
  it('adds a pair only when a delta comes a resolution window after the last pair', () => {
    let list = recordArrival([], 0, 1000);
    expect(list).toEqual([0, 1000]);
    const same = recordArrival(list, 5, 1000 + ARRIVAL_RESOLUTION_MS - 1);
    expect(same).toBe(list);
    list = recordArrival(list, 9, 1000 + ARRIVAL_RESOLUTION_MS);
    expect(list).toEqual([0, 1000, 9, 1000 + ARRIVAL_RESOLUTION_MS]);
  });

  it('stays within its bound however long the stream, keeping the first arrival exact', () => {
    let list: readonly number[] = [];
    for (let delta = 0; delta < 20_000; delta += 1)
      list = recordArrival(list, delta * 3, delta * 100);
    expect(list.length / 2).toBeLessThanOrEqual(MAX_CHECKPOINTS);
    expect(list.length / 2).toBeGreaterThan(MAX_CHECKPOINTS / 4);
    expect(list.slice(0, 2)).toEqual([0, 0]);
    expect(isArrivalCheckpoints(list)).toBe(true);
    // Every character's time is at or before when it truly arrived, and not long before.
    for (let delta = 0; delta < 20_000; delta += 1) {
      const at = arrivalAt(list, delta * 3 + 1)!;
      expect(at).toBeLessThanOrEqual(delta * 100);
      expect(delta * 100 - at).toBeLessThanOrEqual(
        (4 * 2_000_000) / MAX_CHECKPOINTS + 3 * ARRIVAL_RESOLUTION_MS,
      );
    }
  });
});

describe('arrivalAt', () => {
  const list = [0, 100, 10, 400, 25, 900];
  it('gives the time of the last pair at or before the offset', () => {
    expect([0, 9, 10, 24, 25, 1000].map((offset) => arrivalAt(list, offset))).toEqual([
      100, 100, 400, 400, 900, 900,
    ]);
    expect(arrivalAt([], 3)).toBeUndefined();
    expect(arrivalAt([5, 100], 3)).toBeUndefined();
  });
});

describe('isArrivalCheckpoints', () => {
  it('accepts pairs of non-decreasing numbers only', () => {
    expect(isArrivalCheckpoints([0, 1, 5, 2])).toBe(true);
    expect(isArrivalCheckpoints([0, 1, 5])).toBe(false);
    expect(isArrivalCheckpoints([5, 1, 0, 2])).toBe(false);
    expect(isArrivalCheckpoints([0, 'x'])).toBe(false);
    expect(isArrivalCheckpoints({})).toBe(false);
    expect(isArrivalCheckpoints([0, 1000, 0, 1000, 4, 1000])).toBe(true);
    expect(isArrivalCheckpoints([-1, 1000])).toBe(false);
    expect(isArrivalCheckpoints([0, Number.NaN])).toBe(false);
    expect(isArrivalCheckpoints([0, Number.POSITIVE_INFINITY])).toBe(false);
  });
});

describe('timeSteps', () => {
  it('times each step from the arrival of its first and last character', () => {
    const text = '**One**\nabc\n**Two**\ndef\n';
    const steps = segmentSteps(text);
    const two = text.indexOf('**Two**');
    const timed = timeSteps(steps, [0, 1000, 8, 1500, two, 4000, two + 9, 6500]);
    expect(timed.map((step) => [step.firstTokenAt, step.lastTokenAt])).toEqual([
      [1000, 1500],
      [4000, 6500],
    ]);
    expect(timed.map(stepDurationMs)).toEqual([500, 2500]);
  });

  it('leaves timing out without checkpoints', () => {
    const timed = timeSteps(segmentSteps('text'), undefined);
    expect(timed[0]!.firstTokenAt).toBeUndefined();
    expect(stepDurationMs(timed[0]!)).toBeUndefined();
  });
});

describe('createStepTimer', () => {
  it('keeps finished steps as they were while checkpoints grow at their end, and times anew after thinning', () => {
    const segmenter = createStepSegmenter();
    const time = createStepTimer();
    segmenter.feed('**One**\nabc\n**Two**\nde');
    const checkpoints = [0, 1000, 8, 1500, 12, 4000];
    const first = time(segmenter.steps(), checkpoints);
    segmenter.feed('f\n**Three**\nghi');
    const grown = [...checkpoints, 24, 7000];
    const second = time(segmenter.steps(), grown);
    expect(second[0]).toBe(first[0]);
    expect(second[1]).not.toBe(first[1]);
    expect(second.map((step) => [step.firstTokenAt, step.lastTokenAt])).toEqual(
      timeSteps(segmenter.steps(), grown).map((step) => [step.firstTokenAt, step.lastTokenAt]),
    );
    const thinned = [0, 1000, 24, 7000];
    const third = time(segmenter.steps(), thinned);
    expect(third[0]).not.toBe(second[0]);
    expect(third[0]!.lastTokenAt).toBe(1000);
  });
});

describe('recordArrival, in detail', () => {
  it('ignores a delta that adds no text, and rounds times to whole ms', () => {
    const list = recordArrival([], 0, 1000.4);
    expect(list).toEqual([0, 1000]);
    expect(recordArrival(list, 0, 5000)).toBe(list);
    expect(recordArrival(list, 1, 5000.6)).toEqual([0, 1000, 1, 5001]);
  });

  it('thins a full list to every other pair, evenly over time', () => {
    const START = 1_700_000_000_000;
    let list: readonly number[] = [];
    for (let pair = 0; pair < MAX_CHECKPOINTS; pair += 1) {
      list = recordArrival(list, pair, START + pair * ARRIVAL_RESOLUTION_MS);
    }
    expect(list.length / 2).toBe(MAX_CHECKPOINTS);
    const thinned = recordArrival(
      list,
      MAX_CHECKPOINTS,
      START + MAX_CHECKPOINTS * ARRIVAL_RESOLUTION_MS,
    );
    // The span is 2000 × 250 ms: pairs at least 2 × 250 ms apart stay, from the first one.
    const expected = Array.from({ length: MAX_CHECKPOINTS / 2 + 1 }, (_, index) => [
      2 * index,
      START + 2 * index * ARRIVAL_RESOLUTION_MS,
    ]).flat();
    expect(thinned).toEqual(expected);
  });
});

describe('stepDurationMs', () => {
  it('rounds to whole ms and is never negative', () => {
    const span = { index: 0, title: '', isTitled: false, start: 0, end: 1, tokens: 1 };
    expect(stepDurationMs({ ...span, firstTokenAt: 1000, lastTokenAt: 1250.6 })).toBe(251);
    expect(stepDurationMs({ ...span, firstTokenAt: 1000, lastTokenAt: 990 })).toBe(0);
    expect(stepDurationMs({ ...span, lastTokenAt: 990 })).toBeUndefined();
    expect(stepDurationMs({ ...span, firstTokenAt: 990 })).toBeUndefined();
  });
});

describe('createStepTimer, when the checkpoints change', () => {
  const text = '**One**\nabc\n**Two**\ndef\n';
  const spans = segmentSteps(text);
  const timesOf = (steps: readonly { firstTokenAt?: number; lastTokenAt?: number }[]) =>
    steps.map((step) => [step.firstTokenAt, step.lastTokenAt]);

  it.each([
    ['a list that starts later', [0, 2000, 12, 5000]],
    ['a shorter list', [0, 1000]],
    ['a list of the same length with another first time', [0, 900, 8, 1500, 12, 4000]],
    ['a list of the same length changed at its end', [0, 1000, 8, 1500, 12, 4500]],
    ['a list whose last pair moved', [0, 1000, 8, 1500, 13, 4000]],
  ])('times every step anew for %s', (_, next) => {
    const time = createStepTimer();
    const first = time(spans, [0, 1000, 8, 1500, 12, 4000]);
    const second = time(spans, next);
    expect(timesOf(second)).toEqual(timesOf(timeSteps(spans, next)));
    expect(second[0]).not.toBe(first[0]);
  });

  it('drops the timing when the checkpoints go, and keeps it for the same list', () => {
    const time = createStepTimer();
    const list = [0, 1000, 12, 4000];
    const first = time(spans, list);
    expect(time(spans, list)[1]).toBe(first[1]);
    expect(time(spans, [...list])[0]).toBe(first[0]);
    expect(timesOf(time(spans, undefined))).toEqual([
      [undefined, undefined],
      [undefined, undefined],
    ]);
    expect(timesOf(time(spans, []))).toEqual([
      [undefined, undefined],
      [undefined, undefined],
    ]);
  });

  it('times an empty step by its start', () => {
    const empty = [{ index: 0, title: '', isTitled: false, start: 5, end: 5, tokens: 0 }];
    expect(timesOf(timeSteps(empty, [0, 1000, 5, 2000]))).toEqual([[2000, 2000]]);
  });
});
