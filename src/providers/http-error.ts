import { readProviderError } from '../core/api-styles/chat-completions';
import type { ProviderError } from '../core/stream/stream-event';

/** The provider answered a request with an error status instead of a stream. */
export class HttpError extends Error {
  readonly kind = 'http';

  constructor(
    /** HTTP status code. */
    readonly status: number,
    /** The provider's own message from its error body. */
    readonly providerError: ProviderError,
  ) {
    super(`HTTP ${status}: ${providerError.message}`);
    this.name = 'HttpError';
  }
}

/** Longest plain-text error body shown, in characters. */
const MAX_TEXT_BODY = 500;

/**
 * Reads an error response into an {@link HttpError}: the `error.message` of a JSON body (OpenAI,
 * DeepSeek, OpenRouter, Ollama, vLLM and llama.cpp all use `{"error":{"message":…}}`), else the
 * plain-text body, else the status text.
 */
export async function readHttpError(response: Response): Promise<HttpError> {
  let body = '';
  try {
    body = (await response.text()).trim();
  } catch {
    // The body could not be read; the status still explains the failure.
  }
  let error: ProviderError;
  try {
    error = readProviderError(JSON.parse(body));
  } catch {
    const text = body.length > MAX_TEXT_BODY ? `${body.slice(0, MAX_TEXT_BODY)}…` : body;
    error = { message: text || response.statusText || 'No error message was given.' };
  }
  return new HttpError(response.status, error);
}
