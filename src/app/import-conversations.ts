/**
 * Importing a JSON export into the history: which conversations it already holds, and saving the
 * rest (or all, keeping both copies) in one transaction.
 */
import { contentKey } from '../core/chat/content-key';
import { createId } from '../core/chat/create-id';
import { toChatTree, type ExportedConversation } from '../core/share/conversation-export';
import { isQuotaError } from '../storage/quota-error';
import type { ConversationStore, SavedConversation } from '../storage/conversation-store';

/** An import, split by whether the history already holds each conversation. */
export interface ImportPlan {
  /** Conversations the history does not hold. */
  fresh: SavedConversation[];
  /** Conversations it holds already: the same id, or the same words under other ids. */
  duplicates: SavedConversation[];
}

/** The conversation as it would be saved, with the ids of the file (fresh ones where it has none). */
function toSaved(conversation: ExportedConversation, now: number): SavedConversation {
  // A version 1 file has no ids of its own: its messages get fresh ones.
  const newIds = new Map(conversation.messages.map((m) => [m.id, createId(now)]));
  const rename = (id: string) => (conversation.id === undefined ? (newIds.get(id) ?? id) : id);
  const { messages, versionChoices } = toChatTree(conversation, rename);
  const record = {
    id: conversation.id ?? createId(now),
    title: conversation.title || 'Imported conversation',
    isTitleEdited: true,
    createdAt: messages.reduce((first, m) => Math.min(first, m.createdAt), now),
    updatedAt: now,
    systemPrompt: conversation.systemPrompt,
    versionChoices,
  };
  return { record, messages };
}

/** A copy of `saved` under fresh ids (conversation, messages, parents and choices). */
export function withFreshIds(saved: SavedConversation, now = Date.now()): SavedConversation {
  const ids = new Map(saved.messages.map((m) => [m.id, createId(now)]));
  const rename = (id: string) => ids.get(id) ?? id;
  return {
    record: {
      ...saved.record,
      id: createId(now),
      versionChoices: Object.fromEntries(
        Object.entries(saved.record.versionChoices).map(([parent, child]) => [
          rename(parent),
          rename(child),
        ]),
      ),
    },
    messages: saved.messages.map((m) => ({
      ...m,
      id: rename(m.id),
      parentId: m.parentId === null ? null : rename(m.parentId),
    })),
  };
}

/** Sorts imported conversations into those the history holds already and the others. */
export async function planImport(
  store: ConversationStore,
  conversations: readonly ExportedConversation[],
  now = Date.now(),
): Promise<ImportPlan> {
  const saved = conversations.map((conversation) => toSaved(conversation, now));
  const [existingIds, existingContent] = await Promise.all([
    store.existing(conversations.flatMap((c) => (c.id === undefined ? [] : [c.id]))),
    store.contentKeys(),
  ]);
  const plan: ImportPlan = { fresh: [], duplicates: [] };
  for (const [index, item] of saved.entries()) {
    const id = conversations[index]?.id;
    const isHeld =
      (id !== undefined && existingIds.has(id)) || existingContent.has(contentKey(item.messages));
    (isHeld ? plan.duplicates : plan.fresh).push(item);
  }
  return plan;
}

/** The outcome of {@link saveImport}: the saved ids, or a sentence saying why nothing was saved. */
export type SaveImportResult = { ok: true; ids: string[] } | { ok: false; error: string };

/**
 * Saves conversations in one transaction, all or nothing; any whose ids are taken get fresh ones.
 * Never rejects.
 */
export async function saveImport(
  store: ConversationStore,
  conversations: readonly SavedConversation[],
): Promise<SaveImportResult> {
  try {
    return { ok: true, ids: await store.importConversations(conversations, withFreshIds) };
  } catch (error) {
    console.warn('Ruminate could not import:', error);
    const reason = isQuotaError(error)
      ? 'browser storage is full. Free some space (or delete old conversations) and import again'
      : `saving failed (${error instanceof Error ? error.message : String(error)})`;
    return { ok: false, error: `Nothing was imported: ${reason}.` };
  }
}
