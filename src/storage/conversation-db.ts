/**
 * The IndexedDB database of saved conversations (Dexie), with an in-memory fallback for browsers
 * where IndexedDB is unavailable (some private windows): the same code then runs on
 * `fake-indexeddb`, so the app works the same until the tab closes.
 */
import Dexie, { type Table } from 'dexie';
import type { ChatMessage } from '../core/chat/chat-message';
import type { VersionChoices } from '../core/chat/conversation-tree';

/** A saved conversation. Its messages are stored separately, one record each. */
export interface ConversationRecord {
  id: string;
  /** From the first message, until the person renames it. */
  title: string;
  /** The person renamed it: the title no longer follows the first message. */
  isTitleEdited?: boolean;
  /** Epoch ms. */
  createdAt: number;
  /** Epoch ms of the last change; the sidebar lists newest first. */
  updatedAt: number;
  /** Sent first with every request when not blank. */
  systemPrompt: string;
  /** Which version is shown at each fork (see `core/chat/conversation-tree.ts`). */
  versionChoices: VersionChoices;
}

/** A saved message: any chat message, plus its conversation and when it last changed. */
export type MessageRecord = ChatMessage & { conversationId: string; updatedAt: number };

/** Ruminate's database. Version 1: conversations by `updatedAt`, messages by `conversationId`. */
export class RuminateDb extends Dexie {
  conversations!: Table<ConversationRecord, string>;
  messages!: Table<MessageRecord, string>;

  constructor(name = 'ruminate', options?: ConstructorParameters<typeof Dexie>[1]) {
    super(name, options);
    this.version(1).stores({
      conversations: 'id, updatedAt',
      messages: 'id, conversationId',
    });
  }
}

/** An open database, and whether it survives closing the tab. */
export interface OpenedDb {
  db: RuminateDb;
  isPersistent: boolean;
  /** Why the database is in memory only, in words for a banner. */
  problem?: string;
}

/**
 * Opens the browser's database, or an in-memory one when IndexedDB can't be opened.
 * Never rejects.
 */
export async function openRuminateDb(name = 'ruminate'): Promise<OpenedDb> {
  try {
    const db = new RuminateDb(name);
    await db.open();
    return { db, isPersistent: true };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    const { indexedDB, IDBKeyRange } = await import('fake-indexeddb');
    // liveQuery reads Dexie's module-wide dependencies, not the instance options.
    Dexie.dependencies.indexedDB = indexedDB;
    Dexie.dependencies.IDBKeyRange = IDBKeyRange;
    const db = new RuminateDb(name, { indexedDB, IDBKeyRange });
    await db.open();
    return {
      db,
      isPersistent: false,
      problem: `This browser won’t let Ruminate save conversations (${reason}). Chats work, but they are lost when you close the tab.`,
    };
  }
}
