import { createId } from '../core/chat/create-id';
import { toChatMessages } from '../core/share/to-chat-messages';
import type { SharedTranscript } from '../core/share/transcript';
import type { ConversationStore } from '../storage/conversation-store';

/**
 * Saves transcripts as new conversations (new ids, so nothing is overwritten).
 * @returns the new conversation ids, in order.
 */
export async function importTranscripts(
  store: ConversationStore,
  transcripts: readonly SharedTranscript[],
): Promise<string[]> {
  const ids: string[] = [];
  for (const transcript of transcripts) {
    const now = Date.now();
    const id = createId(now);
    const messages = toChatMessages(transcript, () => createId(now), now);
    const record = {
      id,
      title: transcript.title || 'Imported conversation',
      isTitleEdited: true,
      createdAt: now,
      updatedAt: now,
      systemPrompt: '',
      versionChoices: {},
    };
    await store.importConversations([{ record, messages }], (saved) => saved);
    ids.push(id);
  }
  return ids;
}
