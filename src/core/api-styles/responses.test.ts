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
import { createResponsesNormalizer, readResponsesError, readResponsesUsage } from './responses';
import { sampledInMutationRun } from '../../testing/mutation-run';

// ---- An independent reading of a recording: plain line splitting, JSON.parse and concatenation.

interface RawEvent {
  type?: string;
  delta?: string;
  text?: string;
  item_id?: string;
  summary_index?: number;
  content_index?: number;
}

function readDataEvents(text: string): RawEvent[] {
  return text
    .split(/\r?\n/)
    .filter((line) => line.startsWith('data:'))
    .map((line) => line.slice('data:'.length).trim())
    .filter((payload) => payload !== '[DONE]')
    .map((payload) => JSON.parse(payload) as RawEvent);
}

/** The events of the first response only: a message ends at its first `response.completed`. */
function firstResponse(events: RawEvent[]): RawEvent[] {
  const end = events.findIndex((event) => event.type === 'response.completed');
  return end === -1 ? events : events.slice(0, end + 1);
}

/**
 * Reasoning as delta text grouped by part (item and summary or content index), the parts joined by
 * a blank line; reasoning again from the `.done` events' full texts; and the answer deltas.
 */
function expectedText(events: RawEvent[]): {
  reasoning: string;
  reasoningFromDone: string;
  answer: string;
} {
  const parts = new Map<string, string>();
  const doneParts: string[] = [];
  let answer = '';
  for (const event of events) {
    if (event.type === 'response.reasoning_summary_text.delta') {
      const key = `${event.item_id}/s${event.summary_index}`;
      parts.set(key, (parts.get(key) ?? '') + event.delta);
    } else if (event.type === 'response.reasoning_text.delta') {
      const key = `${event.item_id}/c${event.content_index}`;
      parts.set(key, (parts.get(key) ?? '') + event.delta);
    } else if (
      event.type === 'response.reasoning_summary_text.done' ||
      event.type === 'response.reasoning_text.done'
    ) {
      doneParts.push(event.text ?? '');
    } else if (event.type === 'response.output_text.delta') {
      answer += event.delta;
    }
  }
  return {
    reasoning: [...parts.values()].join('\n\n'),
    reasoningFromDone: doneParts.join('\n\n'),
    answer,
  };
}

// ---- The reviewed outcome of every Responses recording.

type Golden = Pick<
  AssistantMessageState,
  'status' | 'finishReason' | 'usage' | 'error' | 'sawDone'
> & {
  reasoning: string | { length: number; start: string; end: string };
  answer: string | { length: number; start: string; end: string };
};

const GOLDEN: Record<string, Golden> = {
  // `error` (nested shape) then `response.failed` with the same message: one error, the first.
  'openai-responses-error-vercel-ai.sse': {
    reasoning: '',
    answer: '',
    status: 'error',
    finishReason: undefined,
    usage: undefined,
    sawDone: false,
    error: {
      kind: 'provider',
      message:
        'You exceeded your current quota, please check your plan and billing details. For more information on this error, read the docs: https://platform.openai.com/docs/guides/error-codes/api-errors.',
      code: 'insufficient_quota',
    },
  },
  // One summary part, commentary text, then a function call: the response ends to call a tool.
  'openai-responses-gpt-5.4-reasoning-summary-events-aibridge.sse': {
    reasoning: 'I need to add 3 and 5 to check primality.',
    answer: 'Let me calculate the sum first using the add function.',
    status: 'done',
    finishReason: 'tool_calls',
    usage: { promptTokens: 58, completionTokens: 35, reasoningTokens: 10, totalTokens: 93 },
    sawDone: true,
    error: undefined,
  },
  // Four responses of a tool loop in one file (see the per-response test below). The message ends
  // with the first `response.completed`; the reducer still records the later finish reasons and
  // usage, so the last response's `stop` and usage are what remain.
  'openai-responses-reasoning-summary-vercel-ai.sse': {
    reasoning:
      "**Calculating step-by-step using calculator**\n\nI'll compute 12 plus 7, then multiply the result by 3, and finally multiply that by 10, reporting the final product.",
    answer: '',
    status: 'done',
    finishReason: 'stop',
    usage: { promptTokens: 299, completionTokens: 12, reasoningTokens: 0, totalTokens: 311 },
    sawDone: true,
    error: undefined,
  },
  // o3-mini, four summary parts joined with blank lines.
  'openai-responses-thinking-summary-stream-pydantic-ai.sse': {
    reasoning: {
      length: 2028,
      start: '**Providing street crossing instructions**\n\nThe user is asking how to cross',
      end: 'and using crosswalks whenever possible. It will be clear and easy to understand!',
    },
    answer: {
      length: 1251,
      start: "I'm not a road safety professional, but here are some generally accepted guidelines",
      end: 'familiarize yourself with the rules specific to your area. Stay safe!',
    },
    status: 'done',
    finishReason: 'stop',
    usage: { promptTokens: 13, completionTokens: 1680, reasoningTokens: 1408, totalTokens: 1693 },
    sawDone: true,
    error: undefined,
  },
  // OpenRouter: data-only events, raw chain of thought (`response.reasoning_text.delta`), `[DONE]`.
  'openrouter-responses-raw-cot-pydantic-ai.sse': {
    reasoning:
      'The user asks: "What is 2+2?" They expect a straightforward answer: 4. Just answer 4.',
    answer: '4',
    status: 'done',
    finishReason: 'stop',
    usage: { promptTokens: 78, completionTokens: 37, reasoningTokens: 22, totalTokens: 115 },
    sawDone: true,
    error: undefined,
  },
};

