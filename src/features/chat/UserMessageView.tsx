import { memo } from 'react';
import type { UserMessage } from '../../core/chat/chat-message';

/** A message the person sent, as plain text (never markdown: it is shown exactly as typed). */
export const UserMessageView = memo(function UserMessageView({
  message,
}: {
  message: UserMessage;
}) {
  return (
    <div className="flex justify-end" data-testid="user-message">
      <p className="max-w-[85%] whitespace-pre-wrap break-words rounded-2xl rounded-br-md bg-brand-soft px-4 py-2.5 text-zinc-900 dark:bg-zinc-800 dark:text-zinc-100">
        {message.content}
      </p>
    </div>
  );
});
