import Dexie from 'dexie';
import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { AssistantMessage, UserMessage } from '../../core/chat/chat-message';
import { createAssistantMessage } from '../../core/stream/assistant-message';
import { RuminateDb } from '../../storage/conversation-db';
import { ConversationStore } from '../../storage/conversation-store';
import { browserPersistence, type SaveStatus } from './conversation-persistence';

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
  const onStatus = vi.fn<(status: SaveStatus) => void>();
  /** The problems reported, as [problem, error]. */
  const problems = () =>
    onStatus.mock.calls.flatMap(([status]) =>
      status.kind === 'problem' ? [[status.problem, status.error] as const] : [],
    );
  return { store, onStatus, problems, persistence: browserPersistence(store, onStatus) };
}

describe('browserPersistence', () => {
  it('creates the conversation titled from its first message', async () => {
    const { store, problems, persistence } = setup();
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
    expect(problems()).toEqual([]);
  });

  it('saves the system prompt', async () => {
    const { store, problems, persistence } = setup();
    await persistence.createConversation('c1', create);
    await persistence.setSystemPrompt('c1', 'Answer in French.');
    expect((await store.load('c1'))?.record.systemPrompt).toBe('Answer in French.');
    expect(problems()).toEqual([]);
  });

  it('saves messages and marks the conversation updated', async () => {
    const { store, problems, persistence } = setup();
    await persistence.createConversation('c1', create);
    await persistence.saveMessage('c1', question);
    await persistence.saveMessage('c1', reply);
    await persistence.saveMessage('c1', { ...reply, revision: 2 });

    const saved = await store.load('c1');
    expect(saved?.messages).toHaveLength(2);
    expect(saved?.messages.find((m) => m.id === 'm2')).toEqual({ ...reply, revision: 2 });
    expect(saved?.record.updatedAt).toBeGreaterThan(5000);
    expect(problems()).toEqual([]);
  });

  it('leaves the conversation record alone while a reply streams, and marks it when it ends', async () => {
    const { store, persistence } = setup();
    await persistence.createConversation('c1', create);
    const update = vi.spyOn(store, 'update');
    const streaming: AssistantMessage = {
      ...reply,
      revision: 1,
      state: { ...reply.state, status: 'reasoning', answer: '' },
    };
    await persistence.saveMessage('c1', streaming);
    const answering = { ...streaming, revision: 2, state: { ...reply.state, status: 'answering' } };
    await persistence.saveMessage('c1', answering as AssistantMessage);
    expect(update).not.toHaveBeenCalled();
    expect((await store.load('c1'))?.messages).toEqual([answering]);

    await persistence.saveMessage('c1', { ...reply, revision: 3 });
    expect(update).toHaveBeenCalledTimes(1);
    expect((await store.load('c1'))?.record.updatedAt).toBeGreaterThan(5000);
  });

  it('saves the version choices', async () => {
    const { store, persistence } = setup();
    await persistence.createConversation('c1', create);
    await persistence.setVersionChoices('c1', { root: 'm1', m1: 'm2' });
    expect((await store.load('c1'))?.record.versionChoices).toEqual({ root: 'm1', m1: 'm2' });
  });

  describe('when a write fails', () => {
    it('reports a full disk as “quota” and resolves', async () => {
      const { store, problems, persistence } = setup();
      const error = quotaError();
      vi.spyOn(store.db.conversations, 'put').mockRejectedValue(error);
      vi.spyOn(store.db.messages, 'put').mockRejectedValue(error);
      vi.spyOn(store.db.conversations, 'update').mockRejectedValue(error);

      await expect(persistence.createConversation('c1', create)).resolves.toBeUndefined();
      await expect(persistence.saveMessage('c1', question)).resolves.toBeUndefined();
      await expect(persistence.setVersionChoices('c1', { root: 'm1' })).resolves.toBeUndefined();
      await expect(persistence.setSystemPrompt('c1', 'Be brief.')).resolves.toBeUndefined();

      expect(problems().map(([problem]) => problem)).toEqual(['quota', 'quota', 'quota', 'quota']);
      // A message is saved inside a transaction, where Dexie wraps the error as `inner`.
      for (const [, reported] of problems()) {
        expect([reported, (reported as { inner?: unknown }).inner]).toContain(error);
      }
    });

    it('reports Dexie’s wrapping of a quota error as “quota”', async () => {
      const { store, problems, persistence } = setup();
      const error = new Dexie.AbortError('Transaction aborted', quotaError());
      vi.spyOn(store.db.messages, 'put').mockRejectedValue(error);

      await persistence.saveMessage('c1', question);
      expect(problems()).toEqual([['quota', error]]);
    });

    it('reports any other failure as “failed” and resolves', async () => {
      const { store, problems, persistence } = setup();
      const error = new PlatformDOMException('Database closed', 'InvalidStateError');
      vi.spyOn(store.db.messages, 'put').mockRejectedValue(error);
      vi.spyOn(store.db.conversations, 'put').mockRejectedValue(new Error('boom'));

      await expect(persistence.saveMessage('c1', question)).resolves.toBeUndefined();
      await expect(persistence.createConversation('c1', create)).resolves.toBeUndefined();
      expect(problems().map(([problem]) => problem)).toEqual(['failed', 'failed']);
      const reported = problems()[0]?.[1] as { inner?: unknown };
      expect([reported, reported.inner]).toContain(error);
    });

    it('reports a failed “updated” mark after a saved message', async () => {
      const { store, problems, persistence } = setup();
      await persistence.createConversation('c1', create);
      vi.spyOn(store.db.conversations, 'update').mockRejectedValue(quotaError());

      await persistence.saveMessage('c1', question);
      expect((await store.load('c1'))?.messages).toEqual([question]);
      expect(problems()).toEqual([['quota', expect.anything()]]);
    });

    it('issue 10: writes a failed message once writes succeed again, and reports “saved”', async () => {
      const { store, problems, onStatus, persistence } = setup();
      await persistence.createConversation('c1', create);
      vi.spyOn(store.db.messages, 'put').mockRejectedValueOnce(quotaError());

      await persistence.saveMessage('c1', question);
      expect(problems()).toEqual([['quota', expect.anything()]]);
      expect(onStatus).toHaveBeenLastCalledWith(expect.objectContaining({ unsaved: 1 }));
      expect((await store.load('c1'))?.messages).toEqual([]);

      await persistence.saveMessage('c1', reply);
      expect((await store.load('c1'))?.messages).toEqual([question, reply]);
      expect(onStatus).toHaveBeenLastCalledWith({ kind: 'saved' });
    });

    it('tries waiting writes again on its timer, with no new write needed', async () => {
      const store = freshStore();
      const onStatus = vi.fn<(status: SaveStatus) => void>();
      const timers: (() => void)[] = [];
      const persistence = browserPersistence(store, onStatus, {
        setTimer: (callback) => timers.push(callback),
      });
      vi.spyOn(store.db.messages, 'put').mockRejectedValueOnce(quotaError());
      await persistence.saveMessage('c1', question);
      expect(timers).toHaveLength(1);

      timers[0]?.();
      await vi.waitFor(() => expect(onStatus).toHaveBeenLastCalledWith({ kind: 'saved' }));
      expect(await store.db.messages.get('m1')).toMatchObject({ content: 'Is 91 prime?' });
    });
  });
});

describe('stream locks', () => {
  afterEach(() => sessionStorage.clear());

  it('issue 10: without the Web Locks API, only this tab’s earlier page’s reply counts as gone', async () => {
    expect(navigator.locks).toBeUndefined();
    // The page before a reload was streaming m9; its record outlived it in session storage.
    sessionStorage.setItem('ruminate.streaming', JSON.stringify(['m9']));
    const { persistence } = setup();
    await expect(persistence.isStreamLockHeld('m9')).resolves.toBe(false);

    const release = await persistence.holdStreamLock('m2');
    await expect(persistence.isStreamLockHeld('m2')).resolves.toBe(true);
    release();
    // Another tab's reply, or one that ended: it cannot be told apart, so it is never marked.
    await expect(persistence.isStreamLockHeld('m2')).resolves.toBe(true);
    await expect(persistence.isStreamLockHeld('m3')).resolves.toBe(true);
    expect(JSON.parse(sessionStorage.getItem('ruminate.streaming') ?? '')).toEqual(['m9']);
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
