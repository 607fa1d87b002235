/**
 * Copies of messages kept in localStorage while a page closes or reloads. IndexedDB writes are
 * asynchronous, and a page that is going away may never finish one; localStorage writes are
 * synchronous and survive. The next page to open storage saves the copies through the store
 * (where the newer copy wins) and removes them.
 */
import type { ChatMessage } from '../core/chat/chat-message';
import type { ConversationStore } from './conversation-store';

const PREFIX = 'ruminate.unload-copy.';

/** The parts of `localStorage` used here (injected in tests). */
export type KeyValueStorage = Pick<
  Storage,
  'getItem' | 'setItem' | 'removeItem' | 'key' | 'length'
>;

function browserStorage(): KeyValueStorage | undefined {
  try {
    return typeof localStorage === 'undefined' ? undefined : localStorage;
  } catch {
    return undefined;
  }
}

/**
 * Keeps a copy of `message` synchronously, to be saved by the next page that opens storage.
 * @returns whether the copy was kept (false when localStorage is missing or full).
 */
export function keepUnloadCopy(
  conversationId: string,
  message: ChatMessage,
  storage = browserStorage(),
): boolean {
  try {
    storage?.setItem(`${PREFIX}${message.id}`, JSON.stringify({ conversationId, message }));
    return storage !== undefined;
  } catch {
    return false;
  }
}

function isCopy(value: unknown): value is { conversationId: string; message: ChatMessage } {
  if (typeof value !== 'object' || value === null) return false;
  const { conversationId, message } = value as Record<string, unknown>;
  const { id, role } = (message ?? {}) as Record<string, unknown>;
  return (
    typeof conversationId === 'string' &&
    typeof id === 'string' &&
    (role === 'user' || role === 'assistant')
  );
}

/**
 * Saves every kept copy through `store.saveMessage` (a copy older than the saved message changes
 * nothing) and removes it; a copy that cannot be read is removed too.
 * @returns how many copies were saved.
 * @throws what the store throws; the copies not yet saved are kept for the next try.
 */
export async function saveUnloadCopies(
  store: ConversationStore,
  storage = browserStorage(),
): Promise<number> {
  if (storage === undefined) return 0;
  const keys: string[] = [];
  for (let index = 0; index < storage.length; index += 1) {
    const key = storage.key(index);
    if (key?.startsWith(PREFIX) === true) keys.push(key);
  }
  let saved = 0;
  for (const key of keys) {
    let copy: unknown;
    try {
      copy = JSON.parse(storage.getItem(key) ?? 'null');
    } catch {
      copy = undefined;
    }
    if (isCopy(copy)) {
      await store.saveMessage(copy.conversationId, copy.message);
      saved += 1;
    }
    storage.removeItem(key);
  }
  return saved;
}
