import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ChatMessage } from '../core/chat/chat-message';
import { visiblePath } from '../core/chat/conversation-tree';
import { toExportedConversation, fromTranscript } from '../core/share/conversation-export';
import { createAssistantMessage } from '../core/stream/assistant-message';
import { RuminateDb } from '../storage/conversation-db';
import { ConversationStore, type SavedConversation } from '../storage/conversation-store';
import { planImport, saveImport } from './import-conversations';

const opened: RuminateDb[] = [];
function freshStore(): ConversationStore {
  const db = new RuminateDb(`import-test-${Math.random().toString(36).slice(2)}`, {
    indexedDB,
    IDBKeyRange,
  });
  opened.push(db);
  return new ConversationStore(db);
}
afterEach(() => {
  for (const db of opened.splice(0)) db.close();
  vi.restoreAllMocks();
});

const question = (id: string, parentId: string | null, at: number): ChatMessage => ({
  id,
  parentId,
  createdAt: at,
  role: 'user',
  content: `question ${id}`,
});
const reply = (id: string, parentId: string, at: number): ChatMessage => ({
  id,
  parentId,
  createdAt: at,
  role: 'assistant',
  model: 'deepseek-reasoner',
  providerName: 'DeepSeek',
  state: { ...createAssistantMessage(), status: 'done', answer: `answer ${id}` },
});

// Two versions of the reply to q1 and two branches at the first question.
const exported = toExportedConversation(
  {
    id: 'conv-1',
    title: 'Primes, kept whole',
    systemPrompt: 'Be brief.',
    versionChoices: { root: 'q1', q1: 'a1' },
    messages: [
      question('q1', null, 10),
      reply('a1', 'q1', 20),
      reply('a1b', 'q1', 30),
      question('q1b', null, 40),
      reply('a2', 'q1b', 50),
    ],
  },
  { includeReasoning: true },
);

describe('importing a version 2 export', () => {
  it('restores the tree, the choices, the title and the provider names under the same ids', async () => {
    const store = freshStore();
    const plan = await planImport(store, [exported], 1_000);
    expect(plan.duplicates).toEqual([]);
    const saved = await saveImport(store, plan.fresh);
    expect(saved).toEqual({ ok: true, ids: ['conv-1'] });

    const loaded = await store.load('conv-1');
    expect(loaded?.record).toMatchObject({
      title: 'Primes, kept whole',
      systemPrompt: 'Be brief.',
      versionChoices: { root: 'q1', q1: 'a1' },
    });
    const path = visiblePath(loaded?.messages ?? [], loaded?.record.versionChoices);
    expect(path.map((entry) => [entry.message.id, entry.versionIds.length])).toEqual([
      ['q1', 2],
      ['a1', 2],
    ]);
    expect(loaded?.messages.find((m) => m.id === 'a1')).toMatchObject({ providerName: 'DeepSeek' });
  });

  it('recognises a conversation it holds by id; keeping both saves a copy under fresh ids', async () => {
    const store = freshStore();
    await saveImport(store, (await planImport(store, [exported])).fresh);

    const again = await planImport(store, [exported]);
    expect(again.fresh).toEqual([]);
    expect(again.duplicates.map((d) => d.record.id)).toEqual(['conv-1']);

    const kept = await saveImport(store, again.duplicates);
    if (!kept.ok) throw new Error(kept.error);
    expect(kept.ids[0]).not.toBe('conv-1');
    const copy = await store.load(kept.ids[0]!);
    expect(copy?.messages).toHaveLength(5);
    expect(copy?.messages.map((m) => m.id)).not.toContain('q1');
    const path = visiblePath(copy?.messages ?? [], copy?.record.versionChoices);
    expect(path.map((entry) => entry.versionIds.length)).toEqual([2, 2]);
    expect(path[1]?.message.role === 'assistant' && path[1].message.state.answer).toBe('answer a1');
    expect((await store.load('conv-1'))?.messages).toHaveLength(5);
  });

  it('recognises a conversation it holds by content when the file has no ids (version 1)', async () => {
    const store = freshStore();
    const v1 = fromTranscript({
      title: 'Old file',
      messages: [
        { role: 'user', content: 'Is 7 prime?' },
        { role: 'assistant', reasoning: '', answer: 'Yes.', status: 'done' },
      ],
    });
    const first = await planImport(store, [v1]);
    expect(first.duplicates).toEqual([]);
    await saveImport(store, first.fresh);
    const second = await planImport(store, [v1]);
    expect(second.fresh).toEqual([]);
    expect(second.duplicates).toHaveLength(1);
  });
});

describe('saveImport', () => {
  it('issue 10: saves all or nothing, and says so', async () => {
    const store = freshStore();
    const good = (await planImport(store, [exported])).fresh[0]!;
    const broken: SavedConversation = {
      record: { ...good.record, id: 'conv-2' },
      // A function cannot be stored: IndexedDB refuses this message with a DataCloneError.
      messages: [{ ...good.messages[0]!, id: 'bad', content: () => 1 } as unknown as ChatMessage],
    };
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const result = await saveImport(store, [good, broken]);
    expect(result).toEqual({ ok: false, error: expect.stringMatching(/^Nothing was imported/) });
    expect(await store.list()).toEqual([]);
    expect(await store.db.messages.count()).toBe(0);
  });

  it('names a full disk in words', async () => {
    const store = freshStore();
    const good = (await planImport(store, [exported])).fresh[0]!;
    vi.spyOn(store, 'importConversations').mockRejectedValue(
      Object.assign(new Error('full'), { name: 'QuotaExceededError' }),
    );
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    expect(await saveImport(store, [good])).toEqual({
      ok: false,
      error: expect.stringMatching(/Nothing was imported: browser storage is full/),
    });
  });
});
