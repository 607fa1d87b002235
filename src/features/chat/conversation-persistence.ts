/**
 * How a chat session saves its conversation, and the browser implementation over IndexedDB and the
 * Web Locks API.
 */
import type { ChatMessage } from '../../core/chat/chat-message';
import type { VersionChoices } from '../../core/chat/conversation-tree';
import { isQuotaError } from '../../storage/conversation-db';
import { titleFrom, type ConversationStore } from '../../storage/conversation-store';

/** What a session needs to save a conversation. Every method resolves even when saving fails. */
export interface ConversationPersistence {
  /** Creates the conversation record, titled from its first message. */
  createConversation(
    id: string,
    init: { firstMessage: string; systemPrompt: string; now: number },
  ): Promise<void>;
  /** Saves the conversation's system prompt. */
  setSystemPrompt(conversationId: string, systemPrompt: string): Promise<void>;
  /** Saves one message (insert or replace). */
  saveMessage(conversationId: string, message: ChatMessage): Promise<void>;
  /** Saves which version is shown at each fork. */
  setVersionChoices(conversationId: string, choices: VersionChoices): Promise<void>;
  /** Holds a lock while `messageId` streams, so other tabs know it is alive; returns the release. */
  holdStreamLock(messageId: string): Promise<() => void>;
  /** Whether any page holds the lock of `messageId`, i.e. is still streaming it. */
  isStreamLockHeld(messageId: string): Promise<boolean>;
}

/** A problem saving, for the storage banner. */
export type StorageProblem = 'quota' | 'failed';

const lockName = (messageId: string) => `ruminate-stream:${messageId}`;

/**
 * Saves through a {@link ConversationStore}; reports failed writes to `onProblem` instead of
 * throwing, so the chat goes on in memory.
 */
export function browserPersistence(
  store: ConversationStore,
  onProblem: (problem: StorageProblem, error: unknown) => void,
): ConversationPersistence {
  const guard = async (write: () => Promise<unknown>) => {
    try {
      await write();
    } catch (error) {
      onProblem(isQuotaError(error) ? 'quota' : 'failed', error);
    }
  };
  return {
    createConversation: (id, { firstMessage, systemPrompt, now }) =>
      guard(() =>
        store.create({
          id,
          title: titleFrom(firstMessage),
          createdAt: now,
          updatedAt: now,
          systemPrompt,
          versionChoices: {},
        }),
      ),
    setSystemPrompt: (conversationId, systemPrompt) =>
      guard(() => store.update(conversationId, { systemPrompt })),
    saveMessage: (conversationId, message) =>
      guard(async () => {
        await store.saveMessage(conversationId, message);
        await store.update(conversationId, {});
      }),
    setVersionChoices: (conversationId, choices) =>
      guard(() => store.setVersionChoices(conversationId, choices)),
    holdStreamLock: async (messageId) => {
      if (typeof navigator === 'undefined' || navigator.locks === undefined) return () => undefined;
      let release: () => void = () => undefined;
      const held = new Promise<void>((resolve) => (release = resolve));
      await new Promise<void>((granted) => {
        void navigator.locks.request(lockName(messageId), () => {
          granted();
          return held;
        });
      });
      return release;
    },
    isStreamLockHeld: async (messageId) => {
      if (typeof navigator === 'undefined' || navigator.locks === undefined) return false;
      const state = await navigator.locks.query();
      return (state.held ?? []).some((lock) => lock.name === lockName(messageId));
    },
  };
}
