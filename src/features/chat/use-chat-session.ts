import { useEffect, useState, useSyncExternalStore } from 'react';
import { streamReply } from '../../providers/stream-reply';
import type { ConversationStore } from '../../storage/conversation-store';
import { ChatSession } from './chat-session';
import type { ChatSessionDeps } from './chat-session-deps';
import type { ChatSnapshot } from './chat-snapshot';
import type { ConversationPersistence } from './conversation-persistence';

function browserDeps(persistence: ConversationPersistence | undefined): ChatSessionDeps {
  return {
    transport: streamReply,
    setTimer: (callback, ms) => {
      const timer = setTimeout(callback, ms);
      return () => clearTimeout(timer);
    },
    now: () => Date.now(),
    scheduleFrame: (callback) => requestAnimationFrame(callback),
    onMalformedChunk: (data, reason) =>
      console.warn(`Ruminate skipped a malformed stream chunk (${reason}):`, data),
    persistence,
  };
}

interface UseChatSessionOptions {
  store: ConversationStore | undefined;
  persistence: ConversationPersistence | undefined;
  /** The conversation to show; `undefined` for a new one. */
  conversationId: string | undefined;
}

/**
 * The React binding of a {@link ChatSession}: shows the conversation `conversationId` as saved,
 * follows changes other tabs make to it, marks replies whose page went away as interrupted, saves
 * a streaming reply when the page is hidden or closed. It renders again only when the structure
 * changes (messages, versions, statuses: see `isSameStructure`); the frames of a streaming reply
 * reach only the views that follow that message through `session.messageSource`.
 */
export function useChatSession({ store, persistence, conversationId }: UseChatSessionOptions): {
  snapshot: ChatSnapshot;
  session: ChatSession;
} {
  const [session] = useState(() => new ChatSession(browserDeps(persistence)));
  const snapshot = useSyncExternalStore(session.subscribeStructure, session.getStructure);

  // A page being closed, reloaded or hidden may never run the next timed save.
  useEffect(() => {
    const flush = () => session.flush(true);
    const handleVisibility = () => {
      if (document.visibilityState === 'hidden') session.flush();
    };
    window.addEventListener('pagehide', flush);
    document.addEventListener('visibilitychange', handleVisibility);
    return () => {
      window.removeEventListener('pagehide', flush);
      document.removeEventListener('visibilitychange', handleVisibility);
    };
  }, [session]);

  useEffect(() => {
    if (conversationId === undefined || store === undefined) {
      session.showConversation(undefined, [], {});
      return;
    }
    return store.watch(conversationId, (saved) => {
      if (saved === undefined) return;
      session.showConversation(
        conversationId,
        saved.messages,
        saved.record.versionChoices,
        saved.record.systemPrompt,
      );
      for (const id of session.foreignStreamingIds()) {
        void persistence?.isStreamLockHeld(id).then((isHeld) => {
          if (!isHeld) session.markInterrupted([id]);
        });
      }
    });
  }, [conversationId, store, persistence, session]);

  return { snapshot, session };
}
