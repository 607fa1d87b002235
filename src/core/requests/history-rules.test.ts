import { describe, expect, it } from 'vitest';
import { HISTORY_RULES, historyReasoning, type HistoryTurn } from './history-rules';

const turn = (overrides: Partial<HistoryTurn>): HistoryTurn => ({
  family: 'generic',
  model: 'm',
  madeToolCalls: false,
  ...overrides,
});

describe('historyReasoning, one test per rule', () => {
  it('R1-era deepseek-reasoner never gets reasoning_content back, even after tool calls', () => {
    expect(
      historyReasoning(
        turn({ family: 'deepseek', model: 'deepseek-reasoner', madeToolCalls: true }),
      ),
    ).toBe('answer-only');
  });

  it('DeepSeek thinking mode gets reasoning_content back for turns that made tool calls', () => {
    expect(
      historyReasoning(turn({ family: 'deepseek', model: 'deepseek-chat', madeToolCalls: true })),
    ).toBe('reasoning-content');
  });

  it('takes only deepseek-reasoner itself and R1 models as R1-era', () => {
    for (const model of ['deepseek-reasoner-v4', 'my-deepseek-reasoner']) {
      expect(
        historyReasoning(turn({ family: 'deepseek', model, madeToolCalls: true })),
        model,
      ).toBe('reasoning-content');
    }
    expect(
      historyReasoning(
        turn({ family: 'deepseek', model: 'DeepSeek-R1-0528', madeToolCalls: true }),
      ),
    ).toBe('answer-only');
  });

  it('DeepSeek thinking mode sends answers only for turns without tool calls', () => {
    expect(historyReasoning(turn({ family: 'deepseek', model: 'deepseek-v4-pro' }))).toBe(
      'answer-only',
    );
  });

  it('OpenRouter gets reasoning_details back on tool turns', () => {
    expect(historyReasoning(turn({ family: 'openrouter', madeToolCalls: true }))).toBe(
      'reasoning-details',
    );
    expect(historyReasoning(turn({ family: 'openrouter' }))).toBe('answer-only');
  });

  it('Anthropic gets the answer text only, tool turns too (Ruminate sends no tool round trips)', () => {
    expect(historyReasoning(turn({ family: 'anthropic', madeToolCalls: true }))).toBe(
      'answer-only',
    );
  });

  it('everyone else gets the answer text only', () => {
    for (const family of ['generic', 'groq', 'openai-responses'] as const) {
      expect(historyReasoning(turn({ family, madeToolCalls: true }))).toBe('answer-only');
    }
  });

  it('every rule names its source and the last row catches everything', () => {
    for (const rule of HISTORY_RULES) expect(rule.source.length).toBeGreaterThan(10);
    expect(HISTORY_RULES.at(-1)?.applies(turn({}))).toBe(true);
  });
});
