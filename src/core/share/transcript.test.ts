import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import type { AssistantMessage, ChatMessage, UserMessage } from '../chat/chat-message';
import { createAssistantMessage } from '../stream/assistant-message';
import {
  describeIssues,
  MAX_EPOCH_MS,
  sharedTranscriptSchema,
  toSharedTranscript,
  turnOf,
} from './transcript';

function user(id: string, parentId: string | null = null): UserMessage {
  return { id, parentId, createdAt: 0, role: 'user', content: `question ${id}` };
}

function reply(id: string, parentId: string): AssistantMessage {
  return {
    id,
    parentId,
    createdAt: 0,
    role: 'assistant',
    model: 'deepseek-reasoner',
    providerName: 'DeepSeek',
    state: {
      ...createAssistantMessage(),
      reasoning: `thoughts ${id}`,
      answer: `answer ${id}`,
      status: 'done',
      finishReason: 'stop',
      usage: { promptTokens: 3, completionTokens: 9 },
      // `firstTokenAt` is not part of the v1 transcript: it must be left out, not break the schema.
      timing: {
        requestSentAt: 1,
        firstTokenAt: 2,
        firstReasoningAt: 2,
        firstAnswerAt: 3,
        endedAt: 4,
      },
      malformedChunks: 2,
      sawDone: true,
    },
    request: {
      url: 'https://secret.example/v1/chat/completions',
      headers: { Authorization: 'Bearer sk-…' },
      body: { model: 'deepseek-reasoner' },
    },
  };
}

const conversation: ChatMessage[] = [
  user('u1'),
  reply('a1', 'u1'),
  user('u2', 'a1'),
  reply('a2', 'u2'),
];

describe('toSharedTranscript', () => {
  it('keeps words, end state, timing, usage and model, and nothing about the request', () => {
    const transcript = toSharedTranscript('Title', conversation, { includeReasoning: true });
    expect(transcript.messages[1]).toEqual({
      role: 'assistant',
      reasoning: 'thoughts a1',
      answer: 'answer a1',
      status: 'done',
      finishReason: 'stop',
      timing: { requestSentAt: 1, firstReasoningAt: 2, firstAnswerAt: 3, endedAt: 4 },
      usage: { promptTokens: 3, completionTokens: 9 },
      model: 'deepseek-reasoner',
    });
    expect(transcript.messages[0]).toEqual({ role: 'user', content: 'question u1' });
    expect(JSON.stringify(transcript)).not.toMatch(/secret|sk-|Bearer|DeepSeek|"id"/);
    expect(v.is(sharedTranscriptSchema, transcript)).toBe(true);
  });

  it('empties reasoning when it is not included', () => {
    const transcript = toSharedTranscript('t', conversation, { includeReasoning: false });
    const replies = transcript.messages.filter((m) => m.role === 'assistant');
    expect(replies.map((m) => m.reasoning)).toEqual(['', '']);
    expect(JSON.stringify(transcript)).not.toContain('thoughts');
  });

  it('keeps messages up to and including upToMessageId, and none for an unknown id', () => {
    const upTo = toSharedTranscript('t', conversation, {
      includeReasoning: true,
      upToMessageId: 'a1',
    });
    expect(upTo.messages).toHaveLength(2);
    const unknown = toSharedTranscript('t', conversation, {
      includeReasoning: true,
      upToMessageId: 'x',
    });
    expect(unknown.messages).toEqual([]);
  });

  it('keeps an error and a still-streaming status as they were', () => {
    const failed = reply('a3', 'u2');
    failed.state = {
      ...createAssistantMessage(),
      status: 'error',
      error: { kind: 'http', message: 'Unauthorized', status: 401 },
    };
    const streaming = reply('a4', 'u2');
    streaming.state = { ...streaming.state, status: 'reasoning', timing: {} };
    const { messages } = toSharedTranscript('t', [failed, streaming], { includeReasoning: true });
    expect(messages[0]).toEqual({
      role: 'assistant',
      reasoning: '',
      answer: '',
      status: 'error',
      model: 'deepseek-reasoner',
      error: { kind: 'http', message: 'Unauthorized', status: 401 },
    });
    expect(messages[1]).toMatchObject({ status: 'reasoning' });
    expect(messages[1]).not.toHaveProperty('timing');
  });

  it('cuts a long title to 500 chars without splitting an emoji', () => {
    const title = `${'x'.repeat(499)}😀 more`;
    const transcript = toSharedTranscript(title, [], { includeReasoning: true });
    expect(transcript.title).toBe('x'.repeat(499));
    expect(v.is(sharedTranscriptSchema, transcript)).toBe(true);
  });
});

