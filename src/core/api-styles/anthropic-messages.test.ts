import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { everyByte, listRecordings, readRecording } from '../../testing/recordings';
import { recordingStyle, replayApiStyle } from '../../testing/replay-api-style';
import {
  applyStreamEvent,
  createAssistantMessage,
  type AssistantMessageState,
} from '../stream/assistant-message';
import type { SseEvent } from '../sse/parse-sse';
import type { StreamEvent } from '../stream/stream-event';
import { createAnthropicNormalizer, mapAnthropicStopReason } from './anthropic-messages';

// ---- An independent reading of a recording: plain line splitting, JSON.parse and concatenation.

interface RawEvent {
  type?: string;
  content_block?: { type?: string; text?: string; thinking?: string };
  delta?: { type?: string; text?: string; thinking?: string; signature?: string };
}

function readDataEvents(text: string): RawEvent[] {
  return text
    .split(/\r?\n/)
    .filter((line) => line.startsWith('data:'))
    .map((line) => JSON.parse(line.slice('data:'.length)) as RawEvent);
}

function expectedText(events: RawEvent[]): { reasoning: string; answer: string } {
  let reasoning = '';
  let answer = '';
  for (const event of events) {
    if (event.type === 'content_block_start') {
      if (event.content_block?.type === 'text') answer += event.content_block.text ?? '';
      if (event.content_block?.type === 'thinking') reasoning += event.content_block.thinking ?? '';
    }
    if (event.type === 'content_block_delta') {
      if (event.delta?.type === 'thinking_delta') reasoning += event.delta.thinking ?? '';
      if (event.delta?.type === 'text_delta') answer += event.delta.text ?? '';
    }
  }
  return { reasoning, answer };
}

// ---- The reviewed outcome of every Anthropic recording.

interface Golden {
  reasoning: string;
  answer: { length: number; start: string; end: string };
  state: Pick<AssistantMessageState, 'status' | 'finishReason' | 'usage' | 'error' | 'sawDone'>;
}

const GOLDEN: Record<string, Golden> = {
  // claude-sonnet-4: one thinking block (14 deltas, then its signature), one text block, end_turn.
  'anthropic-native-thinking-stream-pydantic-ai.sse': {
    reasoning:
      'This is a straightforward question about pedestrian safety. I should provide clear, helpful advice about how to safely cross a street. This is basic safety information that could help prevent accidents.',
    answer: {
      length: 1021,
      start: 'Here are the basic steps for safely crossing the street:\n\n**',
      end: '. Always prioritize safety over speed when crossing streets.',
    },
    state: {
      status: 'done',
      finishReason: 'stop',
      usage: { promptTokens: 43, completionTokens: 282 },
      error: undefined,
      sawDone: true,
    },
  },
};

const replay = (bytes: Uint8Array, splitPoints?: readonly number[]): AssistantMessageState =>
  replayApiStyle(createAnthropicNormalizer, bytes, splitPoints);

const recordings = listRecordings().filter((name) => recordingStyle(name) === 'anth');

describe('Anthropic Messages recordings', () => {
  it('has a reviewed outcome for every Anthropic recording, and only for those', () => {
    expect(recordings).toEqual(Object.keys(GOLDEN).sort());
  });

  describe.each(recordings)('%s', (name) => {
    const bytes = readRecording(name);
    const golden = GOLDEN[name];
    if (golden === undefined) throw new Error(`no reviewed outcome for ${name}`);
    const whole = replay(bytes);

    it('gives the reviewed reasoning, answer, status, finish reason, usage and error', () => {
      expect(whole.reasoning).toBe(golden.reasoning);
      expect(whole.answer).toHaveLength(golden.answer.length);
      expect(whole.answer.startsWith(golden.answer.start)).toBe(true);
      expect(whole.answer.endsWith(golden.answer.end)).toBe(true);
      expect(whole).toMatchObject({ ...golden.state, malformedChunks: 0 });
      expect(whole.error).toBeUndefined();
    });

    it('matches a plain reading of the deltas', () => {
      expect(whole).toMatchObject(expectedText(readDataEvents(new TextDecoder().decode(bytes))));
    });

    it('gives the same message when fed one byte at a time', () => {
      expect(replay(bytes, everyByte(bytes.length))).toEqual(whole);
    });

    it('gives the same message whatever the split points', () => {
      fc.assert(
        fc.property(
          fc.array(fc.integer({ min: 1, max: Math.max(bytes.length - 1, 1) }), { maxLength: 80 }),
          (points) => {
            expect(replay(bytes, points)).toEqual(whole);
          },
        ),
        { seed: 20251121, numRuns: 50 },
      );
    });
  });
});

