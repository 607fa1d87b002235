/**
 * The Anthropic Messages API style: `POST {baseUrl}/v1/messages`, as one
 * {@link ApiStyleDefinition}.
 */
import {
  applyThink,
  joinUrl,
  streamHeaders,
  supportedOptions,
  type StyleRequestInput,
} from '../requests/request-spec';
import type { ApiStyleDefinition } from './api-style-definition';
import { createAnthropicNormalizer } from './anthropic-messages';

/** Anthropic needs a max_tokens; this is used when none is set (and must exceed the budget). */
export const ANTHROPIC_DEFAULT_MAX_TOKENS = 16_000;
/** Default Anthropic thinking budget, in tokens. */
export const ANTHROPIC_DEFAULT_THINKING_BUDGET = 8_000;

/**
 * `x-api-key` when a key is set, `anthropic-version: 2023-06-01` and
 * `anthropic-dangerous-direct-browser-access: true` (needed for calls from a browser).
 */
function anthropicHeaders(apiKey: string): Record<string, string> {
  const key = apiKey.trim();
  const headers: Record<string, string> = {};
  if (key !== '') headers['x-api-key'] = key;
  headers['anthropic-version'] = '2023-06-01';
  headers['anthropic-dangerous-direct-browser-access'] = 'true';
  return headers;
}

/**
 * `{ model, max_tokens, stream: true, thinking: { type: 'enabled', budget_tokens } }`, system apart,
 * and `output_config.effort` where the model takes it, then the Think rule.
 */
function anthropicBody(input: StyleRequestInput): Record<string, unknown> {
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

/** Anthropic Messages; models at `GET {baseUrl}/v1/models` (Anthropic API reference, "List Models"). */
export const anthropicMessagesStyle = {
  id: 'anthropic-messages',
  label: 'Anthropic Messages API',
  buildRequest: (input) => ({
    url: joinUrl(input.baseUrl, 'v1/messages'),
    headers: { ...streamHeaders(), ...anthropicHeaders(input.apiKey) },
    body: anthropicBody(input),
  }),
  buildModelsRequest: (baseUrl, apiKey) => ({
    url: joinUrl(baseUrl, 'v1/models'),
    headers: anthropicHeaders(apiKey),
  }),
  createNormalizer: () => ({ normalize: createAnthropicNormalizer(), end: () => [] }),
  splitsAnswerText: false,
  extraEventFields: [],
} as const satisfies ApiStyleDefinition<'anthropic-messages'>;
