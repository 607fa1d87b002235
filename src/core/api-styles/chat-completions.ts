/**
 * OpenAI-compatible `/chat/completions` streaming: SSE events in, {@link StreamEvent}s out.
 *
 * Wire format: OpenAI "chat completion chunk" objects, one per `data:` line, ending in
 * `data: [DONE]` (platform.openai.com/docs/api-reference/chat-streaming). Provider variants handled
 * here, with recordings in `../shared/streams` and notes in `../shared/docs/provider-streams.md`:
 * - reasoning in `delta.reasoning_content` (DeepSeek, llama.cpp, xAI, Z.ai, Alibaba, older vLLM) or
 *   `delta.reasoning` (OpenRouter, Groq parsed, Ollama, vLLM >= 0.11); if both carry text it is the
 *   same text under two names (vLLM's deprecated alias), so it is taken once;
 * - OpenRouter `delta.reasoning_details` (`reasoning.text`, `reasoning.summary`), read only when
 *   neither plain field carries the text, so it is never doubled; `reasoning.encrypted` becomes a
 *   `reasoning-hidden` event, since its text cannot be shown;
 * - Mistral `delta.content` as an array of `{type:"thinking"}` and `{type:"text"}` parts;
 * - chunks with no `choices`, `choices: []`, `content: null`, role-only deltas, extra fields;
 * - Gemini thought summaries: `delta.content` flagged `extra_content.google.thought` is reasoning,
 *   with its `<thought>` / `</thought>` tags stripped by {@link createChatCompletionsNormalizer}
 *   (`gemini-thought-tags.ts`);
 * - `usage` on any chunk, including Groq's `x_groq.usage`;
 * - errors as a top-level `error` object (OpenAI, OpenRouter beside `choices`, vLLM, llama.cpp),
 *   a vLLM `{"object":"error"}` body, or under `event: error` (Groq).
 */
import type { SseEvent } from '../sse/parse-sse';
import type { ProviderError, StreamEvent, Usage } from '../stream/stream-event';
import type { StyleNormalizer } from './api-style-definition';
import { GeminiThoughtTags, isGeminiThought } from './gemini-thought-tags';
import { compactUsage, isObject, type Json, nonEmptyString, toCount } from './json-fields';

/**
 * Reads an OpenAI-style usage object (`prompt_tokens`, `completion_tokens`, `total_tokens`,
 * `completion_tokens_details.reasoning_tokens`; Azure's top-level `reasoning_tokens`).
 */
export function readUsage(raw: unknown): Usage | undefined {
  if (!isObject(raw)) return undefined;
  const details = isObject(raw.completion_tokens_details) ? raw.completion_tokens_details : {};
  const usage: Usage = {
    promptTokens: toCount(raw.prompt_tokens),
    completionTokens: toCount(raw.completion_tokens),
    reasoningTokens: toCount(details.reasoning_tokens) ?? toCount(raw.reasoning_tokens),
    totalTokens: toCount(raw.total_tokens),
  };
  return compactUsage(usage);
}

/**
 * Reads a provider error from an `error` value or an error body: `{message, type, code}`, a flat
 * `{"object":"error","message":…}`, a bare string, or anything else (shown as JSON).
 */
export function readProviderError(raw: unknown): ProviderError {
  if (typeof raw === 'string') return { message: raw };
  if (isObject(raw)) {
    const inner = isObject(raw.error) ? raw.error : raw;
    const message =
      nonEmptyString(inner.message) ??
      (typeof inner.error === 'string' ? inner.error : undefined) ??
      JSON.stringify(inner);
    const code = inner.code ?? inner.type;
    return code === undefined || code === null ? { message } : { message, code: String(code) };
  }
  return { message: String(raw) };
}

function readReasoningDetails(raw: unknown): string {
  if (!Array.isArray(raw)) return '';
  let text = '';
  for (const detail of raw) {
    if (!isObject(detail)) continue;
    if (detail.type === 'reasoning.text') text += nonEmptyString(detail.text) ?? '';
    else if (detail.type === 'reasoning.summary') text += nonEmptyString(detail.summary) ?? '';
  }
  return text;
}

/** Mistral `content` arrays: `{type:"thinking", thinking:[{type:"text",text}]}` and `{type:"text",text}`. */
function readContentParts(parts: unknown[], out: StreamEvent[]): void {
  for (const part of parts) {
    if (!isObject(part)) continue;
    if (part.type === 'thinking') {
      const inner = Array.isArray(part.thinking) ? part.thinking : [part.thinking];
      let text = '';
      for (const piece of inner) {
        if (typeof piece === 'string') text += piece;
        else if (isObject(piece)) text += nonEmptyString(piece.text) ?? '';
      }
      if (text !== '') out.push({ type: 'reasoning-delta', text });
    } else if (part.type === 'text') {
      const text = nonEmptyString(part.text);
      if (text !== undefined) out.push({ type: 'answer-delta', text });
    }
  }
}