describe('sharedTranscriptSchema bounds (issue 10)', () => {
  const base = { role: 'assistant', reasoning: '', answer: 'A', status: 'done' } as const;
  const accepts = (fields: object) =>
    v.is(sharedTranscriptSchema, { title: 't', messages: [{ ...base, ...fields }] });

  it('token counts are whole numbers from 0', () => {
    expect(accepts({ usage: { promptTokens: 0, completionTokens: 2 ** 53 - 1 } })).toBe(true);
    expect(accepts({ usage: { completionTokens: 1.5 } })).toBe(false);
    expect(accepts({ usage: { reasoningTokens: -1 } })).toBe(false);
    expect(accepts({ usage: { totalTokens: 2 ** 53 } })).toBe(false);
    expect(accepts({ usage: { totalTokens: Infinity } })).toBe(false);
  });

  it('timing is whole epoch ms from 0 to the year 2100', () => {
    expect(accepts({ timing: { requestSentAt: 0, endedAt: MAX_EPOCH_MS } })).toBe(true);
    expect(accepts({ timing: { endedAt: MAX_EPOCH_MS + 1 } })).toBe(false);
    expect(accepts({ timing: { firstAnswerAt: -5 } })).toBe(false);
    expect(accepts({ timing: { firstReasoningAt: 1_700_000_000_000.5 } })).toBe(false);
    expect(accepts({ timing: { endedAt: 1e300 } })).toBe(false);
  });

  it('an HTTP status is a whole number from 100 to 599', () => {
    const error = (status: number) => ({
      status: 'error',
      error: { kind: 'http', message: 'm', status },
    });
    expect(accepts(error(429))).toBe(true);
    expect(accepts(error(0))).toBe(false);
    expect(accepts(error(1e9))).toBe(false);
  });

  it('toSharedTranscript leaves out values the schema would refuse, so the result opens', () => {
    const odd = reply('a9', 'u1');
    odd.state = {
      ...odd.state,
      usage: { promptTokens: 3.5, completionTokens: 9 },
      timing: { requestSentAt: -1, endedAt: 4 },
    };
    const transcript = toSharedTranscript('t', [odd], { includeReasoning: true });
    expect(transcript.messages[0]).toMatchObject({
      usage: { completionTokens: 9 },
      timing: { endedAt: 4 },
    });
    expect(transcript.messages[0]).not.toHaveProperty('usage.promptTokens');
    expect(transcript.messages[0]).not.toHaveProperty('timing.requestSentAt');
    expect(v.is(sharedTranscriptSchema, transcript)).toBe(true);
  });
});

describe('turnOf', () => {
  it('returns the question and the given reply', () => {
    expect(turnOf(conversation, 'a2').map((m) => m.id)).toEqual(['u2', 'a2']);
  });

  it('finds the question of a regenerated reply through its parent', () => {
    const retry = reply('a1b', 'u1');
    expect(turnOf([...conversation, retry], 'a1b').map((m) => m.id)).toEqual(['u1', 'a1b']);
  });

  it('falls back to the nearest question before the reply, and to the reply alone', () => {
    const orphan = reply('a9', 'gone');
    expect(turnOf([user('u1'), orphan], 'a9').map((m) => m.id)).toEqual(['u1', 'a9']);
    expect(turnOf([orphan], 'a9').map((m) => m.id)).toEqual(['a9']);
  });

  it('returns nothing for an unknown id or a user message id', () => {
    expect(turnOf(conversation, 'nope')).toEqual([]);
    expect(turnOf(conversation, 'u1')).toEqual([]);
  });
});

describe('describeIssues', () => {
  it('says where the first problem is and what it is', () => {
    const result = v.safeParse(sharedTranscriptSchema, {
      title: 'x',
      messages: [{ role: 'robot' }],
    });
    expect(result.success).toBe(false);
    expect(describeIssues(result.issues ?? [])).toMatch(/^messages\.0\.role: /);
    expect(describeIssues([])).toBe('The content does not have the expected shape.');
  });
});
