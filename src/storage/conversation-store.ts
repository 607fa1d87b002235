/**
 * Reading and writing conversations. Every change is a small partial update or a single-record put,
 * so two tabs writing at once never overwrite each other's messages.
 */
import { liveQuery } from 'dexie';
import type { ChatMessage } from '../core/chat/chat-message';
import type { VersionChoices } from '../core/chat/conversation-tree';
import { contentKey } from '../core/chat/content-key';
import { supersedes } from '../core/chat/supersedes';
import type { ConversationRecord, MessageRecord, RuminateDb } from './conversation-db';

// Kept apart so the first screen can title a conversation without loading Dexie.
export { titleFrom } from './conversation-title';

/** Everything saved about one conversation. */
export interface SavedConversation {
  record: ConversationRecord;
  messages: ChatMessage[];
}

function toMessage(record: MessageRecord): ChatMessage {
  const message: Partial<MessageRecord> = { ...record };
  delete message.conversationId;
  delete message.updatedAt;
  return message as ChatMessage;
}

/** The store over one database. */
export class ConversationStore {
  constructor(readonly db: RuminateDb) {}

  /** Creates a conversation. */
  async create(record: ConversationRecord): Promise<void> {
    await this.db.conversations.put(record);
  }

  /** Changes some fields of a conversation and marks it updated. */
  async update(id: string, changes: Partial<Omit<ConversationRecord, 'id'>>): Promise<void> {
    await this.db.conversations.update(id, { updatedAt: Date.now(), ...changes });
  }

  /** Shows `choices` at the forks of a conversation. */
  async setVersionChoices(id: string, choices: VersionChoices): Promise<void> {
    await this.db.conversations.update(id, { versionChoices: choices });
  }

  /** Renames a conversation; its title no longer follows the first message. */
  async rename(id: string, title: string): Promise<void> {
    await this.db.conversations.update(id, {
      title: title.trim() || 'Untitled',
      isTitleEdited: true,
    });
  }

  /**
   * Saves (inserts or replaces) one message, unless the saved copy is newer (see `supersedes`):
   * the revisions are compared inside the write's transaction, so a tab holding an old copy never
   * writes over a newer one, and a late "interrupted" mark never undoes a finished reply.
   */
  async saveMessage(conversationId: string, message: ChatMessage): Promise<void> {
    await this.db.transaction('rw', this.db.messages, async () => {
      const saved = await this.db.messages.get(message.id);
      if (saved !== undefined && !supersedes(message, toMessage(saved))) return;
      await this.db.messages.put({ ...message, conversationId, updatedAt: Date.now() });
    });
  }

  /** A conversation and all its messages (every version), or `undefined`. */
  async load(id: string): Promise<SavedConversation | undefined> {
    const record = await this.db.conversations.get(id);
    if (record === undefined) return undefined;
    const messages = await this.db.messages.where('conversationId').equals(id).toArray();
    return { record, messages: messages.map(toMessage) };
  }

  /** Deletes a conversation and its messages; returns them so the deletion can be undone. */
  async delete(id: string): Promise<SavedConversation | undefined> {
    return this.db.transaction('rw', this.db.conversations, this.db.messages, async () => {
      const saved = await this.load(id);
      await this.db.messages.where('conversationId').equals(id).delete();
      await this.db.conversations.delete(id);
      return saved;
    });
  }

  /** Puts back a deleted conversation, as it was. */
  async restore(saved: SavedConversation): Promise<void> {
    await this.db.transaction('rw', this.db.conversations, this.db.messages, async () => {
      await this.db.conversations.put(saved.record);
      await this.db.messages.bulkPut(
        saved.messages.map((m) => ({
          ...m,
          conversationId: saved.record.id,
          updatedAt: Date.now(),
        })),
      );
    });
  }

  /**
   * Saves imported conversations in one transaction: all of them, or none when any write fails.
   * A conversation whose id or any of whose message ids is taken (saved already, or earlier in
   * `items`) is saved as `renameTaken` returns it, with fresh ids.
   * @returns the id each conversation was saved under, in order.
   * @throws what IndexedDB threw (`QuotaExceededError` when storage is full); nothing is saved.
   */
  async importConversations(
    items: readonly SavedConversation[],
    renameTaken: (saved: SavedConversation) => SavedConversation,
  ): Promise<string[]> {
    return this.db.transaction('rw', this.db.conversations, this.db.messages, async () => {
      const taken = new Set<string>();
      const ids = items.flatMap((item) => [item.record.id, ...item.messages.map((m) => m.id)]);
      const [conversations, messages] = await Promise.all([
        this.db.conversations.bulkGet(ids),
        this.db.messages.bulkGet(ids),
      ]);
      for (const found of [...conversations, ...messages]) if (found) taken.add(found.id);
      const saved: string[] = [];
      for (const item of items) {
        const itemIds = [item.record.id, ...item.messages.map((m) => m.id)];
        const next = itemIds.some((id) => taken.has(id)) ? renameTaken(item) : item;
        for (const id of [next.record.id, ...next.messages.map((m) => m.id)]) taken.add(id);
        await this.db.conversations.put(next.record);
        await this.db.messages.bulkPut(
          next.messages.map((m) => ({
            ...m,
            conversationId: next.record.id,
            updatedAt: Date.now(),
          })),
        );
        saved.push(next.record.id);
      }
      return saved;
    });
  }

  /** The saved conversations among `ids`, by id. */
  async existing(ids: readonly string[]): Promise<Set<string>> {
    const found = await this.db.conversations.bulkGet([...ids]);
    return new Set(found.flatMap((record) => (record === undefined ? [] : [record.id])));
  }

  /** Each saved conversation's {@link contentKey}, mapped to its id. */
  async contentKeys(): Promise<Map<string, string>> {
    const byConversation = new Map<string, ChatMessage[]>();
    await this.db.messages.each((record) => {
      const list = byConversation.get(record.conversationId);
      if (list === undefined) byConversation.set(record.conversationId, [toMessage(record)]);
      else list.push(toMessage(record));
    });
    return new Map([...byConversation].map(([id, messages]) => [contentKey(messages), id]));
  }

  /** All conversations, most recently updated first. */
  async list(): Promise<ConversationRecord[]> {
    return this.db.conversations.orderBy('updatedAt').reverse().toArray();
  }

  /**
   * Conversations whose title or any message text (question, answer or reasoning) contains every
   * word of `query`, case-insensitively; most recently updated first.
   */
  async search(query: string): Promise<ConversationRecord[]> {
    const words = query.toLowerCase().split(/\s+/).filter(Boolean);
    const all = await this.list();
    if (words.length === 0) return all;
    const text = new Map(all.map((c) => [c.id, c.title.toLowerCase()]));
    await this.db.messages.each((m) => {
      const body = m.role === 'user' ? m.content : `${m.state.answer}\n${m.state.reasoning}`;
      text.set(m.conversationId, `${text.get(m.conversationId) ?? ''}\n${body.toLowerCase()}`);
    });
    return all.filter((c) => words.every((word) => text.get(c.id)?.includes(word)));
  }

  /**
   * Calls `onChange` with the conversation whenever it changes, in this tab or another.
   * @returns a function that stops watching.
   */
  watch(id: string, onChange: (saved: SavedConversation | undefined) => void): () => void {
    const subscription = liveQuery(() => this.load(id)).subscribe({
      next: onChange,
      error: (error: unknown) => console.warn('Ruminate stopped following saved changes:', error),
    });
    return () => subscription.unsubscribe();
  }
}
