import { useEffect, useId, useRef, useState } from 'react';
import { relativeTime } from '../../core/chat/relative-time';
import type { ConversationRecord } from '../../storage/conversation-db';
import { SidebarItemMenu } from './SidebarItemMenu';

interface SidebarItemProps {
  conversation: ConversationRecord;
  isCurrent: boolean;
  /** Epoch ms, for the relative date. */
  now: number;
  onOpen: () => void;
  onRename: (title: string) => void;
  onDelete: () => void;
}

/**
 * One saved conversation: its title over the row's width (the whole title in a tooltip), when it
 * last changed, and a "⋯" menu with Rename and Delete.
 */
export function SidebarItem({
  conversation,
  isCurrent,
  now,
  onOpen,
  onRename,
  onDelete,
}: SidebarItemProps) {
  const [isRenaming, setRenaming] = useState(false);
  const inputRef = useRef<HTMLInputElement>(null);
  const dateId = useId();

  useEffect(() => {
    if (isRenaming) inputRef.current?.select();
  }, [isRenaming]);

  if (isRenaming) {
    return (
      <li className="px-1 py-0.5">
        <form
          onSubmit={(event) => {
            event.preventDefault();
            onRename(inputRef.current?.value ?? '');
            setRenaming(false);
          }}
        >
          <input
            ref={inputRef}
            aria-label="Conversation title"
            defaultValue={conversation.title}
            onBlur={() => setRenaming(false)}
            onKeyDown={(event) => {
              if (event.key === 'Escape') setRenaming(false);
            }}
            className="w-full rounded-md border border-brand bg-white px-2 py-1.5 text-sm outline-none dark:bg-zinc-900"
          />
        </form>
      </li>
    );
  }

  return (
    <li
      className={`group relative rounded-md ${
        isCurrent
          ? 'bg-brand-soft text-zinc-900 dark:bg-zinc-800 dark:text-zinc-100'
          : 'hover:bg-zinc-100 dark:hover:bg-zinc-800/70'
      }`}
    >
      <button
        type="button"
        onClick={onOpen}
        aria-current={isCurrent ? 'page' : undefined}
        aria-label={conversation.title}
        aria-describedby={dateId}
        title={conversation.title}
        className="block w-full rounded-md px-2 py-1.5 text-left group-focus-within:pr-10 group-hover:pr-10 focus-visible:outline-2 focus-visible:outline-brand [@media(hover:none)]:pr-10"
      >
        <span className={`block truncate text-sm ${isCurrent ? 'font-medium' : ''}`}>
          {conversation.title}
        </span>
        <span id={dateId} className="block text-xs text-zinc-600 dark:text-zinc-400">
          {relativeTime(conversation.updatedAt, now)}
        </span>
      </button>
      <div className="absolute inset-y-0 right-1 flex items-center">
        <SidebarItemMenu
          title={conversation.title}
          onRename={() => setRenaming(true)}
          onDelete={onDelete}
        />
      </div>
    </li>
  );
}
