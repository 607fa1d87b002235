import { describe, expect, it } from 'vitest';
import {
  everyByte,
  listChatCompletionsRecordings,
  randomSplitPoints,
  readRecording,
  replay,
} from '../../testing/recordings';
import type { AssistantMessageState, MessageError } from '../stream/assistant-message';
import type { SseEvent } from '../sse/parse-sse';
import {
  createChatCompletionsNormalizer,
  normalizeChatCompletionEvent,
  readProviderError,
  readUsage,
} from './chat-completions';
import { sampledInMutationRun } from '../../testing/mutation-run';

// ---- An independent reading of a recording: plain line splitting, JSON.parse and concatenation.

interface Part {
  type?: string;
  text?: string;
  thinking?: { text?: string }[];
}
interface RawChunk {
  error?: unknown;
  choices?: {
    finish_reason?: string | null;
    delta?: {
      reasoning_content?: string | null;
      reasoning?: string | null;
      reasoning_details?: { text?: string; summary?: string }[];
      content?: string | Part[] | null;
    };
  }[];
  usage?: { total_tokens?: number } | null;
  x_groq?: { usage?: { total_tokens?: number } };
}

interface Expected {
  reasoning: string;
  answer: string;
  /** The last non-null `finish_reason` before any error. */
  finishReason?: string;
  /** The last `total_tokens` in the body. */
  totalTokens?: number;
}

/** What the recording says, read as text; the message stops growing at the first error chunk. */
function expectedFromText(text: string): Expected {
  const expected: Expected = { reasoning: '', answer: '' };
  let ended = false;
  for (const line of text.split('\n')) {
    if (!line.startsWith('data:')) continue;
    const payload = line.slice('data:'.length).trim();
    if (payload === '[DONE]') continue;
    const chunk = JSON.parse(payload) as RawChunk;
    expected.totalTokens =
      chunk.usage?.total_tokens ?? chunk.x_groq?.usage?.total_tokens ?? expected.totalTokens;
    if (chunk.error) ended = true;
    if (ended) continue;
    const choice = chunk.choices?.[0];
    const delta = choice?.delta ?? {};
    expected.reasoning +=
      delta.reasoning_content ||
      delta.reasoning ||
      (delta.reasoning_details ?? []).map((detail) => detail.text ?? detail.summary ?? '').join('');
    if (typeof delta.content === 'string') expected.answer += delta.content;
    for (const part of Array.isArray(delta.content) ? delta.content : []) {
      if (part.type === 'thinking') {
        expected.reasoning += (part.thinking ?? []).map((piece) => piece.text).join('');
      }
      if (part.type === 'text') expected.answer += part.text;
    }
    expected.finishReason = choice?.finish_reason ?? expected.finishReason;
  }
  return expected;
}

// ---- What the README and `../shared/docs/provider-streams.md` say about particular recordings.

interface Outcome {
  status: AssistantMessageState['status'];
  error?: MessageError;
  usage?: AssistantMessageState['usage'];
}

const groqToolError = expect.stringContaining('Tool call validation failed') as unknown as string;

const OUTCOMES: Record<string, Partial<Outcome>> = {
  'deepseek-chat-text-vercel-ai.sse': { status: 'truncated' },
  'llamacpp-tiny-random-length-while-reasoning.sse': { status: 'truncated' },
  'deepseek-reasoner-vercel-ai.sse': {
    usage: { promptTokens: 18, completionTokens: 219, reasoningTokens: 205, totalTokens: 237 },
  },
  'deepseek-reasoner-stream-pydantic-ai.sse': {
    usage: { promptTokens: 6, completionTokens: 212, reasoningTokens: 198, totalTokens: 218 },
  },
  'azure-foundry-deepseek-v4-pro-vercel-ai.sse': {
    usage: { promptTokens: 19, completionTokens: 1720, reasoningTokens: 0, totalTokens: 1739 },
  },
  'groq-qwen3-32b-reasoning-parsed-vercel-ai.sse': {
    usage: { promptTokens: 17, completionTokens: 1107, reasoningTokens: 963, totalTokens: 1124 },
  },
  // Usage only under `x_groq.usage`.
  'groq-r1-distill-reasoning-format-raw-think-in-content-pydantic-ai.part1.sse': {
    usage: { promptTokens: 21, completionTokens: 988, totalTokens: 1009 },
  },
  // xAI: completion tokens exclude reasoning.
  'xai-grok-3-mini-reasoning-content-vercel-ai.sse': {
    usage: { promptTokens: 12, completionTokens: 2, reasoningTokens: 340, totalTokens: 354 },
  },
  'openrouter-midstream-error-pydantic-ai.sse': {
    status: 'error',
    error: { kind: 'provider', message: 'Token limit reached', code: '400' },
    usage: { promptTokens: 43, completionTokens: 10, reasoningTokens: 11, totalTokens: 53 },
  },
  'groq-midstream-error-with-text-pydantic-ai.sse': {
    status: 'error',
    error: {
      kind: 'provider',
      message: 'Tool choice is required, but model did not call a tool',
      code: 'tool_use_failed',
    },
  },
  'groq-midstream-error-tool-use-failed-pydantic-ai.part1.sse': {
    status: 'error',
    error: { kind: 'provider', message: groqToolError, code: 'tool_use_failed' },
  },
  'openai-chat-midstream-error-aibridge.sse': {
    status: 'error',
    error: {
      kind: 'provider',
      message: 'The server had an error while processing your request. Sorry about that!',
      code: 'server_error',
    },
  },
};

