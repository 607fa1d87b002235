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
