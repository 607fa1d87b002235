/**
 * The HTTP request for one reply, in each API style Ruminate speaks, built from the conversation
 * and the provider's options. Pure: the transport sends what this returns, and "View request" shows
 * it with the key masked.
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

/**
 * The wire protocol of a provider:
 * - `chat-completions`: OpenAI-compatible `POST {baseUrl}/chat/completions` (almost everyone);
 * - `responses`: OpenAI Responses API, `POST {baseUrl}/responses`;
 * - `anthropic-messages`: Anthropic Messages API, `POST {baseUrl}/v1/messages`.
 */
export type ApiStyle = 'chat-completions' | 'responses' | 'anthropic-messages';

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

/** Everything needed to ask for one reply. */
export interface ReplyRequestInput {
  family: ProviderFamily;
  apiStyle: ApiStyle;
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

/** Anthropic needs a max_tokens; this is used when none is set (and must exceed the budget). */
export const ANTHROPIC_DEFAULT_MAX_TOKENS = 16_000;
/** Default Anthropic thinking budget, in tokens. */
export const ANTHROPIC_DEFAULT_THINKING_BUDGET = 8_000;

/** Joins a base URL and a path with exactly one slash between them. */
export function joinUrl(baseUrl: string, path: string): string {
  return `${baseUrl.trim().replace(/\/+$/, '')}/${path.replace(/^\/+/, '')}`;
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
function applyThink(input: ReplyRequestInput, body: Record<string, unknown>): void {
  if (input.think !== undefined) thinkRuleFor(input)?.apply(body, input.think);
}

function chatCompletionsBody(input: ReplyRequestInput): Record<string, unknown> {
  const options = supportedOptions(input.family, input.options, input.model);
  const body: Record<string, unknown> = {
    model: input.model,
    messages: input.messages,
    stream: true,
    stream_options: { include_usage: true },
  };
  if (options.maxTokens !== undefined) body.max_tokens = options.maxTokens;
  if (options.temperature !== undefined) body.temperature = options.temperature;
  if (options.reasoningEffort !== undefined) {
    // OpenRouter nests it (openrouter.ai/docs/use-cases/reasoning-tokens); DeepSeek's thinking
    // mode maps the level to its own high / max (api-docs.deepseek.com/guides/thinking_mode).
    if (input.family === 'openrouter') body.reasoning = { effort: options.reasoningEffort };
    else body.reasoning_effort = options.reasoningEffort;
  }
  if (options.groqReasoningFormat !== undefined) {
    body.reasoning_format = options.groqReasoningFormat;
  }
  // Gemini streams thought summaries only when asked (ai.google.dev/gemini-api/docs/openai,
  // "Thinking"); the OpenAI SDKs' extra_body becomes this top-level field.
  if (input.family === 'gemini') {
    body.extra_body = { google: { thinking_config: { include_thoughts: true } } };
  }
  applyThink(input, body);
  return body;
}

function responsesBody(input: ReplyRequestInput): Record<string, unknown> {
  const options = supportedOptions(input.family, input.options, input.model);
  const system = input.messages.filter((m) => m.role === 'system').map((m) => m.content);
  const body: Record<string, unknown> = {
    model: input.model,
    input: input.messages
      .filter((m) => m.role !== 'system')
      .map((m) => ({ role: m.role, content: m.content })),
    stream: true,
    reasoning: {
      summary: 'auto',
      ...(options.reasoningEffort && { effort: options.reasoningEffort }),
    },
  };
  if (system.length > 0) body.instructions = system.join('\n\n');
  if (options.maxTokens !== undefined) body.max_output_tokens = options.maxTokens;
  return body;
}

function anthropicBody(input: ReplyRequestInput): Record<string, unknown> {
  const options = supportedOptions(input.family, input.options, input.model);
  const budget = options.thinkingBudget ?? ANTHROPIC_DEFAULT_THINKING_BUDGET;
  const maxTokens = Math.max(options.maxTokens ?? ANTHROPIC_DEFAULT_MAX_TOKENS, budget + 1024);
  const system = input.messages.filter((m) => m.role === 'system').map((m) => m.content);
  const body: Record<string, unknown> = {
    model: input.model,
    max_tokens: maxTokens,
    stream: true,
    thinking: { type: 'enabled', budget_tokens: budget },
    messages: input.messages
      .filter((m) => m.role !== 'system')
      .map((m) => ({ role: m.role, content: m.content })),
  };
  if (system.length > 0) body.system = system.join('\n\n');
  // platform.claude.com/docs/en/build-with-claude/effort
  if (options.reasoningEffort !== undefined)
    body.output_config = { effort: options.reasoningEffort };
  applyThink(input, body);
  return body;
}

/**
 * Builds the HTTP request for a reply.
 *
 * - chat completions: `{ model, messages, stream: true, stream_options: { include_usage: true } }`
 *   plus supported options (Gemini also asks for thought summaries); `Authorization: Bearer <key>`
 *   when a key is set;
 * - Responses: `{ model, input, stream: true, reasoning: { summary: 'auto', effort? } }`;
 * - Anthropic: `{ model, max_tokens, stream: true, thinking: { type: 'enabled', budget_tokens } }`
 *   and `output_config.effort` where the model takes it, with `x-api-key`, `anthropic-version: 2023-06-01` and
 *   `anthropic-dangerous-direct-browser-access: true` (needed for calls from a browser).
 *
 * In every style, the Think switch is then written as the provider's Think rule says
 * (`think-rules.ts`).
 */
export function buildReplyRequest(input: ReplyRequestInput): HttpRequestSpec {
  const key = input.apiKey.trim();
  const headers: Record<string, string> = {
    'Content-Type': 'application/json',
    Accept: 'text/event-stream',
  };
  switch (input.apiStyle) {
    case 'chat-completions':
      if (key !== '') headers.Authorization = `Bearer ${key}`;
      return {
        url: joinUrl(input.baseUrl, 'chat/completions'),
        headers,
        body: chatCompletionsBody(input),
      };
    case 'responses':
      if (key !== '') headers.Authorization = `Bearer ${key}`;
      return { url: joinUrl(input.baseUrl, 'responses'), headers, body: responsesBody(input) };
    case 'anthropic-messages':
      if (key !== '') headers['x-api-key'] = key;
      headers['anthropic-version'] = '2023-06-01';
      headers['anthropic-dangerous-direct-browser-access'] = 'true';
      return { url: joinUrl(input.baseUrl, 'v1/messages'), headers, body: anthropicBody(input) };
  }
}

/** Header names whose values are secrets. */
const SECRET_HEADERS = new Set(['authorization', 'x-api-key', 'api-key']);

/**
 * A copy of a request safe to show: secret header values keep only their last four characters
 * (`Bearer ****abcd`).
 */
export function maskRequest(request: HttpRequestSpec): HttpRequestSpec {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(request.headers)) {
    if (!SECRET_HEADERS.has(name.toLowerCase())) headers[name] = value;
    else {
      const prefix = value.startsWith('Bearer ') ? 'Bearer ' : '';
      const secret = value.slice(prefix.length);
      headers[name] = `${prefix}****${secret.length > 8 ? secret.slice(-4) : ''}`;
    }
  }
  return { ...request, headers };
}
