import { describe, expect, it } from 'vitest';
import { createAssistantMessage } from '../stream/assistant-message';
import { buildRequestMessages, type ChatMessage } from './chat-message';

function user(content: string): ChatMessage {
  return { id: content, role: 'user', content, createdAt: 0 };
}

function assistant(answer: string, reasoning = 'thinking'): ChatMessage {
  return {
    id: answer,
    role: 'assistant',
    model: 'm',
    providerName: 'p',
    state: { ...createAssistantMessage(), reasoning, answer, status: 'done' },
  };
}

describe('buildRequestMessages', () => {
  it('sends earlier answers without their reasoning', () => {
    const request = buildRequestMessages([user('q1'), assistant('a1'), user('q2')]);
    expect(request).toEqual([
      { role: 'user', content: 'q1' },
      { role: 'assistant', content: 'a1' },
      { role: 'user', content: 'q2' },
    ]);
  });

  it('puts a non-blank system prompt first and skips a blank one', () => {
    expect(buildRequestMessages([user('q')], 'Be brief.')[0]).toEqual({
      role: 'system',
      content: 'Be brief.',
    });
    expect(buildRequestMessages([user('q')], '  ')).toEqual([{ role: 'user', content: 'q' }]);
  });

  it('leaves out a turn that produced no answer, keeping roles alternating', () => {
    const request = buildRequestMessages([user('q1'), assistant('', 'only thoughts'), user('q2')]);
    expect(request).toEqual([{ role: 'user', content: 'q2' }]);
  });
});