function expectText(actual: string, golden: Golden['reasoning']): void {
  if (typeof golden === 'string') {
    expect(actual).toBe(golden);
    return;
  }
  expect(actual).toHaveLength(golden.length);
  expect(actual.startsWith(golden.start), `starts with ${JSON.stringify(golden.start)}`).toBe(true);
  expect(actual.endsWith(golden.end), `ends with ${JSON.stringify(golden.end)}`).toBe(true);
}

const replay = (bytes: Uint8Array, splitPoints?: readonly number[]): AssistantMessageState =>
  replayApiStyle(createResponsesNormalizer, bytes, splitPoints);

const recordings = listRecordings().filter((name) => recordingStyle(name) === 'resp');

describe('Responses API recordings', () => {
  it('has a reviewed outcome for every Responses recording, and only for those', () => {
    expect(recordings).toEqual(Object.keys(GOLDEN).sort());
  });

  describe.each(recordings)('%s', (name) => {
    const bytes = readRecording(name);
    const golden = GOLDEN[name];
    if (golden === undefined) throw new Error(`no reviewed outcome for ${name}`);
    const whole = replay(bytes);

    it('gives the reviewed reasoning, answer, status, finish reason, usage and error', () => {
      expectText(whole.reasoning, golden.reasoning);
      expectText(whole.answer, golden.answer);
      expect(whole.status).toBe(golden.status);
      expect(whole.finishReason).toBe(golden.finishReason);
      expect(whole.usage).toEqual(golden.usage);
      expect(whole.error).toEqual(golden.error);
      expect(whole.sawDone).toBe(golden.sawDone);
      expect(whole.malformedChunks).toBe(0);
    });

    it('matches a plain reading of the deltas and of the `.done` texts', () => {
      const expected = expectedText(firstResponse(readDataEvents(new TextDecoder().decode(bytes))));
      expect(whole.reasoning).toBe(expected.reasoning);
      expect(whole.reasoning).toBe(expected.reasoningFromDone);
      expect(whole.answer).toBe(expected.answer);
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
        { seed: 20251121, numRuns: sampledInMutationRun(50, 6) },
      );
    });
  });

  it('vercel-ai tool loop: each of the four responses, replayed alone, ends as recorded', () => {
    const text = new TextDecoder().decode(
      readRecording('openai-responses-reasoning-summary-vercel-ai.sse'),
    );
    const starts = [...text.matchAll(/^event: response\.created$/gm)].map((match) => match.index);
    const segments = starts.map((start, i) => text.slice(start, starts[i + 1]));
    const messages = segments.map((segment) => replay(new TextEncoder().encode(segment)));
    expect(
      messages.map(({ status, finishReason, usage }) => ({ status, finishReason, usage })),
    ).toEqual([
      {
        status: 'done',
        finishReason: 'tool_calls',
        usage: { promptTokens: 134, completionTokens: 28, reasoningTokens: 0, totalTokens: 162 },
      },
      {
        status: 'done',
        finishReason: 'tool_calls',
        usage: { promptTokens: 221, completionTokens: 26, reasoningTokens: 0, totalTokens: 247 },
      },
      {
        status: 'done',
        finishReason: 'tool_calls',
        usage: { promptTokens: 260, completionTokens: 26, reasoningTokens: 0, totalTokens: 286 },
      },
      {
        status: 'done',
        finishReason: 'stop',
        usage: { promptTokens: 299, completionTokens: 12, reasoningTokens: 0, totalTokens: 311 },
      },
    ]);
    expect(messages.map((message) => [message.reasoning !== '', message.answer])).toEqual([
      [true, ''],
      [false, ''],
      [false, ''],
      [false, 'The final result is **570**.'],
    ]);
  });
});

