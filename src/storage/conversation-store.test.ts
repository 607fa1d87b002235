import Dexie from 'dexie';
import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { AssistantMessage, ChatMessage, UserMessage } from '../core/chat/chat-message';
import { createAssistantMessage } from '../core/stream/assistant-message';
import { RuminateDb, openRuminateDb, type ConversationRecord } from './conversation-db';
import { ConversationStore, titleFrom, type SavedConversation } from './conversation-store';
import { isQuotaError } from './quota-error';

let dbCount = 0;
const opened: RuminateDb[] = [];

/** A fresh database on fake-indexeddb, with a name no other test uses. */
function freshDb(name = `store-test-${(dbCount += 1)}-${Math.random().toString(36).slice(2)}`) {
  const db = new RuminateDb(name, { indexedDB, IDBKeyRange });
  opened.push(db);
  return db;
}

afterEach(() => {
  for (const db of opened.splice(0)) db.close();
  vi.unstubAllGlobals();
});

/**
 * Runs `body` as in a browser that has IndexedDB. jsdom has none, and Dexie reads the global
 * `indexedDB` once, when it loads, into `Dexie.dependencies`; `liveQuery` does nothing at all
 * while that is empty, whatever database the query reads.
 */
async function withGlobalIndexedDb(body: () => Promise<void>): Promise<void> {
  const saved = { ...Dexie.dependencies };
  Dexie.dependencies.indexedDB = indexedDB;
  Dexie.dependencies.IDBKeyRange = IDBKeyRange;
  try {
    await body();
  } finally {
    Object.assign(Dexie.dependencies, saved);
  }
}

/**
 * The DOMException class of the platform (Node's here), which, like every browser's (WebIDL makes
 * `DOMException.prototype` inherit from `Error.prototype`), is an `Error`. jsdom replaces the
 * global `DOMException` with one that is not, so `new DOMException(…)` in a jsdom test is not what
 * IndexedDB throws in a browser.
 */
const PlatformDOMException: typeof DOMException = (() => {
  try {
    structuredClone(() => undefined);
  } catch (error) {
    return (error as object).constructor as typeof DOMException;
  }
  throw new Error('structuredClone accepted a function');
})();

function conversation(
  id: string,
  updatedAt: number,
  changes: Partial<ConversationRecord> = {},
): ConversationRecord {
  return {
    id,
    title: `Conversation ${id}`,
    createdAt: updatedAt,
    updatedAt,
    systemPrompt: '',
    versionChoices: {},
    ...changes,
  };
}

function question(id: string, content: string, parentId: string | null = null): UserMessage {
  return { id, parentId, createdAt: 1, role: 'user', content };
}

function reply(
  id: string,
  parentId: string,
  text: { answer?: string; reasoning?: string } = {},
): AssistantMessage {
  return {
    id,
    parentId,
    createdAt: 2,
    role: 'assistant',
    model: 'thinker-1',
    providerName: 'Test provider',
    state: {
      ...createAssistantMessage(),
      status: 'done',
      answer: text.answer ?? '',
      reasoning: text.reasoning ?? '',
    },
  };
}

const byId = (a: ChatMessage, b: ChatMessage) => (a.id < b.id ? -1 : 1);

