/**
 * The OpenAI-compatible chat completions style: `POST {baseUrl}/chat/completions` (almost every
 * provider), as one {@link ApiStyleDefinition}.
 */
import {
  applyThink,
  joinUrl,
  streamHeaders,
  supportedOptions,
  type StyleRequestInput,
} from '../requests/request-spec';
import { bearerHeaders, type ApiStyleDefinition } from './api-style-definition';
import { createChatCompletionsNormalizer } from './chat-completions';

/**
 * `{ model, messages, stream: true, stream_options: { include_usage: true } }` plus the supported
 * options (Gemini also asks for thought summaries), then the Think rule.
 */
function chatCompletionsBody(input: StyleRequestInput): Record<string, unknown> {
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

/**
 * Chat completions: `Authorization: Bearer <key>` when a key is set; models at `GET {baseUrl}/models`
 * (OpenAI API reference, "List models"). Answer text passes the harmony and `<think>` splitters,
 * and llama.cpp's non-standard `error:` SSE lines are read.
 */
export const chatCompletionsStyle = {
  id: 'chat-completions',
  label: 'OpenAI-compatible chat completions',
  buildRequest: (input) => ({
    url: joinUrl(input.baseUrl, 'chat/completions'),
    headers: { ...streamHeaders(), ...bearerHeaders(input.apiKey) },
    body: chatCompletionsBody(input),
  }),
  buildModelsRequest: (baseUrl, apiKey) => ({
    url: joinUrl(baseUrl, 'models'),
    headers: bearerHeaders(apiKey),
  }),
  createNormalizer: createChatCompletionsNormalizer,
  splitsAnswerText: true,
  extraEventFields: ['error'],
} as const satisfies ApiStyleDefinition<'chat-completions'>;