// ---- Focused cases.

const sse = (type: string, fields: Record<string, unknown> = {}, dataOnly = false): SseEvent => {
  const data = JSON.stringify({ type, ...fields });
  return dataOnly ? { data } : { event: type, data };
};
const summaryDelta = (delta: string, summaryIndex: number, itemId = 'rs_1'): SseEvent =>
  sse('response.reasoning_summary_text.delta', {
    item_id: itemId,
    output_index: 0,
    summary_index: summaryIndex,
    delta,
  });
const reasoningText = (events: StreamEvent[]): string =>
  events.map((event) => (event.type === 'reasoning-delta' ? event.text : '')).join('');

/** Runs events through one normalizer and the reducer. */
function run(events: SseEvent[]): { out: StreamEvent[]; message: AssistantMessageState } {
  const normalize = createResponsesNormalizer();
  const out = events.flatMap((event) => normalize(event));
  let message = applyStreamEvent(createAssistantMessage(), { type: 'request-sent' }, 1);
  for (const event of [...out, { type: 'stream-end' } as const]) {
    message = applyStreamEvent(message, event, 2);
  }
  return { out, message };
}

const usageJson = {
  input_tokens: 10,
  input_tokens_details: { cached_tokens: 0 },
  output_tokens: 20,
  output_tokens_details: { reasoning_tokens: 15 },
  total_tokens: 30,
};
const usage = { promptTokens: 10, completionTokens: 20, reasoningTokens: 15, totalTokens: 30 };

