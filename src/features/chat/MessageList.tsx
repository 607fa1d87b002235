import { useLayoutEffect, useRef, type ReactNode } from 'react';
import type { ChatMessage } from '../../core/chat/chat-message';
import { AssistantMessageView } from './AssistantMessageView';
import { UserMessageView } from './UserMessageView';

/** Distance from the bottom, in px, within which the list keeps following new text. */
const FOLLOW_THRESHOLD_PX = 48;

/**
 * The scrolling conversation. While a reply streams it follows new text only when the reader is at
 * the bottom; a reader who scrolled up stays where they are.
 */
interface MessageListProps {
  messages: readonly ChatMessage[];
  /** Shown when there are no messages. */
  empty: ReactNode;
  onRetry: (assistantId: string) => void;
  onStop: () => void;
}

export function MessageList({ messages, empty, onRetry, onStop }: MessageListProps) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const isFollowing = useRef(true);
  const lastMessageId = messages.at(-1)?.id;
  const previousLastId = useRef(lastMessageId);

  useLayoutEffect(() => {
    const element = scrollRef.current;
    if (element === null) return;
    const isNewMessage = previousLastId.current !== lastMessageId;
    previousLastId.current = lastMessageId;
    if (isNewMessage) isFollowing.current = true;
    if (isFollowing.current) element.scrollTop = element.scrollHeight;
  });

  return (
    <div
      ref={scrollRef}
      onScroll={(event) => {
        const element = event.currentTarget;
        isFollowing.current =
          element.scrollHeight - element.scrollTop - element.clientHeight <= FOLLOW_THRESHOLD_PX;
      }}
      className="min-h-0 flex-1 overflow-y-auto"
    >
      <div className="mx-auto flex w-full max-w-chat flex-col gap-6 px-4 py-6">
        {messages.length === 0
          ? empty
          : messages.map((message) =>
              message.role === 'user' ? (
                <UserMessageView key={message.id} message={message} />
              ) : (
                <AssistantMessageView
                  key={message.id}
                  message={message}
                  onRetry={onRetry}
                  onStop={onStop}
                />
              ),
            )}
      </div>
    </div>
  );
}
