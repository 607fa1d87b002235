import { act, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useThrottledValue } from './use-throttled-value';

function Shown({ value }: { value: number }) {
  return <output>{useThrottledValue(value, 250)}</output>;
}

const shown = () => screen.getByRole('status').textContent;

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
});

afterEach(() => {
  vi.useRealTimers();
});

describe('useThrottledValue', () => {
  it('shows the first value, then a change at once, then at most one change per interval', () => {
    const { rerender } = render(<Shown value={1} />);
    expect(shown()).toBe('1');
    rerender(<Shown value={2} />);
    expect(shown()).toBe('1');
    act(() => vi.advanceTimersByTime(0));
    expect(shown()).toBe('2');
    // Changes within the interval wait; the latest one shows when it has passed.
    act(() => vi.advanceTimersByTime(50));
    rerender(<Shown value={3} />);
    act(() => vi.advanceTimersByTime(50));
    rerender(<Shown value={4} />);
    act(() => vi.advanceTimersByTime(149));
    expect(shown()).toBe('2');
    act(() => vi.advanceTimersByTime(1));
    expect(shown()).toBe('4');
  });

  it('ends on the latest value when changes stop', () => {
    const { rerender } = render(<Shown value={0} />);
    for (let value = 1; value <= 20; value += 1) {
      rerender(<Shown value={value} />);
      act(() => vi.advanceTimersByTime(16));
    }
    expect(shown()).not.toBe('20');
    act(() => vi.advanceTimersByTime(250));
    expect(shown()).toBe('20');
  });

  it('shows nothing new for a value changed and changed back', () => {
    const { rerender } = render(<Shown value={5} />);
    rerender(<Shown value={6} />);
    rerender(<Shown value={5} />);
    act(() => vi.advanceTimersByTime(1000));
    expect(shown()).toBe('5');
  });
});