describe('createResponsesNormalizer: text', () => {
  it('reads summary deltas as reasoning and output text deltas as answer', () => {
    expect(
      run([
        summaryDelta('**Plan**\n\nAdd', 0),
        sse('response.output_text.delta', { item_id: 'msg_1', delta: 'Hi' }),
      ]).out,
    ).toEqual([
      { type: 'reasoning-delta', text: '**Plan**\n\nAdd' },
      { type: 'answer-delta', text: 'Hi' },
    ]);
  });

  it('puts a blank line between summary parts, none within one part', () => {
    const { out } = run([
      summaryDelta('**One**', 0),
      summaryDelta(' done.', 0),
      summaryDelta('**Two**', 1),
      summaryDelta(' also.', 1),
    ]);
    expect(reasoningText(out)).toBe('**One** done.\n\n**Two** also.');
    expect(out[2]).toEqual({ type: 'reasoning-delta', text: '\n\n**Two**' });
  });

  it('puts a blank line before the first part of a new reasoning item', () => {
    const { out } = run([summaryDelta('First.', 0, 'rs_1'), summaryDelta('Second.', 0, 'rs_2')]);
    expect(reasoningText(out)).toBe('First.\n\nSecond.');
  });

  it('adds only what is missing when a part already ends with newlines', () => {
    expect(reasoningText(run([summaryDelta('A\n', 0), summaryDelta('B', 1)]).out)).toBe('A\n\nB');
    expect(reasoningText(run([summaryDelta('A\n\n', 0), summaryDelta('B', 1)]).out)).toBe('A\n\nB');
  });

  it('does not start with a separator when the first part has a non-zero index', () => {
    expect(run([summaryDelta('Late start', 3)]).out).toEqual([
      { type: 'reasoning-delta', text: 'Late start' },
    ]);
  });

  it('reads raw chain of thought (`response.reasoning_text.delta`) as reasoning', () => {
    const delta = (text: string) =>
      sse(
        'response.reasoning_text.delta',
        { item_id: 'rs_t', content_index: 0, delta: text },
        true,
      );
    expect(reasoningText(run([delta('The'), delta(' user')]).out)).toBe('The user');
  });

  it('ignores the full texts of `.done` events, and empty deltas', () => {
    const { out } = run([
      summaryDelta('abc', 0),
      summaryDelta('', 0),
      sse('response.reasoning_summary_text.done', { summary_index: 0, text: 'abc' }),
      sse('response.reasoning_summary_part.done', { part: { type: 'summary_text', text: 'abc' } }),
      sse('response.reasoning_text.done', { text: 'abc' }),
      sse('response.output_text.done', { text: 'xyz' }),
      sse('response.content_part.done', { part: { type: 'output_text', text: 'xyz' } }),
      sse('response.output_item.done', { item: { type: 'message', content: [{ text: 'xyz' }] } }),
    ]);
    expect(out).toEqual([{ type: 'reasoning-delta', text: 'abc' }]);
  });

  it('shows a refusal as answer text', () => {
    expect(run([sse('response.refusal.delta', { delta: 'I can’t help with that.' })]).out).toEqual([
      { type: 'answer-delta', text: 'I can’t help with that.' },
    ]);
  });

  it('reads the type from data when there is no `event:` line (OpenRouter), or it is `message`', () => {
    const data = JSON.stringify({ type: 'response.output_text.delta', delta: 'x' });
    expect(run([{ data }, { event: 'message', data }]).out).toEqual([
      { type: 'answer-delta', text: 'x' },
      { type: 'answer-delta', text: 'x' },
    ]);
  });

  it('gives nothing for lifecycle, encrypted reasoning items and unknown event types', () => {
    const item = { id: 'rs_1', type: 'reasoning', encrypted_content: 'gAAAA', summary: [] };
    expect(
      run([
        sse('response.created', { response: { status: 'in_progress', usage: null } }),
        sse('response.in_progress', { response: { status: 'in_progress' } }),
        sse('response.output_item.added', { item }),
        sse('response.output_item.done', { item }),
        sse('response.function_call_arguments.delta', { delta: '{"a":1}' }),
        sse('response.some_future_event', { delta: 'not text' }),
        { event: 'response.output_text.delta', data: '' },
      ]).out,
    ).toEqual([]);
  });
});

describe('createResponsesNormalizer: the end of a response', () => {
  it('reads `response.completed` as usage, finish `stop`, then done', () => {
    const { out, message } = run([
      sse('response.completed', {
        response: { status: 'completed', usage: usageJson, output: [] },
      }),
    ]);
    expect(out).toEqual([
      { type: 'usage', usage },
      { type: 'finish', finishReason: 'stop' },
      { type: 'done' },
    ]);
    expect(message.status).toBe('done');
  });

  it('finishes with `tool_calls` when the output holds a function call', () => {
    const output = [
      { type: 'reasoning', summary: [] },
      { type: 'function_call', name: 'add', arguments: '{}' },
    ];
    expect(run([sse('response.completed', { response: { output } })]).out).toEqual([
      { type: 'finish', finishReason: 'tool_calls' },
      { type: 'done' },
    ]);
  });

  it.each([
    ['max_output_tokens', 'length', 'truncated'],
    ['content_filter', 'content_filter', 'done'],
    ['something_new', 'something_new', 'done'],
    [undefined, 'incomplete', 'done'],
  ])('reads `response.incomplete` with reason %s as %s', (reason, finishReason, status) => {
    const response = {
      status: 'incomplete',
      incomplete_details: reason === undefined ? null : { reason },
      usage: usageJson,
    };
    const { out, message } = run([sse('response.incomplete', { response })]);
    expect(out).toEqual([
      { type: 'usage', usage },
      { type: 'finish', finishReason },
      { type: 'done' },
    ]);
    expect(message.status).toBe(status);
  });

  it('reads `[DONE]` (OpenRouter) as done, also after `response.completed`', () => {
    const { out, message } = run([
      sse('response.completed', { response: { output: [] } }, true),
      { data: '[DONE]' },
    ]);
    expect(out.slice(-2)).toEqual([{ type: 'done' }, { type: 'done' }]);
    expect(message).toMatchObject({ status: 'done', sawDone: true, finishReason: 'stop' });
  });

  it('ignores usage: null', () => {
    expect(readResponsesUsage(null)).toBeUndefined();
    expect(readResponsesUsage({ input_tokens: 'x' })).toBeUndefined();
    expect(readResponsesUsage({ output_tokens: 3 })).toEqual({ completionTokens: 3 });
  });
});

