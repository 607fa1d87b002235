import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { toChatMessages } from './to-chat-messages';
import { sharedTranscriptSchema, toSharedTranscript } from './transcript';

/** Issue 13: step timings survive export, import and share links. */
describe('reasoning arrivals in transcripts', () => {
  const transcript = {
    title: 'T',
    messages: [
      { role: 'user' as const, content: 'Is 391 prime?' },
      {
        role: 'assistant' as const,
        reasoning: '**Try 17**\n\n17 × 23 = 391.',
        answer: 'No.',
        status: 'done' as const,
        reasoningArrivals: [0, 1000, 12, 4200],
      },
    ],
  };

  it('round-trips through an import and an export', () => {
    let n = 0;
    const messages = toChatMessages(transcript, () => `id${++n}`, 100);
    expect(messages[1]).toMatchObject({ state: { reasoningArrivals: [0, 1000, 12, 4200] } });
    expect(toSharedTranscript('T', messages, { includeReasoning: true })).toEqual(transcript);
  });

  it('is left out with the reasoning', () => {
    const messages = toChatMessages(transcript, () => 'id', 100);
    const shared = toSharedTranscript('T', messages, { includeReasoning: false });
    expect(shared.messages[1]).not.toHaveProperty('reasoningArrivals');
  });

  it('is validated: pairs of non-decreasing numbers', () => {
    expect(v.safeParse(sharedTranscriptSchema, transcript).success).toBe(true);
    for (const bad of [
      [0, 1000, 12],
      [12, 1000, 0, 900],
      ['0', 1],
    ]) {
      const broken = {
        ...transcript,
        messages: [{ ...transcript.messages[1], reasoningArrivals: bad }],
      };
      expect(v.safeParse(sharedTranscriptSchema, broken).success).toBe(false);
    }
  });
});