// ---- Focused cases.

const sse = (type: string, fields: Record<string, unknown> = {}): SseEvent => ({
  event: type,
  data: JSON.stringify({ type, ...fields }),
});
const blockStart = (index: number, block: Record<string, unknown>): SseEvent =>
  sse('content_block_start', { index, content_block: block });
const blockDelta = (index: number, delta: Record<string, unknown>): SseEvent =>
  sse('content_block_delta', { index, delta });
const thinking = (index: number, text: string): SseEvent =>
  blockDelta(index, { type: 'thinking_delta', thinking: text });
const text = (index: number, value: string): SseEvent =>
  blockDelta(index, { type: 'text_delta', text: value });
const messageStart = (usage: Record<string, unknown>): SseEvent =>
  sse('message_start', { message: { id: 'msg_1', content: [], stop_reason: null, usage } });
const messageDelta = (stopReason: string | null, usage: Record<string, unknown> = {}): SseEvent =>
  sse('message_delta', { delta: { stop_reason: stopReason, stop_sequence: null }, usage });

/** Runs events through one normalizer and the reducer. */
function run(events: SseEvent[]): { out: StreamEvent[]; message: AssistantMessageState } {
  const normalize = createAnthropicNormalizer();
  const out = events.flatMap((event) => normalize(event));
  let message = applyStreamEvent(createAssistantMessage(), { type: 'request-sent' }, 1);
  for (const event of [...out, { type: 'stream-end' } as const]) {
    message = applyStreamEvent(message, event, 2);
  }
  return { out, message };
}

describe('createAnthropicNormalizer: text', () => {
  it('reads thinking deltas as reasoning and text deltas as answer', () => {
    expect(
      run([
        blockStart(0, { type: 'thinking', thinking: '', signature: '' }),
        thinking(0, 'Hmm'),
        blockStart(1, { type: 'text', text: '' }),
        text(1, 'Hi'),
      ]).out,
    ).toEqual([
      { type: 'reasoning-delta', text: 'Hmm' },
      { type: 'answer-delta', text: 'Hi' },
    ]);
  });

  it('gives the initial text a text block carries', () => {
    expect(run([blockStart(0, { type: 'text', text: 'Hello' })]).out).toEqual([
      { type: 'answer-delta', text: 'Hello' },
    ]);
  });

  it('marks redacted thinking as hidden reasoning and ignores signatures, tool input and pings', () => {
    expect(
      run([
        sse('ping'),
        blockStart(0, { type: 'redacted_thinking', data: 'EmwKAhgBEgy3va3pzix/LafPsn4a' }),
        blockStart(1, { type: 'thinking', thinking: '', signature: '' }),
        blockDelta(1, { type: 'signature_delta', signature: 'EqQBCgIYAh' }),
        sse('content_block_stop', { index: 1 }),
        blockStart(2, { type: 'tool_use', id: 'toolu_1', name: 'add', input: {} }),
        blockDelta(2, { type: 'input_json_delta', partial_json: '{"a": 1' }),
        { event: 'ping', data: '{"type": "ping"}' },
      ]).out,
    ).toEqual([{ type: 'reasoning-hidden' }]);
  });

  it('puts a blank line between two thinking blocks (interleaved thinking)', () => {
    const { message } = run([
      thinking(0, 'First'),
      thinking(0, ' block.'),
      blockDelta(1, { type: 'input_json_delta', partial_json: '{}' }),
      thinking(2, 'Second block.'),
    ]);
    expect(message.reasoning).toBe('First block.\n\nSecond block.');
  });

  it('reads the type from data when there is no `event:` line, and tolerates padded JSON', () => {
    const normalize = createAnthropicNormalizer();
    expect(
      normalize({
        data: '{"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"x"}}   ',
      }),
    ).toEqual([{ type: 'answer-delta', text: 'x' }]);
  });
});

