import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useId, useRef, useState } from 'react';
import type { ConversationRecord } from '../../storage/conversation-db';
import type { ConversationStore, SavedConversation } from '../../storage/conversation-store';

/**
 * What an import did (`note`: a sentence to show), or a question when the file holds
 * conversations the history has already: each answer imports and resolves to the note.
 */
export type ImportOutcome =
  | { note: string }
  | { question: string; keepBoth: () => Promise<string>; skip: () => Promise<string> };

interface SidebarProps {
  store: ConversationStore;
  currentId: string | undefined;
  onOpen: (id: string | undefined) => void;
  /** Imports a Ruminate JSON export. */
  onImport: (text: string) => Promise<ImportOutcome>;
}

/** How long a deleted conversation can be brought back, in ms. */
const UNDO_MS = 8000;

/** Saved conversations, newest first: search, open, rename, delete with Undo, start a new one. */
export function Sidebar({ store, currentId, onOpen, onImport }: SidebarProps) {
  const [importNote, setImportNote] = useState<ImportOutcome>();
  const fileRef = useRef<HTMLInputElement>(null);
  const [query, setQuery] = useState('');
  const conversations = useLiveQuery(() => store.search(query), [store, query]);
  const [deleted, setDeleted] = useState<SavedConversation>();
  const searchId = useId();

  useEffect(() => {
    if (deleted === undefined) return;
    const timer = setTimeout(() => setDeleted(undefined), UNDO_MS);
    return () => clearTimeout(timer);
  }, [deleted]);

  async function remove(conversation: ConversationRecord) {
    const saved = await store.delete(conversation.id);
    setDeleted(saved);
    if (conversation.id === currentId) onOpen(undefined);
  }

  async function importFile(file: File | undefined) {
    if (file === undefined) return;
    if (file.size > 50 * 1024 * 1024) {
      setImportNote({ note: 'That file is over 50 MB, too large to import.' });
      return;
    }
    setImportNote(await onImport(await file.text()));
    if (fileRef.current !== null) fileRef.current.value = '';
  }

  async function undo() {
    if (deleted === undefined) return;
    await store.restore(deleted);
    setDeleted(undefined);
  }

  return (
    <nav aria-label="Conversations" className="flex h-full min-h-0 flex-col gap-2 p-3">
      <button
        type="button"
        onClick={() => onOpen(undefined)}
        className="rounded-lg bg-brand px-3 py-2 text-sm font-semibold text-white hover:bg-brand-deep focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand"
      >
        New chat
      </button>
      <button
        type="button"
        onClick={() => fileRef.current?.click()}
        className="rounded-lg border border-zinc-300 px-3 py-1.5 text-sm hover:bg-zinc-100 focus-visible:outline-2 focus-visible:outline-brand dark:border-zinc-700 dark:hover:bg-zinc-800"
      >
        Import .json
      </button>
      <input
        ref={fileRef}
        type="file"
        accept="application/json,.json"
        aria-label="Import a Ruminate JSON export"
        className="hidden"
        onChange={(event) => void importFile(event.target.files?.[0])}
      />
      {importNote !== undefined && 'note' in importNote && (
        <p role="status" className="text-xs text-zinc-600 dark:text-zinc-400">
          {importNote.note}
        </p>
      )}
      {importNote !== undefined && 'question' in importNote && (
        <ImportQuestion outcome={importNote} onAnswered={(note) => setImportNote({ note })} />
      )}
      <label htmlFor={searchId} className="sr-only">
        Search conversations
      </label>
      <input
        id={searchId}
        type="search"
        value={query}
        onChange={(event) => setQuery(event.target.value)}
        placeholder="Search conversations"
        className="rounded-lg border border-zinc-300 bg-white px-3 py-1.5 text-sm outline-none focus:border-brand focus:ring-2 focus:ring-brand/20 dark:border-zinc-700 dark:bg-zinc-900"
      />
      <ul className="-mx-1 min-h-0 flex-1 overflow-y-auto" aria-label="Saved conversations">
        {conversations?.length === 0 && (
          <li className="px-2 py-3 text-sm text-zinc-500">
            {query === '' ? 'No conversations yet.' : 'No conversation matches.'}
          </li>
        )}
        {conversations?.map((conversation) => (
          <ConversationItem
            key={conversation.id}
            conversation={conversation}
            isCurrent={conversation.id === currentId}
            onOpen={() => onOpen(conversation.id)}
            onRename={(title) => void store.rename(conversation.id, title)}
            onDelete={() => void remove(conversation)}
          />
        ))}
      </ul>
      {deleted !== undefined && (
        <div
          role="status"
          className="flex items-center justify-between gap-2 rounded-lg bg-zinc-900 px-3 py-2 text-sm text-white dark:bg-zinc-100 dark:text-zinc-900"
        >
          <span className="truncate">Deleted “{deleted.record.title}”</span>
          <button type="button" onClick={() => void undo()} className="font-semibold underline">
            Undo
          </button>
        </div>
      )}
    </nav>
  );
}

