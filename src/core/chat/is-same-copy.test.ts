import { describe, expect, it } from 'vitest';
import { createAssistantMessage } from '../stream/assistant-message';
import type { AssistantMessage, ChatMessage, UserMessage } from './chat-message';
import { isSameCopy } from './is-same-copy';

const question: UserMessage = { id: 'q', parentId: null, createdAt: 1, role: 'user', content: 'x' };
const reply: AssistantMessage = {
  id: 'a',
  parentId: 'q',
  createdAt: 2,
  role: 'assistant',
  model: 'm',
  providerName: 'p',
  state: { ...createAssistantMessage(), answer: 'yes', reasoningArrivals: [0, 5] },
};

/** A message with one field set to any value, as storage might hand back a damaged record. */
function withField(message: ChatMessage, key: string, value: unknown): ChatMessage {
  return { ...message, [key]: value } as ChatMessage;
}

describe('isSameCopy', () => {
  it('is true for a structured clone, and for a missing field against one holding undefined', () => {
    expect(isSameCopy(reply, structuredClone(reply))).toBe(true);
    expect(isSameCopy(question, { ...question, revision: undefined })).toBe(true);
    expect(isSameCopy({ ...question, revision: undefined }, question)).toBe(true);
  });

  it('is false when a field only one copy has holds a value, on either side', () => {
    expect(isSameCopy(question, { ...question, revision: 1 })).toBe(false);
    expect(isSameCopy({ ...question, revision: 1 }, question)).toBe(false);
  });

  it('compares nested values: a different answer, arrival or array length', () => {
    const other = (state: Partial<AssistantMessage['state']>) => ({
      ...reply,
      state: { ...reply.state, ...state },
    });
    expect(isSameCopy(reply, other({ answer: 'no' }))).toBe(false);
    expect(isSameCopy(reply, other({ reasoningArrivals: [0, 6] }))).toBe(false);
    expect(
      isSameCopy(
        reply,
        other({
          reasoningArrivals: [0, 5, 1, 6],
        }),
      ),
    ).toBe(false);
  });

  it('tells null, objects, arrays and plain values apart', () => {
    const meta = (value: unknown) => withField(question, 'meta', value);
    expect(isSameCopy(meta(null), meta({}))).toBe(false);
    expect(isSameCopy(meta({}), meta(null))).toBe(false);
    expect(isSameCopy(meta(['a']), meta({ 0: 'a' }))).toBe(false);
    expect(isSameCopy(meta({ 0: 'a' }), meta(['a']))).toBe(false);
    expect(isSameCopy(meta('a'), meta({}))).toBe(false);
    expect(isSameCopy(meta(5), meta({}))).toBe(false);
    expect(isSameCopy(meta({}), meta(5))).toBe(false);
    expect(isSameCopy(meta({}), meta('a'))).toBe(false);
    expect(isSameCopy(meta([]), meta([]))).toBe(true);
    expect(isSameCopy(meta(Number.NaN), meta(Number.NaN))).toBe(true);
  });

  it('compares the reply state unless told to leave it out', () => {
    const otherState = { ...reply, state: { ...reply.state, answer: 'no' } };
    expect(isSameCopy(reply, otherState)).toBe(false);
    expect(isSameCopy(reply, otherState, true)).toBe(true);
    expect(isSameCopy(reply, { ...otherState, model: 'n' }, true)).toBe(false);
  });
});
