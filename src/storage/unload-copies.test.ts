import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { afterEach, describe, expect, it } from 'vitest';
import type { AssistantMessage } from '../core/chat/chat-message';
import { createAssistantMessage } from '../core/stream/assistant-message';
import { RuminateDb } from './conversation-db';
import { ConversationStore } from './conversation-store';
import { keepUnloadCopy, saveUnloadCopies } from './unload-copies';

const opened: RuminateDb[] = [];
afterEach(() => {
  for (const db of opened.splice(0)) db.close();
  localStorage.clear();
});
function freshStore() {
  const db = new RuminateDb(`unload-test-${Math.random().toString(36).slice(2)}`, {
    indexedDB,
    IDBKeyRange,
  });
  opened.push(db);
  return new ConversationStore(db);
}

const reply = (answer: string, revision: number): AssistantMessage => ({
  id: 'a1',
  parentId: 'q1',
  createdAt: 2,
  role: 'assistant',
  model: 'm',
  providerName: 'p',
  revision,
  state: { ...createAssistantMessage(), status: 'answering', answer },
});

describe('unload copies', () => {
  it('a copy kept while a page closes is saved by the next page, then removed', async () => {
    const store = freshStore();
    await store.saveMessage('c1', reply('Up to the last timed save', 3));
    expect(keepUnloadCopy('c1', reply('Up to the last timed save, and everything after', 4))).toBe(
      true,
    );

    expect(await saveUnloadCopies(store)).toBe(1);
    expect(await store.db.messages.get('a1')).toMatchObject({
      conversationId: 'c1',
      revision: 4,
      state: { answer: 'Up to the last timed save, and everything after' },
    });
    expect(localStorage.length).toBe(0);
  });

  it('an older copy changes nothing: the saved message is newer', async () => {
    const store = freshStore();
    keepUnloadCopy('c1', reply('old', 2));
    await store.saveMessage('c1', reply('newer', 5));
    await saveUnloadCopies(store);
    expect(await store.db.messages.get('a1')).toMatchObject({ state: { answer: 'newer' } });
  });

  it('removes a copy it cannot read, and leaves other keys alone', async () => {
    const store = freshStore();
    localStorage.setItem('ruminate.unload-copy.x', '{not json');
    localStorage.setItem('ruminate.provider.v1', '{}');
    expect(await saveUnloadCopies(store)).toBe(0);
    expect(localStorage.getItem('ruminate.unload-copy.x')).toBeNull();
    expect(localStorage.getItem('ruminate.provider.v1')).toBe('{}');
  });

  it('says so when localStorage refuses the copy', () => {
    const full = {
      ...localStorage,
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
    } as unknown as Storage;
    expect(keepUnloadCopy('c1', reply('a', 1), full)).toBe(false);
  });
});
