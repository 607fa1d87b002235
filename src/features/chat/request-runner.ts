/**
 * The reply streaming in a chat session: runs its request, applies what arrives, watches for a
 * stall, saves it on time and publishes it at most once per animation frame.
 */
import type { AssistantMessage, ChatMessage } from '../../core/chat/chat-message';
import type { LiveReplyState } from '../../core/chat/merge-saved';
import type { ReplyDecoderOptions } from '../../core/api-styles/reply-decoder';
import type { ApiStyle, HttpRequestSpec } from '../../core/requests/provider-request';
import {
  applyStreamEvent,
  isStreaming,
  type AssistantMessageEvent,
} from '../../core/stream/assistant-message';
import { createContinuationJoiner, type ContinuedTexts } from '../../core/stream/join-continuation';
import { HttpError } from '../../providers/http-error';
import type { ReplyTransport } from '../../providers/reply-transport';
import { RequestFailedError } from '../../providers/request-failed-error';
import type { ConversationPersistence } from './conversation-persistence';
import type { LiveReplySaver } from './live-reply-saver';
import { StallWatchdog, type StallWatchdogDeps } from './stall-watchdog';

/** What a {@link RequestRunner} needs from its session. */
export interface RequestRunnerHost extends StallWatchdogDeps {
  transport: ReplyTransport;
  /** Runs `callback` before the next paint (`requestAnimationFrame` in the browser). */
  scheduleFrame: (callback: () => void) => void;
  /** Reports a skipped malformed chunk. */
  onMalformedChunk?: (data: string, reason: string) => void;
  saver: LiveReplySaver;
  /** Holds the stream locks; without it no lock is taken. */
  persistence?: Pick<ConversationPersistence, 'holdStreamLock'>;
  /** The session's copy of message `id`. */
  findMessage: (id: string) => ChatMessage | undefined;
  /** Copies the live state into the session's messages. */
  copyLiveState: (live: LiveReplyState) => void;
  /** Tells the session's readers; `isStreaming` says whether a reply still streams. */
  render: (isStreaming: boolean) => void;
}

/** A request to run and how to read its reply. */
export interface ReplyRequest {
  spec: HttpRequestSpec;
  apiStyle: ApiStyle;
  /** The texts a continuation is joined to; absent for a new reply. */
  continued?: ContinuedTexts;
}

/** A connection that broke after the response began (a request with no response is a `RequestFailedError`). */
function describeNetworkError(error: unknown, url: string): string {
  const reason = error instanceof Error && error.message !== '' ? ` (${error.message})` : '';
  return `Connection lost${reason} while the reply from ${url} was streaming.`;
}

/** Runs one request at a time and keeps the state of the reply it streams into. */
export class RequestRunner {
  private liveReply: LiveReplyState | undefined;
  private controller: AbortController | undefined;
  private watchdog: StallWatchdog | undefined;
  private isFrameScheduled = false;

  constructor(private readonly host: RequestRunnerHost) {}

  /** The reply streaming (or just ended and not yet published); `undefined` when none. */
  get live(): LiveReplyState | undefined {
    return this.liveReply;
  }

  /** Whether a reply is streaming now. */
  isStreaming(): boolean {
    return this.liveReply !== undefined && isStreaming(this.liveReply.state.status);
  }

  /**
   * Makes `started` (already in the session's messages, `request-sent` applied at `now`, epoch
   * ms) the live reply, and streams `request` into it. `onLocked` runs once the reply's stream lock
   * is held and its first save made. Resolves when the stream has ended, however it ended, and
   * its last save has finished; never rejects.
   */
  async run(
    started: AssistantMessage,
    now: number,
    request: ReplyRequest,
    onLocked: () => void,
  ): Promise<void> {
    const id = started.id;
    this.liveReply = { id, state: started.state };
    this.host.saver.beginLive(now);
    const controller = new AbortController();
    this.controller = controller;
    this.host.render(true);
    // Other tabs treat a streaming message whose lock nobody holds as interrupted, so the lock is
    // taken before the message is first saved.
    const persistence = this.host.persistence;
    const releaseLock = persistence && (await persistence.holdStreamLock(id));
    this.saveLive(true);
    onLocked();
    // Everything from here on touches only this reply: a stopped request that settles late must
    // not change the reply that replaced it.
    const watchdog = new StallWatchdog(this.host, () => {
      this.apply(id, { type: 'stalled' });
      this.publish();
    });
    this.watchdog = watchdog;
    watchdog.start();
    await this.read(id, request, controller, watchdog);
    watchdog.stop();
    if (this.controller === controller) {
      this.watchdog = undefined;
      this.controller = undefined;
    }
    this.publish();
    // Other tabs may mark the reply interrupted as soon as the lock goes: its final state must be
    // written first.
    await this.host.saver.liveSaved();
    releaseLock?.();
  }

