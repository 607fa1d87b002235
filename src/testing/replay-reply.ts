/**
 * Test helper: plays recorded bytes through the production decoder (`createReplyDecoder`: SSE
 * parser, the API style's normalizer and, for chat completions, the `<think>` splitter) and the
 * reducer, as the app does.
 */
import { createReplyDecoder } from '../core/api-styles/reply-decoder';
import type { ApiStyle } from '../core/requests/provider-request';
import {
  applyStreamEvent,
  createAssistantMessage,
  type AssistantMessageEvent,
  type AssistantMessageState,
} from '../core/stream/assistant-message';
import { splitBytes } from './recordings';
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
 * Replays `bytes` cut at `splitPoints` (byte offsets) with a fake clock (1000, then +1 per event).
 * @returns the final message state.
 */
export function replayReply(
  apiStyle: ApiStyle,
  bytes: Uint8Array,
  splitPoints: readonly number[] = [],
): AssistantMessageState {
  let now = 1000;
  let state = createAssistantMessage();
  const apply = (event: AssistantMessageEvent) => {
    state = applyStreamEvent(state, event, now);
    now += 1;
  };
  apply({ type: 'request-sent' });
  const decoder = createReplyDecoder(apiStyle);
  for (const read of splitBytes(bytes, splitPoints)) decoder.feed(read).forEach(apply);
  decoder.end().forEach(apply);
  apply({ type: 'stream-end' });
  return state;
}
