/**
 * The provider-neutral vocabulary of a streamed assistant reply.
 *
 * Provider adapters turn their wire format (OpenAI chat completion chunks, and later other API
 * styles) into {@link StreamEvent}s; the message reducer only ever sees these.
 */

/**
 * Why the model stopped, as the provider reported it.
 *
 * OpenAI-compatible values are `stop`, `length`, `content_filter` and `tool_calls`; DeepSeek adds
 * `insufficient_system_resource`. Any other string a provider sends is kept as is.
 */
export type FinishReason =
  | 'stop'
  | 'length'
  | 'content_filter'
  | 'tool_calls'
  | 'insufficient_system_resource'
  | (string & {});

/** Token counts reported by the provider. Every field is in tokens and may be missing. */
export interface Usage {
  /** Tokens in the request (`prompt_tokens`). */
  promptTokens?: number;
  /**
   * Tokens generated (`completion_tokens`). DeepSeek counts reasoning inside this number; xAI does
   * not. See `reasoningTokens`.
   */
  completionTokens?: number;
  /** Reasoning tokens (`completion_tokens_details.reasoning_tokens`, or a top-level `reasoning_tokens`). */
  reasoningTokens?: number;
  /** `total_tokens`, when reported. */
  totalTokens?: number;
}

/** An error reported by the provider inside a stream (HTTP status was already 200). */
export interface ProviderError {
  /** The provider's own message, shown to the person as written. */
  message: string;
  /** The provider's error code or type (`rate_limit_exceeded`, `400`, …), when given. */
  code?: string;
}

/** One normalized step of a streamed reply. */
export type StreamEvent =
  /** More reasoning text. Never empty. */
  | { type: 'reasoning-delta'; text: string }
  /** More answer text. Never empty. */
  | { type: 'answer-delta'; text: string }
  /** The provider said why generation ended. May arrive before the last usage chunk. */
  | { type: 'finish'; finishReason: FinishReason }
  /** Token counts; a later usage event replaces an earlier one. */
  | { type: 'usage'; usage: Usage }
  /** An error inside the stream. The text received so far stays. */
  | { type: 'provider-error'; error: ProviderError }
  /**
   * Everything received as answer so far was reasoning after all: a `</think>` arrived with no
   * `<think>` before it, because the chat template had already opened the tag. The answer text
   * moves to the end of the reasoning, and the answer starts again empty.
   */
  | { type: 'answer-is-reasoning' }
  /**
   * The model is reasoning but the provider keeps the text hidden (OpenRouter
   * `reasoning.encrypted` details): there is reasoning, and none of it can be shown.
   */
  | { type: 'reasoning-hidden' }
  /** The `data: [DONE]` sentinel of OpenAI-compatible streams. */
  | { type: 'done' }
  /**
   * A `data:` payload that could not be understood (invalid JSON). Counted and skipped, never fatal.
   * `data` holds at most the first 200 characters.
   */
  | { type: 'malformed'; data: string; reason: string };
