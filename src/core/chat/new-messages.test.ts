import { describe, expect, it } from 'vitest';
import { createAssistantMessage } from '../stream/assistant-message';
import { createId } from './create-id';
import { newQuestion, newReply } from './new-messages';

const NOW = Date.UTC(2026, 0, 15, 9, 0, 0);

describe('createId', () => {
  it('is the time in base 36, a counter that goes up by one, and four random digits', () => {
    const first = createId(NOW);
    const second = createId(NOW);
    const pattern = /^([0-9a-z]+)-([0-9a-z]+)-([0-9a-z]{4})$/;
    const [, time, count] = pattern.exec(first) ?? [];
    const [, time2, count2] = pattern.exec(second) ?? [];
    expect(time).toBe(NOW.toString(36));
    expect(time2).toBe(NOW.toString(36));
    expect(parseInt(count2 ?? '', 36)).toBe(parseInt(count ?? '', 36) + 1);
    expect(first).not.toBe(second);
  });

  it('pads the random digits to four', () => {
    const ids = Array.from({ length: 200 }, () => createId(0));
    for (const id of ids) expect(id).toMatch(/^0-[0-9a-z]+-[0-9a-z]{4}$/);
    // Random, not a constant: 200 draws from 36^4 values are not all equal.
    expect(new Set(ids.map((id) => id.slice(-4))).size).toBeGreaterThan(1);
  });
});

describe('newQuestion and newReply', () => {
  it('make a question and an empty waiting reply under it', () => {
    const question = newQuestion('Is 91 prime?', null, NOW);
    expect(question).toEqual({
      id: expect.stringMatching(new RegExp(`^${NOW.toString(36)}-`)),
      parentId: null,
      createdAt: NOW,
      role: 'user',
      content: 'Is 91 prime?',
    });
    const reply = newReply(question.id, { model: 'm', providerName: 'p' }, NOW + 1);
    expect(reply).toEqual({
      id: expect.stringMatching(new RegExp(`^${(NOW + 1).toString(36)}-`)),
      parentId: question.id,
      createdAt: NOW + 1,
      role: 'assistant',
      model: 'm',
      providerName: 'p',
      state: createAssistantMessage(),
    });
    expect(reply.id).not.toBe(question.id);
  });
});
