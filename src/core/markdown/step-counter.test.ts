import { describe, expect, it } from 'vitest';
import { count } from './step-counter';

describe('count', () => {
  it('adds one step, or the steps given, to a counter', () => {
    const counter = { steps: 2 };
    count(counter);
    expect(counter.steps).toBe(3);
    count(counter, 5);
    expect(counter.steps).toBe(8);
  });

  it('does nothing without a counter', () => {
    expect(() => count(undefined, 3)).not.toThrow();
  });
});
