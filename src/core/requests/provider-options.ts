/**
 * The words provider requests are built from: provider families, reasoning effort levels and the
 * request options Settings offers. A leaf module, so the rule tables and the request builder can
 * all import it.
 */

/** Every effort level Ruminate knows; each provider takes some of them (`effort-scales.ts`). */
export const REASONING_EFFORTS = ['minimal', 'low', 'medium', 'high', 'xhigh', 'max'] as const;

/** How hard a model should think, where the provider takes a level. */
export type ReasoningEffort = (typeof REASONING_EFFORTS)[number];

/** Groq's `reasoning_format` values, as a list (for validation). */
export const GROQ_REASONING_FORMATS = ['parsed', 'raw', 'hidden'] as const;

/** Groq's `reasoning_format` (console.groq.com/docs/reasoning). */
export type GroqReasoningFormat = (typeof GROQ_REASONING_FORMATS)[number];

/** Per-provider request options from Settings. Unset means "the provider's default". */
export interface RequestOptions {
  reasoningEffort?: ReasoningEffort;
  /** Upper bound on generated tokens (reasoning included, for most providers). */
  maxTokens?: number;
  /** Sampling temperature; only sent where the model accepts it. */
  temperature?: number;
  /** Anthropic extended thinking budget, in tokens (at least 1,024; below max tokens). */
  thinkingBudget?: number;
  /** Groq only. */
  groqReasoningFormat?: GroqReasoningFormat;
}

/** Provider families whose requests differ, as a list (for validation). */
export const PROVIDER_FAMILIES = [
  'generic',
  'deepseek',
  'openrouter',
  'groq',
  'openai-responses',
  'anthropic',
  'gemini',
] as const;

/**
 * Provider families whose requests differ. `generic` is any other OpenAI-compatible server
 * (vLLM, llama.cpp, Ollama, LM Studio, Together, Fireworks, xAI, Mistral, …).
 */
export type ProviderFamily = (typeof PROVIDER_FAMILIES)[number];
