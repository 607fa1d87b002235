/**
 * Reasoning effort levels on each provider's own scale. Settings offers only these, and a level a
 * provider does not take is never sent.
 */
import type { ProviderFamily, ReasoningEffort } from './provider-options';

/** Who is asked: the family decides the scale, and for some families the model does. */
export interface EffortTarget {
  family: ProviderFamily;
  model: string;
}

interface EffortScale {
  /** Where the scale comes from. */
  source: string;
  applies: (target: EffortTarget) => boolean;
  levels: readonly ReasoningEffort[];
}

/** First matching row wins. Turning thinking off (`none`) is the Think switch's job, not a level. */
export const EFFORT_SCALES: readonly EffortScale[] = [
  {
    source: 'api-docs.deepseek.com/guides/thinking_mode: reasoning_effort low, high or max',
    applies: (t) => t.family === 'deepseek',
    levels: ['low', 'high', 'max'],
  },
  {
    source:
      'platform.openai.com/docs/guides/reasoning: reasoning.effort minimal, low, medium, high',
    applies: (t) => t.family === 'openai-responses',
    levels: ['minimal', 'low', 'medium', 'high'],
  },
  {
    source: 'openrouter.ai/docs/use-cases/reasoning-tokens: reasoning.effort minimal … xhigh',
    applies: (t) => t.family === 'openrouter',
    levels: ['minimal', 'low', 'medium', 'high', 'xhigh'],
  },
  {
    source:
      'platform.claude.com/docs/en/build-with-claude/effort: Opus 4.7+ and Sonnet 5 add xhigh',
    applies: (t) => t.family === 'anthropic' && /opus-4-[7-9]|(?:opus|sonnet)-[5-9]/.test(t.model),
    levels: ['low', 'medium', 'high', 'xhigh', 'max'],
  },
  {
    source: 'platform.claude.com/docs/en/build-with-claude/effort: Opus 4.6 and Sonnet 4.6',
    applies: (t) => t.family === 'anthropic' && /(?:opus|sonnet)-4-6/.test(t.model),
    levels: ['low', 'medium', 'high', 'max'],
  },
  {
    source: 'platform.claude.com/docs/en/build-with-claude/effort: Opus 4.5',
    applies: (t) => t.family === 'anthropic' && /opus-4-5/.test(t.model),
    levels: ['low', 'medium', 'high'],
  },
  {
    source:
      'platform.claude.com/docs/en/build-with-claude/effort: other Claude models reject effort',
    applies: (t) => t.family === 'anthropic',
    levels: [],
  },
  {
    source: 'console.groq.com/docs/reasoning: Qwen3 takes only none or default (the Think switch)',
    applies: (t) => t.family === 'groq' && /qwen3/i.test(t.model),
    levels: [],
  },
  {
    source: 'ai.google.dev/gemini-api/docs/openai: reasoning_effort low, medium, high',
    applies: (t) => t.family === 'gemini',
    levels: ['low', 'medium', 'high'],
  },
  {
    source:
      'OpenAI-compatible servers (vLLM, Ollama, llama.cpp, Groq gpt-oss, xAI): low, medium, high',
    applies: () => true,
    levels: ['low', 'medium', 'high'],
  },
];

/** The effort levels the provider takes for this model, lowest first; empty when it takes none. */
export function effortLevels(target: EffortTarget): readonly ReasoningEffort[] {
  return EFFORT_SCALES.find((scale) => scale.applies(target))?.levels ?? [];
}
