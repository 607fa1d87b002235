/**
 * Test helper: `replay` from `recordings.ts` with the `<think>` splitter between the normalizer and the reducer.
 *
 * Kept apart from `recordings.ts` so that `replay` stays the plain pipeline its tests describe.
 */
import { normalizeChatCompletionEvent } from '../core/api-styles/chat-completions';
import type { AssistantMessageState } from '../core/stream/assistant-message';
import { createThinkSplitter } from '../core/stream/split-think-tags';
import { replayStage, sseStage, type DecodeStage } from './recordings';

/**
 * Plays a chat-completions stream through `createSseParser` (with llama.cpp's `error:` field) →
 * `normalizeChatCompletionEvent` → `createThinkSplitter` → `applyStreamEvent`. Like
 * `replay`: `request-sent` first; after the body, the parser's `end()`, then the splitter's
 * `end()`, then `stream-end`; a fake clock from 1000, one tick per applied event.
 *
 * @param bytes - the raw response body.
 * @param splitPoints - byte offsets at which the body is cut into separate reads.
 * @returns the final message state.
 */
export function replayWithThinkSplitter(
  bytes: Uint8Array,
  splitPoints?: readonly number[],
): AssistantMessageState {
  const sse = sseStage(normalizeChatCompletionEvent, ['error']);
  const splitter = createThinkSplitter();
  const stage: DecodeStage = {
    feed: (chunk) => sse.feed(chunk).flatMap((event) => splitter.push(event)),
    end: () => [...sse.end().flatMap((event) => splitter.push(event)), ...splitter.end()],
  };
  return replayStage(stage, bytes, splitPoints);
}
