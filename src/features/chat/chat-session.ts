/**
 * A conversation's live state outside React: its messages (every version), the running request,
 * render throttling, saving, and the stall watchdog. React reads it through `useSyncExternalStore`
 * (see `use-chat-session.ts`).
 */
import type { AssistantMessage, ChatMessage, UserMessage } from '../../core/chat/chat-message';
import { buildRequestMessages } from '../../core/requests/request-messages';
import {
  chooseVersion,
  visiblePath,
  type PathEntry,
  type VersionChoices,
} from '../../core/chat/conversation-tree';
import { createId } from '../../core/chat/create-id';
import type { ReplyDecoderOptions } from '../../core/api-styles/reply-decoder';
import { supersedes } from '../../core/chat/supersedes';
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
import { createContinuationJoiner, type ContinuedTexts } from '../../core/stream/join-continuation';
import type { StreamEvent } from '../../core/stream/stream-event';
import { HttpError } from '../../providers/http-error';
import { RequestFailedError } from '../../providers/request-failed-error';
import type { ProviderSettings } from '../../providers/provider-presets';
import type { ConversationPersistence } from './conversation-persistence';

/** What the UI renders. A new object whenever anything visible changed. */
export interface ChatSnapshot {
  /** The open conversation; `undefined` until its first message. */
  conversationId: string | undefined;
  /** The visible messages with their versions. */
  path: readonly PathEntry[];
  /** The visible messages only. */
  messages: readonly ChatMessage[];
  /** Whether a reply is streaming now in this tab. */
  isStreaming: boolean;
  /** Sent first with every request of this conversation when not blank. */
  systemPrompt: string;
}

/**
 * Opens a stream for a request; yields batches of events, one per network read (possibly empty).
 * Throws `HttpError` for an error status, anything else for a network failure or an abort.
 */
export type ReplyTransport = (
  request: HttpRequestSpec,
  apiStyle: ApiStyle,
  signal: AbortSignal,
  options?: ReplyDecoderOptions,
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
  /** Where conversations are saved; without it the session keeps everything in memory. */
  persistence?: ConversationPersistence;
}

/** Quiet time after which a stream is reported as stalled, in ms. */
export const STALL_AFTER_MS = 30_000;
/** A streaming message is saved at least this often, in ms (and at every status change). */
export const SAVE_EVERY_MS = 1000;

/** The instruction sent to continue an answer that was cut off at max tokens. */
export const CONTINUE_PROMPT =
  'Continue exactly where your previous answer stopped. Do not repeat anything you already wrote.';

/** A connection that broke after the response began (a request with no response is a `RequestFailedError`). */
function describeNetworkError(error: unknown, url: string): string {
  const reason = error instanceof Error && error.message !== '' ? ` (${error.message})` : '';
  return `Connection lost${reason} while the reply from ${url} was streaming.`;
}

interface LiveReply {
  id: string;
  state: AssistantMessageState;
  /** When it was last saved, epoch ms, and with which status. */
  savedAt: number;
  savedStatus: string;
}

/** One conversation and at most one reply streaming into it. */
export class ChatSession {
  private conversationId: string | undefined;
  private all: ChatMessage[] = [];
  private choices: VersionChoices = {};
  private snapshot: ChatSnapshot = {
    conversationId: undefined,
    path: [],
    messages: [],
    isStreaming: false,
    systemPrompt: '',
  };
  private readonly listeners = new Set<() => void>();
  private controller: AbortController | undefined;
  private live: LiveReply | undefined;
  private isFrameScheduled = false;
  private cancelStallTimer: (() => void) | undefined;
  /** When the streaming reply last received data (epoch ms), for the stall watchdog. */
  private lastDataAt = 0;
  private pendingChoiceSaves = 0;
  private lastLiveSave: Promise<void> = Promise.resolve();
  private systemPrompt = '';
  /** Saves not finished yet, by message id: what a closing page keeps copies of. */
  private readonly unconfirmed = new Map<
    string,
    { conversationId: string; message: ChatMessage }
  >();

