import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import type { AssistantMessage, ChatMessage, UserMessage } from '../chat/chat-message';
import { visiblePath } from '../chat/conversation-tree';
import { createAssistantMessage } from '../stream/assistant-message';
import {
  IMPORTED_PROVIDER_NAME,
  exportedConversationSchema,
  fromTranscript,
  toChatTree,
  toExportedConversation,
  type ExportedConversation,
} from './conversation-export';

const user = (id: string, parentId: string | null, createdAt: number): UserMessage => ({
  id,
  parentId,
  createdAt,
  role: 'user',
  content: `question ${id}`,
  revision: 3,
});
const reply = (id: string, parentId: string, createdAt: number): AssistantMessage => ({
  id,
  parentId,
  createdAt,
  role: 'assistant',
  model: 'deepseek-reasoner',
  providerName: 'DeepSeek',
  request: { url: 'https://secret.example/v1/chat', headers: {}, body: {} },
  isReasoningOpen: true,
  state: {
    ...createAssistantMessage(),
    status: 'done',
    reasoning: `thoughts ${id}`,
    answer: `answer ${id}`,
    timing: { requestSentAt: 1_700_000_000_000, endedAt: 1_700_000_001_000 },
    reasoningArrivals: [0, 1_700_000_000_100, 6, 1_700_000_000_900],
  },
});

// q1 ─ a1, a1b (two versions); q1 edited as q1b ─ a2 (two branches). Given newest first.
const messages: ChatMessage[] = [
  reply('a2', 'q1b', 50),
  user('q1b', null, 40),
  reply('a1b', 'q1', 30),
  reply('a1', 'q1', 20),
  user('q1', null, 10),
];
const conversation = {
  id: 'c1',
  title: 'Primes',
  systemPrompt: 'Be brief.',
  versionChoices: { root: 'q1', q1: 'a1', gone: 'a1', q1b: 'nope' },
  messages,
};

describe('toExportedConversation', () => {
  it('keeps every version and branch, oldest first, with ids, parents and valid choices', () => {
    const exported = toExportedConversation(conversation, { includeReasoning: true });
    expect(exported.id).toBe('c1');
    expect(exported.systemPrompt).toBe('Be brief.');
    expect(exported.messages.map((m) => [m.id, m.parentId])).toEqual([
      ['q1', null],
      ['a1', 'q1'],
      ['a1b', 'q1'],
      ['q1b', null],
      ['a2', 'q1b'],
    ]);
    expect(exported.versionChoices).toEqual({ root: 'q1', q1: 'a1' });
    expect(exported.messages[1]).toMatchObject({
      role: 'assistant',
      answer: 'answer a1',
      reasoning: 'thoughts a1',
      providerName: 'DeepSeek',
      model: 'deepseek-reasoner',
    });
    expect(JSON.stringify(exported)).not.toMatch(/secret\.example|revision|isReasoningOpen/);
    expect(v.is(exportedConversationSchema, exported)).toBe(true);
  });

  it('orders messages made in the same millisecond by id, whatever order they come in', () => {
    const tied = [reply('b', 'a', 10), user('a', null, 10), reply('c', 'a', 10)];
    for (const order of [tied, [...tied].reverse()]) {
      const exported = toExportedConversation(
        { ...conversation, versionChoices: {}, messages: order },
        { includeReasoning: true },
      );
      expect(exported.messages.map((m) => m.id)).toEqual(['a', 'b', 'c']);
    }
  });

  it('leaves reasoning out when asked', () => {
    const exported = toExportedConversation(conversation, { includeReasoning: false });
    expect(JSON.stringify(exported)).not.toContain('thoughts');
  });

  it('round-trips through toChatTree to the same visible path and versions', () => {
    const exported = toExportedConversation(conversation, { includeReasoning: true });
    const back = toChatTree(exported);
    const path = visiblePath(back.messages, back.versionChoices);
    expect(path.map((entry) => [entry.message.id, entry.versionIds])).toEqual([
      ['q1', ['q1', 'q1b']],
      ['a1', ['a1', 'a1b']],
    ]);
    const a1 = back.messages.find((m) => m.id === 'a1');
    expect(a1).toMatchObject({
      providerName: 'DeepSeek',
      state: {
        answer: 'answer a1',
        timing: { requestSentAt: 1_700_000_000_000, endedAt: 1_700_000_001_000 },
        // Step durations come from these arrival times, so they survive an export and import.
        reasoningArrivals: [0, 1_700_000_000_100, 6, 1_700_000_000_900],
      },
    });
  });

  it('toChatTree renames every id, parents and choices included', () => {
    const exported = toExportedConversation(conversation, { includeReasoning: true });
    const back = toChatTree(exported, (id) => `new-${id}`);
    expect(back.messages.map((m) => [m.id, m.parentId])).toContainEqual(['new-a1b', 'new-q1']);
    expect(back.versionChoices).toEqual({ root: 'new-q1', 'new-q1': 'new-a1' });
  });
});

describe('exportedConversationSchema', () => {
  const valid = toExportedConversation(conversation, { includeReasoning: true });
  const withMessages = (messages: ExportedConversation['messages']) => ({ ...valid, messages });

  it('refuses repeated ids, missing parents and loops', () => {
    const [q1, a1] = valid.messages;
    expect(v.is(exportedConversationSchema, withMessages([q1!, q1!]))).toBe(false);
    expect(v.is(exportedConversationSchema, withMessages([a1!]))).toBe(false);
    const loop = withMessages([
      { ...q1!, parentId: 'a1' },
      { ...a1!, parentId: 'q1' },
    ]);
    const result = v.safeParse(exportedConversationSchema, loop);
    expect(result.success).toBe(false);
    expect(result.issues?.[0]?.message).toMatch(/do not form one conversation/);
  });

  it('refuses an id named like the tree’s root key', () => {
    const [q1] = valid.messages;
    expect(v.is(exportedConversationSchema, withMessages([{ ...q1!, id: 'root' }]))).toBe(false);
  });
});

describe('fromTranscript', () => {
  it('reads a version 1 transcript as one chain, replies named as imported', () => {
    const tree = fromTranscript({
      title: 'T',
      messages: [
        { role: 'user', content: 'Q' },
        { role: 'assistant', reasoning: '', answer: 'A', status: 'done' },
      ],
    });
    expect(tree.messages.map((m) => [m.id, m.parentId])).toEqual([
      ['m1', null],
      ['m2', 'm1'],
    ]);
    expect(v.is(exportedConversationSchema, tree)).toBe(true);
    expect(tree.systemPrompt).toBe('');
    const [question, answer] = toChatTree(tree, (id) => `new-${id}`).messages;
    expect(question).toStrictEqual({
      id: 'new-m1',
      parentId: null,
      createdAt: 0,
      role: 'user',
      content: 'Q',
    });
    expect(answer).toMatchObject({
      id: 'new-m2',
      parentId: 'new-m1',
      role: 'assistant',
      model: '',
      providerName: IMPORTED_PROVIDER_NAME,
    });
  });
});
