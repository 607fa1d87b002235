/**
 * Opening conversation storage: Dexie and everything built on it. Loaded on demand, so the first
 * screen does not wait for this code to download.
 */
import {
  browserPersistence,
  type ConversationPersistence,
  type SaveStatus,
} from '../features/chat/conversation-persistence';
import { openRuminateDb } from '../storage/conversation-db';
import { ConversationStore } from '../storage/conversation-store';
import { saveUnloadCopies } from '../storage/unload-copies';

/** Open conversation storage, and why it is in memory only, if it is. */
export interface OpenedStorage {
  store: ConversationStore;
  persistence: ConversationPersistence;
  /** A sentence for the storage banner when the database could not be opened persistently. */
  problem: string | undefined;
}

/**
 * Opens IndexedDB, or an in-memory database when IndexedDB is unavailable, saves the copies a
 * closing page kept (see `unload-copies.ts`), and makes the persistence over it, which reports
 * saving to `onStatus`. Never rejects.
 */
export async function openStorage(onStatus: (status: SaveStatus) => void): Promise<OpenedStorage> {
  const opened = await openRuminateDb();
  const store = new ConversationStore(opened.db);
  await saveUnloadCopies(store).catch((error: unknown) => {
    console.warn('Ruminate could not save what a closing page kept:', error);
  });
  return { store, persistence: browserPersistence(store, onStatus), problem: opened.problem };
}