describe('createResponsesNormalizer: errors', () => {
  const nested = {
    sequence_number: 2,
    error: {
      type: 'insufficient_quota',
      code: 'insufficient_quota',
      message: 'Quota',
      param: null,
    },
  };
  const failed = {
    response: { status: 'failed', error: { code: 'server_error', message: 'Failed later' } },
  };

  it('reads a nested `error` event (as recorded)', () => {
    expect(run([sse('error', nested)]).out).toEqual([
      { type: 'provider-error', error: { message: 'Quota', code: 'insufficient_quota' } },
    ]);
    const typeOnly = { error: { type: 'server_error', message: 'Boom' } };
    expect(run([sse('error', typeOnly)]).out).toEqual([
      { type: 'provider-error', error: { message: 'Boom', code: 'server_error' } },
    ]);
  });

  it('reads a flat `error` event (as documented), with or without a code', () => {
    const flat = {
      code: 'rate_limit_exceeded',
      message: 'Slow down',
      param: null,
      sequence_number: 4,
    };
    expect(run([sse('error', flat)]).out).toEqual([
      { type: 'provider-error', error: { message: 'Slow down', code: 'rate_limit_exceeded' } },
    ]);
    expect(run([sse('error', { code: null, message: 'No code' }, true)]).out).toEqual([
      { type: 'provider-error', error: { message: 'No code' } },
    ]);
  });

  it('reads `response.failed` alone as the error, keeping usage', () => {
    const { out, message } = run([
      sse('response.failed', { response: { ...failed.response, usage: usageJson } }),
    ]);
    expect(out).toEqual([
      { type: 'usage', usage },
      { type: 'provider-error', error: { message: 'Failed later', code: 'server_error' } },
    ]);
    expect(message.error).toEqual({
      kind: 'provider',
      message: 'Failed later',
      code: 'server_error',
    });
  });

  it('gives a plain message for `response.failed` with no error object', () => {
    expect(run([sse('response.failed', { response: { error: null } })]).out).toEqual([
      { type: 'provider-error', error: { message: 'The response failed.' } },
    ]);
  });

  it('keeps the first error when `response.failed` follows an `error` event', () => {
    const { out, message } = run([
      summaryDelta('Thinking', 0),
      sse('error', nested),
      sse('response.failed', failed),
    ]);
    expect(out.filter((event) => event.type === 'provider-error')).toHaveLength(1);
    expect(message).toMatchObject({
      status: 'error',
      reasoning: 'Thinking',
      error: { kind: 'provider', message: 'Quota', code: 'insufficient_quota' },
    });
  });

  it('reads a non-JSON `event: error` body as the message', () => {
    expect(run([{ event: 'error', data: 'upstream went away' }]).out).toEqual([
      { type: 'provider-error', error: { message: 'upstream went away' } },
    ]);
  });

  it('reads readResponsesError shapes directly', () => {
    expect(readResponsesError({ type: 'error', error: 'plain' })).toEqual({ message: 'plain' });
    expect(readResponsesError({ type: 'error', message: 'm' })).toEqual({ message: 'm' });
  });
});

describe('createResponsesNormalizer: malformed input', () => {
  it('turns invalid JSON into exactly one malformed event, cut to 200 characters', () => {
    const [event, ...rest] = run([{ data: `{"type": "response.${'x'.repeat(300)}` }]).out;
    expect(rest).toEqual([]);
    expect(event).toMatchObject({ type: 'malformed' });
    if (event?.type !== 'malformed') throw new Error('expected a malformed event');
    expect(event.data).toHaveLength(200);
    expect(event.reason).not.toBe('');
  });

  it('turns a JSON value that is not an object into one malformed event', () => {
    expect(run([{ data: '[1,2]' }]).out).toMatchObject([{ type: 'malformed' }]);
    expect(run([{ data: '"text"' }]).out).toMatchObject([{ type: 'malformed' }]);
  });

  it('never throws on known event types with odd fields', () => {
    const types = [
      'response.reasoning_summary_text.delta',
      'response.reasoning_text.delta',
      'response.output_text.delta',
      'response.completed',
      'response.incomplete',
      'response.failed',
      'error',
      'message',
    ];
    const field = fc.constantFrom('delta', 'response', 'error', 'item_id', 'summary_index', 'code');
    fc.assert(
      fc.property(
        fc.constantFrom(...types),
        fc.boolean(),
        fc.dictionary(field, fc.jsonValue()),
        (type, dataOnly, fields) => {
          const normalize = createResponsesNormalizer();
          expect(() => normalize(sse(type, fields, dataOnly))).not.toThrow();
          expect(() =>
            normalize({ event: type, data: JSON.stringify(fields.response ?? null) }),
          ).not.toThrow();
        },
      ),
      { seed: 7, numRuns: 300 },
    );
  });
});

