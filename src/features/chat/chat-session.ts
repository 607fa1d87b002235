/**
 * A conversation's live state outside React: messages, the running request, and render throttling.
 * React reads it through `useSyncExternalStore` (see `use-chat-session.ts`).
 */
import { buildRequestMessages, type ChatMessage } from '../../core/chat/chat-message';
import { createId } from '../../core/chat/create-id';
import {
  applyStreamEvent,
  createAssistantMessage,
  isStreaming,
  type AssistantMessageEvent,
  type AssistantMessageState,
} from '../../core/stream/assistant-message';
import type { StreamEvent } from '../../core/stream/stream-event';
import type { ChatCompletionRequest } from '../../providers/chat-completions-transport';
import { HttpError } from '../../providers/http-error';
import type { ProviderSettings } from '../../providers/provider-presets';

/** What the UI renders. A new object whenever anything visible changed. */
export interface ChatSnapshot {
  messages: readonly ChatMessage[];
  /** Whether a reply is streaming now. */
  isStreaming: boolean;
}

/** Opens a stream for a request; yields batches of events, one per network read. */
export type ChatTransport = (
  request: ChatCompletionRequest,
  signal: AbortSignal,
) => AsyncIterable<StreamEvent[]>;

/** What a session needs from the outside world; tests pass fakes. */
export interface ChatSessionDeps {
  transport: ChatTransport;
  /** Current time, epoch ms. */
  now: () => number;
  /** Runs `callback` before the next paint (`requestAnimationFrame` in the browser). */
  scheduleFrame: (callback: () => void) => void;
  /** Reports a skipped malformed chunk (the console, in the browser). */
  onMalformedChunk?: (data: string, reason: string) => void;
}

function describeNetworkError(error: unknown, baseUrl: string): string {
  const reason = error instanceof Error && error.message !== '' ? ` (${error.message})` : '';
  return `Connection lost${reason}. Check that ${baseUrl} is reachable and allows requests from this page.`;
}

/** One conversation and at most one reply streaming into it. */
export class ChatSession {
  private snapshot: ChatSnapshot = { messages: [], isStreaming: false };
  private readonly listeners = new Set<() => void>();
  private controller: AbortController | undefined;
  /** The streaming reply's newest state, published at the next frame. */
  private live: { id: string; state: AssistantMessageState } | undefined;
  private isFrameScheduled = false;

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
    const userMessage: ChatMessage = { id: createId(now), role: 'user', content, createdAt: now };
    const history = [...this.snapshot.messages, userMessage];
    const assistantId = createId(now);
    const state = applyStreamEvent(createAssistantMessage(), { type: 'request-sent' }, now);
    this.live = { id: assistantId, state };
    this.setSnapshot({
      isStreaming: true,
      messages: [
        ...history,
        {
          id: assistantId,
          role: 'assistant',
          model: settings.model,
          providerName: settings.providerName,
          state,
        },
      ],
    });

    const controller = new AbortController();
    this.controller = controller;
    const request: ChatCompletionRequest = {
      baseUrl: settings.baseUrl,
      apiKey: settings.apiKey,
      model: settings.model,
      messages: buildRequestMessages(history),
    };
    try {
      for await (const batch of this.deps.transport(request, controller.signal)) {
        for (const event of batch) {
          if (event.type === 'malformed') this.deps.onMalformedChunk?.(event.data, event.reason);
          this.apply(event);
        }
        if (!this.isLiveStreaming()) break;
        this.schedulePublish();
      }
      this.apply({ type: 'stream-end' });
    } catch (error) {
      if (controller.signal.aborted) this.apply({ type: 'stopped' });
      else if (error instanceof HttpError) {
        this.apply({ type: 'http-error', status: error.status, error: error.providerError });
      } else {
        this.apply({
          type: 'connection-lost',
          message: describeNetworkError(error, request.baseUrl),
        });
      }
    } finally {
      this.controller = undefined;
      this.publish();
    }
  }

  /** Stops the streaming reply, keeping what arrived. The message ends as `stopped`. */
  stop(): void {
    if (this.controller === undefined) return;
    this.apply({ type: 'stopped' });
    this.controller.abort();
    this.publish();
  }

  private isLiveStreaming(): boolean {
    return this.live !== undefined && isStreaming(this.live.state.status);
  }

  private apply(event: AssistantMessageEvent): void {
    if (this.live === undefined) return;
    this.live = { ...this.live, state: applyStreamEvent(this.live.state, event, this.deps.now()) };
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
