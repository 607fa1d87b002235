/**
 * The shape of one API style: everything Ruminate knows about a wire protocol, in one record. Each
 * style is one file (`chat-completions-style.ts`, …) and one line in `api-style-registry.ts`.
 */
import type { GetRequestSpec, HttpRequestSpec, StyleRequestInput } from '../requests/request-spec';
import type { SseEvent } from '../sse/parse-sse';
import type { StreamEvent } from '../stream/stream-event';

/** Turns one API style's SSE events into stream events; `end` releases anything still held. */
export interface StyleNormalizer {
  normalize(event: SseEvent): StreamEvent[];
  end(): StreamEvent[];
}

/** One API style, as the request builder, the reply decoder and Settings see it. */
export interface ApiStyleDefinition<Id extends string = string> {
  /** Saved in settings and presets (`chat-completions`). */
  id: Id;
  /** The option text in Settings ("OpenAI Responses API"). */
  label: string;
  /** The streamed `POST` for one reply, headers included. */
  buildRequest(input: StyleRequestInput): HttpRequestSpec;
  /** The `GET` that lists the provider's models (no key, no key header). */
  buildModelsRequest(baseUrl: string, apiKey: string): GetRequestSpec;
  /** A fresh normalizer for one reply: it keeps state across events. */
  createNormalizer(): StyleNormalizer;
  /**
   * Whether answer text passes the harmony and `<think>` splitters, for servers that put
   * reasoning inside the answer's text.
   */
  splitsAnswerText: boolean;
  /** SSE field names read besides the standard ones (llama.cpp's `error:` lines). */
  extraEventFields: readonly string[];
}

/** A bearer key header, or none when the key is empty. */
export function bearerHeaders(apiKey: string): Record<string, string> {
  const key = apiKey.trim();
  return key === '' ? {} : { Authorization: `Bearer ${key}` };
}
