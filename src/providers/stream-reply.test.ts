import { afterEach, describe, expect, it, vi } from 'vitest';
import type { StreamEvent } from '../core/stream/stream-event';
import { buildReplyRequest, type ReplyRequestInput } from '../core/requests/provider-request';
import { streamReply } from './stream-reply';
import { HttpError } from './http-error';
import { RequestFailedError } from './request-failed-error';

const encoder = new TextEncoder();

function bytes(text: string): Uint8Array {
  return encoder.encode(text);
}

/** A body that hands out exactly these chunks, one per read; `onCancel` sees a cancel. */
function streamOf(chunks: Uint8Array[], onCancel?: () => void): ReadableStream<Uint8Array> {
  let index = 0;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      const chunk = chunks[index];
      index += 1;
      if (chunk === undefined) controller.close();
      else controller.enqueue(chunk);
    },
    cancel() {
      onCancel?.();
    },
  });
}

function sseResponse(chunks: Uint8Array[], onCancel?: () => void): Response {
  return new Response(streamOf(chunks, onCancel), {
    status: 200,
    headers: { 'Content-Type': 'text/event-stream' },
  });
}

function stubFetch(response: Response | (() => Promise<Response>)) {
  const fetchMock = vi.fn<typeof fetch>(async () =>
    typeof response === 'function' ? response() : response,
  );
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

type ChatCompletionRequest = Pick<ReplyRequestInput, 'baseUrl' | 'apiKey' | 'model' | 'messages'>;

/** A chat completions request through the real request builder and transport. */
function streamChatCompletion(input: ChatCompletionRequest, signal: AbortSignal) {
  const request = buildReplyRequest({
    ...input,
    family: 'generic',
    apiStyle: 'chat-completions',
    options: {},
  });
  return streamReply(request, 'chat-completions', signal);
}

const request: ChatCompletionRequest = {
  baseUrl: 'https://api.example.com/v1/',
  apiKey: 'sk-secret',
  model: 'reasoner',
  messages: [
    { role: 'user', content: 'Is 91 prime?' },
    { role: 'assistant', content: 'No.' },
    { role: 'user', content: 'Why?' },
  ],
};

async function collect(iterable: AsyncIterable<StreamEvent[]>): Promise<StreamEvent[][]> {
  const batches: StreamEvent[][] = [];
  for await (const batch of iterable) batches.push(batch);
  return batches;
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('streamReply (chat completions)', () => {
  it('POSTs the request to {baseUrl}/chat/completions with a streaming body', async () => {
    const fetchMock = stubFetch(sseResponse([bytes('data: [DONE]\n\n')]));
    const controller = new AbortController();

    await collect(streamChatCompletion(request, controller.signal));

    expect(fetchMock).toHaveBeenCalledTimes(1);
    const [url, init] = fetchMock.mock.calls[0]!;
    expect(url).toBe('https://api.example.com/v1/chat/completions');
    expect(init?.method).toBe('POST');
    expect(init?.signal).toBe(controller.signal);
    expect(JSON.parse(String(init?.body))).toEqual({
      model: 'reasoner',
      messages: request.messages,
      stream: true,
      stream_options: { include_usage: true },
    });
    const headers = new Headers(init?.headers);
    expect(headers.get('Authorization')).toBe('Bearer sk-secret');
    expect(headers.get('Content-Type')).toBe('application/json');
  });

  it('joins a base URL without a trailing slash too', async () => {
    const fetchMock = stubFetch(sseResponse([]));
    await collect(
      streamChatCompletion(
        { ...request, baseUrl: 'http://127.0.0.1:11434/v1' },
        new AbortController().signal,
      ),
    );
    expect(fetchMock.mock.calls[0]![0]).toBe('http://127.0.0.1:11434/v1/chat/completions');
  });

  it.each(['', '   '])('sends no Authorization header when the key is %j', async (apiKey) => {
    const fetchMock = stubFetch(sseResponse([]));
    await collect(streamChatCompletion({ ...request, apiKey }, new AbortController().signal));
    const headers = new Headers(fetchMock.mock.calls[0]![1]?.headers);
    expect(headers.has('Authorization')).toBe(false);
  });

  it('yields one batch per read (empty when a read completes no event), across events and UTF-8 characters split between reads', async () => {
    const first = 'data: {"choices":[{"delta":{"reasoning_content":"Gr';
    const umlaut = bytes('ü'); // two bytes, split across reads
    const chunks = [
      bytes(first),
      Uint8Array.of(umlaut[0]!),
      Uint8Array.of(
        umlaut[1]!,
        ...bytes('n π"}}]}\n\ndata: {"choices":[{"delta":{"content":"Ja ✓"}}]}\n'),
      ),
      bytes(
        '\ndata: {"choices":[{"delta":{},"finish_reason":"stop"}],' +
          '"usage":{"prompt_tokens":5,"completion_tokens":7}}\n\ndata: [DO',
      ),
      bytes('NE]\n\n'),
    ];
    stubFetch(sseResponse(chunks));

    const batches = await collect(streamChatCompletion(request, new AbortController().signal));

    expect(batches.filter((batch) => batch.length > 0)).toEqual([
      [{ type: 'reasoning-delta', text: 'Grün π' }],
      [
        { type: 'answer-delta', text: 'Ja ✓' },
        { type: 'finish', finishReason: 'stop' },
        { type: 'usage', usage: { promptTokens: 5, completionTokens: 7 } },
      ],
      [{ type: 'done' }],
    ]);
  });

  it('yields a malformed event for a payload that is not JSON, and goes on', async () => {
    stubFetch(
      sseResponse([
        bytes('data: {"choices":[\n\ndata: {"choices":[{"delta":{"content":"ok"}}]}\n\n'),
      ]),
    );
    const batches = await collect(streamChatCompletion(request, new AbortController().signal));
    const nonEmpty = batches.filter((batch) => batch.length > 0);
    expect(nonEmpty).toHaveLength(1);
    expect(nonEmpty[0]).toMatchObject([
      { type: 'malformed', data: '{"choices":[' },
      { type: 'answer-delta', text: 'ok' },
    ]);
  });

  it('yields nothing for a 200 response without a body', async () => {
    stubFetch(new Response(null, { status: 200 }));
    await expect(
      collect(streamChatCompletion(request, new AbortController().signal)),
    ).resolves.toEqual([]);
  });

  it('cancels the body when the consumer stops reading early', async () => {
    const onCancel = vi.fn();
    stubFetch(
      sseResponse(
        [
          bytes('data: {"choices":[{"delta":{"content":"one"}}]}\n\n'),
          bytes('data: {"choices":[{"delta":{"content":"two"}}]}\n\n'),
        ],
        onCancel,
      ),
    );
    for await (const batch of streamChatCompletion(request, new AbortController().signal)) {
      expect(batch).toEqual([{ type: 'answer-delta', text: 'one' }]);
      break;
    }
    await vi.waitFor(() => expect(onCancel).toHaveBeenCalledTimes(1));
  });

  it('throws an HttpError with the provider message from a JSON error body', async () => {
    stubFetch(
      new Response(
        JSON.stringify({
          error: {
            message: 'Incorrect API key provided.',
            type: 'invalid_request_error',
            code: 'invalid_api_key',
          },
        }),
        {
          status: 401,
          statusText: 'Unauthorized',
          headers: { 'Content-Type': 'application/json' },
        },
      ),
    );

    const error = await collect(streamChatCompletion(request, new AbortController().signal)).then(
      () => undefined,
      (caught: unknown) => caught,
    );

    expect(error).toBeInstanceOf(HttpError);
    expect(error).toMatchObject({
      kind: 'http',
      status: 401,
      providerError: { message: 'Incorrect API key provided.', code: 'invalid_api_key' },
      message: 'HTTP 401: Incorrect API key provided.',
    });
  });

  it('throws an HttpError with the text of a plain-text error body', async () => {
    stubFetch(
      new Response('  upstream connect error or disconnect\n', {
        status: 502,
        statusText: 'Bad Gateway',
      }),
    );
    await expect(
      collect(streamChatCompletion(request, new AbortController().signal)),
    ).rejects.toMatchObject({
      name: 'HttpError',
      status: 502,
      providerError: { message: 'upstream connect error or disconnect' },
    });
  });

  it('throws an HttpError with the status text when the error body is empty', async () => {
    stubFetch(new Response(null, { status: 500, statusText: 'Internal Server Error' }));
    await expect(
      collect(streamChatCompletion(request, new AbortController().signal)),
    ).rejects.toMatchObject({
      status: 500,
      providerError: { message: 'Internal Server Error' },
    });
  });

  // Issue 11: a refused connection said "Connection lost".
  it('names a request with no response "nothing answered" when a no-cors probe fails too', async () => {
    const fetchMock = stubFetch(() => Promise.reject(new TypeError('Failed to fetch')));
    const failure = collect(streamChatCompletion(request, new AbortController().signal));
    await expect(failure).rejects.toThrow(RequestFailedError);
    await expect(failure).rejects.toMatchObject({ problem: 'unreachable' });
    await expect(failure).rejects.toThrow(/^Nothing answered at https:\/\/api\.example\.com:/);
    expect(fetchMock.mock.calls[1]?.[1]?.mode).toBe('no-cors');
  });

  it('names it a CORS refusal when the no-cors probe gets an answer', async () => {
    const fetchMock = vi.fn<typeof fetch>(async (_url, init) => {
      if (init?.mode === 'no-cors') return new Response(null, { status: 200 });
      throw new TypeError('Failed to fetch');
    });
    vi.stubGlobal('fetch', fetchMock);
    const failure = collect(streamChatCompletion(request, new AbortController().signal));
    await expect(failure).rejects.toMatchObject({ problem: 'cors-refused' });
    await expect(failure).rejects.toThrow(/refused this page \(CORS\)/);
  });
});
