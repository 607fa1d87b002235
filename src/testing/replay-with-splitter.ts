/**
 * Test helper: `replay` from `recordings.ts` with the `<think>` splitter between the normalizer and the reducer.
 *
 * Kept apart from `recordings.ts` so that `replay` stays the plain pipeline its tests describe.
 */
import { createSseParser } from '../core/sse/parse-sse';
import { normalizeChatCompletionEvent } from '../core/api-styles/chat-completions';
import {
  applyStreamEvent,
  createAssistantMessage,
  type AssistantMessageEvent,
  type AssistantMessageState,
} from '../core/stream/assistant-message';
import { createThinkSplitter } from '../core/stream/split-think-tags';
import { splitBytes } from './recordings';

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
  let state = createAssistantMessage();
  let clock = 1000;
  const apply = (event: AssistantMessageEvent): void => {
    clock += 1;
    state = applyStreamEvent(state, event, clock);
  };
  const splitter = createThinkSplitter();
  const parser = createSseParser(
    (sseEvent) => {
      for (const event of normalizeChatCompletionEvent(sseEvent))
        splitter.push(event).forEach(apply);
    },
    { extraEventFields: ['error'] },
  );
  apply({ type: 'request-sent' });
  for (const chunk of splitBytes(bytes, splitPoints)) parser.feed(chunk);
  parser.end();
  splitter.end().forEach(apply);
  apply({ type: 'stream-end' });
  return state;
}
