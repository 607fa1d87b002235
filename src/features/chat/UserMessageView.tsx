import { memo, useState, type KeyboardEvent } from 'react';
import type { UserMessage } from '../../core/chat/chat-message';
import type { MessageActions } from './message-actions';
import { VersionSwitcher } from './VersionSwitcher';

interface UserMessageViewProps {
  message: UserMessage;
  versionIds: readonly string[];
  versionIndex: number;
  actions: MessageActions;
  /** Editing is offered only while nothing streams. */
  canEdit: boolean;
}

const linkClass =
  'rounded px-1.5 py-0.5 hover:bg-zinc-100 focus-visible:outline-2 focus-visible:outline-brand dark:hover:bg-zinc-800';

/** A message the person sent, as plain text (never markdown: it is shown exactly as typed). */
export const UserMessageView = memo(function UserMessageView({
  message,
  versionIds,
  versionIndex,
  actions,
  canEdit,
}: UserMessageViewProps) {
  const [draft, setDraft] = useState<string>();

  if (draft !== undefined) {
    const send = () => {
      if (draft.trim() === '') return;
      actions.edit(message.id, draft);
      setDraft(undefined);
    };
    const handleKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
      if (event.key === 'Escape') setDraft(undefined);
      if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
        event.preventDefault();
        send();
      }
    };
    return (
      <div className="flex flex-col items-end gap-2" data-testid="user-message-editor">
        <textarea
          aria-label="Edit message"
          autoFocus
          value={draft}
          onChange={(event) => setDraft(event.target.value)}
          onKeyDown={handleKeyDown}
          className="field-sizing-content min-h-16 w-full max-w-[85%] resize-none rounded-2xl border border-brand bg-white px-4 py-2.5 outline-none dark:bg-zinc-900"
        />
        <div className="flex gap-2 text-sm">
          <button type="button" className={linkClass} onClick={() => setDraft(undefined)}>
            Cancel
          </button>
          <button
            type="button"
            onClick={send}
            className="rounded-lg bg-brand px-3 py-1 font-semibold text-white hover:bg-brand-deep"
          >
            Send edit
          </button>
        </div>
      </div>
    );
  }

  return (
    <div className="group flex flex-col items-end gap-1" data-testid="user-message-row">
      <p
        data-testid="user-message"
        className="max-w-[85%] whitespace-pre-wrap break-words rounded-2xl rounded-br-md bg-brand-soft px-4 py-2.5 text-zinc-900 dark:bg-zinc-800 dark:text-zinc-100"
      >
        {message.content}
      </p>
      <div className="flex items-center gap-1 text-xs text-zinc-500 dark:text-zinc-400">
        <VersionSwitcher
          versionIds={versionIds}
          versionIndex={versionIndex}
          noun="question"
          onSelect={actions.selectVersion}
        />
        {canEdit && (
          <button type="button" className={linkClass} onClick={() => setDraft(message.content)}>
            Edit
          </button>
        )}
      </div>
    </div>
  );
});
