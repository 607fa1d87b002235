/**
 * Test helpers for code that streams replies (`ChatSession`): provider settings and a transport
 * the test drives step by step. Imported by tests only.
 */
import type { ReplyDecoderOptions } from '../core/api-styles/reply-decoder';
import type { ApiStyle, HttpRequestSpec } from '../core/requests/provider-request';
import type { StreamEvent } from '../core/stream/stream-event';
import type { ProviderSettings } from './provider-presets';
import type { ReplyTransport } from './reply-transport';

/** Settings for a made-up chat completions provider. */
export const testSettings: ProviderSettings = {
  presetId: 'custom',
  providerName: 'Test provider',
  baseUrl: 'https://llm.example',
  apiKey: 'sk-test',
  model: 'thinker-1',
  apiStyle: 'chat-completions',
  family: 'generic',
  options: {},
};

type Step =
  { kind: 'batch'; events: StreamEvent[] } | { kind: 'end' } | { kind: 'throw'; error: unknown };

/**
 * A transport the test drives step by step: `push` a batch, then `finish` or `fail`. Like the real
 * transport, it rejects with an `AbortError` as soon as the signal passed to it aborts. `calls`
 * records every request.
 */
export function createFakeTransport() {
  const calls: {
    request: HttpRequestSpec;
    apiStyle: ApiStyle;
    signal: AbortSignal;
    options?: ReplyDecoderOptions;
  }[] = [];
  const queue: Step[] = [];
  let wake: (() => void) | undefined;

  function enqueue(step: Step) {
    queue.push(step);
    wake?.();
  }

  const transport: ReplyTransport = async function* (request, apiStyle, signal, options) {
    calls.push({ request, apiStyle, signal, options });
    const onAbort = () => wake?.();
    signal.addEventListener('abort', onAbort);
    try {
      for (;;) {
        while (queue.length === 0 && !signal.aborted) {
          await new Promise<void>((resolve) => (wake = resolve));
        }
        if (signal.aborted) throw new DOMException('The operation was aborted.', 'AbortError');
        const step = queue.shift()!;
        if (step.kind === 'end') return;
        if (step.kind === 'throw') throw step.error;
        yield step.events;
      }
    } finally {
      signal.removeEventListener('abort', onAbort);
    }
  };

  return {
    transport,
    calls,
    push: (...events: StreamEvent[]) => enqueue({ kind: 'batch', events }),
    finish: () => enqueue({ kind: 'end' }),
    fail: (error: unknown) => enqueue({ kind: 'throw', error }),
  };
}

/** Lets pending promises and the session's `for await` loop take every batch queued so far. */
export async function settle(): Promise<void> {
  for (let i = 0; i < 5; i += 1) await new Promise((resolve) => setTimeout(resolve, 0));
}
