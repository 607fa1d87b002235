import { describe, expect, it } from 'vitest';
import { toChatMessages } from './to-chat-messages';
import { toSharedTranscript } from './transcript';

describe('toChatMessages', () => {
  const transcript = {
    title: 'T',
    messages: [
      { role: 'user' as const, content: 'Is 391 prime?' },
      {
        role: 'assistant' as const,
        reasoning: 'Try 17.',
        answer: 'No: 17 × 23.',
        status: 'done' as const,
        finishReason: 'stop',
        timing: { firstReasoningAt: 1, firstAnswerAt: 2 },
        model: 'r1',
      },
    ],
  };

  it('chains the messages with new ids and keeps their words, end states and timing', () => {
    let n = 0;
    const messages = toChatMessages(transcript, () => `id${++n}`, 100);
    expect(messages.map((m) => [m.id, m.parentId, m.createdAt])).toEqual([
      ['id1', null, 100],
      ['id2', 'id1', 101],
    ]);
    expect(messages[1]).toMatchObject({
      role: 'assistant',
      model: 'r1',
      providerName: 'Shared transcript',
      state: {
        reasoning: 'Try 17.',
        answer: 'No: 17 × 23.',
        status: 'done',
        finishReason: 'stop',
        sawDone: true,
      },
    });
  });

  it('marks only a finished reply as having seen the end of its stream', () => {
    const stopped = {
      title: 'T',
      messages: [
        { role: 'assistant' as const, reasoning: '', answer: 'Half', status: 'stopped' as const },
      ],
    };
    const [reply] = toChatMessages(stopped, () => 'id', 0);
    expect(reply).toMatchObject({ model: '', state: { status: 'stopped', sawDone: false } });
  });

  it('round-trips through toSharedTranscript', () => {
    let n = 0;
    const messages = toChatMessages(transcript, () => `id${++n}`, 100);
    expect(toSharedTranscript('T', messages, { includeReasoning: true })).toEqual(transcript);
  });
});