  constructor(private readonly deps: ChatSessionDeps) {}

  /** For `useSyncExternalStore`. */
  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** For `useSyncExternalStore`. */
  getSnapshot = (): ChatSnapshot => this.snapshot;

  /**
   * Shows a conversation as saved (on open, or when another tab changed it). Messages are merged
   * by id: the saved copy wins unless this tab's is newer (`supersedes`), this tab's streaming
   * reply always wins, and messages this tab created but hasn't finished saving stay.
   */
  showConversation(
    conversationId: string | undefined,
    saved: readonly ChatMessage[],
    choices: VersionChoices,
    systemPrompt = '',
  ): void {
    const isSwitch = conversationId !== this.conversationId;
    if (isSwitch) {
      this.stop();
      this.all = [];
    }
    this.systemPrompt = systemPrompt;
    this.conversationId = conversationId;
    const merged = new Map(this.all.map((m) => [m.id, m]));
    for (const remote of saved) {
      const local = merged.get(remote.id);
      if (local === undefined || supersedes(remote, local)) {
        merged.set(remote.id, remote);
      }
    }
    const live = this.live;
    if (live !== undefined) {
      const message = merged.get(live.id);
      if (message?.role === 'assistant') merged.set(live.id, { ...message, state: live.state });
    }
    this.all = [...merged.values()];
    this.choices = isSwitch || this.pendingChoiceSaves === 0 ? choices : this.choices;
    this.render();
  }

  /** The assistant messages shown as streaming that this tab is not streaming. */
  foreignStreamingIds(): string[] {
    return this.all
      .filter(
        (m) => m.role === 'assistant' && isStreaming(m.state.status) && m.id !== this.live?.id,
      )
      .map((m) => m.id);
  }

  /**
   * Sends a user message after the last visible one and streams the reply. Resolves when the reply
   * has ended, however it ended; never rejects (failures become the message's `error` state).
   * Does nothing while another reply is streaming or when `content` is blank.
   */
  async send(content: string, settings: ProviderSettings): Promise<void> {
    if (this.snapshot.isStreaming || content.trim() === '') return;
    const parent = this.snapshot.messages.at(-1);
    await this.ask(content, parent?.id ?? null, settings);
  }

  /** Sends an edited version of a user message as a new branch; the old branch stays reachable. */
  async edit(userId: string, content: string, settings: ProviderSettings): Promise<void> {
    const original = this.all.find((m) => m.id === userId);
    if (this.snapshot.isStreaming || original === undefined || content.trim() === '') return;
    await this.ask(content, original.parentId, settings);
  }

  /**
   * Asks again for the question `assistantId` answered, as a new version of the reply (stopping
   * that reply first if it is still streaming). Earlier versions stay.
   */
  async regenerate(assistantId: string, settings: ProviderSettings): Promise<void> {
    if (this.live?.id === assistantId) this.stop();
    const reply = this.all.find((m) => m.id === assistantId);
    const question = this.all.find((m) => m.id === reply?.parentId);
    if (this.snapshot.isStreaming || question?.role !== 'user') return;
    await this.reply(question, settings);
  }

  /** @deprecated alias kept for the stall notice: same as {@link regenerate}. */
  retry(assistantId: string, settings: ProviderSettings): Promise<void> {
    return this.regenerate(assistantId, settings);
  }

  /** Continues an answer cut off at max tokens, appending to the same message. */
  async continueReply(assistantId: string, settings: ProviderSettings): Promise<void> {
    const reply = this.all.find((m) => m.id === assistantId);
    if (this.snapshot.isStreaming || reply?.role !== 'assistant') return;
    // Cut off while still thinking, there is no answer to continue: ask again instead.
    if (reply.state.answer === '') return this.regenerate(assistantId, settings);
    const history = this.historyTo(reply.id);
    const messages = [
      ...buildRequestMessages(history, this.historyTarget(settings)),
      { role: 'user' as const, content: CONTINUE_PROMPT },
    ];
    const resumed: AssistantMessageState = {
      ...reply.state,
      status: 'waiting',
      finishReason: undefined,
      error: undefined,
      sawDone: false,
    };
    await this.stream({ ...reply, state: resumed }, messages, settings, reply.state);
  }

