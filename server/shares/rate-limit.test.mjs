import { describe, expect, it } from 'vitest';
import { createRateLimiter } from './rate-limit.mjs';

describe('rate limiter', () => {
  it('allows the limit per window per client, then says when to come back', () => {
    let clock = 0;
    const limiter = createRateLimiter({ limit: 3, windowMs: 60_000, now: () => clock });
    for (let i = 0; i < 3; i += 1) {
      expect(limiter.take('a')).toEqual({ ok: true });
      clock += 10_000;
    }
    expect(limiter.take('a')).toEqual({ ok: false, retryAfterSeconds: 30 });
    expect(limiter.take('b')).toEqual({ ok: true });
    clock = 60_001;
    expect(limiter.take('a')).toEqual({ ok: true });
    expect(limiter.take('a')).toEqual({ ok: false, retryAfterSeconds: 10 });
  });
});
