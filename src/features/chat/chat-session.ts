/**
 * A conversation's live state outside React: messages, the running request, render throttling and
 * the stall watchdog. React reads it through `useSyncExternalStore` (see `use-chat-session.ts`).
 */
import {
  buildRequestMessages,
  type AssistantMessage,
  type ChatMessage,
  type UserMessage,
} from '../../core/chat/chat-message';
import { createId } from '../../core/chat/create-id';
import {
  buildReplyRequest,
  maskRequest,
  type ApiStyle,
  type HttpRequestSpec,
} from '../../core/requests/provider-request';
import {
  applyStreamEvent,
  createAssistantMessage,
  isStreaming,
  type AssistantMessageEvent,
  type AssistantMessageState,
} from '../../core/stream/assistant-message';
import type { StreamEvent } from '../../core/stream/stream-event';
import { HttpError } from '../../providers/http-error';
import type { ProviderSettings } from '../../providers/provider-presets';

/** What the UI renders. A new object whenever anything visible changed. */
export interface ChatSnapshot {
  messages: readonly ChatMessage[];
  /** Whether a reply is streaming now. */
  isStreaming: boolean;
}

/**
 * Opens a stream for a request; yields batches of events, one per network read (possibly empty).
 * Throws `HttpError` for an error status, anything else for a network failure or an abort.
 */
export type ReplyTransport = (
  request: HttpRequestSpec,
  apiStyle: ApiStyle,
  signal: AbortSignal,
) => AsyncIterable<StreamEvent[]>;

/** What a session needs from the outside world; tests pass fakes. */
export interface ChatSessionDeps {
  transport: ReplyTransport;
  /** Current time, epoch ms. */
  now: () => number;
  /** Runs `callback` before the next paint (`requestAnimationFrame` in the browser). */
  scheduleFrame: (callback: () => void) => void;
  /** Runs `callback` after `ms`; returns a function that cancels it. */
  setTimer: (callback: () => void, ms: number) => () => void;
  /** Reports a skipped malformed chunk (the console, in the browser). */
  onMalformedChunk?: (data: string, reason: string) => void;
}

/** Quiet time after which a stream is reported as stalled, in ms. */
export const STALL_AFTER_MS = 30_000;

function describeNetworkError(error: unknown, url: string): string {
  const reason = error instanceof Error && error.message !== '' ? ` (${error.message})` : '';
  return `Connection lost${reason}. Check that ${url} is reachable and allows requests from this page.`;
}

/** One conversation and at most one reply streaming into it. */
export class ChatSession {
  private snapshot: ChatSnapshot = { messages: [], isStreaming: false };
  private readonly listeners = new Set<() => void>();
  private controller: AbortController | undefined;
  /** The streaming reply's newest state, published at the next frame. */
  private live: { id: string; state: AssistantMessageState } | undefined;
  private isFrameScheduled = false;
  private cancelStallTimer: (() => void) | undefined;

  constructor(private readonly deps: ChatSessionDeps) {}

  /** For `useSyncExternalStore`. */
  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** For `useSyncExternalStore`. */
  getSnapshot = (): ChatSnapshot => this.snapshot;

  /**
   * Sends a user message and streams the reply into the conversation. Resolves when the reply has
   * ended, however it ended; never rejects (failures become the message's `error` state).
   * Does nothing while another reply is streaming or when `content` is blank.
   */
  async send(content: string, settings: ProviderSettings): Promise<void> {
    if (this.snapshot.isStreaming || content.trim() === '') return;
    const now = this.deps.now();
    const userMessage: UserMessage = { id: createId(now), role: 'user', content, createdAt: now };
    await this.reply([...this.snapshot.messages, userMessage], settings);
  }

  /**
   * Asks again for a reply to the question `assistantId` answered, stopping that reply first if it
   * is still streaming. The earlier reply stays; the new one follows it.
   */
  async retry(assistantId: string, settings: ProviderSettings): Promise<void> {
    if (this.live?.id === assistantId) this.stop();
    const messages = this.snapshot.messages;
    const index = messages.findIndex((message) => message.id === assistantId);
    if (index === -1 || this.snapshot.isStreaming) return;
    let end = index + 1;
    while (messages[end]?.role === 'assistant') end += 1;
    await this.reply(messages.slice(0, end), settings);
  }