describe('ConversationStore', () => {
  it('creates and loads a conversation with its messages', async () => {
    const store = new ConversationStore(freshDb());
    await store.create(conversation('c1', 100));
    await store.saveMessage('c1', question('m1', 'Is 91 prime?'));
    await store.saveMessage('c1', reply('m2', 'm1', { answer: 'No.' }));

    const saved = await store.load('c1');
    expect(saved?.record).toEqual(conversation('c1', 100));
    expect(saved?.messages.sort(byId)).toEqual([
      question('m1', 'Is 91 prime?'),
      reply('m2', 'm1', { answer: 'No.' }),
    ]);
    // The storage-only fields do not leak into the messages.
    for (const message of saved?.messages ?? []) {
      expect(message).not.toHaveProperty('conversationId');
      expect(message).not.toHaveProperty('updatedAt');
    }
  });

  it('loads undefined for an unknown id', async () => {
    const store = new ConversationStore(freshDb());
    await expect(store.load('nope')).resolves.toBeUndefined();
  });

  it('keeps each conversation’s messages apart', async () => {
    const store = new ConversationStore(freshDb());
    await store.create(conversation('c1', 100));
    await store.create(conversation('c2', 200));
    await store.saveMessage('c1', question('m1', 'first'));
    await store.saveMessage('c2', question('m2', 'second'));
    expect((await store.load('c1'))?.messages).toEqual([question('m1', 'first')]);
    expect((await store.load('c2'))?.messages).toEqual([question('m2', 'second')]);
  });

  it('lists conversations most recently updated first', async () => {
    const store = new ConversationStore(freshDb());
    await store.create(conversation('old', 100));
    await store.create(conversation('newest', 300));
    await store.create(conversation('middle', 200));
    expect((await store.list()).map((c) => c.id)).toEqual(['newest', 'middle', 'old']);

    await store.update('old', { updatedAt: 400 });
    expect((await store.list()).map((c) => c.id)).toEqual(['old', 'newest', 'middle']);
  });

  it('update changes the given fields and marks the conversation updated now', async () => {
    const store = new ConversationStore(freshDb());
    await store.create(conversation('c1', 100));
    const before = Date.now();
    await store.update('c1', { systemPrompt: 'Be brief.' });
    const record = (await store.load('c1'))?.record;
    expect(record?.systemPrompt).toBe('Be brief.');
    expect(record?.updatedAt).toBeGreaterThanOrEqual(before);
    expect(record?.createdAt).toBe(100);
  });

  it('saveMessage inserts, then replaces a message with the same id', async () => {
    const store = new ConversationStore(freshDb());
    await store.create(conversation('c1', 100));
    await store.saveMessage('c1', reply('m2', 'm1', { answer: 'N' }));
    await store.saveMessage('c1', { ...reply('m2', 'm1', { answer: 'No.' }), revision: 2 });

    const messages = (await store.load('c1'))?.messages;
    expect(messages).toHaveLength(1);
    expect(messages?.[0]).toMatchObject({ id: 'm2', revision: 2, state: { answer: 'No.' } });
  });

  it('saveMessage keeps a saved copy with a higher revision', async () => {
    const store = new ConversationStore(freshDb());
    await store.saveMessage('c1', { ...reply('m2', 'm1', { answer: 'Newer' }), revision: 3 });
    await store.saveMessage('c1', { ...reply('m2', 'm1', { answer: 'Stale' }), revision: 2 });
    expect((await store.load('c1'))?.messages ?? []).toEqual([]);
    const saved = await store.db.messages.get('m2');
    expect(saved).toMatchObject({ revision: 3, state: { answer: 'Newer' } });
  });

  it('issue 10: a late “interrupted” write at an equal revision does not overwrite a finished reply', async () => {
    const store = new ConversationStore(freshDb());
    const done = { ...reply('m2', 'm1', { answer: 'The whole answer.' }), revision: 4 };
    await store.saveMessage('c1', done);
    const interrupted: AssistantMessage = {
      ...done,
      state: { ...done.state, status: 'interrupted', answer: 'The whole' },
    };
    await store.saveMessage('c1', interrupted);
    expect(await store.db.messages.get('m2')).toMatchObject({
      revision: 4,
      state: { status: 'done', answer: 'The whole answer.' },
    });
  });

  it('rename sets the title and marks it edited; a blank name becomes “Untitled”', async () => {
    const store = new ConversationStore(freshDb());
    await store.create(conversation('c1', 100));
    await store.rename('c1', '  Primes  ');
    expect((await store.load('c1'))?.record).toMatchObject({
      title: 'Primes',
      isTitleEdited: true,
    });
    await store.rename('c1', '   ');
    expect((await store.load('c1'))?.record.title).toBe('Untitled');
  });

  it('setVersionChoices saves the choices', async () => {
    const store = new ConversationStore(freshDb());
    await store.create(conversation('c1', 100));
    await store.setVersionChoices('c1', { root: 'm1', m1: 'm3' });
    expect((await store.load('c1'))?.record.versionChoices).toEqual({ root: 'm1', m1: 'm3' });
  });

  it('delete returns everything and removes the conversation and its messages', async () => {
    const db = freshDb();
    const store = new ConversationStore(db);
    await store.create(conversation('c1', 100));
    await store.create(conversation('c2', 200));
    await store.saveMessage('c1', question('m1', 'Is 91 prime?'));
    await store.saveMessage('c1', reply('m2', 'm1', { answer: 'No.' }));
    await store.saveMessage('c2', question('m3', 'Other'));
    const before = await store.load('c1');

    const deleted = await store.delete('c1');

    expect(deleted).toEqual(before);
    expect(deleted?.messages).toHaveLength(2);
    await expect(store.load('c1')).resolves.toBeUndefined();
    expect(await db.messages.where('conversationId').equals('c1').count()).toBe(0);
    expect((await store.list()).map((c) => c.id)).toEqual(['c2']);
    expect((await store.load('c2'))?.messages).toHaveLength(1);
  });

  it('delete of an unknown id returns undefined', async () => {
    const store = new ConversationStore(freshDb());
    await expect(store.delete('nope')).resolves.toBeUndefined();
  });

  it('restore brings back an equal conversation', async () => {
    const store = new ConversationStore(freshDb());
    await store.create(conversation('c1', 100, { title: 'Primes', isTitleEdited: true }));
    await store.setVersionChoices('c1', { root: 'm1' });
    await store.saveMessage('c1', question('m1', 'Is 91 prime?'));
    await store.saveMessage('c1', { ...reply('m2', 'm1', { answer: 'No.' }), revision: 3 });

    const deleted = (await store.delete('c1')) as SavedConversation;
    await store.restore(deleted);

    const restored = await store.load('c1');
    expect(restored?.record).toEqual(deleted.record);
    expect(restored?.messages.sort(byId)).toEqual([...deleted.messages].sort(byId));
    expect((await store.list()).map((c) => c.id)).toEqual(['c1']);
  });

  describe('search', () => {
    async function searchStore() {
      const store = new ConversationStore(freshDb());
      await store.create(conversation('answer', 100, { title: 'First' }));
      await store.saveMessage('answer', question('a1', 'Tell me a number'));
      await store.saveMessage('answer', reply('a2', 'a1', { answer: 'Seventeen is Prime.' }));

      await store.create(conversation('reasoning', 200, { title: 'Second' }));
      await store.saveMessage('reasoning', question('r1', 'Tell me a number'));
      await store.saveMessage(
        'reasoning',
        reply('r2', 'r1', { reasoning: 'Maybe a Fibonacci one.', answer: 'Eight.' }),
      );

      await store.create(conversation('title', 300, { title: 'Notes on Zebras' }));
      await store.saveMessage('title', question('t1', 'Hello'));

      await store.create(conversation('question', 400, { title: 'Fourth' }));
      await store.saveMessage('question', question('q1', 'What is a quokka?'));
      return store;
    }

    const ids = (records: ConversationRecord[]) => records.map((c) => c.id);

    it('finds a word that is only in an answer', async () => {
      const store = await searchStore();
      expect(ids(await store.search('seventeen'))).toEqual(['answer']);
    });

    it('finds a word that is only in the reasoning', async () => {
      const store = await searchStore();
      expect(ids(await store.search('fibonacci'))).toEqual(['reasoning']);
    });

    it('finds a word that is only in the title', async () => {
      const store = await searchStore();
      expect(ids(await store.search('zebras'))).toEqual(['title']);
    });

    it('finds a word that is only in a question', async () => {
      const store = await searchStore();
      expect(ids(await store.search('quokka'))).toEqual(['question']);
    });

    it('ignores case in the query and in the text', async () => {
      const store = await searchStore();
      expect(ids(await store.search('PRIME'))).toEqual(['answer']);
      expect(ids(await store.search('zEbRaS'))).toEqual(['title']);
    });

    it('requires every word, possibly from different places', async () => {
      const store = await searchStore();
      expect(ids(await store.search('seventeen fibonacci'))).toEqual([]);
      expect(ids(await store.search('  fibonacci   eight '))).toEqual(['reasoning']);
      expect(ids(await store.search('second fibonacci'))).toEqual(['reasoning']);
      // Most recently updated first when several match.
      expect(ids(await store.search('number'))).toEqual(['reasoning', 'answer']);
    });

    it('lists everything, newest first, for an empty or blank query', async () => {
      const store = await searchStore();
      const all = ['question', 'title', 'reasoning', 'answer'];
      expect(ids(await store.search(''))).toEqual(all);
      expect(ids(await store.search('   '))).toEqual(all);
    });
  });

  it('watch calls back when another store on the same database changes the conversation', () =>
    withGlobalIndexedDb(async () => {
      const name = `store-watch-${Math.random().toString(36).slice(2)}`;
      const here = new ConversationStore(freshDb(name));
      const there = new ConversationStore(freshDb(name)); // another tab
      await here.create(conversation('c1', 100));

      const onChange = vi.fn<(saved: SavedConversation | undefined) => void>();
      const stop = here.watch('c1', onChange);
      try {
        await vi.waitFor(() => expect(onChange).toHaveBeenCalled());
        expect(onChange.mock.lastCall?.[0]?.messages).toEqual([]);

        await there.saveMessage('c1', question('m1', 'From the other tab'));
        await vi.waitFor(() =>
          expect(onChange.mock.lastCall?.[0]?.messages).toEqual([
            question('m1', 'From the other tab'),
          ]),
        );

        await there.rename('c1', 'Renamed elsewhere');
        await vi.waitFor(() =>
          expect(onChange.mock.lastCall?.[0]?.record.title).toBe('Renamed elsewhere'),
        );

        await there.delete('c1');
        await vi.waitFor(() => expect(onChange.mock.lastCall?.[0]).toBeUndefined());
      } finally {
        stop();
      }

      // Stopped: later changes are not reported.
      const calls = onChange.mock.calls.length;
      await there.create(conversation('c1', 500));
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(onChange).toHaveBeenCalledTimes(calls);
    }));
});

