import { describe, expect, it } from 'vitest';
import { reasoningBudget } from './reasoning-budget';

describe('reasoningBudget', () => {
  it('prefers a thinking budget, else takes max tokens in any API style', () => {
    expect(
      reasoningBudget({ max_tokens: 16_000, thinking: { type: 'enabled', budget_tokens: 8_000 } }),
    ).toEqual({ kind: 'thinking', tokens: 8_000 });
    expect(reasoningBudget({ max_tokens: 4_096 })).toEqual({ kind: 'reply', tokens: 4_096 });
    expect(reasoningBudget({ max_completion_tokens: 900, max_tokens: 5 })).toEqual({
      kind: 'reply',
      tokens: 900,
    });
    expect(reasoningBudget({ max_output_tokens: 2_000 })).toEqual({ kind: 'reply', tokens: 2_000 });
  });

  it('finds none when the request set none or set nonsense', () => {
    expect(reasoningBudget(undefined)).toBeUndefined();
    expect(reasoningBudget({ model: 'r1' })).toBeUndefined();
    expect(reasoningBudget({ max_tokens: '100', thinking: null })).toBeUndefined();
    expect(reasoningBudget({ max_tokens: 0 })).toBeUndefined();
  });

  it('passes over a budget that is not a positive finite number to the next field', () => {
    for (const bad of [0, -5, Number.NaN, Number.POSITIVE_INFINITY, '8000', null]) {
      expect(
        reasoningBudget({ thinking: { budget_tokens: bad }, max_tokens: 1_000 }),
        String(bad),
      ).toEqual({ kind: 'reply', tokens: 1_000 });
      expect(
        reasoningBudget({ max_completion_tokens: bad, max_tokens: bad, max_output_tokens: 700 }),
        String(bad),
      ).toEqual({ kind: 'reply', tokens: 700 });
    }
    expect(reasoningBudget({ thinking: 'enabled', max_tokens: 3 })).toEqual({
      kind: 'reply',
      tokens: 3,
    });
    expect(reasoningBudget({ max_tokens: 0.5 })).toEqual({ kind: 'reply', tokens: 0.5 });
  });
});
