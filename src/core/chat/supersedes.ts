/**
 * Which of two copies of one message is the newer, when tabs save and merge each other's changes.
 */
import { isStreaming } from '../stream/assistant-message';
import type { ChatMessage } from './chat-message';

/** A reply that ended on its own terms (done, stopped, cut off, failed): not streaming, not cut short. */
function hasSettled(message: ChatMessage): boolean {
  return (
    message.role === 'assistant' &&
    !isStreaming(message.state.status) &&
    message.state.status !== 'interrupted'
  );
}

/**
 * Whether `incoming` should replace `current`, two copies of the same message (a save and the
 * saved record, or another tab's copy and this tab's).
 *
 * The higher `revision` wins (a missing revision counts as 0). At equal revisions the incoming
 * copy wins, except that a copy still streaming or marked `interrupted` never replaces a reply
 * that has settled: a late "interrupted" mark, or a stale copy written by another tab, must not
 * undo a finished reply.
 */
export function supersedes(incoming: ChatMessage, current: ChatMessage): boolean {
  const incomingRevision = incoming.revision ?? 0;
  const currentRevision = current.revision ?? 0;
  // Stryker disable next-line EqualityOperator: `>=` is the same as `>` for revisions that differ.
  if (incomingRevision !== currentRevision) return incomingRevision > currentRevision;
  return !hasSettled(current) || hasSettled(incoming);
}
