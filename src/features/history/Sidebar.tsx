import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useId, useRef, useState } from 'react';
import { useMinuteClock } from './use-minute-clock';
import type { ConversationRecord } from '../../storage/conversation-db';
import type { ImportOutcome } from './import-outcome';
import { ImportQuestion } from './ImportQuestion';
import { SidebarItem } from './SidebarItem';
import { useTabTitle } from './use-tab-title';
import type { ConversationStore, SavedConversation } from '../../storage/conversation-store';

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
  const now = useMinuteClock();
  useTabTitle(store, currentId);

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
      <ul
        className="-mx-1 min-h-0 flex-1 space-y-0.5 overflow-y-auto px-1"
        aria-label="Saved conversations"
      >
        {conversations?.length === 0 && (
          <li className="px-2 py-3 text-sm text-zinc-500">
            {query === '' ? 'No conversations yet.' : 'No conversation matches.'}
          </li>
        )}
        {conversations?.map((conversation) => (
          <SidebarItem
            key={conversation.id}
            conversation={conversation}
            isCurrent={conversation.id === currentId}
            now={now}
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
