import Dexie from 'dexie';
import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { AssistantMessage, UserMessage } from '../../core/chat/chat-message';
import { createAssistantMessage } from '../../core/stream/assistant-message';
import { RuminateDb } from '../../storage/conversation-db';
import { ConversationStore } from '../../storage/conversation-store';
import { browserPersistence, type StorageProblem } from './conversation-persistence';

const opened: RuminateDb[] = [];

afterEach(() => {
  for (const db of opened.splice(0)) db.close();
  vi.restoreAllMocks();
});

function freshStore() {
  const db = new RuminateDb(`persistence-test-${Math.random().toString(36).slice(2)}`, {
    indexedDB,
    IDBKeyRange,
  });
  opened.push(db);
  return new ConversationStore(db);
}

/**
 * The DOMException class of the platform (Node's here), which, like every browser's, is an `Error`.
 * jsdom's global `DOMException` is not, so it would not stand for what IndexedDB throws.
 */
const PlatformDOMException: typeof DOMException = (() => {
  try {
    structuredClone(() => undefined);
  } catch (error) {
    return (error as object).constructor as typeof DOMException;
  }
  throw new Error('structuredClone accepted a function');
})();

const quotaError = () =>
  new PlatformDOMException('The quota has been exceeded.', 'QuotaExceededError');

const question: UserMessage = {
  id: 'm1',
  parentId: null,
  createdAt: 1,
  role: 'user',
  content: 'Is 91 prime?',
};

const reply: AssistantMessage = {
  id: 'm2',
  parentId: 'm1',
  createdAt: 2,
  role: 'assistant',
  model: 'thinker-1',
  providerName: 'Test provider',
  state: { ...createAssistantMessage(), status: 'done', answer: 'No.' },
};

/** What the session passes to create a conversation, at epoch ms 5000. */
const create = { firstMessage: 'Is 91 prime?', systemPrompt: '', now: 5000 };

function setup() {
  const store = freshStore();
  const onProblem = vi.fn<(problem: StorageProblem, error: unknown) => void>();
  return { store, onProblem, persistence: browserPersistence(store, onProblem) };
}