describe('titleFrom', () => {
  it('takes the first line, trimmed', () => {
    expect(titleFrom('  Is 91 prime?  \nI think it is.')).toBe('Is 91 prime?');
    expect(titleFrom('\n\n  Second line first\nmore')).toBe('Second line first');
  });

  it('keeps a first line of up to 60 characters whole', () => {
    const line = 'x'.repeat(60);
    expect(titleFrom(line)).toBe(line);
  });

  it('cuts a long first line at a word boundary and adds …', () => {
    const line = 'The quick brown fox jumps over the lazy dog and keeps on running far away';
    const title = titleFrom(line);
    expect(title).toBe('The quick brown fox jumps over the lazy dog and keeps on…');
    expect(title.length).toBeLessThanOrEqual(61);
    expect(line.startsWith(title.slice(0, -1))).toBe(true);
    expect(line[title.length - 1]).toBe(' ');
  });

  it('cuts mid-word when there is no space late enough', () => {
    expect(titleFrom('a'.repeat(100))).toBe(`${'a'.repeat(60)}…`);
    expect(titleFrom(`short ${'b'.repeat(100)}`)).toBe(`short ${'b'.repeat(54)}…`);
  });

  it('is “New conversation” for blank text', () => {
    expect(titleFrom('')).toBe('New conversation');
    expect(titleFrom('  \n\t \n ')).toBe('New conversation');
  });
});

