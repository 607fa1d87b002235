/**
 * Streams a reply from an OpenAI-compatible `/chat/completions` endpoint, in the browser.
 */
import { normalizeChatCompletionEvent } from '../core/api-styles/chat-completions';
import type { RequestMessage } from '../core/chat/chat-message';
import { createSseParser } from '../core/sse/parse-sse';
import type { StreamEvent } from '../core/stream/stream-event';
import { readHttpError } from './http-error';

/** One chat completions request. */
export interface ChatCompletionRequest {
  /** Base URL without `/chat/completions`, e.g. `https://api.deepseek.com`. */
  baseUrl: string;
  /** Sent as `Authorization: Bearer <apiKey>` when not empty. */
  apiKey: string;
  model: string;
  messages: RequestMessage[];
}

/** Joins a base URL and a path with exactly one slash between them. */
export function joinUrl(baseUrl: string, path: string): string {
  return `${baseUrl.trim().replace(/\/+$/, '')}/${path.replace(/^\/+/, '')}`;
}

/** The JSON body sent for a request. */
export function chatCompletionBody(request: ChatCompletionRequest) {
  return {
    model: request.model,
    messages: request.messages,
    stream: true,
    stream_options: { include_usage: true },
  };
}

/**
 * POSTs the request and yields stream events as the body arrives, one batch per network read.
 *
 * @throws {@link HttpError} when the provider answers with an error status (its message included).
 * @throws the fetch `TypeError` when the network fails, or an `AbortError` `DOMException` when
 *   `signal` aborts; the caller decides how to show each.
 */
export async function* streamChatCompletion(
  request: ChatCompletionRequest,
  signal: AbortSignal,
): AsyncGenerator<StreamEvent[], void, undefined> {
  const headers: Record<string, string> = {
    'Content-Type': 'application/json',
    Accept: 'text/event-stream',
  };
  if (request.apiKey.trim() !== '') headers.Authorization = `Bearer ${request.apiKey.trim()}`;

  const response = await fetch(joinUrl(request.baseUrl, 'chat/completions'), {
    method: 'POST',
    headers,
    body: JSON.stringify(chatCompletionBody(request)),
    signal,
  });
  if (!response.ok) throw await readHttpError(response);
  if (response.body === null) return;

  let batch: StreamEvent[] = [];
  const parser = createSseParser(
    (event) => {
      for (const streamEvent of normalizeChatCompletionEvent(event)) batch.push(streamEvent);
    },
    { extraEventFields: ['error'] },
  );
  const reader = response.body.getReader();
  let isFinished = false;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) {
        isFinished = true;
        break;
      }
      parser.feed(value);
      if (batch.length > 0) {
        yield batch;
        batch = [];
      }
    }
    parser.end();
    if (batch.length > 0) yield batch;
  } finally {
    // Stops the download when the consumer leaves early (Stop, or an error downstream).
    if (!isFinished) reader.cancel().catch(() => undefined);
  }
}
