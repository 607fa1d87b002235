import type { ChatMessage } from '../../core/chat/chat-message';
import { AssistantMessageView } from './AssistantMessageView';
import { MessageBoundary } from './MessageBoundary';
import type { MessageActions } from './message-actions';
import { staticMessageSource } from './message-source';
import { UserMessageView } from './UserMessageView';

const noop = () => undefined;
const NO_ACTIONS: MessageActions = {
  regenerate: noop,
  continueReply: noop,
  stop: noop,
  selectVersion: noop,
  setReasoningOpen: noop,
  edit: noop,
  share: noop,
};

/** A conversation shown read-only (a shared transcript), with the chat's own message components. */
export function ReadOnlyMessages({ messages }: { messages: readonly ChatMessage[] }) {
  return (
    <div className="mx-auto flex w-full max-w-chat flex-col gap-6 px-4 py-6">
      {messages.map((message) => (
        <MessageBoundary key={message.id} source={staticMessageSource(message)}>
          {message.role === 'user' ? (
            <UserMessageView
              message={message}
              versionIds={[message.id]}
              versionIndex={0}
              actions={NO_ACTIONS}
              canEdit={false}
            />
          ) : (
            <AssistantMessageView
              message={message}
              versionIds={[message.id]}
              versionIndex={0}
              actions={NO_ACTIONS}
              reasoningPolicy="folded"
              isBusy={false}
              isReadOnly
            />
          )}
        </MessageBoundary>
      ))}
    </div>
  );
}
