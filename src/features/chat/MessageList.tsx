import { useLayoutEffect, useRef, type ReactNode } from 'react';
import type { PathEntry } from '../../core/chat/conversation-tree';
import type { ReasoningPanelPolicy } from '../../core/chat/reasoning-panel-policy';
import { useFollowBottom } from '../../lib/use-follow-bottom';
import { AssistantMessageView } from './AssistantMessageView';
import { MessageBoundary } from './MessageBoundary';
import type { MessageActions } from './message-actions';
import { UserMessageView } from './UserMessageView';

/** Distance from the bottom, in px, within which the list keeps following new text. */
const FOLLOW_THRESHOLD_PX = 48;

interface MessageListProps {
  path: readonly PathEntry[];
  isStreaming: boolean;
  actions: MessageActions;
  reasoningPolicy: ReasoningPanelPolicy;
  /** Shown when there are no messages. */
  empty: ReactNode;
}

/**
 * The scrolling conversation. While a reply streams it follows new text only when the reader is at
 * the bottom; a reader who scrolled up stays where they are and gets a "Jump to latest" button.
 * Sending a message scrolls to it.
 */
export function MessageList({
  path,
  isStreaming,
  actions,
  reasoningPolicy,
  empty,
}: MessageListProps) {
  const stableIds = useStableVersionIds();
  const { scrollRef, contentRef, isAtBottom, followAgain } = useFollowBottom<
    HTMLDivElement,
    HTMLDivElement
  >(true, FOLLOW_THRESHOLD_PX);
  const lastUserId = path.findLast((entry) => entry.message.role === 'user')?.message.id;
  const previousUserId = useRef(lastUserId);

  // A new question (sent here, or the conversation opened) brings the reader to the bottom.
  useLayoutEffect(() => {
    if (previousUserId.current === lastUserId) return;
    previousUserId.current = lastUserId;
    followAgain();
  }, [lastUserId, followAgain]);

  return (
    <div className="relative min-h-0 flex-1">
      <div ref={scrollRef} data-testid="message-list" className="h-full overflow-y-auto">
        <div ref={contentRef} className="mx-auto flex w-full max-w-chat flex-col gap-6 px-4 py-6">
          {path.length === 0
            ? empty
            : path.map(({ message, versionIds, versionIndex }) => (
                <MessageBoundary key={message.id} message={message}>
                  {message.role === 'user' ? (
                    <UserMessageView
                      message={message}
                      versionIds={stableIds(message.id, versionIds)}
                      versionIndex={versionIndex}
                      actions={actions}
                      canEdit={!isStreaming}
                    />
                  ) : (
                    <AssistantMessageView
                      message={message}
                      versionIds={stableIds(message.id, versionIds)}
                      versionIndex={versionIndex}
                      actions={actions}
                      reasoningPolicy={reasoningPolicy}
                      isBusy={isStreaming}
                    />
                  )}
                </MessageBoundary>
              ))}
        </div>
      </div>
      {!isAtBottom && (
        <button
          type="button"
          onClick={followAgain}
          className="absolute bottom-3 left-1/2 -translate-x-1/2 rounded-full border border-zinc-300 bg-white px-3 py-1.5 text-sm font-medium shadow-md hover:bg-zinc-50 focus-visible:outline-2 focus-visible:outline-brand dark:border-zinc-700 dark:bg-zinc-900 dark:hover:bg-zinc-800"
        >
          Jump to latest ↓
        </button>
      )}
    </div>
  );
}

/**
 * The visible path is rebuilt on every frame while a reply streams, with new `versionIds` arrays;
 * handing memoized messages the previous array while its ids are the same keeps every settled
 * message from re-rendering each frame.
 */
function useStableVersionIds(): (messageId: string, ids: readonly string[]) => readonly string[] {
  const cache = useRef(new Map<string, readonly string[]>());
  return (messageId, ids) => {
    const previous = cache.current.get(messageId);
    if (
      previous !== undefined &&
      previous.length === ids.length &&
      previous.every((id, i) => id === ids[i])
    ) {
      return previous;
    }
    cache.current.set(messageId, ids);
    return ids;
  };
}