  /** Shows the version `messageId` (and everything above it). */
  selectVersion(messageId: string): void {
    this.choices = chooseVersion(this.all, this.choices, messageId);
    this.render();
    this.saveChoices();
  }

  /** Sets the conversation's system prompt, used from the next request on. */
  setSystemPrompt(text: string): void {
    this.systemPrompt = text;
    this.render();
    const id = this.conversationId;
    if (id !== undefined) void this.deps.persistence?.setSystemPrompt(id, text);
  }

  /** Records the person's open/fold choice for a message's thinking panel. */
  setReasoningOpen(assistantId: string, isOpen: boolean): void {
    this.updateMessage(assistantId, { isReasoningOpen: isOpen });
  }

  /** Opens or folds every thinking panel of the visible conversation. */
  setAllReasoningOpen(isOpen: boolean): void {
    for (const message of this.snapshot.messages) {
      if (message.role === 'assistant') this.updateMessage(message.id, { isReasoningOpen: isOpen });
    }
  }

  /** Stops the streaming reply, keeping what arrived. The message ends as `stopped`. */
  stop(): void {
    if (this.controller === undefined || this.live === undefined) return;
    this.apply(this.live.id, { type: 'stopped' });
    this.controller.abort();
    this.controller = undefined;
    this.cancelStallTimer?.();
    this.cancelStallTimer = undefined;
    this.publish();
  }

  /**
   * Saves the streaming reply now, whatever the timer says: for a page going hidden or away, which
   * may be gone before the next timed save. With `isUnloading` (on `pagehide`) a copy of every
   * message whose save has not finished (the reply, a question just sent) is also kept
   * synchronously, since the page may close before the saves do.
   */
  flush(isUnloading = false): void {
    this.saveLive(true);
    if (!isUnloading) return;
    for (const { conversationId, message } of this.unconfirmed.values()) {
      // A reply cut by a network failure was kept as it stood when the stream was cut: a page
      // that is closing cuts its streams first, and that reply was interrupted, not failed.
      if (message.role === 'assistant' && message.state.error?.kind === 'network') continue;
      this.deps.persistence?.keepUnloadCopy?.(conversationId, message);
    }
  }

  /** Marks messages that were streaming in a page that is gone as interrupted, and saves them. */
  markInterrupted(ids: readonly string[]): void {
    for (const id of ids) {
      const message = this.all.find((m) => m.id === id);
      if (message?.role !== 'assistant' || !isStreaming(message.state.status)) continue;
      const state = applyStreamEvent(message.state, { type: 'interrupted' }, this.deps.now());
      this.updateMessage(id, { state });
    }
  }

  private updateMessage(id: string, changes: Partial<AssistantMessage>): void {
    let changed: ChatMessage | undefined;
    this.all = this.all.map((m) =>
      m.id === id && m.role === 'assistant' ? (changed = { ...m, ...changes }) : m,
    );
    if (changed === undefined) return;
    this.render();
    this.save(changed);
  }

  private async ask(
    content: string,
    parentId: string | null,
    settings: ProviderSettings,
  ): Promise<void> {
    const now = this.deps.now();
    const question: UserMessage = {
      id: createId(now),
      parentId,
      createdAt: now,
      role: 'user',
      content,
    };
    if (this.conversationId === undefined) {
      this.conversationId = createId(now);
      void this.deps.persistence?.createConversation(this.conversationId, {
        firstMessage: content,
        systemPrompt: this.systemPrompt,
        now,
      });
    }
    this.all = [...this.all, question];
    this.choices = chooseVersion(this.all, this.choices, question.id);
    this.save(question);
    this.saveChoices();
    await this.reply(question, settings);
  }

