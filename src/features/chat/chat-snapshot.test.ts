import { describe, expect, it } from 'vitest';
import type { AssistantMessage, ChatMessage } from '../../core/chat/chat-message';
import { createAssistantMessage } from '../../core/stream/assistant-message';
import { chatSnapshot, isSameStructure } from './chat-snapshot';

const question: ChatMessage = {
  id: 'q',
  parentId: null,
  createdAt: 0,
  role: 'user',
  content: 'Is 91 prime?',
};

function reply(state: Partial<AssistantMessage['state']>, id = 'r'): AssistantMessage {
  return {
    id,
    parentId: 'q',
    createdAt: 1,
    role: 'assistant',
    model: 'm',
    providerName: 'p',
    state: { ...createAssistantMessage(), ...state },
  };
}

const snapshot = (all: ChatMessage[], isStreaming = true) =>
  chatSnapshot({ conversationId: 'c', all, choices: {}, isStreaming, systemPrompt: '' });

describe('isSameStructure', () => {
  it('is the same structure while only the streaming reply’s text grows', () => {
    const before = snapshot([question, reply({ status: 'answering', answer: 'No' })]);
    const after = snapshot([question, reply({ status: 'answering', answer: 'No: 7 × 13.' })]);
    expect(isSameStructure(before, after)).toBe(true);
  });

  it('is a new structure for a new status, message, version, or streaming flag', () => {
    const before = snapshot([question, reply({ status: 'answering', answer: 'No' })]);
    expect(isSameStructure(before, snapshot([question, reply({ status: 'done' })]))).toBe(false);
    expect(isSameStructure(before, snapshot([question]))).toBe(false);
    const versions = snapshot([
      question,
      reply({ status: 'answering', answer: 'No' }),
      { ...reply({ status: 'answering' }, 'r2'), createdAt: 2 },
    ]);
    expect(isSameStructure(before, versions)).toBe(false);
    const stopped = snapshot([question, reply({ status: 'answering', answer: 'No' })], false);
    expect(isSameStructure(before, stopped)).toBe(false);
  });

  it('is a new structure when a question’s object changes', () => {
    const before = snapshot([question]);
    expect(isSameStructure(before, snapshot([{ ...question }]))).toBe(false);
  });
});
