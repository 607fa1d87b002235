/**
 * Sends a reply request from the browser and yields the stream events of its body as it arrives.
 */
import { createReplyDecoder, type ReplyDecoderOptions } from '../core/api-styles/reply-decoder';
import type { ApiStyle, HttpRequestSpec } from '../core/requests/provider-request';
import type { StreamEvent } from '../core/stream/stream-event';
import { readHttpError } from './http-error';
import { probeReachability } from './probe-reachability';
import { RequestFailedError } from './request-failed-error';

const SECRET_HEADER = /^(authorization|x-api-key)$/i;

/**
 * POSTs `request` and yields the events of each network read, in order. `options` says how to read
 * the body (a continuation keeps its leading whitespace). A read that completes no
 * event yields an empty batch, so callers can tell a quiet stream (keep-alive comments) from a
 * stalled one.
 *
 * @throws {@link HttpError} when the provider answers with an error status (its message included).
 * @throws {@link RequestFailedError} when no response came (nothing listening, or CORS refused),
 *   the `TypeError` of a read when the connection breaks mid-stream, or an `AbortError`
 *   `DOMException` when `signal` aborts; the caller decides how to show each.
 */
export async function* streamReply(
  request: HttpRequestSpec,
  apiStyle: ApiStyle,
  signal: AbortSignal,
  options: ReplyDecoderOptions = {},
): AsyncGenerator<StreamEvent[], void, undefined> {
  let response: Response;
  try {
    response = await fetch(request.url, {
      method: 'POST',
      headers: request.headers,
      body: JSON.stringify(request.body),
      signal,
    });
  } catch (error) {
    if (signal.aborted) throw error;
    const hasKey = Object.keys(request.headers).some((name) => SECRET_HEADER.test(name));
    throw new RequestFailedError(await probeReachability(request.url, signal), request.url, hasKey);
  }
  if (!response.ok) throw await readHttpError(response);
  if (response.body === null) return;

  const decoder = createReplyDecoder(apiStyle, options);
  const reader = response.body.getReader();
  let isFinished = false;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) {
        isFinished = true;
        break;
      }
      yield decoder.feed(value);
    }
    yield decoder.end();
  } finally {
    // Stops the download when the consumer leaves early (Stop, or the message already ended).
    if (!isFinished) reader.cancel().catch(() => undefined);
  }
}
