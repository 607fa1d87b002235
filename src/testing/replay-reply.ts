/**
 * Test helper: plays recorded bytes through the production decoder (`createReplyDecoder`: SSE
 * parser, the API style's normalizer and, for chat completions, the `<think>` splitter) and the
 * reducer, as the app does.
 */
import { createReplyDecoder } from '../core/api-styles/reply-decoder';
import type { ApiStyle } from '../core/api-styles/api-style-registry';
import type { AssistantMessageState } from '../core/stream/assistant-message';
import { replayStage } from './recordings';
import { recordingStyle } from './replay-api-style';

/** The API style a recording was made in, from its file name. */
export function apiStyleOf(name: string): ApiStyle {
  const style = recordingStyle(name);
  return style === 'cc'
    ? 'chat-completions'
    : style === 'resp'
      ? 'responses'
      : 'anthropic-messages';
}

/**
 * Replays `bytes` cut at `splitPoints` (byte offsets); see `replayStage` for the clock.
 * @returns the final message state.
 */
export function replayReply(
  apiStyle: ApiStyle,
  bytes: Uint8Array,
  splitPoints: readonly number[] = [],
): AssistantMessageState {
  return replayStage(createReplyDecoder(apiStyle), bytes, splitPoints);
}