const THINK_IN_CONTENT = [
  'together-via-hf-router-deepseek-r1-think-in-content-pydantic-ai.sse',
  'groq-r1-distill-reasoning-format-raw-think-in-content-pydantic-ai.part1.sse',
  'llamacpp-tiny-random-think-in-content-template-opened.sse',
];

const recordings = listChatCompletionsRecordings();

describe('chat-completions recordings', () => {
  it('finds every chat-completions recording named in these tests, and no other style', () => {
    expect(recordings.length).toBeGreaterThanOrEqual(40);
    for (const name of [...Object.keys(OUTCOMES), ...THINK_IN_CONTENT]) {
      expect(recordings).toContain(name);
    }
    expect(recordings.filter((name) => /responses|anthropic/.test(name))).toEqual([]);
  });

  describe.each(recordings)('%s', (name) => {
    const bytes = readRecording(name);
    const expected = expectedFromText(new TextDecoder().decode(bytes));
    const whole = replay(bytes);
    const outcome = OUTCOMES[name] ?? {};

    it('builds reasoning and answer equal to the concatenated deltas, with no malformed chunk', () => {
      expect(whole.reasoning).toBe(expected.reasoning);
      expect(whole.answer).toBe(expected.answer);
      expect(whole.reasoning + whole.answer).not.toBe('');
      expect(whole.malformedChunks).toBe(0);
    });

    it('gives the same message when fed one byte at a time', () => {
      expect(replay(bytes, everyByte(bytes.length))).toEqual(whole);
    });

    it('gives the same message when cut at seeded random points', () => {
      for (const seed of sampledInMutationRun([7, 31, 2025, 65537], [7])) {
        expect(replay(bytes, randomSplitPoints(bytes.length, seed)), `seed ${seed}`).toEqual(whole);
      }
      expect(replay(bytes, randomSplitPoints(bytes.length, 5, 4096)), 'large reads').toEqual(whole);
    });

    it('ends with the status, finish reason, error and usage the provider sent', () => {
      const status = outcome.status ?? 'done';
      expect(whole.status).toBe(status);
      expect(whole.error).toEqual(outcome.error);
      if (status !== 'error') {
        expect(whole.finishReason).toBe(expected.finishReason);
        expect(whole.sawDone).toBe(true);
        expect(whole.usage?.totalTokens).toBe(expected.totalTokens);
      }
      if (status === 'truncated') expect(whole.finishReason).toBe('length');
      if (outcome.usage !== undefined) expect(whole.usage).toEqual(outcome.usage);
    });

    it('records when it was sent, started and ended, in order', () => {
      const { requestSentAt, firstReasoningAt, firstAnswerAt, endedAt } = whole.timing;
      expect(requestSentAt).toBe(1001);
      expect(endedAt).toBeGreaterThan(requestSentAt ?? Infinity);
      expect(firstReasoningAt === undefined).toBe(
        whole.reasoning === '' && whole.hasHiddenReasoning !== true,
      );
      expect(firstAnswerAt === undefined).toBe(whole.answer === '');
      if (firstReasoningAt !== undefined && firstAnswerAt !== undefined) {
        expect(firstReasoningAt).toBeLessThan(firstAnswerAt);
      }
    });
  });

  it.each(THINK_IN_CONTENT)('%s: keeps <think> tags in content as answer text', (name) => {
    const message = replay(readRecording(name));
    expect(message.reasoning).toBe('');
    expect(message.answer).toContain('</think>');
  });

  it('openrouter-midstream-error: keeps the reasoning and the length finish before the error', () => {
    const message = replay(readRecording('openrouter-midstream-error-pydantic-ai.sse'));
    expect(message.reasoning).not.toBe('');
    expect(message.answer).toBe('');
    expect(message.finishReason).toBe('length');
  });
});

