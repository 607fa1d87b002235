import { useState, useSyncExternalStore } from 'react';
import { streamReply } from '../../providers/stream-reply';
import { ChatSession, type ChatSessionDeps, type ChatSnapshot } from './chat-session';

const browserDeps: ChatSessionDeps = {
  transport: streamReply,
  setTimer: (callback, ms) => {
    const timer = setTimeout(callback, ms);
    return () => clearTimeout(timer);
  },
  now: () => Date.now(),
  scheduleFrame: (callback) => requestAnimationFrame(callback),
  onMalformedChunk: (data, reason) =>
    console.warn(`Ruminate skipped a malformed stream chunk (${reason}):`, data),
};

/**
 * The React binding of a {@link ChatSession}: re-renders at most once per animation frame while a
 * reply streams, and at once when it ends.
 */
export function useChatSession(deps: ChatSessionDeps = browserDeps): {
  snapshot: ChatSnapshot;
  session: ChatSession;
} {
  const [session] = useState(() => new ChatSession(deps));
  const snapshot = useSyncExternalStore(session.subscribe, session.getSnapshot);
  return { snapshot, session };
}
