/**
 * Known providers and the settings that connect to them.
 */
import type { ProviderFamily, RequestOptions } from '../core/requests/provider-options';
import type { ApiStyle } from '../core/requests/provider-request';

/** How to reach a provider: everything a chat completions request needs. */
export interface ProviderSettings {
  /** Which preset the settings came from (`deepseek`, `ollama`, `custom`, …). */
  presetId: string;
  /** Display name of the provider, kept with every message it produced. */
  providerName: string;
  /** The OpenAI-compatible base URL, e.g. `https://api.deepseek.com` or `/api/demo/v1`. */
  baseUrl: string;
  /** Sent as `Authorization: Bearer <key>` when not empty. Kept in this browser only. */
  apiKey: string;
  /** The `model` of each request. */
  model: string;
  /** The wire protocol. */
  apiStyle: ApiStyle;
  /** Which provider-specific request rules apply. */
  family: ProviderFamily;
  /** Reasoning effort, max tokens and the like; only supported ones are sent. */
  options: RequestOptions;
  /**
   * The composer's Think switch for this provider and model, where a Think rule applies
   * (`core/requests/think-rules.ts`). Remembered on its own (`think-choice-store.ts`), not saved
   * with these settings.
   */
  think?: boolean;
}

/** A preset in the Settings dialog. */
export interface ProviderPreset {
  id: string;
  name: string;
  baseUrl: string;
  model: string;
  /** Whether requests need an API key. */
  needsKey: boolean;
  apiStyle: ApiStyle;
  family: ProviderFamily;
  /** Options a new selection of this preset starts with. */
  options?: RequestOptions;
  /** One line on where the settings come from. */
  hint: string;
  /** Served by Ruminate's own server (`npm start`): the Demo, or an upstream set by environment. */
  isServer?: boolean;
}

