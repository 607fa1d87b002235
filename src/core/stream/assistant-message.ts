/**
 * The state of one streamed assistant message, and the pure reducer that builds it from
 * {@link StreamEvent}s plus the request's own lifecycle (sent, stopped, ended, failed).
 */
import type { FinishReason, ProviderError, StreamEvent, Usage } from './stream-event';
import { recordArrival, type ArrivalCheckpoints } from '../reasoning/arrival-checkpoints';

/**
 * Where a message is in its life.
 * - `waiting`: request sent, no text yet;
 * - `reasoning` / `answering`: text is arriving;
 * - `done`: the provider finished (finish reason other than `length`, or `[DONE]`);
 * - `stopped`: the person stopped it;
 * - `truncated`: the provider stopped at max tokens (finish reason `length`);
 * - `error`: an HTTP error, an error inside the stream, or a lost connection;
 * - `interrupted`: the page that was streaming it closed or reloaded; the text saved so far stays.
 */
export type MessageStatus =
  | 'waiting'
  | 'reasoning'
  | 'answering'
  | 'done'
  | 'stopped'
  | 'truncated'
  | 'error'
  | 'interrupted';

/** Statuses after which no more text is accepted. */
export const TERMINAL_STATUSES: ReadonlySet<MessageStatus> = new Set([
  'done',
  'stopped',
  'truncated',
  'error',
  'interrupted',
]);

/** Whether a message can still change. */
export function isStreaming(status: MessageStatus): boolean {
  return !TERMINAL_STATUSES.has(status);
}

/** What went wrong with a message, in words a person can act on. */
export interface MessageError {
  /**
   * - `http`: the provider answered the request with an error status;
   * - `provider`: the provider reported an error inside a 200 stream;
   * - `network`: the connection failed or was cut before the stream ended.
   */
  kind: 'http' | 'provider' | 'network';
  /** The provider's own message where there is one. */
  message: string;
  /** HTTP status, for `http` errors. */
  status?: number;
  /** The provider's error code or type, when given. */
  code?: string;
}

/**
 * Moments in a message's life, as epoch milliseconds. A message gets more than one request when it
 * is continued: `requestSentAt`, `firstTokenAt` and `endedAt` belong to the latest request, while
 * `firstReasoningAt` and `firstAnswerAt` are the message's first (they time the thinking).
 */
export interface MessageTiming {
  /** When the latest request was sent. */
  requestSentAt?: number;
  /** The first reasoning or answer token of the latest request; absent in messages saved earlier. */
  firstTokenAt?: number;
  firstReasoningAt?: number;
  firstAnswerAt?: number;
  /** When the latest request ended; cleared when another request is sent. */
  endedAt?: number;
}

/** One assistant message as the UI shows it and storage keeps it. */
export interface AssistantMessageState {
  reasoning: string;
  answer: string;
  status: MessageStatus;
  finishReason?: FinishReason;
  usage?: Usage;
  error?: MessageError;
  timing: MessageTiming;
  /** `data:` payloads that were skipped because they could not be parsed. */
  malformedChunks: number;
  /** Whether `data: [DONE]` arrived. */
  sawDone: boolean;
  /** When the stream went quiet for too long (epoch ms); cleared when data arrives again. */
  stalledAt?: number;
  /** The provider reported reasoning it keeps hidden (encrypted). */
  hasHiddenReasoning?: boolean;
  /** When each part of the reasoning arrived (`core/reasoning/arrival-checkpoints.ts`), for step timing. */
  reasoningArrivals?: ArrivalCheckpoints;
}

/** Events that come from the request itself rather than from the provider's stream. */
export type LifecycleEvent =
  /** The request was sent. */
  | { type: 'request-sent' }
  /** The provider answered with an HTTP error status instead of a stream. */
  | { type: 'http-error'; status: number; error: ProviderError }
  /**
   * The network failed mid-request or mid-stream. `code` names a request that got no response:
   * `unreachable` (nothing answered) or `cors-refused` (the provider refused this page).
   */
  | { type: 'connection-lost'; message: string; code?: 'unreachable' | 'cors-refused' }
  /** The person stopped the stream. */
  | { type: 'stopped' }
  /** The page streaming the message went away (found after a reload). */
  | { type: 'interrupted' }
  /** The response body ended. */
  | { type: 'stream-end' }
  /** No byte arrived for a while (the caller decides how long). */
  | { type: 'stalled' }
  /** Bytes arrived (events or not): a stall is over. */
  | { type: 'data-received' };

/** Everything {@link applyStreamEvent} accepts. */
export type AssistantMessageEvent = StreamEvent | LifecycleEvent;

/** A fresh message, before its request is sent. */
export function createAssistantMessage(): AssistantMessageState {
  return {
    reasoning: '',
    answer: '',
    status: 'waiting',
    timing: {},
    malformedChunks: 0,
    sawDone: false,
  };
}