describe('createResponsesNormalizer: edge cases', () => {
  const normalizeAll = (events: SseEvent[]) => {
    const normalize = createResponsesNormalizer();
    return events.flatMap((event) => normalize(event));
  };
  const completed = (output: unknown[]) => sse('response.completed', { response: { output } });

  it('reads JSON that is not an object under `event: error` as the error, and cuts it otherwise', () => {
    expect(normalizeAll([{ event: 'error', data: '"Rate limited"' }])).toEqual([
      { type: 'provider-error', error: { message: 'Rate limited' } },
    ]);
    const data = `[${'1,'.repeat(200)}1]`;
    expect(normalizeAll([{ data }])).toEqual([
      { type: 'malformed', data: data.slice(0, 200), reason: 'not a JSON object' },
    ]);
    expect(normalizeAll([{ event: 'response.output_text.delta', data: '   ' }])).toEqual([]);
  });

  it('ends to call a tool only for client tool calls among well-formed output items', () => {
    const finishOf = (output: unknown[]) =>
      normalizeAll([completed(output)]).find((event) => event.type === 'finish');
    expect(finishOf([null, 'function_call', { type: 5 }, { type: 'message' }])).toEqual({
      type: 'finish',
      finishReason: 'stop',
    });
    expect(finishOf([{ type: 'custom_tool_call' }])).toEqual({
      type: 'finish',
      finishReason: 'tool_calls',
    });
  });

  it('takes the event type from the SSE event line when the payload has none', () => {
    expect(
      normalizeAll([{ event: 'error', data: '{"message":"Overloaded","code":"busy"}' }]),
    ).toEqual([{ type: 'provider-error', error: { message: 'Overloaded', code: 'busy' } }]);
  });

  it('emits nothing for an answer delta without text', () => {
    for (const delta of ['', 7, null]) {
      expect(normalizeAll([sse('response.output_text.delta', { delta })])).toEqual([]);
    }
  });

  it('maps an incomplete response cut by the content filter', () => {
    const incomplete = sse('response.incomplete', {
      response: { incomplete_details: { reason: 'content_filter' } },
    });
    expect(normalizeAll([incomplete])).toContainEqual({
      type: 'finish',
      finishReason: 'content_filter',
    });
  });

  it('reads a string error field as the message, with a code beside it', () => {
    expect(readResponsesError({ type: 'error', error: 'Overloaded' })).toEqual({
      message: 'Overloaded',
    });
    expect(
      readResponsesError({ type: 'error', error: 'Overloaded', code: 'busy', sequence_number: 3 }),
    ).toEqual({ message: 'Overloaded', code: 'busy' });
  });

  it('separates reasoning parts after a reasoning that ended in one line break', () => {
    const part = (index: number, delta: string) =>
      sse('response.reasoning_summary_text.delta', {
        item_id: 'rs_1',
        summary_index: index,
        delta,
      });
    const texts = normalizeAll([part(0, 'One.\n'), part(1, 'Two.\n\n'), part(2, 'Three.')]).map(
      (event) => (event as { text: string }).text,
    );
    expect(texts).toEqual(['One.\n', '\nTwo.\n\n', 'Three.']);
    const content = normalizeAll([
      sse('response.reasoning_text.delta', { item_id: 'rs_1', content_index: 0, delta: 'a' }),
      sse('response.reasoning_text.delta', { item_id: 'rs_1', content_index: 1, delta: 'b' }),
    ]).map((event) => (event as { text: string }).text);
    expect(content).toEqual(['a', '\n\nb']);
  });
});