function hasEncryptedReasoning(raw: unknown): boolean {
  return Array.isArray(raw) && raw.some((d) => isObject(d) && d.type === 'reasoning.encrypted');
}

/** Routes `content` text: Gemini-flagged thoughts are reasoning, the rest is answer. */
function readContent(
  text: string,
  isThought: boolean,
  out: StreamEvent[],
  tags?: GeminiThoughtTags,
) {
  if (tags === undefined) out.push({ type: isThought ? 'reasoning-delta' : 'answer-delta', text });
  else if (isThought) tags.thought(text, out);
  else tags.answer(text, out);
}

function readChoice(choice: Json, out: StreamEvent[], tags?: GeminiThoughtTags): void {
  const delta = isObject(choice.delta) ? choice.delta : undefined;
  if (delta !== undefined) {
    if (hasEncryptedReasoning(delta.reasoning_details)) out.push({ type: 'reasoning-hidden' });
    const reasoning =
      nonEmptyString(delta.reasoning_content) ??
      nonEmptyString(delta.reasoning) ??
      nonEmptyString(readReasoningDetails(delta.reasoning_details));
    if (reasoning !== undefined) out.push({ type: 'reasoning-delta', text: reasoning });

    const content = delta.content;
    if (typeof content === 'string') {
      if (content !== '') readContent(content, isGeminiThought(delta, choice.message), out, tags);
    } else if (Array.isArray(content)) {
      readContentParts(content, out);
    }
  }
  const finishReason = nonEmptyString(choice.finish_reason);
  if (finishReason !== undefined) out.push({ type: 'finish', finishReason });
}

/**
 * Turns one SSE event of an OpenAI-compatible chat completions stream into stream events.
 *
 * @param event - one event from the SSE parser.
 * @param tags - the reply's Gemini tag state; without it, flagged thoughts keep their tags.
 * @returns zero or more events, in the order a reader should apply them: reasoning before answer
 *   text in the same delta, then finish reason, usage, and finally any error. Never throws: a payload
 *   that is not JSON becomes one `malformed` event.
 */
export function normalizeChatCompletionEvent(
  event: SseEvent,
  tags?: GeminiThoughtTags,
): StreamEvent[] {
  const data = event.data.trim();
  if (data === '') return [];
  if (data === '[DONE]') return [{ type: 'done' }];

  let chunk: unknown;
  try {
    chunk = JSON.parse(data);
  } catch (error) {
    if (event.event === 'error') return [{ type: 'provider-error', error: { message: data } }];
    return [
      {
        type: 'malformed',
        data: data.slice(0, 200),
        reason: error instanceof Error ? error.message : 'invalid JSON',
      },
    ];
  }

  if (!isObject(chunk)) {
    if (event.event === 'error')
      return [{ type: 'provider-error', error: readProviderError(chunk) }];
    return [{ type: 'malformed', data: data.slice(0, 200), reason: 'not a JSON object' }];
  }

  const out: StreamEvent[] = [];
  const choices = Array.isArray(chunk.choices) ? chunk.choices : [];
  const first: unknown = choices[0];
  if (isObject(first)) readChoice(first, out, tags);

  const usage =
    readUsage(chunk.usage) ?? (isObject(chunk.x_groq) ? readUsage(chunk.x_groq.usage) : undefined);
  if (usage !== undefined) out.push({ type: 'usage', usage });

  const isErrorBody = chunk.object === 'error';
  if (
    event.event === 'error' ||
    (chunk.error !== undefined && chunk.error !== null) ||
    isErrorBody
  ) {
    out.push({ type: 'provider-error', error: readProviderError(chunk.error ?? chunk) });
  }
  return out;
}

/**
 * Creates the normalizer for one reply: {@link normalizeChatCompletionEvent} plus the state that
 * strips Gemini's thought tags across chunks. A held partial tag is released before `done` and
 * `provider-error`, after which the reducer takes no text; `end` releases a tag still held.
 */
export function createChatCompletionsNormalizer(): StyleNormalizer {
  const tags = new GeminiThoughtTags();
  return {
    normalize(event) {
      const out: StreamEvent[] = [];
      for (const next of normalizeChatCompletionEvent(event, tags)) {
        if (next.type === 'done' || next.type === 'provider-error') tags.flush(out);
        out.push(next);
      }
      return out;
    },
    end() {
      const out: StreamEvent[] = [];
      tags.flush(out);
      return out;
    },
  };
}
