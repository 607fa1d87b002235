/**
 * What every API style's request is built from and into: the conversation's messages, the input
 * without the style itself, the finished request, and the option filtering all styles share. A
 * leaf below the per-style request builders (`core/api-styles/*-style.ts`).
 */
import { effortLevels } from './effort-scales';
import type { ProviderFamily, RequestOptions } from './provider-options';
import { thinkRuleFor } from './think-rules';

/** One message of an OpenAI-compatible chat completions request. */
export interface RequestMessage {
  role: 'system' | 'user' | 'assistant';
  content: string;
  /** An earlier turn's reasoning, only where the provider's history rules ask for it. */
  reasoning_content?: string;
}

/** Which options a family takes; the Settings dialog shows only these, and only these are sent. */
export const SUPPORTED_OPTIONS: Record<ProviderFamily, readonly (keyof RequestOptions)[]> = {
  generic: ['reasoningEffort', 'maxTokens', 'temperature'],
  // deepseek-reasoner ignores temperature; thinking mode takes an effort (api-docs.deepseek.com).
  deepseek: ['reasoningEffort', 'maxTokens'],
  openrouter: ['reasoningEffort', 'maxTokens', 'temperature'],
  groq: ['groqReasoningFormat', 'reasoningEffort', 'maxTokens', 'temperature'],
  // Reasoning models on the Responses API reject temperature.
  'openai-responses': ['reasoningEffort', 'maxTokens'],
  // Extended thinking is incompatible with a custom temperature (Anthropic docs); effort only
  // where the model takes it (effort-scales.ts).
  anthropic: ['thinkingBudget', 'reasoningEffort', 'maxTokens'],
  gemini: ['reasoningEffort', 'maxTokens', 'temperature'],
};

/** Everything one API style needs to build the request for a reply. */
export interface StyleRequestInput {
  family: ProviderFamily;
  baseUrl: string;
  apiKey: string;
  model: string;
  messages: RequestMessage[];
  options: RequestOptions;
  /** The preset the settings came from; some Think rules need it (`ollama`, `vllm`, …). */
  presetId?: string;
  /**
   * The Think switch: on or off where a Think rule applies (`think-rules.ts`); ignored elsewhere.
   * Unset means the provider's default, and nothing is sent for it.
   */
  think?: boolean;
}

/** A request ready for `fetch`. */
export interface HttpRequestSpec {
  url: string;
  headers: Record<string, string>;
  body: Record<string, unknown>;
}

/** A `GET` ready for `fetch` (no body). */
export interface GetRequestSpec {
  url: string;
  headers: Record<string, string>;
}

/** Joins a base URL and a path with exactly one slash between them. */
export function joinUrl(baseUrl: string, path: string): string {
  return `${baseUrl.trim().replace(/\/+$/, '')}/${path.replace(/^\/+/, '')}`;
}

/** The headers every streamed reply request starts with. */
export function streamHeaders(): Record<string, string> {
  return { 'Content-Type': 'application/json', Accept: 'text/event-stream' };
}

/**
 * Keeps only the options the family supports and that are set, and an effort only when it is on
 * the provider's scale for `model` (`effort-scales.ts`).
 */
export function supportedOptions(
  family: ProviderFamily,
  options: RequestOptions,
  model = '',
): RequestOptions {
  const out: RequestOptions = {};
  for (const key of SUPPORTED_OPTIONS[family]) {
    const value = options[key];
    if (value !== undefined) Object.assign(out, { [key]: value });
  }
  const effort = out.reasoningEffort;
  if (effort !== undefined && !effortLevels({ family, model }).includes(effort)) {
    delete out.reasoningEffort;
  }
  return out;
}

/** Applies the Think switch where a Think rule covers the provider and model. */
export function applyThink(input: StyleRequestInput, body: Record<string, unknown>): void {
  if (input.think !== undefined) thinkRuleFor(input)?.apply(body, input.think);
}