function end(
  state: AssistantMessageState,
  status: MessageStatus,
  now: number,
  error?: MessageError,
): AssistantMessageState {
  return {
    ...state,
    status,
    stalledAt: undefined,
    error: error ?? state.error,
    timing: { ...state.timing, endedAt: state.timing.endedAt ?? now },
  };
}

/**
 * Records a token's arrival: the request's first token, and the message's first token of its kind
 * (`field`), each only once. Returns `timing` itself when both are already set.
 */
function withFirstToken(
  timing: MessageTiming,
  field: 'firstReasoningAt' | 'firstAnswerAt',
  now: number,
): MessageTiming {
  if (timing.firstTokenAt !== undefined && timing[field] !== undefined) return timing;
  return { ...timing, firstTokenAt: timing.firstTokenAt ?? now, [field]: timing[field] ?? now };
}

/** How a stream that ended normally (by `[DONE]` or end of body) is classified. */
function settle(state: AssistantMessageState, now: number): AssistantMessageState {
  if (state.finishReason === 'length') return end(state, 'truncated', now);
  if (state.finishReason !== undefined || state.sawDone) return end(state, 'done', now);
  return end(state, 'error', now, {
    kind: 'network',
    message: 'The connection closed before the reply finished.',
  });
}

/**
 * Applies one event to a message. Pure and total: every event is accepted in every state.
 *
 * Text and finish events after the message ended are ignored, except that usage and a late finish
 * reason are still recorded (providers send usage after `finish_reason`, and OpenRouter can send an
 * error after it).
 *
 * @param state - the message so far.
 * @param event - a provider stream event or a lifecycle event.
 * @param now - the current time in epoch milliseconds, used for `timing`.
 * @returns the next state; `state` itself when nothing changed.
 */
export function applyStreamEvent(
  state: AssistantMessageState,
  event: AssistantMessageEvent,
  now: number,
): AssistantMessageState {
  const isOpen = isStreaming(state.status);
  switch (event.type) {
    case 'request-sent':
      return {
        ...state,
        status: 'waiting',
        timing: {
          ...state.timing,
          requestSentAt: now,
          firstTokenAt: undefined,
          endedAt: undefined,
        },
      };

    case 'reasoning-delta':
      if (!isOpen) return state;
      return {
        ...state,
        reasoning: state.reasoning + event.text,
        reasoningArrivals: recordArrival(
          state.reasoningArrivals ?? [],
          state.reasoning.length,
          now,
        ),
        status: state.status === 'waiting' ? 'reasoning' : state.status,
        timing: withFirstToken(state.timing, 'firstReasoningAt', now),
      };

    case 'answer-delta':
      if (!isOpen) return state;
      return {
        ...state,
        answer: state.answer + event.text,
        status: 'answering',
        timing: withFirstToken(state.timing, 'firstAnswerAt', now),
      };

    case 'reasoning-hidden':
      if (!isOpen || state.hasHiddenReasoning === true) return state;
      return {
        ...state,
        hasHiddenReasoning: true,
        status: state.status === 'waiting' ? 'reasoning' : state.status,
        timing: withFirstToken(state.timing, 'firstReasoningAt', now),
      };

    case 'answer-is-reasoning':
      if (!isOpen || state.answer === '') return state;
      return {
        ...state,
        reasoning: state.reasoning + state.answer,
        reasoningArrivals: recordArrival(
          state.reasoningArrivals ?? [],
          state.reasoning.length,
          state.timing.firstAnswerAt ?? now,
        ),
        answer: '',
        status: 'reasoning',
        timing: {
          ...state.timing,
          firstReasoningAt: state.timing.firstReasoningAt ?? state.timing.firstAnswerAt,
          firstAnswerAt: undefined,
        },
      };

    case 'finish':
      return { ...state, finishReason: event.finishReason };

    case 'usage':
      return { ...state, usage: { ...state.usage, ...event.usage } };

    case 'malformed':
      return { ...state, malformedChunks: state.malformedChunks + 1 };

    case 'provider-error':
      if (state.status === 'error') return state;
      return end(state, 'error', now, { kind: 'provider', ...event.error });

    case 'http-error':
      return end(state, 'error', now, { kind: 'http', status: event.status, ...event.error });

    case 'connection-lost':
      if (!isOpen) return state;
      return end(state, 'error', now, {
        kind: 'network',
        message: event.message,
        ...(event.code !== undefined && { code: event.code }),
      });

    case 'stopped':
      if (!isOpen) return state;
      return end(state, 'stopped', now);

    case 'interrupted':
      if (!isOpen) return state;
      return end(state, 'interrupted', now);

    case 'done':
      if (!isOpen) return { ...state, sawDone: true };
      return settle({ ...state, sawDone: true }, now);

    case 'stream-end':
      if (!isOpen) return state;
      return settle(state, now);

    case 'stalled':
      if (!isOpen || state.stalledAt !== undefined) return state;
      return { ...state, stalledAt: now };

    case 'data-received':
      return state.stalledAt === undefined ? state : { ...state, stalledAt: undefined };
  }
}
