/**
 * How a chat session saves its conversation, and the browser implementation over IndexedDB (with
 * failed writes kept and retried), localStorage (copies kept while a page closes) and the Web Locks
 * API.
 */
import type { ChatMessage } from '../../core/chat/chat-message';
import { isStreaming } from '../../core/stream/assistant-message';
import type { VersionChoices } from '../../core/chat/conversation-tree';
import { isQuotaError } from '../../storage/quota-error';
import { titleFrom, type ConversationStore } from '../../storage/conversation-store';
import { keepUnloadCopy } from '../../storage/unload-copies';
import { createSaveQueue } from './save-queue';

/** What a session needs to save a conversation. Every method resolves even when saving fails. */
export interface ConversationPersistence {
  /** Creates the conversation record, titled from its first message. */
  createConversation(
    id: string,
    init: { firstMessage: string; systemPrompt: string; now: number },
  ): Promise<void>;
  /** Saves the conversation's system prompt. */
  setSystemPrompt(conversationId: string, systemPrompt: string): Promise<void>;
  /**
   * Saves one message (insert or replace), and marks the conversation updated unless the message
   * is a reply still streaming.
   */
  saveMessage(conversationId: string, message: ChatMessage): Promise<void>;
  /** Saves which version is shown at each fork. */
  setVersionChoices(conversationId: string, choices: VersionChoices): Promise<void>;
  /**
   * Keeps a copy of a message synchronously, for a page that is closing and may never finish
   * `saveMessage`; the next page to open storage saves it.
   */
  keepUnloadCopy?(conversationId: string, message: ChatMessage): void;
  /** Holds a lock while `messageId` streams, so other tabs know it is alive; returns the release. */
  holdStreamLock(messageId: string): Promise<() => void>;
  /**
   * Whether a page may still be streaming `messageId`. Only `false` lets a tab mark the reply
   * interrupted, so where this cannot be told it is `true`.
   */
  isStreamLockHeld(messageId: string): Promise<boolean>;
}

function isStreamingReply(message: ChatMessage): boolean {
  return message.role === 'assistant' && isStreaming(message.state.status);
}

/** A problem saving, for the storage banner. */
export type StorageProblem = 'quota' | 'failed';

/** What {@link browserPersistence} reports about saving. */
export type SaveStatus =
  /** A write failed; `unsaved` writes wait in this tab and are tried again. */
  | { kind: 'problem'; problem: StorageProblem; unsaved: number; error: unknown }
  /** Every waiting write has been saved. */
  | { kind: 'saved' };

/** How long writes that failed wait before they are tried again, in ms. */
export const SAVE_RETRY_MS = 5000;

const lockName = (messageId: string) => `ruminate-stream:${messageId}`;

/** Session-storage key of the replies this tab is streaming (it outlives a reload of the tab). */
const STREAMING_KEY = 'ruminate.streaming';

function tabStreaming(): Set<string> {
  try {
    const ids: unknown = JSON.parse(sessionStorage.getItem(STREAMING_KEY) ?? '[]');
    return new Set(Array.isArray(ids) ? ids.filter((id) => typeof id === 'string') : []);
  } catch {
    return new Set();
  }
}

function setTabStreaming(ids: ReadonlySet<string>): void {
  try {
    sessionStorage.setItem(STREAMING_KEY, JSON.stringify([...ids]));
  } catch {
    // Without session storage a reloaded tab cannot recognise its own reply: it stays streaming.
  }
}

/**
 * Saves through a {@link ConversationStore}. A failed write is kept and tried again (every
 * {@link SAVE_RETRY_MS} and with each new write) until storage takes it, and reported to `onStatus`
 * instead of thrown, so the chat goes on in memory meanwhile.
 *
 * A streaming reply holds a Web Lock. Where the Web Locks API is missing (pages served over plain
 * HTTP to another machine), a tab recognises only its own earlier page's replies, which it records
 * in session storage, as gone; it never takes another tab's reply for dead.
 */
export function browserPersistence(
  store: ConversationStore,
  onStatus: (status: SaveStatus) => void,
  options: { retryMs?: number; setTimer?: (callback: () => void, ms: number) => void } = {},
): ConversationPersistence {
  const queue = createSaveQueue({
    retryMs: options.retryMs ?? SAVE_RETRY_MS,
    setTimer: options.setTimer ?? ((callback, ms) => void setTimeout(callback, ms)),
    onReport: ({ unsaved, error }) =>
      onStatus(
        unsaved === 0
          ? { kind: 'saved' }
          : { kind: 'problem', problem: isQuotaError(error) ? 'quota' : 'failed', unsaved, error },
      ),
  });
  const streamingHere = new Set<string>();
  return {
    createConversation: (id, { firstMessage, systemPrompt, now }) =>
      queue.run(`conversation:${id}`, () =>
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
      queue.run(`prompt:${conversationId}`, () => store.update(conversationId, { systemPrompt })),
    saveMessage: (conversationId, message) =>
      queue.run(`message:${message.id}`, async () => {
        await store.saveMessage(conversationId, message);
        // A reply's saves while it streams leave the conversation's record alone: the question
        // already moved it to the top, and each touch would re-read the sidebar's list.
        if (!isStreamingReply(message)) await store.update(conversationId, {});
      }),
    setVersionChoices: (conversationId, choices) =>
      queue.run(`choices:${conversationId}`, () =>
        store.setVersionChoices(conversationId, choices),
      ),
    keepUnloadCopy: (conversationId, message) => void keepUnloadCopy(conversationId, message),
    holdStreamLock: async (messageId) => {
      streamingHere.add(messageId);
      setTabStreaming(new Set([...tabStreaming(), messageId]));
      const forget = () => {
        streamingHere.delete(messageId);
        const ids = tabStreaming();
        ids.delete(messageId);
        setTabStreaming(ids);
      };
      if (typeof navigator === 'undefined' || navigator.locks === undefined) return forget;
      let release: () => void = () => undefined;
      const held = new Promise<void>((resolve) => (release = resolve));
      await new Promise<void>((granted) => {
        void navigator.locks.request(lockName(messageId), () => {
          granted();
          return held;
        });
      });
      return () => {
        forget();
        release();
      };
    },
    isStreamLockHeld: async (messageId) => {
      if (typeof navigator === 'undefined' || navigator.locks === undefined) {
        // Only a reply this tab's earlier page was streaming is known to be gone.
        return streamingHere.has(messageId) || !tabStreaming().has(messageId);
      }
      const state = await navigator.locks.query();
      return (state.held ?? []).some((lock) => lock.name === lockName(messageId));
    },
  };
}