describe('createAnthropicNormalizer: usage, finish and end', () => {
  it('reads the prompt tokens at message_start, cache tokens included', () => {
    expect(
      run([
        messageStart({
          input_tokens: 40,
          cache_creation_input_tokens: 2,
          cache_read_input_tokens: 1,
          output_tokens: 1,
        }),
      ]).out,
    ).toEqual([{ type: 'usage', usage: { promptTokens: 43 } }]);
  });

  it('reports prompt and output tokens together at message_delta, then the finish reason', () => {
    const { out, message } = run([
      messageStart({ input_tokens: 43, output_tokens: 1 }),
      messageDelta('end_turn', { output_tokens: 282 }),
      sse('message_stop'),
    ]);
    expect(out).toEqual([
      { type: 'usage', usage: { promptTokens: 43 } },
      { type: 'usage', usage: { promptTokens: 43, completionTokens: 282 } },
      { type: 'finish', finishReason: 'stop' },
      { type: 'done' },
    ]);
    expect(message).toMatchObject({
      status: 'done',
      sawDone: true,
      finishReason: 'stop',
      usage: { promptTokens: 43, completionTokens: 282 },
    });
  });

  it.each([
    ['end_turn', 'stop'],
    ['stop_sequence', 'stop'],
    ['max_tokens', 'length'],
    ['model_context_window_exceeded', 'length'],
    ['tool_use', 'tool_calls'],
    ['refusal', 'content_filter'],
    ['pause_turn', 'pause_turn'],
    ['something_new', 'something_new'],
  ])('maps stop_reason %s to %s', (stopReason, finishReason) => {
    expect(mapAnthropicStopReason(stopReason)).toBe(finishReason);
    expect(run([messageDelta(stopReason)]).out).toEqual([{ type: 'finish', finishReason }]);
  });

  it('ends a max_tokens message as truncated, keeping the reasoning', () => {
    const { message } = run([
      thinking(0, 'Long thought'),
      messageDelta('max_tokens', { output_tokens: 1024 }),
      sse('message_stop'),
    ]);
    expect(message).toMatchObject({
      status: 'truncated',
      finishReason: 'length',
      reasoning: 'Long thought',
    });
  });

  it('gives no finish for a null stop_reason', () => {
    expect(run([messageDelta(null)]).out).toEqual([]);
  });
});

describe('createAnthropicNormalizer: errors and malformed input', () => {
  it('reads an `error` event as a provider error whose code is the error type', () => {
    const overloaded = { error: { type: 'overloaded_error', message: 'Overloaded' } };
    const { out, message } = run([thinking(0, 'Partial'), sse('error', overloaded)]);
    expect(out.at(-1)).toEqual({
      type: 'provider-error',
      error: { message: 'Overloaded', code: 'overloaded_error' },
    });
    expect(message).toMatchObject({
      status: 'error',
      reasoning: 'Partial',
      error: { kind: 'provider', message: 'Overloaded', code: 'overloaded_error' },
    });
  });

  it('reads a non-JSON `event: error` body as the message', () => {
    expect(run([{ event: 'error', data: 'Overloaded' }]).out).toEqual([
      { type: 'provider-error', error: { message: 'Overloaded' } },
    ]);
  });

  it('turns invalid JSON into exactly one malformed event, cut to 200 characters', () => {
    const [event, ...rest] = run([
      { event: 'content_block_delta', data: `{"x":"${'y'.repeat(300)}` },
    ]).out;
    expect(rest).toEqual([]);
    expect(event).toMatchObject({ type: 'malformed' });
    if (event?.type !== 'malformed') throw new Error('expected a malformed event');
    expect(event.data).toHaveLength(200);
    expect(run([{ data: '[1]' }]).out).toMatchObject([{ type: 'malformed' }]);
  });

  it('never throws on known event types with odd fields', () => {
    const types = [
      'message_start',
      'content_block_start',
      'content_block_delta',
      'message_delta',
      'message_stop',
      'error',
    ];
    const field = fc.constantFrom('index', 'message', 'content_block', 'delta', 'usage', 'error');
    fc.assert(
      fc.property(
        fc.constantFrom(...types),
        fc.dictionary(field, fc.jsonValue()),
        (type, fields) => {
          const normalize = createAnthropicNormalizer();
          const event = sse(type, fields);
          expect(() => normalize(event)).not.toThrow();
        },
      ),
      { seed: 7, numRuns: 300 },
    );
  });
});

