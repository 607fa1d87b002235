/**
 * Test helper: plays a recorded stream of any API style through the whole pure pipeline, with a
 * fresh stateful normalizer per replay. Framework-free; read the recordings with `./recordings`.
 */
import type { SseEvent } from '../core/sse/parse-sse';
import type { StreamEvent } from '../core/stream/stream-event';
import type { AssistantMessageState } from '../core/stream/assistant-message';
import { replayStage, sseStage } from './recordings';

/** Makes the normalizer for one stream (`createResponsesNormalizer`, `createAnthropicNormalizer`). */
export type NormalizerFactory = () => (event: SseEvent) => StreamEvent[];

/** API styles of the recordings, as the recordings README names them. */
export type RecordingStyle = 'cc' | 'resp' | 'anth';

/** The API style of a recording, from its file name (the README's table). */
export function recordingStyle(name: string): RecordingStyle {
  if (name.includes('anthropic')) return 'anth';
  if (name.includes('responses')) return 'resp';
  return 'cc';
}

/**
 * Plays a stream through `createSseParser` → a new normalizer from `createNormalizer` →
 * `applyStreamEvent`. Applies `request-sent` first and `stream-end` after the parser's `end()`. The
 * clock is fake: it starts at 1000 and goes up by 1 for every event applied.
 *
 * @param createNormalizer - makes the normalizer; called once per replay.
 * @param bytes - the raw response body.
 * @param splitPoints - byte offsets at which the body is cut into separate reads.
 * @returns the final message state.
 */
export function replayApiStyle(
  createNormalizer: NormalizerFactory,
  bytes: Uint8Array,
  splitPoints?: readonly number[],
): AssistantMessageState {
  return replayStage(sseStage(createNormalizer()), bytes, splitPoints);
}
