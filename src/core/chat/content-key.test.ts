import { describe, expect, it } from 'vitest';
import { createAssistantMessage } from '../stream/assistant-message';
import type { ChatMessage } from './chat-message';
import { contentKey } from './content-key';

const user = (id: string, content: string): ChatMessage => ({
  id,
  parentId: null,
  createdAt: 1,
  role: 'user',
  content,
});
const reply = (id: string, answer: string, reasoning = ''): ChatMessage => ({
  id,
  parentId: 'q',
  createdAt: 2,
  role: 'assistant',
  model: 'm',
  providerName: 'p',
  state: { ...createAssistantMessage(), answer, reasoning },
});

describe('contentKey', () => {
  it('is equal for the same words under other ids, in any order, with or without reasoning', () => {
    const one = contentKey([user('q', 'Is 7 prime?'), reply('a', 'Yes.', 'thinking')]);
    const two = contentKey([reply('x2', 'Yes.'), user('x1', 'Is 7 prime?')]);
    expect(one).toBe(two);
  });

  it('differs when a word, a role or a version differs', () => {
    const base = contentKey([user('q', 'Is 7 prime?'), reply('a', 'Yes.')]);
    expect(contentKey([user('q', 'Is 7 prime?'), reply('a', 'No.')])).not.toBe(base);
    expect(contentKey([user('q', 'Is 7 prime?'), user('a', 'Yes.')])).not.toBe(base);
    expect(contentKey([user('q', 'Is 7 prime?'), reply('a', 'Yes.'), reply('b', 'Yes.')])).not.toBe(
      base,
    );
  });

  it('cannot be fooled by text holding the separator', () => {
    expect(contentKey([user('q', 'a\nb')])).not.toBe(contentKey([user('q', 'a'), user('r', 'b')]));
  });
});
