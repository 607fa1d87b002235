/**
 * Opening conversation storage: Dexie and everything built on it. Loaded on demand, so the first
 * screen does not wait for this code to download.
 */
import {
  browserPersistence,
  type ConversationPersistence,
  type StorageProblem,
} from '../features/chat/conversation-persistence';
import { openRuminateDb } from '../storage/conversation-db';
import { ConversationStore } from '../storage/conversation-store';

/** Open conversation storage, and why it is in memory only, if it is. */
export interface OpenedStorage {
  store: ConversationStore;
  persistence: ConversationPersistence;
  /** A sentence for the storage banner when the database could not be opened persistently. */
  problem: string | undefined;
}

/**
 * Opens IndexedDB, or an in-memory database when IndexedDB is unavailable, and the persistence
 * over it, which reports failed writes to `onProblem`. Never rejects.
 */
export async function openStorage(
  onProblem: (problem: StorageProblem, error: unknown) => void,
): Promise<OpenedStorage> {
  const opened = await openRuminateDb();
  const store = new ConversationStore(opened.db);
  return { store, persistence: browserPersistence(store, onProblem), problem: opened.problem };
}