describe('createAnthropicNormalizer: edge cases', () => {
  const normalizeAll = (events: SseEvent[]) => {
    const normalize = createAnthropicNormalizer();
    return events.flatMap((event) => normalize(event));
  };

  it('gives nothing for an event with blank data', () => {
    expect(normalizeAll([{ event: 'ping', data: '  ' }, { data: '' }])).toEqual([]);
  });

  it('reads a JSON string or number under `event: error` as the error message', () => {
    expect(normalizeAll([{ event: 'error', data: '"Overloaded"' }])).toEqual([
      { type: 'provider-error', error: { message: 'Overloaded' } },
    ]);
    expect(normalizeAll([{ event: 'error', data: '529' }])).toEqual([
      { type: 'provider-error', error: { message: '529' } },
    ]);
  });

  it('reads an error event without an inner error object from its own fields', () => {
    expect(normalizeAll([sse('error', { message: 'Overloaded' })])).toEqual([
      { type: 'provider-error', error: { message: 'Overloaded', code: 'error' } },
    ]);
  });

  it('cuts JSON that is not an object to 200 characters in its malformed event', () => {
    const data = `[${'1,'.repeat(200)}1]`;
    expect(normalizeAll([{ event: 'content_block_delta', data }])).toEqual([
      { type: 'malformed', data: data.slice(0, 200), reason: 'not a JSON object' },
    ]);
  });

  it('takes the type from the `event:` line, and from data under `event: message`', () => {
    const untyped = {
      event: 'content_block_delta',
      data: JSON.stringify({ index: 0, delta: { type: 'text_delta', text: 'a' } }),
    };
    expect(normalizeAll([untyped])).toEqual([{ type: 'answer-delta', text: 'a' }]);
    expect(
      normalizeAll([{ event: 'message', data: JSON.stringify({ type: 'message_stop' }) }]),
    ).toEqual([{ type: 'done' }]);
  });

  it('reads the initial text of a thinking block, and nothing from a tool block', () => {
    expect(
      normalizeAll([
        blockStart(0, { type: 'thinking', thinking: 'Initial', signature: '' }),
        blockStart(1, { type: 'tool_use', id: 'toolu_1', name: 'add', input: {} }),
      ]),
    ).toEqual([{ type: 'reasoning-delta', text: 'Initial' }]);
  });

  it('gives no usage for a message_start without token counts', () => {
    expect(normalizeAll([messageStart({})])).toEqual([]);
    expect(normalizeAll([sse('message_start', {})])).toEqual([]);
  });

  it('reports the running usage at message_delta, with prompt tokens it updates', () => {
    expect(
      normalizeAll([
        messageStart({ input_tokens: 10 }),
        messageDelta(null, { output_tokens: 5 }),
        messageDelta(null, { input_tokens: 12 }),
        messageDelta(null, {}),
      ]),
    ).toEqual([
      { type: 'usage', usage: { promptTokens: 10 } },
      { type: 'usage', usage: { promptTokens: 10, completionTokens: 5 } },
      { type: 'usage', usage: { promptTokens: 12, completionTokens: 5 } },
    ]);
  });
});
