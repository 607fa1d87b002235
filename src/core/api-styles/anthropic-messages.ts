/**
 * Anthropic Messages API streaming (`POST /v1/messages` with `stream: true` and
 * `thinking: {type: "enabled", budget_tokens}`): SSE events in, {@link StreamEvent}s out.
 *
 * Wire format: Anthropic's message stream events (docs.anthropic.com/en/api/messages-streaming and
 * /en/docs/build-with-claude/extended-thinking), each an `event: <type>` line plus
 * `data: {"type":"<type>",…}`. Recording: `shared/streams/anthropic-native-thinking-stream-pydantic-ai.sse`
 * (the JSON there is padded with trailing spaces; `JSON.parse` ignores them). What is read:
 * - `message_start`: the prompt size from `message.usage`. `promptTokens` is `input_tokens` plus
 *   `cache_creation_input_tokens` plus `cache_read_input_tokens`, because Anthropic's
 *   `input_tokens` counts only the uncached part and the other styles report the whole prompt;
 * - `content_block_start`: a `text` block may already carry text (given as answer), a `thinking`
 *   block likewise (given as reasoning); a `redacted_thinking` block holds only encrypted data, so
 *   it becomes a `reasoning-hidden` event (the panel says the provider hides that reasoning);
 * - `content_block_delta`: `thinking_delta.thinking` is reasoning, `text_delta.text` is answer;
 *   `signature_delta` and `input_json_delta` are ignored (Ruminate sends no tools, so thinking
 *   blocks never go back with their signatures). A blank line goes between two thinking blocks of
 *   one message (interleaved thinking around tool calls);
 * - `message_delta`: `delta.stop_reason` as the finish reason (see {@link mapAnthropicStopReason}) and
 *   `usage.output_tokens` as completion tokens. Thinking is counted inside `output_tokens`; Anthropic
 *   reports no separate reasoning count, and no total;
 * - `message_stop` ends the message; `ping` and unknown events give nothing;
 * - `error` (`{"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}}`) is a
 *   provider error whose code is the error type.
 */
import type { SseEvent } from '../sse/parse-sse';
import type { FinishReason, StreamEvent, Usage } from '../stream/stream-event';
import { readProviderError } from './chat-completions';
import { isObject, type Json, nonEmptyString, toCount } from './json-fields';

/**
 * Maps an Anthropic `stop_reason` to a finish reason: `end_turn` and `stop_sequence` are `stop`,
 * `max_tokens` and `model_context_window_exceeded` are `length`, `tool_use` is `tool_calls`,
 * `refusal` is `content_filter`; anything else (`pause_turn`, …) is kept as is.
 */
export function mapAnthropicStopReason(stopReason: string): FinishReason {
  switch (stopReason) {
    case 'end_turn':
    case 'stop_sequence':
      return 'stop';
    case 'max_tokens':
    case 'model_context_window_exceeded':
      return 'length';
    case 'tool_use':
      return 'tool_calls';
    case 'refusal':
      return 'content_filter';
    default:
      return stopReason;
  }
}

/**
 * The whole prompt size from an Anthropic usage object: `input_tokens` plus the cache creation and
 * cache read tokens, which Anthropic counts separately. `undefined` when `input_tokens` is missing.
 */
function readPromptTokens(usage: Json): number | undefined {
  const input = toCount(usage.input_tokens);
  if (input === undefined) return undefined;
  return (
    input +
    (toCount(usage.cache_creation_input_tokens) ?? 0) +
    (toCount(usage.cache_read_input_tokens) ?? 0)
  );
}

type Parsed = { type: unknown; data: Json } | { events: StreamEvent[] };