  /** The visible messages from the first down to `id`, including it. */
  private historyTo(id: string): ChatMessage[] {
    const path = visiblePath(this.all, chooseVersion(this.all, this.choices, id));
    const end = path.findIndex((entry) => entry.message.id === id);
    return path.slice(0, end + 1).map((entry) => entry.message);
  }

  private historyTarget(settings: ProviderSettings) {
    return { family: settings.family, model: settings.model, systemPrompt: this.systemPrompt };
  }

  private async reply(question: UserMessage, settings: ProviderSettings): Promise<void> {
    const now = this.deps.now();
    const assistant: AssistantMessage = {
      id: createId(now),
      parentId: question.id,
      createdAt: now,
      role: 'assistant',
      model: settings.model,
      providerName: settings.providerName,
      state: createAssistantMessage(),
    };
    const messages = buildRequestMessages(
      this.historyTo(question.id),
      this.historyTarget(settings),
    );
    await this.stream(assistant, messages, settings);
  }

  /** Streams a reply into `assistant`; `continued` holds the texts a continuation is joined to. */
  private async stream(
    assistant: AssistantMessage,
    messages: ReturnType<typeof buildRequestMessages>,
    settings: ProviderSettings,
    continued?: ContinuedTexts,
  ): Promise<void> {
    const request = buildReplyRequest({ ...settings, messages });
    const now = this.deps.now();
    const started: AssistantMessage = {
      ...assistant,
      request: maskRequest(request),
      state: applyStreamEvent(assistant.state, { type: 'request-sent' }, now),
    };
    this.all = [...this.all.filter((m) => m.id !== started.id), started];
    this.choices = chooseVersion(this.all, this.choices, started.id);
    this.live = { id: started.id, state: started.state, savedAt: now, savedStatus: '' };
    const controller = new AbortController();
    this.controller = controller;
    this.render(true);
    // Other tabs treat a streaming message whose lock nobody holds as interrupted, so the lock is
    // taken before the message is first saved.
    const persistence = this.deps.persistence;
    const releaseLock = persistence && (await persistence.holdStreamLock(started.id));
    this.saveLive(true);
    this.saveChoices();
    await this.run(started.id, request, settings.apiStyle, controller, continued);
    // Other tabs may mark the reply interrupted as soon as the lock goes: its final state must be
    // written first.
    await this.lastLiveSave;
    releaseLock?.();
  }

  private async run(
    id: string,
    request: HttpRequestSpec,
    apiStyle: ApiStyle,
    controller: AbortController,
    continued: ContinuedTexts | undefined,
  ): Promise<void> {
    // Everything here touches only this reply: a stopped request that settles late must not
    // change the reply that replaced it.
    const apply = (event: AssistantMessageEvent) => this.apply(id, event);
    const join = continued && createContinuationJoiner(continued);
    const options: ReplyDecoderOptions = { continuesAnswer: continued !== undefined };
    this.lastDataAt = this.deps.now();
    this.armStallTimer(id, STALL_AFTER_MS);
    try {
      const batches = this.deps.transport(request, apiStyle, controller.signal, options);
      for await (const batch of batches) {
        const before: AssistantMessageState | undefined = this.live?.state;
        apply({ type: 'data-received' });
        this.lastDataAt = this.deps.now();
        if (this.cancelStallTimer === undefined) this.armStallTimer(id, STALL_AFTER_MS);
        for (const event of batch) {
          if (event.type === 'malformed') this.deps.onMalformedChunk?.(event.data, event.reason);
          apply(join ? join(event) : event);
        }
        if (!this.isLiveStreaming(id)) break;
        if (this.live?.state !== before) this.schedulePublish();
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
        this.flush(true);
        apply({ type: 'connection-lost', message: describeNetworkError(error, request.url) });
      }
    } finally {
      if (this.controller === controller) {
        this.cancelStallTimer?.();
        this.cancelStallTimer = undefined;
        this.controller = undefined;
      }
      this.publish();
    }
  }

