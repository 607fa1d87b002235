/**
 * Whether, and how, the reasoning of an earlier assistant turn goes back to the provider in the
 * next request. One row per provider rule, each with its source, tested row by row.
 */
import type { ProviderFamily } from './provider-options';

/** How an earlier assistant turn is sent back. */
export type HistoryReasoning =
  /** The answer text only; reasoning stays in Ruminate. */
  | 'answer-only'
  /** The answer plus `reasoning_content` beside it (DeepSeek thinking mode). */
  | 'reasoning-content'
  /** The answer plus the turn's `reasoning_details` (OpenRouter). */
  | 'reasoning-details';

/** What the rules look at about an earlier assistant turn. */
export interface HistoryTurn {
  family: ProviderFamily;
  model: string;
  /** The turn ended in tool calls. */
  madeToolCalls: boolean;
}

/** DeepSeek's R1-era reasoner, which answers HTTP 400 to any `reasoning_content` in the input. */
function isR1EraDeepSeek(model: string): boolean {
  return /^deepseek-reasoner$|r1/i.test(model);
}

interface HistoryRule {
  /** Where the rule comes from. */
  source: string;
  applies: (turn: HistoryTurn) => boolean;
  result: HistoryReasoning;
}

/** First matching row wins. */
export const HISTORY_RULES: readonly HistoryRule[] = [
  {
    source: 'DeepSeek reasoning_model guide (R1 era): reasoning_content in input returns HTTP 400',
    applies: (turn) => turn.family === 'deepseek' && isR1EraDeepSeek(turn.model),
    result: 'answer-only',
  },
  {
    source:
      'api-docs.deepseek.com/guides/thinking_mode: turns that made tool calls must carry their reasoning_content; otherwise it is ignored',
    applies: (turn) => turn.family === 'deepseek' && turn.madeToolCalls,
    result: 'reasoning-content',
  },
  {
    source:
      'openrouter.ai/docs/use-cases/reasoning-tokens: reasoning_details preserve reasoning across tool calls',
    applies: (turn) => turn.family === 'openrouter' && turn.madeToolCalls,
    result: 'reasoning-details',
  },
  {
    source: 'Everyone else: reasoning is the model’s scratchpad, not conversation history',
    applies: () => true,
    result: 'answer-only',
  },
];

/** How an earlier assistant turn's reasoning is sent back. */
export function historyReasoning(turn: HistoryTurn): HistoryReasoning {
  return HISTORY_RULES.find((rule) => rule.applies(turn))?.result ?? 'answer-only';
}
