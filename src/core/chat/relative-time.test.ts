import { describe, expect, it } from 'vitest';
import { relativeTime } from './relative-time';

const NOW = Date.UTC(2026, 11, 1, 12, 0, 0);
const MINUTE = 60_000;
const DAY = 86_400_000;

describe('relativeTime', () => {
  it.each([
    [NOW - 20_000, 'now'],
    [NOW - MINUTE, '1 minute ago'],
    [NOW - 5 * MINUTE, '5 minutes ago'],
    [NOW - 3 * 60 * MINUTE, '3 hours ago'],
    [NOW - DAY, 'yesterday'],
    [NOW - 3 * DAY, '3 days ago'],
    [NOW - 15 * DAY, '2 weeks ago'],
    [NOW - 70 * DAY, '2 months ago'],
    [NOW - 800 * DAY, '2 years ago'],
    [NOW + 2 * 60 * MINUTE, 'in 2 hours'],
  ])('says %s as "%s"', (then, expected) => {
    expect(relativeTime(then, NOW, 'en')).toBe(expected);
  });

  it('speaks the given locale', () => {
    expect(relativeTime(NOW - DAY, NOW, 'fr')).toBe('hier');
  });
});