/** Presets for providers people run reasoning models on. Base URLs come from each provider's docs. */
export const PROVIDER_PRESETS: readonly ProviderPreset[] = [
  {
    id: 'deepseek',
    name: 'DeepSeek',
    baseUrl: 'https://api.deepseek.com',
    model: 'deepseek-reasoner',
    apiStyle: 'chat-completions',
    family: 'deepseek',
    needsKey: true,
    hint: 'API key from platform.deepseek.com.',
  },
  {
    id: 'openrouter',
    name: 'OpenRouter',
    baseUrl: 'https://openrouter.ai/api/v1',
    model: 'deepseek/deepseek-r1',
    apiStyle: 'chat-completions',
    family: 'openrouter',
    needsKey: true,
    hint: 'API key from openrouter.ai/keys; any reasoning model on OpenRouter works.',
  },
  {
    id: 'groq',
    name: 'Groq',
    baseUrl: 'https://api.groq.com/openai/v1',
    model: 'qwen/qwen3-32b',
    apiStyle: 'chat-completions',
    family: 'groq',
    options: { groqReasoningFormat: 'parsed' },
    needsKey: true,
    hint: 'API key from console.groq.com; reasoning format “parsed” puts reasoning in its own field.',
  },
  {
    id: 'together',
    name: 'Together AI',
    baseUrl: 'https://api.together.xyz/v1',
    model: 'deepseek-ai/DeepSeek-R1',
    apiStyle: 'chat-completions',
    family: 'generic',
    needsKey: true,
    hint: 'API key from api.together.ai; R1 reasoning arrives in <think> tags, which Ruminate splits.',
  },
  {
    id: 'mistral',
    name: 'Mistral',
    baseUrl: 'https://api.mistral.ai/v1',
    model: 'magistral-medium-latest',
    apiStyle: 'chat-completions',
    family: 'generic',
    needsKey: true,
    hint: 'API key from console.mistral.ai; Magistral models always reason.',
  },
  {
    id: 'xai',
    name: 'xAI',
    baseUrl: 'https://api.x.ai/v1',
    model: 'grok-3-mini',
    apiStyle: 'chat-completions',
    family: 'generic',
    needsKey: true,
    hint: 'API key from console.x.ai; grok-3-mini streams its reasoning.',
  },
  {
    id: 'gemini',
    name: 'Gemini',
    baseUrl: 'https://generativelanguage.googleapis.com/v1beta/openai',
    model: 'gemini-2.5-flash',
    apiStyle: 'chat-completions',
    family: 'gemini',
    needsKey: true,
    hint: 'API key from aistudio.google.com; thought summaries stream into the Thinking panel.',
  },
  {
    id: 'openai',
    name: 'OpenAI (Responses)',
    baseUrl: 'https://api.openai.com/v1',
    model: 'gpt-5-mini',
    apiStyle: 'responses',
    family: 'openai-responses',
    needsKey: true,
    hint: 'API key from platform.openai.com; reasoning arrives as summaries through the Responses API.',
  },
  {
    id: 'anthropic',
    name: 'Anthropic',
    baseUrl: 'https://api.anthropic.com',
    model: 'claude-sonnet-4-5',
    apiStyle: 'anthropic-messages',
    family: 'anthropic',
    needsKey: true,
    hint: 'API key from console.anthropic.com; extended thinking is switched on with a token budget.',
  },
  {
    id: 'ollama',
    name: 'Ollama',
    baseUrl: 'http://127.0.0.1:11434/v1',
    model: '',
    apiStyle: 'chat-completions',
    family: 'generic',
    needsKey: false,
    hint: 'Start Ollama with OLLAMA_ORIGINS set to this page’s origin so the browser may call it.',
  },
  {
    id: 'llamacpp',
    name: 'llama.cpp server',
    baseUrl: 'http://127.0.0.1:8080/v1',
    model: '',
    apiStyle: 'chat-completions',
    family: 'generic',
    needsKey: false,
    hint: 'llama-server answers browser requests by default; add --api-key if you set one.',
  },
  {
    id: 'vllm',
    name: 'vLLM',
    baseUrl: 'http://127.0.0.1:8000/v1',
    model: '',
    apiStyle: 'chat-completions',
    family: 'generic',
    needsKey: false,
    hint: 'Run vllm serve with --reasoning-parser so reasoning arrives in its own field.',
  },
  {
    id: 'lmstudio',
    name: 'LM Studio',
    baseUrl: 'http://127.0.0.1:1234/v1',
    model: '',
    apiStyle: 'chat-completions',
    family: 'generic',
    needsKey: false,
    hint: 'Turn on the local server and CORS in LM Studio’s Developer tab.',
  },
  {
    id: 'custom',
    name: 'Custom',
    baseUrl: '',
    model: '',
    apiStyle: 'chat-completions',
    family: 'generic',
    needsKey: false,
    hint: 'Any OpenAI-compatible API: the base URL is the part before /chat/completions.',
  },
];

/** A provider offered by Ruminate's own server (`GET /api/server-providers`). */
export interface ServerProvider {
  id: string;
  name: string;
  baseUrl: string;
  model: string;
  kind: 'proxy' | 'demo';
}

/** Turns a server-provided provider into a preset. */
export function serverPreset(provider: ServerProvider): ProviderPreset {
  return {
    id: provider.id,
    name: provider.name,
    baseUrl: provider.baseUrl,
    model: provider.model,
    needsKey: false,
    isServer: true,
    apiStyle: 'chat-completions',
    // The server names an upstream DeepSeek "DeepSeek (server)"; its history rules then apply.
    family: provider.kind === 'proxy' && /deepseek/i.test(provider.name) ? 'deepseek' : 'generic',
    hint:
      provider.kind === 'demo'
        ? 'Scripted replies from Ruminate’s server, to try the app without a model.'
        : 'Ruminate’s server forwards requests and adds the API key it was started with.',
  };
}

/** Settings that select a preset as it is. */
export function settingsFromPreset(preset: ProviderPreset): ProviderSettings {
  return {
    presetId: preset.id,
    providerName: preset.name,
    baseUrl: preset.baseUrl,
    apiKey: '',
    model: preset.model,
    apiStyle: preset.apiStyle,
    family: preset.family,
    options: { ...preset.options },
  };
}
