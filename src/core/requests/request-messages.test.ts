import { describe, expect, it } from 'vitest';
import type { ChatMessage } from '../chat/chat-message';
import { createAssistantMessage } from '../stream/assistant-message';
import { buildRequestMessages } from './request-messages';

function user(content: string): ChatMessage {
  return { id: content, parentId: null, role: 'user', content, createdAt: 0 };
}

function assistant(answer: string, reasoning = 'thinking'): ChatMessage {
  return {
    id: answer,
    parentId: null,
    createdAt: 0,
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
    const target = { family: 'generic' as const, model: 'm' };
    expect(buildRequestMessages([user('q')], { ...target, systemPrompt: 'Be brief.' })[0]).toEqual({
      role: 'system',
      content: 'Be brief.',
    });
    expect(buildRequestMessages([user('q')], { ...target, systemPrompt: '  ' })).toEqual([
      { role: 'user', content: 'q' },
    ]);
  });

  it('leaves out a turn that produced no answer, keeping roles alternating', () => {
    const request = buildRequestMessages([user('q1'), assistant('', 'only thoughts'), user('q2')]);
    expect(request).toEqual([{ role: 'user', content: 'q2' }]);
  });

  it('sends the last reply with an answer when a question was retried', () => {
    const request = buildRequestMessages([user('q1'), assistant(''), assistant('a1'), user('q2')]);
    expect(request.map((m) => m.content)).toEqual(['q1', 'a1', 'q2']);
  });

  it('follows the history rules: DeepSeek tool turns carry reasoning_content, R1 never does', () => {
    const toolTurn = assistant('calling a tool', 'I need the weather');
    if (toolTurn.role === 'assistant') toolTurn.state.finishReason = 'tool_calls';
    const conversation = [user('q1'), toolTurn, user('q2')];
    const v4 = buildRequestMessages(conversation, { family: 'deepseek', model: 'deepseek-v4-pro' });
    expect(v4[1]).toEqual({
      role: 'assistant',
      content: 'calling a tool',
      reasoning_content: 'I need the weather',
    });
    const r1 = buildRequestMessages(conversation, {
      family: 'deepseek',
      model: 'deepseek-reasoner',
    });
    expect(r1[1]).toEqual({ role: 'assistant', content: 'calling a tool' });
    const plain = buildRequestMessages([user('q1'), assistant('a1'), user('q2')], {
      family: 'deepseek',
      model: 'deepseek-v4-pro',
    });
    expect(plain[1]).not.toHaveProperty('reasoning_content');
  });

  it('sends no empty reasoning_content for a tool turn that had no reasoning', () => {
    const toolTurn = assistant('calling a tool', '');
    if (toolTurn.role === 'assistant') toolTurn.state.finishReason = 'tool_calls';
    const request = buildRequestMessages([user('q1'), toolTurn, user('q2')], {
      family: 'deepseek',
      model: 'deepseek-v4-pro',
    });
    expect(request[1]).toStrictEqual({ role: 'assistant', content: 'calling a tool' });
  });
});