  /**
   * The stall watchdog. Data only moves `lastDataAt` (thousands of reads per second must not each
   * cancel and set a timer); when the timer fires early because data came meanwhile, it waits out
   * the rest of the quiet time. After reporting a stall it stays unarmed until data comes again.
   */
  private armStallTimer(id: string, ms: number): void {
    this.cancelStallTimer?.();
    this.cancelStallTimer = this.deps.setTimer(() => {
      this.cancelStallTimer = undefined;
      const quietMs = this.deps.now() - this.lastDataAt;
      if (quietMs < STALL_AFTER_MS) {
        this.armStallTimer(id, STALL_AFTER_MS - quietMs);
        return;
      }
      this.apply(id, { type: 'stalled' });
      this.publish();
    }, ms);
  }

  private isLiveStreaming(id: string): boolean {
    return this.live?.id === id && isStreaming(this.live.state.status);
  }

  /** Applies an event to the streaming reply `id`; a no-op once another reply is live. */
  private apply(id: string, event: AssistantMessageEvent): void {
    if (this.live?.id !== id) return;
    const state = applyStreamEvent(this.live.state, event, this.deps.now());
    if (state !== this.live.state) this.live = { ...this.live, state };
  }

  private schedulePublish(): void {
    if (this.isFrameScheduled) return;
    this.isFrameScheduled = true;
    this.deps.scheduleFrame(() => {
      this.isFrameScheduled = false;
      this.publish();
    });
  }

  /** Copies the live reply into the messages, saves it when due, and tells React. */
  private publish(): void {
    const live = this.live;
    if (live === undefined) return;
    this.all = this.all.map((m) =>
      m.id === live.id && m.role === 'assistant' ? { ...m, state: live.state } : m,
    );
    const isLive = isStreaming(live.state.status);
    this.saveLive(!isLive);
    if (!isLive) this.live = undefined;
    this.render(isLive);
  }

  /** Saves the live reply if a second has passed, its status changed, or `force`. */
  private saveLive(force: boolean): void {
    const live = this.live;
    if (live === undefined) return;
    const now = this.deps.now();
    const isDue = now - live.savedAt >= SAVE_EVERY_MS || live.state.status !== live.savedStatus;
    if (!force && !isDue) return;
    const message = this.all.find((m) => m.id === live.id);
    if (message?.role !== 'assistant') return;
    this.live = { ...live, savedAt: now, savedStatus: live.state.status };
    this.lastLiveSave = this.save({ ...message, state: live.state });
  }

  /**
   * Saves a message with its revision raised, and keeps the raised revision locally (the state
   * shown stays the newest: a live reply's state is only copied in at publish).
   */
  private save(message: ChatMessage): Promise<void> {
    const id = this.conversationId;
    const persistence = this.deps.persistence;
    if (id === undefined || persistence === undefined) return Promise.resolve();
    const revision = (message.revision ?? 0) + 1;
    this.all = this.all.map((m) => (m.id === message.id ? { ...m, revision } : m));
    const saved = { ...message, revision };
    const write = { conversationId: id, message: saved };
    this.unconfirmed.set(saved.id, write);
    return persistence.saveMessage(id, saved).finally(() => {
      if (this.unconfirmed.get(saved.id) === write) this.unconfirmed.delete(saved.id);
    });
  }

  private saveChoices(): void {
    const id = this.conversationId;
    const persistence = this.deps.persistence;
    if (id === undefined || persistence === undefined) return;
    this.pendingChoiceSaves += 1;
    void persistence.setVersionChoices(id, this.choices).finally(() => {
      this.pendingChoiceSaves -= 1;
    });
  }

  private render(
    isStreamingNow = this.live !== undefined && isStreaming(this.live.state.status),
  ): void {
    const path = visiblePath(this.all, this.choices);
    this.snapshot = {
      conversationId: this.conversationId,
      path,
      messages: path.map((entry) => entry.message),
      isStreaming: isStreamingNow,
      systemPrompt: this.systemPrompt,
    };
    for (const listener of this.listeners) listener();
  }
}