interface ItemProps {
  conversation: ConversationRecord;
  isCurrent: boolean;
  onOpen: () => void;
  onRename: (title: string) => void;
  onDelete: () => void;
}

function ConversationItem({ conversation, isCurrent, onOpen, onRename, onDelete }: ItemProps) {
  const [isRenaming, setRenaming] = useState(false);
  const inputRef = useRef<HTMLInputElement>(null);

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
            className="w-full rounded-md border border-brand bg-white px-2 py-1 text-sm outline-none dark:bg-zinc-900"
          />
        </form>
      </li>
    );
  }

  return (
    <li className="group flex items-center gap-1 px-1 py-0.5">
      <button
        type="button"
        onClick={onOpen}
        aria-current={isCurrent ? 'page' : undefined}
        className={`min-w-0 flex-1 truncate rounded-md px-2 py-1.5 text-left text-sm focus-visible:outline-2 focus-visible:outline-brand ${
          isCurrent
            ? 'bg-brand-soft font-medium text-zinc-900 dark:bg-zinc-800 dark:text-zinc-100'
            : 'hover:bg-zinc-100 dark:hover:bg-zinc-800'
        }`}
      >
        {conversation.title}
      </button>
      <button
        type="button"
        onClick={() => setRenaming(true)}
        aria-label={`Rename “${conversation.title}”`}
        className="rounded p-1 text-xs text-zinc-600 hover:bg-zinc-100 hover:text-zinc-900 dark:text-zinc-400 dark:hover:bg-zinc-800 dark:hover:text-zinc-100"
      >
        Rename
      </button>
      <button
        type="button"
        onClick={onDelete}
        aria-label={`Delete “${conversation.title}”`}
        className="rounded p-1 text-xs text-zinc-600 hover:bg-red-50 hover:text-red-800 dark:text-zinc-400 dark:hover:bg-red-950 dark:hover:text-red-200"
      >
        Delete
      </button>
    </li>
  );
}

function ImportQuestion({
  outcome,
  onAnswered,
}: {
  outcome: Extract<ImportOutcome, { question: string }>;
  onAnswered: (note: string) => void;
}) {
  const [isBusy, setBusy] = useState(false);
  const answer = async (choice: () => Promise<string>) => {
    setBusy(true);
    onAnswered(await choice());
  };
  const button =
    'rounded-md border border-zinc-300 px-2 py-1 font-medium hover:bg-zinc-100 disabled:opacity-50 dark:border-zinc-700 dark:hover:bg-zinc-800';
  return (
    <div role="alert" className="flex flex-col gap-2 text-xs text-zinc-700 dark:text-zinc-300">
      <p>{outcome.question}</p>
      <div className="flex gap-2">
        <button
          type="button"
          disabled={isBusy}
          onClick={() => void answer(outcome.keepBoth)}
          className={button}
        >
          Keep both
        </button>
        <button
          type="button"
          disabled={isBusy}
          onClick={() => void answer(outcome.skip)}
          className={button}
        >
          Skip
        </button>
      </div>
    </div>
  );
}