describe('browserPersistence', () => {
  it('creates the conversation titled from its first message', async () => {
    const { store, onProblem, persistence } = setup();
    await persistence.createConversation('c1', {
      firstMessage: 'Is 91 prime?\nAsking for a friend.',
      systemPrompt: 'Be brief.',
      now: 5000,
    });

    expect((await store.load('c1'))?.record).toEqual({
      id: 'c1',
      title: 'Is 91 prime?',
      createdAt: 5000,
      updatedAt: 5000,
      systemPrompt: 'Be brief.',
      versionChoices: {},
    });
    expect(onProblem).not.toHaveBeenCalled();
  });

  it('saves the system prompt', async () => {
    const { store, onProblem, persistence } = setup();
    await persistence.createConversation('c1', create);
    await persistence.setSystemPrompt('c1', 'Answer in French.');
    expect((await store.load('c1'))?.record.systemPrompt).toBe('Answer in French.');
    expect(onProblem).not.toHaveBeenCalled();
  });

  it('saves messages and marks the conversation updated', async () => {
    const { store, onProblem, persistence } = setup();
    await persistence.createConversation('c1', create);
    await persistence.saveMessage('c1', question);
    await persistence.saveMessage('c1', reply);
    await persistence.saveMessage('c1', { ...reply, revision: 2 });

    const saved = await store.load('c1');
    expect(saved?.messages).toHaveLength(2);
    expect(saved?.messages.find((m) => m.id === 'm2')).toEqual({ ...reply, revision: 2 });
    expect(saved?.record.updatedAt).toBeGreaterThan(5000);
    expect(onProblem).not.toHaveBeenCalled();
  });

  it('saves the version choices', async () => {
    const { store, persistence } = setup();
    await persistence.createConversation('c1', create);
    await persistence.setVersionChoices('c1', { root: 'm1', m1: 'm2' });
    expect((await store.load('c1'))?.record.versionChoices).toEqual({ root: 'm1', m1: 'm2' });
  });

  describe('when a write fails', () => {
    it('reports a full disk as “quota” and resolves', async () => {
      const { store, onProblem, persistence } = setup();
      const error = quotaError();
      vi.spyOn(store.db.conversations, 'put').mockRejectedValue(error);
      vi.spyOn(store.db.messages, 'put').mockRejectedValue(error);
      vi.spyOn(store.db.conversations, 'update').mockRejectedValue(error);

      await expect(persistence.createConversation('c1', create)).resolves.toBeUndefined();
      await expect(persistence.saveMessage('c1', question)).resolves.toBeUndefined();
      await expect(persistence.setVersionChoices('c1', { root: 'm1' })).resolves.toBeUndefined();
      await expect(persistence.setSystemPrompt('c1', 'Be brief.')).resolves.toBeUndefined();

      expect(onProblem.mock.calls.map(([problem]) => problem)).toEqual([
        'quota',
        'quota',
        'quota',
        'quota',
      ]);
      // A message is saved inside a transaction, where Dexie wraps the error as `inner`.
      for (const [, reported] of onProblem.mock.calls) {
        expect([reported, (reported as { inner?: unknown }).inner]).toContain(error);
      }
    });

    it('reports Dexie’s wrapping of a quota error as “quota”', async () => {
      const { store, onProblem, persistence } = setup();
      const error = new Dexie.AbortError('Transaction aborted', quotaError());
      vi.spyOn(store.db.messages, 'put').mockRejectedValue(error);

      await persistence.saveMessage('c1', question);
      expect(onProblem).toHaveBeenCalledExactlyOnceWith('quota', error);
    });

    it('reports any other failure as “failed” and resolves', async () => {
      const { store, onProblem, persistence } = setup();
      const error = new PlatformDOMException('Database closed', 'InvalidStateError');
      vi.spyOn(store.db.messages, 'put').mockRejectedValue(error);
      vi.spyOn(store.db.conversations, 'put').mockRejectedValue(new Error('boom'));

      await expect(persistence.saveMessage('c1', question)).resolves.toBeUndefined();
      await expect(persistence.createConversation('c1', create)).resolves.toBeUndefined();
      expect(onProblem.mock.calls.map(([problem]) => problem)).toEqual(['failed', 'failed']);
      const reported = onProblem.mock.calls[0]?.[1] as { inner?: unknown };
      expect([reported, reported.inner]).toContain(error);
    });

    it('reports a failed “updated” mark after a saved message', async () => {
      const { store, onProblem, persistence } = setup();
      await persistence.createConversation('c1', create);
      vi.spyOn(store.db.conversations, 'update').mockRejectedValue(quotaError());

      await persistence.saveMessage('c1', question);
      expect((await store.load('c1'))?.messages).toEqual([question]);
      expect(onProblem).toHaveBeenCalledExactlyOnceWith('quota', expect.anything());
    });

    it('keeps working once writes succeed again', async () => {
      const { store, onProblem, persistence } = setup();
      await persistence.createConversation('c1', create);
      vi.spyOn(store.db.messages, 'put').mockRejectedValueOnce(quotaError());

      await persistence.saveMessage('c1', question);
      await persistence.saveMessage('c1', reply);
      expect(onProblem).toHaveBeenCalledOnce();
      expect((await store.load('c1'))?.messages).toEqual([reply]);
    });
  });
});

describe('stream locks', () => {
  it('degrade to “no lock” when the Web Locks API is missing (as in jsdom)', async () => {
    expect(navigator.locks).toBeUndefined();
    const { persistence } = setup();

    const release = await persistence.holdStreamLock('m2');
    expect(typeof release).toBe('function');
    expect(() => release()).not.toThrow();
    await expect(persistence.isStreamLockHeld('m2')).resolves.toBe(false);
  });

  describe('with the Web Locks API', () => {
    /** A minimal LockManager: exclusive locks, granted at once when free. */
    function fakeLocks() {
      const held = new Set<string>();
      const locks = {
        request: vi.fn(async (name: string, callback: () => Promise<void>) => {
          if (held.has(name)) throw new Error(`fake: ${name} is already held`);
          held.add(name);
          try {
            return await callback();
          } finally {
            held.delete(name);
          }
        }),
        query: vi.fn(async () => ({
          held: [...held].map((name) => ({ name, mode: 'exclusive', clientId: 'tab' })),
          pending: [],
        })),
      };
      Object.defineProperty(navigator, 'locks', { value: locks, configurable: true });
      return locks;
    }

    afterEach(() => {
      Reflect.deleteProperty(navigator, 'locks');
    });

    it('holds a named lock per message until released', async () => {
      const locks = fakeLocks();
      const { persistence } = setup();

      const release = await persistence.holdStreamLock('m2');
      expect(locks.request).toHaveBeenCalledWith('ruminate-stream:m2', expect.any(Function));
      await expect(persistence.isStreamLockHeld('m2')).resolves.toBe(true);
      await expect(persistence.isStreamLockHeld('m3')).resolves.toBe(false);

      release();
      await vi.waitFor(async () => expect(await persistence.isStreamLockHeld('m2')).toBe(false));
    });
  });
});