  /** Stops the streaming reply, keeping what arrived. The message ends as `stopped`. */
  stop(): void {
    if (this.controller === undefined || this.liveReply === undefined) return;
    this.apply(this.liveReply.id, { type: 'stopped' });
    this.controller.abort();
    this.controller = undefined;
    this.watchdog?.stop();
    this.watchdog = undefined;
    this.publish();
  }

  /** Saves the live reply if a second has passed, its status changed, or `force`. */
  saveLive(force: boolean): void {
    const live = this.liveReply;
    if (live === undefined) return;
    if (!force && !this.host.saver.isLiveSaveDue(live.state.status)) return;
    const message = this.host.findMessage(live.id);
    if (message?.role !== 'assistant') return;
    this.host.saver.saveLive({ ...message, state: live.state });
  }

  /**
   * Reads the stream to its end: a `data-received` event per network read, the read's events
   * (joined to `continued` for a continuation), then `stream-end`, or `stopped`, `http-error` or
   * `connection-lost` for a stream that ended otherwise.
   */
  private async read(
    id: string,
    { spec, apiStyle, continued }: ReplyRequest,
    controller: AbortController,
    watchdog: StallWatchdog,
  ): Promise<void> {
    const apply = (event: AssistantMessageEvent) => this.apply(id, event);
    const join = continued && createContinuationJoiner(continued);
    const options: ReplyDecoderOptions = { continuesAnswer: continued !== undefined };
    try {
      const batches = this.host.transport(spec, apiStyle, controller.signal, options);
      for await (const batch of batches) {
        const before = this.liveReply?.state;
        apply({ type: 'data-received' });
        watchdog.dataReceived();
        for (const event of batch) {
          if (event.type === 'malformed') this.host.onMalformedChunk?.(event.data, event.reason);
          apply(join ? join(event) : event);
        }
        if (this.liveReply?.id !== id || !this.isStreaming()) break;
        if (this.liveReply.state !== before) this.schedulePublish();
        // Frames don't run in a background tab; saving must not wait for them.
        this.saveLive(false);
      }
      apply({ type: 'stream-end' });
    } catch (error) {
      if (controller.signal.aborted) apply({ type: 'stopped' });
      else if (error instanceof HttpError) {
        apply({ type: 'http-error', status: error.status, error: error.providerError });
      } else if (error instanceof RequestFailedError) {
        apply({ type: 'connection-lost', message: error.message, code: error.problem });
      } else {
        // A page that is reloading or closing cuts its streams before `pagehide`, and the page
        // may be gone before the next save finishes: keep what arrived first.
        this.saveLive(true);
        this.host.saver.keepUnloadCopies();
        apply({ type: 'connection-lost', message: describeNetworkError(error, spec.url) });
      }
    }
  }

  /** Applies an event to the streaming reply `id`; a no-op once another reply is live. */
  private apply(id: string, event: AssistantMessageEvent): void {
    const live = this.liveReply;
    if (live?.id !== id) return;
    const state = applyStreamEvent(live.state, event, this.host.now());
    if (state !== live.state) this.liveReply = { id, state };
  }

  private schedulePublish(): void {
    if (this.isFrameScheduled) return;
    this.isFrameScheduled = true;
    this.host.scheduleFrame(() => {
      this.isFrameScheduled = false;
      this.publish();
    });
  }

  /** Copies the live reply into the session's messages, saves it when due, and tells readers. */
  private publish(): void {
    const live = this.liveReply;
    if (live === undefined) return;
    this.host.copyLiveState(live);
    const isLive = isStreaming(live.state.status);
    this.saveLive(!isLive);
    if (!isLive) this.liveReply = undefined;
    this.host.render(isLive);
  }
}
