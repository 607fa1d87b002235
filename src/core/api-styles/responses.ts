/**
 * OpenAI Responses API streaming (`POST /responses` with `stream: true`): SSE events in,
 * {@link StreamEvent}s out.
 *
 * Wire format: typed "response stream events" (platform.openai.com/docs/api-reference/responses-streaming),
 * each an `event: <type>` line plus `data: {"type":"<type>",…,"sequence_number":n}`. Recordings in
 * `../shared/streams` (`openai-responses-*`, `openrouter-responses-raw-cot-pydantic-ai`) and notes in
 * `../shared/docs/provider-streams.md` ("OpenAI Responses API"). What is read:
 * - `response.reasoning_summary_text.delta` (reasoning summaries) and `response.reasoning_text.delta`
 *   (raw chain of thought, gpt-oss through OpenRouter) as reasoning; a blank line goes between two
 *   summary parts (`summary_index`) or reasoning items, because each part starts with its own
 *   `**Header**` and would otherwise run into the last sentence of the part before;
 * - `response.output_text.delta` as answer, and `response.refusal.delta` too, so a refusal is shown;
 * - the `.done` events repeat the full text and are ignored, so nothing is doubled;
 * - `response.completed` / `response.incomplete` for usage (`input_tokens`, `output_tokens`,
 *   `output_tokens_details.reasoning_tokens`, `total_tokens`) and the finish reason, then the end;
 * - `error` events, nested (`{"type":"error","error":{type,code,message}}`, as recorded) or flat
 *   (`{"type":"error",code,message}`, as documented), and `response.failed` after them;
 * - OpenRouter's variant: `data:`-only events (the type is read from `data.type`) ending in
 *   `data: [DONE]`. OpenAI's own stream has no `[DONE]`; it ends after `response.completed`.
 *
 * An encrypted reasoning item with no summary shows nothing: there is no text to show.
 */
import type { SseEvent } from '../sse/parse-sse';
import type { FinishReason, ProviderError, StreamEvent, Usage } from '../stream/stream-event';
import { readProviderError } from './chat-completions';
import { compactUsage, isObject, type Json, nonEmptyString, toCount } from './json-fields';

/**
 * Reads a Responses API usage object: `input_tokens`, `output_tokens` (reasoning included),
 * `output_tokens_details.reasoning_tokens` and `total_tokens`.
 *
 * @returns the counts found, or `undefined` when there are none (`usage: null` while in progress).
 */
export function readResponsesUsage(raw: unknown): Usage | undefined {
  if (!isObject(raw)) return undefined;
  const details = isObject(raw.output_tokens_details) ? raw.output_tokens_details : {};
  const usage: Usage = {
    promptTokens: toCount(raw.input_tokens),
    completionTokens: toCount(raw.output_tokens),
    reasoningTokens: toCount(details.reasoning_tokens),
    totalTokens: toCount(raw.total_tokens),
  };
  return compactUsage(usage);
}

/**
 * Reads the payload of an `error` event, nested (`error: {type, code, message}`, as OpenAI sent it
 * in the recorded stream) or flat (`code`, `message` beside `type: "error"`, as the API reference
 * documents it). The code is `code`, or the nested `type` when there is no code.
 */
export function readResponsesError(data: Json): ProviderError {
  if (isObject(data.error)) return readProviderError(data.error);
  const flat: Json = { ...data };
  delete flat.type; // always "error" here: not a code
  delete flat.sequence_number;
  return readProviderError(flat);
}

/** Output item types that the client has to act on, so the response ended to call a tool. */
const CLIENT_TOOL_CALL_TYPES = new Set(['function_call', 'custom_tool_call']);

function completedFinishReason(response: Json): FinishReason {
  const output = Array.isArray(response.output) ? response.output : [];
  const callsTool = output.some(
    (item) =>
      isObject(item) && typeof item.type === 'string' && CLIENT_TOOL_CALL_TYPES.has(item.type),
  );
  return callsTool ? 'tool_calls' : 'stop';
}

