import { describe, expect, it } from 'vitest';
import { listChatCompletionsRecordings, readRecording } from '../../testing/recordings';
import { replayReply } from '../../testing/replay-reply';
import { createSseParser } from '../sse/parse-sse';
import { createHarmonySplitter } from '../stream/split-harmony-channels';
import type { StreamEvent } from '../stream/stream-event';
import { normalizeChatCompletionEvent } from './chat-completions';

interface Parts {
  reasoning: string;
  answer: string;
}

/** Synthetic harmony output, written for these tests. */
const TWO_CHANNELS =
  '<|channel|>analysis<|message|>User asks 2+2. Simple.<|end|>' +
  '<|start|>assistant<|channel|>final<|message|>**4**<|return|>';

/** Whole, in two at every position, and one character at a time. */
function chunkings(content: string): string[][] {
  const ways = [[content]];
  for (let at = 1; at < content.length; at += 1)
    ways.push([content.slice(0, at), content.slice(at)]);
  ways.push(content.split(''));
  return ways;
}

// ---- Through the whole decoder: bytes → SSE → normalizer → harmony → <think> → reducer.

/** Every event the chat completions normalizer makes of a body, in order. */
function normalizeAll(bytes: Uint8Array): StreamEvent[] {
  const events: StreamEvent[] = [];
  const parser = createSseParser((event) => events.push(...normalizeChatCompletionEvent(event)));
  parser.feed(bytes);
  parser.end();
  return events;
}

function textsOf(events: readonly StreamEvent[]): Parts {
  const parts: Parts = { reasoning: '', answer: '' };
  for (const event of events) {
    if (event.type === 'answer-delta') parts.answer += event.text;
    if (event.type === 'reasoning-delta') parts.reasoning += event.text;
  }
  return parts;
}

function sse(contents: readonly string[]): Uint8Array {
  const lines = contents.map(
    (content) => `data: ${JSON.stringify({ choices: [{ index: 0, delta: { content } }] })}\n\n`,
  );
  return new TextEncoder().encode(lines.join('') + 'data: [DONE]\n\n');
}

describe('in the reply decoder', () => {
  it('gives a clean answer and the analysis as reasoning, for every cut of the markup', () => {
    for (const chunks of chunkings(TWO_CHANNELS)) {
      const message = replayReply('chat-completions', sse(chunks));
      expect([message.reasoning, message.answer, message.status]).toEqual([
        'User asks 2+2. Simple.',
        '**4**',
        'done',
      ]);
    }
  });

  it('stays off for every recording: answer and reasoning pass through unchanged', () => {
    for (const name of listChatCompletionsRecordings()) {
      const events = normalizeAll(readRecording(name));
      const splitter = createHarmonySplitter();
      const after = [...events.flatMap((event) => splitter.push(event)), ...splitter.end()];
      expect(textsOf(after), name).toEqual(textsOf(events));
    }
  });
});
