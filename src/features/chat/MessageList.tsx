import { useEffect, useLayoutEffect, useRef, type ReactNode } from 'react';
import type { AssistantMessage } from '../../core/chat/chat-message';
import type { PathEntry } from '../../core/chat/conversation-tree';
import type { ReasoningPanelPolicy } from '../../core/chat/reasoning-panel-policy';
import { ScrollHoldContext } from '../../lib/scroll-hold';
import { useFollowBottom } from '../../lib/use-follow-bottom';
import { AssistantMessageView } from './AssistantMessageView';
import { MessageBoundary } from './MessageBoundary';
import type { MessageActions } from './message-actions';
import type { MessageSource } from './message-source';
import { UserMessageView } from './UserMessageView';

/** Distance from the bottom, in px, within which the list keeps following new text. */
const FOLLOW_THRESHOLD_PX = 48;

interface MessageListProps {
  /** The visible messages: their ids, versions and statuses (their text is read from sources). */
  path: readonly PathEntry[];
  isStreaming: boolean;
  /** The newest version of a message, and its changes (see `ChatSession.messageSource`). */
  messageSource: (id: string) => MessageSource;
  actions: MessageActions;
  reasoningPolicy: ReasoningPanelPolicy;
  /** Shown when there are no messages. */
  empty: ReactNode;
  /** Alt+R: opens every Thinking panel if any is folded, else folds them all. */
  onToggleAllReasoning: () => void;
}

/**
 * The scrolling conversation. While a reply streams it follows new text only when the reader is at
 * the bottom; a reader who scrolled up stays where they are and gets a "Jump to latest" button.
 * Sending a message scrolls to it. Opening or folding a Thinking panel (its header, or Alt+R) holds
 * that panel's header in view (the rules are in `use-follow-bottom.ts`). It renders again only when
 * the path's structure changes: the frames of a streaming reply reach the views that follow it.
 */
export function MessageList({
  path,
  isStreaming,
  messageSource,
  actions,
  reasoningPolicy,
  empty,
  onToggleAllReasoning,
}: MessageListProps) {
  const stableIds = useStableVersionIds();
  const { scrollRef, contentRef, isFollowing, followAgain, holdInView } = useFollowBottom<
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

  // Alt+R opens or folds every Thinking panel, holding the one the reader is at in view.
  useEffect(() => {
    function handleKeyDown(event: KeyboardEvent) {
      if (!event.altKey || event.ctrlKey || event.metaKey || event.code !== 'KeyR') return;
      event.preventDefault();
      const scroller = scrollRef.current;
      const header = scroller === null ? undefined : headerAtReader(scroller);
      if (header !== undefined) holdInView(header);
      onToggleAllReasoning();
    }
    window.addEventListener('keydown', handleKeyDown);
    return () => window.removeEventListener('keydown', handleKeyDown);
  }, [scrollRef, holdInView, onToggleAllReasoning]);

  return (
    <div className="relative min-h-0 flex-1">
      <div ref={scrollRef} data-testid="message-list" className="h-full overflow-y-auto">
        <div ref={contentRef} className="mx-auto flex w-full max-w-chat flex-col gap-6 px-4 py-6">
          <ScrollHoldContext.Provider value={holdInView}>
            {path.length === 0
              ? empty
              : path.map(({ message, versionIds, versionIndex }) => (
                  <MessageBoundary key={message.id} source={messageSource(message.id)}>
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
                        // An id keeps its role: this source gives assistant messages only.
                        source={messageSource(message.id) as MessageSource<AssistantMessage>}
                        versionIds={stableIds(message.id, versionIds)}
                        versionIndex={versionIndex}
                        actions={actions}
                        reasoningPolicy={reasoningPolicy}
                        isBusy={isStreaming}
                      />
                    )}
                  </MessageBoundary>
                ))}
          </ScrollHoldContext.Provider>
        </div>
      </div>
      {!isFollowing && (
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
 * On Alt+R, the header to hold: that of the panel the reader is at (the lowest header whose top is
 * above the bottom of the view), if Alt+R changes it. Panels elsewhere opening or folding leave the
 * view where it is (the browser's scroll anchoring keeps what is on screen). Read once, on Alt+R.
 */
function headerAtReader(scroller: HTMLElement): HTMLElement | undefined {
  const bottom = scroller.getBoundingClientRect().bottom;
  const headers = [
    ...scroller.querySelectorAll<HTMLElement>('.reasoning-panel > button[aria-expanded]'),
  ];
  const willOpen = headers.some((header) => header.getAttribute('aria-expanded') === 'false');
  const atReader = headers.findLast((header) => header.getBoundingClientRect().top < bottom);
  const isOpen = atReader?.getAttribute('aria-expanded') === 'true';
  return isOpen === willOpen ? undefined : atReader;
}

/**
 * The visible path is rebuilt at every change of structure, with new `versionIds` arrays; handing
 * memoized messages the previous array while its ids are the same keeps every other message from
 * rendering again.
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