/** `incomplete_details.reason` as a finish reason: `max_output_tokens` is `length`. */
function incompleteFinishReason(response: Json): FinishReason {
  const details = isObject(response.incomplete_details) ? response.incomplete_details : {};
  const reason = nonEmptyString(details.reason);
  if (reason === 'max_output_tokens') return 'length';
  return reason ?? 'incomplete';
}

/** The blank line to put before a new reasoning part, given how the reasoning so far ends. */
function separatorAfter(tail: string): string {
  if (tail.endsWith('\n\n')) return '';
  return tail.endsWith('\n') ? '\n' : '\n\n';
}

/**
 * Creates a normalizer for one Responses API stream. Use a new one for every request: it remembers
 * which reasoning part the last reasoning text belonged to, and whether an error was reported.
 *
 * @returns a function from one SSE event to zero or more stream events. It never throws: a payload
 *   that is not JSON becomes one `malformed` event (or a `provider-error` under `event: error`).
 *   Unknown event types give nothing.
 */
export function createResponsesNormalizer(): (event: SseEvent) => StreamEvent[] {
  /** `item/field/index` of the reasoning part the last reasoning text came from. */
  let reasoningPart: string | undefined;
  /** The last two characters of the reasoning given so far. */
  let reasoningTail = '';
  let errorReported = false;

  function reasoning(data: Json, partField: 'summary_index' | 'content_index'): StreamEvent[] {
    const delta = nonEmptyString(data.delta);
    if (delta === undefined) return [];
    const item = nonEmptyString(data.item_id) ?? String(data.output_index);
    const part = `${item}/${partField}/${String(data[partField])}`;
    const separator =
      reasoningPart !== undefined && part !== reasoningPart ? separatorAfter(reasoningTail) : '';
    reasoningPart = part;
    const text = separator + delta;
    reasoningTail = (reasoningTail + text).slice(-2);
    return [{ type: 'reasoning-delta', text }];
  }

  function error(providerError: ProviderError): StreamEvent[] {
    if (errorReported) return [];
    errorReported = true;
    return [{ type: 'provider-error', error: providerError }];
  }

  function end(response: Json, finishReason: FinishReason): StreamEvent[] {
    const out: StreamEvent[] = [];
    const usage = readResponsesUsage(response.usage);
    if (usage !== undefined) out.push({ type: 'usage', usage });
    out.push({ type: 'finish', finishReason }, { type: 'done' });
    return out;
  }

  return (event) => {
    const raw = event.data.trim();
    if (raw === '') return [];
    if (raw === '[DONE]') return [{ type: 'done' }];

    let data: unknown;
    try {
      data = JSON.parse(raw);
    } catch (parseError) {
      if (event.event === 'error') return error({ message: raw });
      return [
        {
          type: 'malformed',
          data: raw.slice(0, 200),
          reason: parseError instanceof Error ? parseError.message : 'invalid JSON',
        },
      ];
    }
    if (!isObject(data)) {
      if (event.event === 'error') return error(readProviderError(data));
      return [{ type: 'malformed', data: raw.slice(0, 200), reason: 'not a JSON object' }];
    }

    const type = event.event !== undefined && event.event !== 'message' ? event.event : data.type;
    const response = isObject(data.response) ? data.response : {};
    switch (type) {
      case 'response.reasoning_summary_text.delta':
        return reasoning(data, 'summary_index');
      case 'response.reasoning_text.delta':
        return reasoning(data, 'content_index');
      case 'response.output_text.delta':
      case 'response.refusal.delta': {
        const text = nonEmptyString(data.delta);
        return text === undefined ? [] : [{ type: 'answer-delta', text }];
      }
      case 'response.completed':
        return end(response, completedFinishReason(response));
      case 'response.incomplete':
        return end(response, incompleteFinishReason(response));
      case 'response.failed': {
        const usage = readResponsesUsage(response.usage);
        const failure = isObject(response.error)
          ? readProviderError(response.error)
          : { message: 'The response failed.' };
        const out: StreamEvent[] = usage === undefined ? [] : [{ type: 'usage', usage }];
        return [...out, ...error(failure)];
      }
      case 'error':
        return error(readResponsesError(data));
      default:
        return [];
    }
  };
}
