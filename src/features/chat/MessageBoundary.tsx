import type { ReactNode } from 'react';
import type { ChatMessage } from '../../core/chat/chat-message';
import { FormattingBoundary, PlainTextFallback } from '../../components/ui/plain-text-fallback';
import type { MessageSource } from './message-source';
import { useMessageField } from './use-message-field';

/** A message's words as plain text: the question, or the reasoning (if any) and the answer. */
function plainTextOf(message: ChatMessage): string {
  if (message.role === 'user') return message.content;
  const { reasoning, answer } = message.state;
  return reasoning === '' ? answer : `Reasoning:\n${reasoning}\n\nAnswer:\n${answer}`;
}

/** The message as plain text, following it while it streams. */
function MessagePlainText({ source }: { source: MessageSource }) {
  return <PlainTextFallback text={useMessageField(source, plainTextOf)} />;
}

/**
 * One message of a conversation (chat, history or shared view): if showing it throws, it shows its
 * text as plain text instead, and the rest of the conversation keeps working. The plain text is
 * made only then.
 */
export function MessageBoundary({
  source,
  children,
}: {
  source: MessageSource;
  children: ReactNode;
}) {
  return (
    <FormattingBoundary fallback={() => <MessagePlainText source={source} />}>
      {children}
    </FormattingBoundary>
  );
}