// ---- Focused cases.

const chunk = (value: unknown, event?: string): SseEvent =>
  event === undefined ? { data: JSON.stringify(value) } : { event, data: JSON.stringify(value) };
const delta = (value: Record<string, unknown>): SseEvent =>
  chunk({ object: 'chat.completion.chunk', choices: [{ index: 0, delta: value }] });
const normalize = normalizeChatCompletionEvent;

describe('normalizeChatCompletionEvent', () => {
  it('gives nothing for a chunk with no choices, or with choices: []', () => {
    expect(normalize(chunk({ id: 'x', object: 'chat.completion.chunk' }))).toEqual([]);
    expect(normalize(chunk({ choices: [] }))).toEqual([]);
  });

  it('gives nothing for content: null, empty strings or a role-only delta', () => {
    expect(normalize(delta({ content: null, reasoning_content: '' }))).toEqual([]);
    expect(normalize(delta({ role: 'assistant', content: '' }))).toEqual([]);
    expect(normalize(delta({ role: 'assistant' }))).toEqual([]);
    expect(normalize(delta({ content: null, reasoning: null }))).toEqual([]);
  });

  it('puts reasoning before answer text when one delta carries both', () => {
    expect(normalize(delta({ content: 'B', reasoning_content: 'A' }))).toEqual([
      { type: 'reasoning-delta', text: 'A' },
      { type: 'answer-delta', text: 'B' },
    ]);
  });

  it('reads reasoning_content and reasoning, taking the vLLM alias pair once', () => {
    const once = [{ type: 'reasoning-delta', text: 'think' }];
    expect(normalize(delta({ reasoning_content: 'think' }))).toEqual(once);
    expect(normalize(delta({ reasoning: 'think' }))).toEqual(once);
    expect(normalize(delta({ reasoning: 'think', reasoning_content: 'think' }))).toEqual(once);
  });

  it('does not double OpenRouter reasoning that is also in reasoning_details', () => {
    const details = [{ type: 'reasoning.text', text: 'same', format: 'anthropic-claude-v1' }];
    expect(
      normalize(delta({ content: '', reasoning: 'same', reasoning_details: details })),
    ).toEqual([{ type: 'reasoning-delta', text: 'same' }]);
  });

  it('reads reasoning_details text and summaries when no plain field has text; encrypted is hidden reasoning', () => {
    const details = [
      { type: 'reasoning.summary', summary: 'S', format: 'openai-responses-v1' },
      { type: 'reasoning.text', text: 'T' },
      { type: 'reasoning.encrypted', data: 'opaque' },
    ];
    expect(normalize(delta({ reasoning: null, reasoning_details: details }))).toEqual([
      { type: 'reasoning-hidden' },
      { type: 'reasoning-delta', text: 'ST' },
    ]);
    expect(normalize(delta({ reasoning_details: [{ type: 'reasoning.encrypted' }] }))).toEqual([
      { type: 'reasoning-hidden' },
    ]);
  });

  it('splits Mistral content arrays into reasoning and answer parts, in order', () => {
    const content = [
      {
        type: 'thinking',
        thinking: [
          { type: 'text', text: 'a' },
          { type: 'text', text: 'b' },
        ],
      },
      { type: 'text', text: 'c' },
      { type: 'thinking', thinking: 'd' },
      { type: 'image_url', image_url: 'x' },
    ];
    expect(normalize(delta({ content }))).toEqual([
      { type: 'reasoning-delta', text: 'ab' },
      { type: 'answer-delta', text: 'c' },
      { type: 'reasoning-delta', text: 'd' },
    ]);
  });

  it('gives the finish reason, then usage, from one chunk', () => {
    const event = chunk({
      choices: [{ index: 0, delta: { content: 'x' }, finish_reason: 'stop' }],
      usage: { prompt_tokens: 1, completion_tokens: 2, total_tokens: 3 },
    });
    expect(normalize(event)).toEqual([
      { type: 'answer-delta', text: 'x' },
      { type: 'finish', finishReason: 'stop' },
      { type: 'usage', usage: { promptTokens: 1, completionTokens: 2, totalTokens: 3 } },
    ]);
  });

  it('reads the finish reason of a choice that has no delta', () => {
    // Some servers end with `{"choices":[{"index":0,"finish_reason":"stop"}]}` and no delta.
    expect(normalize(chunk({ choices: [{ index: 0, finish_reason: 'length' }] }))).toEqual([
      { type: 'finish', finishReason: 'length' },
    ]);
    expect(
      normalize(chunk({ choices: [{ index: 0, delta: null, finish_reason: 'stop' }] })),
    ).toEqual([{ type: 'finish', finishReason: 'stop' }]);
  });

  it("reads Groq's x_groq usage when there is no top-level usage", () => {
    const event = chunk({ choices: [], x_groq: { id: 'req', usage: { total_tokens: 9 } } });
    expect(normalize(event)).toEqual([{ type: 'usage', usage: { totalTokens: 9 } }]);
  });

  it('turns invalid JSON into exactly one malformed event, cut to 200 characters', () => {
    const [event, ...rest] = normalize({
      data: `{"choices": [${'x'.repeat(300)}`,
    });
    expect(rest).toEqual([]);
    expect(event).toMatchObject({ type: 'malformed' });
    if (event?.type !== 'malformed') throw new Error('expected a malformed event');
    expect(event.data).toHaveLength(200);
    expect(event.reason).not.toBe('');
    expect(normalize({ data: '[1,2]' })).toMatchObject([{ type: 'malformed' }]);
  });

  it('reads `event: error` with a JSON body, as Groq sends it', () => {
    const body = {
      error: {
        message: 'Tool choice is required',
        type: 'invalid_request_error',
        code: 'tool_use_failed',
      },
    };
    expect(normalize(chunk(body, 'error'))).toEqual([
      {
        type: 'provider-error',
        error: { message: 'Tool choice is required', code: 'tool_use_failed' },
      },
    ]);
  });

  it('reads `event: error` with a plain-text body as the message', () => {
    expect(normalize({ event: 'error', data: 'upstream went away' })).toEqual([
      { type: 'provider-error', error: { message: 'upstream went away' } },
    ]);
  });

  it('reads a vLLM {"object":"error"} body and a bare OpenAI {"error":…} line', () => {
    const vllm = { object: 'error', message: 'bad request', type: 'BadRequestError', code: 400 };
    expect(normalize(chunk(vllm))).toEqual([
      { type: 'provider-error', error: { message: 'bad request', code: '400' } },
    ]);
    const openai = { error: { message: 'server error', type: 'server_error' } };
    expect(normalize(chunk(openai))).toEqual([
      { type: 'provider-error', error: { message: 'server error', code: 'server_error' } },
    ]);
  });

  it('puts a top-level error beside choices after the text and usage of that chunk', () => {
    const event = chunk({
      error: { code: 400, message: 'Token limit reached' },
      choices: [{ index: 0, delta: { content: 'x' }, finish_reason: null }],
      usage: { total_tokens: 5 },
    });
    expect(normalize(event)).toEqual([
      { type: 'answer-delta', text: 'x' },
      { type: 'usage', usage: { totalTokens: 5 } },
      { type: 'provider-error', error: { message: 'Token limit reached', code: '400' } },
    ]);
  });

  it('reads [DONE], also with whitespace, and ignores empty data', () => {
    expect(normalize({ data: '[DONE]' })).toEqual([{ type: 'done' }]);
    expect(normalize({ data: ' [DONE] ' })).toEqual([{ type: 'done' }]);
    expect(normalize({ data: '' })).toEqual([]);
  });
});

