/**
 * Merging a conversation as saved (loaded again whenever any tab wrote to it) into the messages
 * this tab shows.
 */
import type { AssistantMessageState } from '../stream/assistant-message';
import type { ChatMessage } from './chat-message';
import { isSameCopy } from './is-same-copy';
import { supersedes } from './supersedes';

/** The reply streaming in this tab: its state is newer than any saved copy of it. */
export interface LiveReplyState {
  /** The assistant message's id. */
  id: string;
  /** Its state as it stands now in this tab. */
  state: AssistantMessageState;
}

/**
 * The messages to show after `saved` was loaded, merged by id with `local`, this tab's messages.
 *
 * - A message only `saved` has is added (after the local ones, in `saved` order); one only `local`
 *   has stays (this tab created it and has not finished saving it).
 * - A saved copy with the same revision and the same data as the local one (this tab's own save
 *   coming back, or a message nobody changed) is ignored: the local object is kept, so views that
 *   compare messages by identity have nothing to redo.
 * - Otherwise the saved copy replaces the local one when it {@link supersedes} it.
 * - The live reply keeps `live.state`; its other fields follow the rules above (a saved copy that
 *   differs from it only in its state is this tab's own save of an earlier state, and is ignored).
 *
 * Pure; linear in the size of both lists. Returns `local` itself when nothing changed.
 */
export function mergeSaved(
  local: readonly ChatMessage[],
  saved: readonly ChatMessage[],
  live?: LiveReplyState,
): readonly ChatMessage[] {
  const merged = new Map(local.map((m) => [m.id, m]));
  let isChanged = false;
  for (const copy of saved) {
    const current = merged.get(copy.id);
    if (current === undefined) {
      merged.set(copy.id, copy);
      isChanged = true;
      continue;
    }
    const isLive = copy.id === live?.id;
    const isEcho =
      // Stryker disable next-line ConditionalExpression: isSameCopy compares revisions as well; this test is the cheap one first.
      (copy.revision ?? 0) === (current.revision ?? 0) && isSameCopy(copy, current, isLive);
    if (!isEcho && supersedes(copy, current)) {
      merged.set(copy.id, copy);
      isChanged = true;
    }
  }
  if (live !== undefined) {
    const message = merged.get(live.id);
    if (message?.role === 'assistant' && message.state !== live.state) {
      merged.set(live.id, { ...message, state: live.state });
      isChanged = true;
    }
  }
  return isChanged ? [...merged.values()] : local;
}
