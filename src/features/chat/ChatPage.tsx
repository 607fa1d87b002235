import { useCallback, useEffect, useMemo, useRef, type ReactNode } from 'react';
import type { ChatMessage } from '../../core/chat/chat-message';
import type { ReasoningPanelPolicy } from '../../core/chat/reasoning-panel-policy';
import type { ProviderSettings } from '../../providers/provider-presets';
import type { ConversationStore } from '../../storage/conversation-store';
import { Composer } from './Composer';
import { draftKey } from './drafts';
import { EmptyChat } from './EmptyChat';
import type { ConversationPersistence } from './conversation-persistence';
import type { MessageActions } from './message-actions';
import { MessageList } from './MessageList';
import { SystemPromptEditor } from './SystemPromptEditor';
import { usePhaseAnnouncement } from './use-phase-announcement';
import { useChatSession } from './use-chat-session';

interface ChatPageProps {
  /** The provider to send to; `undefined` asks the person to open Settings. */
  settings: ProviderSettings | undefined;
  onOpenSettings: () => void;
  store: ConversationStore;
  persistence: ConversationPersistence;
  /** The open conversation; `undefined` for a new one. */
  conversationId: string | undefined;
  /** Called when the first message creates the conversation. */
  onConversationCreated: (id: string) => void;
  reasoningPolicy: ReasoningPanelPolicy;
  /** Changes when the person asks for a new chat, even while one is open: focuses the composer. */
  focusRequest?: number;
  /** Opens the share dialog for the visible conversation, or from one of its replies. */
  onShare: (target: {
    conversationId: string | undefined;
    messages: readonly ChatMessage[];
    messageId?: string;
  }) => void;
  /** Controls shown in the composer beside Send (the Think switch). */
  composerTools?: ReactNode;
}

/** The conversation and its composer. */
export function ChatPage(props: ChatPageProps) {
  const { settings, onOpenSettings, conversationId, onConversationCreated, onShare } = props;
  const { snapshot, session } = useChatSession(props);
  const composerRef = useRef<HTMLTextAreaElement>(null);
  const announcement = usePhaseAnnouncement(snapshot.messages);

  // Actions read the newest settings through a ref, so the object keeps its identity and memoized
  // messages don't re-render when settings are recomputed.
  const settingsRef = useRef(settings);
  useEffect(() => {
    settingsRef.current = settings;
  }, [settings]);

  const actions = useMemo<MessageActions>(() => {
    const withSettings = (run: (current: ProviderSettings) => Promise<void>) => {
      const current = settingsRef.current;
      if (current === undefined) onOpenSettings();
      else void run(current);
    };
    return {
      regenerate: (id) => withSettings((s) => session.regenerate(id, s)),
      continueReply: (id) => withSettings((s) => session.continueReply(id, s)),
      edit: (id, content) => withSettings((s) => session.edit(id, content, s)),
      stop: () => session.stop(),
      selectVersion: (id) => session.selectVersion(id),
      setReasoningOpen: (id, isOpen) => session.setReasoningOpen(id, isOpen),
      openSettings: onOpenSettings,
      share: (id) => {
        const { conversationId: current, messages } = session.getSnapshot();
        onShare({ conversationId: current, messages, messageId: id });
      },
    };
  }, [session, onOpenSettings, onShare]);

  // The composer takes focus on load, on opening a conversation and on New chat, where there is a
  // keyboard (on a touch screen focus would open the on-screen keyboard over the conversation).
  useEffect(() => {
    if (window.matchMedia?.('(hover: hover) and (pointer: fine)').matches) {
      composerRef.current?.focus();
    }
  }, [conversationId, props.focusRequest]);

  // Report a conversation the session created (on its first message), not one it merely shows:
  // when the person opens another conversation, the snapshot still holds the old id for a render.
  const previousSnapshotId = useRef(snapshot.conversationId);
  useEffect(() => {
    const previous = previousSnapshotId.current;
    previousSnapshotId.current = snapshot.conversationId;
    const created = snapshot.conversationId;
    if (previous === undefined && created !== undefined && created !== conversationId) {
      onConversationCreated(created);
    }
  }, [snapshot.conversationId, conversationId, onConversationCreated]);

  // Alt+R opens or folds every thinking panel of the conversation.
  const toggleAllReasoning = useCallback(() => {
    const replies = session.getSnapshot().messages.filter((m) => m.role === 'assistant');
    const isAnyFolded = replies.some((m) => m.role === 'assistant' && m.isReasoningOpen !== true);
    session.setAllReasoningOpen(isAnyFolded);
  }, [session]);

  /** Sends `text`; `false` when the send is refused (no provider or model, a reply streaming). */
  function send(text: string): boolean {
    if (settings === undefined || settings.baseUrl === '' || settings.model === '') {
      onOpenSettings();
      return false;
    }
    if (session.getSnapshot().isStreaming) return false;
    void session.send(text, settings);
    composerRef.current?.focus();
    return true;
  }

  const status =
    settings === undefined
      ? 'No provider connected'
      : `${settings.providerName} · ${settings.model || 'no model chosen'}`;

  const empty = <EmptyChat onAsk={send} />;

  return (
    <>
      <div className="mx-auto flex w-full max-w-chat items-start gap-2">
        <SystemPromptEditor
          key={snapshot.conversationId ?? 'new'}
          value={snapshot.systemPrompt}
          onSave={(text) => session.setSystemPrompt(text)}
        />
        {snapshot.messages.length > 0 && (
          <button
            type="button"
            onClick={() => {
              const { conversationId: current, messages } = session.getSnapshot();
              onShare({ conversationId: current, messages });
            }}
            className="mr-4 mt-2.5 shrink-0 rounded-lg border border-zinc-300 px-3 py-1 text-sm font-medium hover:bg-zinc-100 focus-visible:outline-2 focus-visible:outline-brand dark:border-zinc-700 dark:hover:bg-zinc-800"
          >
            Share
          </button>
        )}
      </div>
      <MessageList
        path={snapshot.path}
        isStreaming={snapshot.isStreaming}
        messageSource={session.messageSource}
        actions={actions}
        reasoningPolicy={props.reasoningPolicy}
        empty={empty}
        onToggleAllReasoning={toggleAllReasoning}
      />
      <div role="status" aria-live="polite" className="sr-only" data-testid="phase-announcer">
        {announcement}
      </div>
      <Composer
        ref={composerRef}
        isStreaming={snapshot.isStreaming}
        onSend={send}
        onStop={actions.stop}
        status={status}
        tools={props.composerTools}
        draftKey={draftKey(conversationId)}
      />
    </>
  );
}