describe('readUsage and readProviderError', () => {
  it('reads reasoning tokens from completion_tokens_details, or top level (Azure)', () => {
    expect(readUsage({ completion_tokens_details: { reasoning_tokens: 4 } })).toEqual({
      reasoningTokens: 4,
    });
    expect(readUsage({ reasoning_tokens: 0, total_tokens: 7 })).toEqual({
      reasoningTokens: 0,
      totalTokens: 7,
    });
  });

  it('gives undefined when nothing countable is there', () => {
    expect(readUsage(null)).toBeUndefined();
    expect(readUsage({})).toBeUndefined();
    expect(readUsage({ total_tokens: '3', prompt_tokens: Number.NaN })).toBeUndefined();
  });

  it('reads errors as strings, nested or flat objects, and anything else as text', () => {
    expect(readProviderError('boom')).toEqual({ message: 'boom' });
    expect(readProviderError({ error: 'flat text' })).toEqual({ message: 'flat text' });
    expect(readProviderError({ code: 'x' })).toEqual({ message: '{"code":"x"}', code: 'x' });
    expect(readProviderError(500)).toEqual({ message: '500' });
  });
});

describe('normalizeChatCompletionEvent: odd payloads', () => {
  const chunk = (delta: Record<string, unknown>): SseEvent => ({
    data: JSON.stringify({ choices: [{ index: 0, delta }] }),
  });

  it('skips reasoning details and content parts that are not objects', () => {
    expect(
      normalizeChatCompletionEvent(
        chunk({
          reasoning_details: [
            null,
            'x',
            3,
            { type: 'reasoning.text' },
            { type: 'reasoning.summary', summary: 7 },
            { type: 'reasoning.text', text: 'a' },
          ],
        }),
      ),
    ).toEqual([{ type: 'reasoning-delta', text: 'a' }]);
    expect(
      normalizeChatCompletionEvent(
        chunk({
          content: [
            null,
            'x',
            {
              type: 'thinking',
              thinking: [null, 'a', { type: 'text' }, { type: 'text', text: 'b' }],
            },
            { type: 'text', text: '' },
            { type: 'text', text: 'c' },
          ],
        }),
      ),
    ).toEqual([
      { type: 'reasoning-delta', text: 'ab' },
      { type: 'answer-delta', text: 'c' },
    ]);
  });

  it("routes a Gemini-flagged thought to reasoning even without the reply's tag state", () => {
    const google = { extra_content: { google: { thought: true } } };
    expect(normalizeChatCompletionEvent(chunk({ content: '<thought>a', ...google }))).toEqual([
      { type: 'reasoning-delta', text: '<thought>a' },
    ]);
    expect(normalizeChatCompletionEvent(chunk({ content: 'b' }))).toEqual([
      { type: 'answer-delta', text: 'b' },
    ]);
  });

  it('takes an error field of null as no error', () => {
    const data = JSON.stringify({ choices: [{ index: 0, delta: { content: 'a' } }], error: null });
    expect(normalizeChatCompletionEvent({ data })).toEqual([{ type: 'answer-delta', text: 'a' }]);
  });

  it('releases a held Gemini tag before a provider error', () => {
    const { normalize } = createChatCompletionsNormalizer();
    const google = { extra_content: { google: { thought: true } } };
    expect(normalize(chunk({ content: '<tho', ...google }))).toEqual([]);
    expect(normalize({ event: 'error', data: '{"error":{"message":"Overloaded"}}' })).toEqual([
      { type: 'reasoning-delta', text: '<tho' },
      { type: 'provider-error', error: { message: 'Overloaded' } },
    ]);
  });

  it('reads JSON that is not an object under `event: error` as the error, and cuts it otherwise', () => {
    expect(normalizeChatCompletionEvent({ event: 'error', data: '"Rate limited"' })).toEqual([
      { type: 'provider-error', error: { message: 'Rate limited' } },
    ]);
    const data = `[${'1,'.repeat(200)}1]`;
    expect(normalizeChatCompletionEvent({ data })).toEqual([
      { type: 'malformed', data: data.slice(0, 200), reason: 'not a JSON object' },
    ]);
  });

  it('reads any object under `event: error` as a provider error', () => {
    expect(
      normalizeChatCompletionEvent({ event: 'error', data: '{"message":"Overloaded"}' }),
    ).toEqual([{ type: 'provider-error', error: { message: 'Overloaded' } }]);
  });
});

describe('readProviderError, odd fields', () => {
  it('ignores a null code and an error field that is neither text nor an object', () => {
    expect(readProviderError({ message: 'x', code: null })).toEqual({ message: 'x' });
    expect(readProviderError({ error: 5 })).toEqual({ message: '{"error":5}' });
  });
});
