/**
 * Every API style Ruminate speaks, in the order Settings lists them. Adding a style is one file
 * (an {@link ApiStyleDefinition}) and one line here; the {@link ApiStyle} union and the settings'
 * validation both follow from this list.
 */
import { anthropicMessagesStyle } from './anthropic-messages-style';
import type { ApiStyleDefinition } from './api-style-definition';
import { chatCompletionsStyle } from './chat-completions-style';
import { responsesStyle } from './responses-style';

/** The API styles, one record each. */
export const API_STYLES = [chatCompletionsStyle, responsesStyle, anthropicMessagesStyle] as const;

/**
 * The wire protocol of a provider:
 * - `chat-completions`: OpenAI-compatible `POST {baseUrl}/chat/completions` (almost everyone);
 * - `responses`: OpenAI Responses API, `POST {baseUrl}/responses`;
 * - `anthropic-messages`: Anthropic Messages API, `POST {baseUrl}/v1/messages`.
 */
export type ApiStyle = (typeof API_STYLES)[number]['id'];

/** The style ids, for validating saved settings. */
export const API_STYLE_IDS: readonly ApiStyle[] = API_STYLES.map((style) => style.id);

/** The record of a style id. */
export function apiStyleDefinition(id: ApiStyle): ApiStyleDefinition<ApiStyle> {
  const style = API_STYLES.find((entry) => entry.id === id);
  // Unreachable for a typed id; an unknown id read past validation is a programming error.
  if (style === undefined) throw new Error(`Unknown API style: ${String(id)}`);
  return style;
}
