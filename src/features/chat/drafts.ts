/**
 * Unsent message text, one draft per conversation, kept in localStorage so it survives a reload
 * and does not follow the person into another conversation.
 */

const KEY = 'ruminate.drafts.v1';
/** Drafts kept at most; the oldest go first. */
const MAX_DRAFTS = 50;

/** The draft key of a conversation; `undefined` is a new conversation not yet saved. */
export function draftKey(conversationId: string | undefined): string {
  return conversationId ?? 'new';
}

function readAll(): Record<string, string> {
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(KEY) ?? '{}');
    if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) return {};
    return Object.fromEntries(
      Object.entries(parsed).filter(
        (entry): entry is [string, string] => typeof entry[1] === 'string',
      ),
    );
  } catch {
    return {};
  }
}

/** The saved draft under `key`, or `''`. */
export function loadDraft(key: string): string {
  return readAll()[key] ?? '';
}

/**
 * Saves `text` as the draft under `key` (blank text removes it). A refused write (storage full or
 * disabled) keeps the text in the box only.
 */
export function saveDraft(key: string, text: string): void {
  const all = readAll();
  if ((all[key] ?? '') === text) return;
  delete all[key];
  if (text.trim() !== '') all[key] = text;
  const entries = Object.entries(all).slice(-MAX_DRAFTS);
  try {
    if (entries.length === 0) localStorage.removeItem(KEY);
    else localStorage.setItem(KEY, JSON.stringify(Object.fromEntries(entries)));
  } catch {
    // The draft stays in the composer for this page's life.
  }
}
