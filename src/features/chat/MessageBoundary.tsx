import type { ReactNode } from 'react';
import type { ChatMessage } from '../../core/chat/chat-message';
import { FormattingBoundary } from '../../components/ui/plain-text-fallback';

/** A message's words as plain text: the question, or the reasoning (if any) and the answer. */
function plainTextOf(message: ChatMessage): string {
  if (message.role === 'user') return message.content;
  const { reasoning, answer } = message.state;
  return reasoning === '' ? answer : `Reasoning:\n${reasoning}\n\nAnswer:\n${answer}`;
}

/**
 * One message of a conversation (chat, history or shared view): if showing it throws, it shows its
 * text as plain text instead, and the rest of the conversation keeps working.
 */
export function MessageBoundary({
  message,
  children,
}: {
  message: ChatMessage;
  children: ReactNode;
}) {
  return <FormattingBoundary text={plainTextOf(message)}>{children}</FormattingBoundary>;
}