  /** Stops the streaming reply, keeping what arrived. The message ends as `stopped`. */
  stop(): void {
    if (this.controller === undefined || this.live === undefined) return;
    this.apply(this.live.id, { type: 'stopped' });
    this.controller.abort();
    this.controller = undefined;
    this.cancelStallTimer?.();
    this.publish();
  }

  private async reply(history: readonly ChatMessage[], settings: ProviderSettings): Promise<void> {
    const now = this.deps.now();
    // Earlier replies to the question being answered (when retrying) are not part of the request.
    const upToQuestion = history.slice(0, history.findLastIndex((m) => m.role === 'user') + 1);
    const request = buildReplyRequest({
      ...settings,
      messages: buildRequestMessages(upToQuestion, {
        family: settings.family,
        model: settings.model,
      }),
    });
    const assistant: AssistantMessage = {
      id: createId(now),
      role: 'assistant',
      model: settings.model,
      providerName: settings.providerName,
      state: applyStreamEvent(createAssistantMessage(), { type: 'request-sent' }, now),
      request: maskRequest(request),
    };
    this.live = { id: assistant.id, state: assistant.state };
    this.setSnapshot({ isStreaming: true, messages: [...history, assistant] });

    const controller = new AbortController();
    this.controller = controller;
    // Everything below touches only this reply: a stopped request that settles late must not
    // change the reply that replaced it.
    const apply = (event: AssistantMessageEvent) => this.apply(assistant.id, event);
    this.armStallTimer(assistant.id);
    try {
      for await (const batch of this.deps.transport(
        request,
        settings.apiStyle,
        controller.signal,
      )) {
        const before: AssistantMessageState | undefined = this.live?.state;
        apply({ type: 'data-received' });
        this.armStallTimer(assistant.id);
        for (const event of batch) {
          if (event.type === 'malformed') this.deps.onMalformedChunk?.(event.data, event.reason);
          apply(event);
        }
        if (!this.isLiveStreaming(assistant.id)) break;
        if (this.live?.state !== before) this.schedulePublish();
      }
      apply({ type: 'stream-end' });
    } catch (error) {
      if (controller.signal.aborted) apply({ type: 'stopped' });
      else if (error instanceof HttpError) {
        apply({ type: 'http-error', status: error.status, error: error.providerError });
      } else {
        apply({ type: 'connection-lost', message: describeNetworkError(error, request.url) });
      }
    } finally {
      if (this.controller === controller) {
        this.cancelStallTimer?.();
        this.controller = undefined;
      }
      this.publish();
    }
  }

  private armStallTimer(id: string): void {
    this.cancelStallTimer?.();
    this.cancelStallTimer = this.deps.setTimer(() => {
      this.apply(id, { type: 'stalled' });
      this.publish();
    }, STALL_AFTER_MS);
  }

  private isLiveStreaming(id: string): boolean {
    return this.live?.id === id && isStreaming(this.live.state.status);
  }

  /** Applies an event to the streaming reply `id`; a no-op once another reply is live. */
  private apply(id: string, event: AssistantMessageEvent): void {
    if (this.live?.id !== id) return;
    const state = applyStreamEvent(this.live.state, event, this.deps.now());
    if (state !== this.live.state) this.live = { id, state };
  }

  private schedulePublish(): void {
    if (this.isFrameScheduled) return;
    this.isFrameScheduled = true;
    this.deps.scheduleFrame(() => {
      this.isFrameScheduled = false;
      this.publish();
    });
  }

  /** Copies the live reply into a new snapshot and tells React. */
  private publish(): void {
    const live = this.live;
    if (live === undefined) return;
    const isLive = isStreaming(live.state.status);
    const messages = this.snapshot.messages.map((message) =>
      message.id === live.id && message.role === 'assistant'
        ? { ...message, state: live.state }
        : message,
    );
    if (!isLive) this.live = undefined;
    this.setSnapshot({ messages, isStreaming: isLive });
  }

  private setSnapshot(snapshot: ChatSnapshot): void {
    this.snapshot = snapshot;
    for (const listener of this.listeners) listener();
  }
}
