import { describe, expect, it } from 'vitest';
import { createAssistantMessage, type MessageStatus } from '../stream/assistant-message';
import type { AssistantMessage, UserMessage } from './chat-message';
import { supersedes } from './supersedes';

const reply = (status: MessageStatus, revision?: number): AssistantMessage => ({
  id: 'a1',
  parentId: 'q1',
  createdAt: 1,
  role: 'assistant',
  model: 'm',
  providerName: 'p',
  revision,
  state: { ...createAssistantMessage(), status, answer: status },
});
const question = (content: string, revision?: number): UserMessage => ({
  id: 'q1',
  parentId: null,
  createdAt: 1,
  role: 'user',
  content,
  revision,
});

describe('supersedes', () => {
  it('the higher revision wins, whatever the statuses', () => {
    expect(supersedes(reply('answering', 3), reply('done', 2))).toBe(true);
    expect(supersedes(reply('done', 2), reply('answering', 3))).toBe(false);
    expect(supersedes(reply('interrupted', 5), reply('done', 4))).toBe(true);
  });

  it('a missing revision counts as 0', () => {
    expect(supersedes(question('a'), question('b', 1))).toBe(false);
    expect(supersedes(question('a', 1), question('b'))).toBe(true);
  });

  it('at equal revisions the incoming copy wins', () => {
    expect(supersedes(question('new', 2), question('old', 2))).toBe(true);
    expect(supersedes(reply('done', 2), reply('answering', 2))).toBe(true);
    expect(supersedes(reply('interrupted', 2), reply('answering', 2))).toBe(true);
    expect(supersedes(reply('stopped', 2), reply('done', 2))).toBe(true);
  });

  it('issue 10: a late “interrupted” at an equal revision never replaces a finished reply', () => {
    for (const settled of ['done', 'stopped', 'truncated', 'error'] as const) {
      expect(supersedes(reply('interrupted', 4), reply(settled, 4))).toBe(false);
      expect(supersedes(reply('answering', 4), reply(settled, 4))).toBe(false);
      expect(supersedes(reply('waiting', 4), reply(settled, 4))).toBe(false);
    }
  });
});
