/**
 * What the UI renders of a chat session.
 */
import type { ChatMessage } from '../../core/chat/chat-message';
import {
  visiblePath,
  type PathEntry,
  type VersionChoices,
} from '../../core/chat/conversation-tree';

/** What the UI renders. A new object whenever anything visible changed. */
export interface ChatSnapshot {
  /** The open conversation; `undefined` until its first message. */
  conversationId: string | undefined;
  /** The visible messages with their versions. */
  path: readonly PathEntry[];
  /** The visible messages only. */
  messages: readonly ChatMessage[];
  /** Whether a reply is streaming now in this tab. */
  isStreaming: boolean;
  /** Sent first with every request of this conversation when not blank. */
  systemPrompt: string;
}

/** What a snapshot is made of: every version of every message, and the versions chosen. */
export interface ChatSnapshotInput {
  conversationId: string | undefined;
  all: readonly ChatMessage[];
  choices: VersionChoices;
  isStreaming: boolean;
  systemPrompt: string;
}

/** A new snapshot showing the visible path of `all` under `choices`. */
export function chatSnapshot({ all, choices, ...rest }: ChatSnapshotInput): ChatSnapshot {
  const path = visiblePath(all, choices);
  return { ...rest, path, messages: path.map((entry) => entry.message) };
}

/**
 * Whether `next` shows the same structure as `previous`: the same conversation, streaming flag,
 * system prompt and visible messages with the same versions, where an assistant message counts as
 * the same while only its content changed within one status (the frames of a streaming reply).
 * Views of the list render again only for a new structure; each message's content is followed
 * through its own source (`MessageHub`).
 */
export function isSameStructure(previous: ChatSnapshot, next: ChatSnapshot): boolean {
  if (
    previous.conversationId !== next.conversationId ||
    previous.isStreaming !== next.isStreaming ||
    previous.systemPrompt !== next.systemPrompt ||
    previous.path.length !== next.path.length
  ) {
    return false;
  }
  return next.path.every((entry, index) => {
    const before = previous.path[index]!;
    return (
      isSameMessageShape(before.message, entry.message) &&
      before.versionIndex === entry.versionIndex &&
      before.versionIds.length === entry.versionIds.length &&
      before.versionIds.every((id, i) => id === entry.versionIds[i])
    );
  });
}

function isSameMessageShape(before: ChatMessage, after: ChatMessage): boolean {
  if (before === after) return true;
  return (
    before.id === after.id &&
    before.role === 'assistant' &&
    after.role === 'assistant' &&
    before.state.status === after.state.status
  );
}
