import { describe, expect, it } from 'vitest';
import { RunIndex, runEnd } from './run-index';

describe('RunIndex', () => {
  it('finds the next run of exactly a size, counting the characters it read', () => {
    const counter = { steps: 0 };
    const index = new RunIndex('`a``b`', '`', counter);
    expect(counter.steps).toBe(4);
    expect(index.next(0, 2)).toBe(2);
    expect(index.next(1, 1)).toBe(5);
    expect(index.next(6, 1)).toBe(-1);
    expect(index.next(0, 3)).toBe(-1);
  });

  it('finds nothing in a text without the character', () => {
    expect(new RunIndex('plain', '$', undefined).next(0, 1)).toBe(-1);
  });
});

describe('runEnd', () => {
  it('is the index after the run of the character at the start', () => {
    expect(runEnd('aab', 0)).toBe(2);
    expect(runEnd('abb', 1)).toBe(3);
  });
});