/** Parses one SSE event; a payload that is not a JSON object becomes the events to give instead. */
function parse(event: SseEvent): Parsed {
  const raw = event.data.trim();
  if (raw === '') return { events: [] };
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch (parseError) {
    if (event.event === 'error') {
      return { events: [{ type: 'provider-error', error: { message: raw } }] };
    }
    const reason = parseError instanceof Error ? parseError.message : 'invalid JSON';
    return { events: [{ type: 'malformed', data: raw.slice(0, 200), reason }] };
  }
  if (!isObject(data)) {
    if (event.event === 'error') {
      return { events: [{ type: 'provider-error', error: readProviderError(data) }] };
    }
    return {
      events: [{ type: 'malformed', data: raw.slice(0, 200), reason: 'not a JSON object' }],
    };
  }
  const type = event.event !== undefined && event.event !== 'message' ? event.event : data.type;
  return { type, data };
}

/**
 * Creates a normalizer for one Anthropic Messages stream. Use a new one for every request: it keeps
 * the prompt tokens from `message_start` to report them with the output tokens at `message_delta`,
 * and the index of the thinking block the last reasoning came from.
 *
 * @returns a function from one SSE event to zero or more stream events. It never throws: a payload
 *   that is not JSON becomes one `malformed` event (or a `provider-error` under `event: error`).
 */
export function createAnthropicNormalizer(): (event: SseEvent) => StreamEvent[] {
  const usage: Usage = {};
  /** Index of the content block the last reasoning text came from. */
  let reasoningBlock: unknown;

  function reasoning(index: unknown, thinking: unknown): StreamEvent[] {
    const text = nonEmptyString(thinking);
    if (text === undefined) return [];
    const separator = reasoningBlock !== undefined && index !== reasoningBlock ? '\n\n' : '';
    reasoningBlock = index;
    return [{ type: 'reasoning-delta', text: separator + text }];
  }

  function answer(text: unknown): StreamEvent[] {
    const value = nonEmptyString(text);
    return value === undefined ? [] : [{ type: 'answer-delta', text: value }];
  }

  return (event) => {
    const parsed = parse(event);
    if ('events' in parsed) return parsed.events;
    const { type, data } = parsed;

    switch (type) {
      case 'message_start': {
        const message = isObject(data.message) ? data.message : {};
        const promptTokens = readPromptTokens(isObject(message.usage) ? message.usage : {});
        if (promptTokens === undefined) return [];
        usage.promptTokens = promptTokens;
        return [{ type: 'usage', usage: { promptTokens } }];
      }
      case 'content_block_start': {
        const block = isObject(data.content_block) ? data.content_block : {};
        if (block.type === 'thinking') return reasoning(data.index, block.thinking);
        if (block.type === 'text') return answer(block.text);
        if (block.type === 'redacted_thinking') return [{ type: 'reasoning-hidden' }];
        return []; // tool_use, server tool blocks
      }
      case 'content_block_delta': {
        const delta = isObject(data.delta) ? data.delta : {};
        if (delta.type === 'thinking_delta') return reasoning(data.index, delta.thinking);
        if (delta.type === 'text_delta') return answer(delta.text);
        return []; // signature_delta, input_json_delta, citations_delta
      }
      case 'message_delta': {
        const out: StreamEvent[] = [];
        const raw = isObject(data.usage) ? data.usage : {};
        const promptTokens = readPromptTokens(raw);
        if (promptTokens !== undefined) usage.promptTokens = promptTokens;
        const completionTokens = toCount(raw.output_tokens);
        if (completionTokens !== undefined) usage.completionTokens = completionTokens;
        if (promptTokens !== undefined || completionTokens !== undefined) {
          out.push({ type: 'usage', usage: { ...usage } });
        }
        const delta = isObject(data.delta) ? data.delta : {};
        const stopReason = nonEmptyString(delta.stop_reason);
        if (stopReason !== undefined) {
          out.push({ type: 'finish', finishReason: mapAnthropicStopReason(stopReason) });
        }
        return out;
      }
      case 'message_stop':
        return [{ type: 'done' }];
      case 'error':
        return [{ type: 'provider-error', error: readProviderError(data.error ?? data) }];
      default:
        return []; // ping, content_block_stop, unknown events
    }
  };
}
