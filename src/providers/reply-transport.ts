/**
 * The seam between a chat session and the network: how a reply's stream is opened and read.
 */
import type { ReplyDecoderOptions } from '../core/api-styles/reply-decoder';
import type { ApiStyle, HttpRequestSpec } from '../core/requests/provider-request';
import type { StreamEvent } from '../core/stream/stream-event';

/**
 * Opens a stream for a request; yields batches of events, one per network read (possibly empty).
 * Throws `HttpError` for an error status, `RequestFailedError` when no response came, anything
 * else for a connection that broke mid-stream or an abort. `streamReply` is the browser's.
 */
export type ReplyTransport = (
  request: HttpRequestSpec,
  apiStyle: ApiStyle,
  signal: AbortSignal,
  options?: ReplyDecoderOptions,
) => AsyncIterable<StreamEvent[]>;
