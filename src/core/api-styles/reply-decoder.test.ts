import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AssistantMessageState } from '../stream/assistant-message';
import { everyByte, listRecordings, readRecording } from '../../testing/recordings';
import { apiStyleOf, replayReply } from '../../testing/replay-reply';
import { createReplyDecoder } from './reply-decoder';
import { sampledInMutationRun } from '../../testing/mutation-run';

/**
 * What a reviewer checks for a recording: the end state, and the text as its length, start and end
 * (the full text stays in the recording, never copied into the repo).
 */
function golden(state: AssistantMessageState) {
  const text = (value: string) => ({
    length: value.length,
    start: value.slice(0, 80),
    end: value.slice(-80),
  });
  return {
    status: state.status,
    finishReason: state.finishReason ?? null,
    usage: state.usage ?? null,
    error: state.error ?? null,
    hasHiddenReasoning: state.hasHiddenReasoning ?? false,
    malformedChunks: state.malformedChunks,
    reasoning: text(state.reasoning),
    answer: text(state.answer),
  };
}

function textOf(state: AssistantMessageState) {
  return { ...golden(state), reasoning: state.reasoning, answer: state.answer };
}

describe.each(listRecordings())('%s', (name) => {
  const bytes = readRecording(name);
  const apiStyle = apiStyleOf(name);
  const whole = replayReply(apiStyle, bytes);

  it('decodes to the reviewed golden result', async () => {
    await expect(JSON.stringify(golden(whole), null, 2) + '\n').toMatchFileSnapshot(
      `./__golden__/${name.replace(/\.sse$/, '')}.json`,
    );
  });

  it('decodes the same fed one byte at a time', () => {
    expect(textOf(replayReply(apiStyle, bytes, everyByte(bytes.length)))).toEqual(textOf(whole));
  });

  it('decodes the same whatever the split points', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: 1, max: bytes.length - 1 }), { maxLength: 40 }),
        (points) => {
          const sorted = [...points].sort((a, b) => a - b);
          expect(textOf(replayReply(apiStyle, bytes, sorted))).toEqual(textOf(whole));
        },
      ),
      { seed: 20261121, numRuns: sampledInMutationRun(25, 4) },
    );
  });
});

describe('createReplyDecoder: text held as a possible tag', () => {
  const encode = (text: string) => new TextEncoder().encode(text);
  const chunk = (content: string) =>
    `data: ${JSON.stringify({ choices: [{ index: 0, delta: { content } }] })}\n\n`;

  it('lands before [DONE], so the reducer still takes it', () => {
    const decoder = createReplyDecoder('chat-completions');
    const events = [
      ...decoder.feed(encode(chunk('Use a <thi'))),
      ...decoder.feed(encode('data: [DONE]\n\n')),
      ...decoder.end(),
    ];
    expect(events).toEqual([
      { type: 'answer-delta', text: 'Use a ' },
      { type: 'answer-delta', text: '<thi' },
      { type: 'done' },
    ]);
  });

  it('lands before a provider error, and nothing comes after it twice', () => {
    const decoder = createReplyDecoder('chat-completions');
    const events = [
      ...decoder.feed(encode(chunk('Partial <thi'))),
      ...decoder.feed(encode(`data: ${JSON.stringify({ error: { message: 'Overloaded' } })}\n\n`)),
      ...decoder.end(),
    ];
    expect(events).toEqual([
      { type: 'answer-delta', text: 'Partial ' },
      { type: 'answer-delta', text: '<thi' },
      { type: 'provider-error', error: { message: 'Overloaded' } },
    ]);
  });

  it('lands a held piece of a harmony marker before [DONE]', () => {
    const decoder = createReplyDecoder('chat-completions');
    const events = [
      ...decoder.feed(encode(chunk('<|chan'))),
      ...decoder.feed(encode('data: [DONE]\n\n')),
      ...decoder.end(),
    ];
    expect(events.at(-1)).toEqual({ type: 'done' });
    expect(events.slice(0, -1)).toEqual([{ type: 'answer-delta', text: '<|chan' }]);
  });

  it('reads llama.cpp `error:` lines in chat completions', () => {
    const decoder = createReplyDecoder('chat-completions');
    const events = [
      ...decoder.feed(encode('error: {"code":500,"message":"context overflow"}\n\n')),
      ...decoder.end(),
    ];
    expect(events).toContainEqual({
      type: 'provider-error',
      error: { message: 'context overflow', code: '500' },
    });
  });
});
