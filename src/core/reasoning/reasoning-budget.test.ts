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
});