describe('openRuminateDb', () => {
  // The fallback installs the in-memory IndexedDB as Dexie's module-wide dependency; each test
  // starts from the browser as the file found it.
  const before = { ...Dexie.dependencies };
  afterEach(() => {
    Object.assign(Dexie.dependencies, before);
  });

  it('falls back to an in-memory database, with a problem sentence, when IndexedDB is missing', async () => {
    // jsdom has no IndexedDB, and Dexie reads the global once when it loads, so `Dexie.dependencies`
    // is empty here; the stub only makes the simulated browser explicit.
    vi.stubGlobal('indexedDB', undefined);
    expect(Dexie.dependencies.indexedDB).toBeFalsy();

    const result = await openRuminateDb(`fallback-${Math.random().toString(36).slice(2)}`);
    opened.push(result.db);

    expect(result.isPersistent).toBe(false);
    expect(result.problem).toMatch(/^This browser won’t let Ruminate save conversations \(.+\)\./);
    expect(result.problem).toContain('IndexedDB API missing');
    expect(result.problem).toContain('lost when you close the tab');
    // The fallback works like the real thing.
    const store = new ConversationStore(result.db);
    await store.create(conversation('c1', 100));
    expect((await store.load('c1'))?.record.id).toBe('c1');
  });

  it('opens a persistent database when IndexedDB works', () =>
    withGlobalIndexedDb(async () => {
      const result = await openRuminateDb(`persistent-${Math.random().toString(36).slice(2)}`);
      opened.push(result.db);
      expect(result.isPersistent).toBe(true);
      expect(result.problem).toBeUndefined();
      expect(result.db.isOpen()).toBe(true);
    }));

  // Regression: liveQuery reads Dexie's module-wide dependencies, which the fallback must set.
  it('the in-memory fallback still reports changes through watch', async () => {
    const result = await openRuminateDb(`fallback-watch-${Math.random().toString(36).slice(2)}`);
    opened.push(result.db);
    expect(result.isPersistent).toBe(false);
    const store = new ConversationStore(result.db);
    await store.create(conversation('c1', 100));

    const onChange = vi.fn<(saved: SavedConversation | undefined) => void>();
    const stop = store.watch('c1', onChange);
    try {
      await vi.waitFor(() => expect(onChange).toHaveBeenCalled(), { timeout: 300 });
    } finally {
      stop();
    }
  });
});

describe('isQuotaError', () => {
  const quota = () =>
    new PlatformDOMException('The quota has been exceeded.', 'QuotaExceededError');

  it('recognises a DOMException named QuotaExceededError', () => {
    expect(isQuotaError(quota())).toBe(true);
  });

  it('recognises Dexie’s wrapped form, with the quota error as `inner`', () => {
    expect(isQuotaError({ name: 'AbortError', inner: quota() })).toBe(true);
    expect(isQuotaError(new Dexie.AbortError('Transaction aborted', quota()))).toBe(true);
  });

  it('recognises Dexie’s own QuotaExceededError', () => {
    expect(isQuotaError(new Dexie.QuotaExceededError('Full'))).toBe(true);
  });

  it('is false for other errors and non-errors', () => {
    expect(isQuotaError(new PlatformDOMException('Nope', 'InvalidStateError'))).toBe(false);
    expect(isQuotaError(new Error('QuotaExceededError'))).toBe(false);
    expect(isQuotaError({ inner: new Error('boom') })).toBe(false);
    expect(isQuotaError(undefined)).toBe(false);
    expect(isQuotaError(null)).toBe(false);
    expect(isQuotaError('QuotaExceededError')).toBe(false);
  });
});
