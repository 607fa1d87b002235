/**
 * A conversation's live state outside React (read through `useSyncExternalStore`, see
 * `use-chat-session.ts`): its messages, every version, and the reply streaming into it. It composes
 * `mergeSaved` (saves coming back from storage), `RequestRunner` (the streaming reply, its
 * `StallWatchdog` and frame-throttled publishing), `LiveReplySaver`, `requestHistory` and
 * `SessionPublisher` (what the views follow).
 */
import type { AssistantMessage, ChatMessage, UserMessage } from '../../core/chat/chat-message';
import {
  chooseVersion,
  isSameChoices,
  type VersionChoices,
} from '../../core/chat/conversation-tree';
import { createId } from '../../core/chat/create-id';
import { newQuestion, newReply } from '../../core/chat/new-messages';
import { mergeSaved } from '../../core/chat/merge-saved';
import { buildReplyRequest, maskRequest } from '../../core/requests/provider-request';
import type { RequestMessage } from '../../core/requests/request-spec';
import {
  applyStreamEvent,
  isStreaming,
  type AssistantMessageState,
} from '../../core/stream/assistant-message';
import type { HistoryTarget } from '../../core/requests/request-messages';
import type { ContinuedTexts } from '../../core/stream/join-continuation';
import type { ProviderSettings } from '../../providers/provider-presets';
import type { ChatSessionDeps } from './chat-session-deps';
import { LiveReplySaver } from './live-reply-saver';
import { requestHistory } from './request-history';
import { RequestRunner } from './request-runner';
import { SessionPublisher } from './session-publisher';

/** One conversation and at most one reply streaming into it. */
export class ChatSession {
  private conversationId: string | undefined;
  private all: readonly ChatMessage[] = [];
  private choices: VersionChoices = {};
  private readonly publisher = new SessionPublisher();
  private systemPrompt = '';
  /** The messages the snapshot was made of (a save may have raised a revision since). */
  private rendered: readonly ChatMessage[] = [];
  private readonly saver: LiveReplySaver;
  private readonly runner: RequestRunner;

  constructor(private readonly deps: ChatSessionDeps) {
    this.saver = new LiveReplySaver({
      persistence: deps.persistence,
      now: deps.now,
      conversationId: () => this.conversationId,
      keepRevision: (id, revision) => {
        this.all = this.all.map((m) => (m.id === id ? { ...m, revision } : m));
      },
    });
    this.runner = new RequestRunner({
      ...deps,
      saver: this.saver,
      findMessage: (id) => this.all.find((m) => m.id === id),
      copyLiveState: ({ id, state }) => {
        this.all = this.all.map((m) =>
          m.id === id && m.role === 'assistant' ? { ...m, state } : m,
        );
      },
      render: (isStreamingNow) => this.render(isStreamingNow),
    });
  }

  /** See {@link SessionPublisher.subscribe}. */
  subscribe = this.publisher.subscribe;
  /** See {@link SessionPublisher.getSnapshot}. */
  getSnapshot = this.publisher.getSnapshot;
  /** See {@link SessionPublisher.subscribeStructure}. */
  subscribeStructure = this.publisher.subscribeStructure;
  /** See {@link SessionPublisher.getStructure}. */
  getStructure = this.publisher.getStructure;
  /** See {@link SessionPublisher.messageSource}. */
  messageSource = this.publisher.messageSource;

  /**
   * Shows a conversation as saved (on open, or when any tab, this one included, changed it), merged
   * with this tab's messages by {@link mergeSaved}. When the saved copy brings nothing new (this
   * tab's own save coming back), nothing is published: no view renders again.
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
    const all = mergeSaved(this.all, saved, this.runner.live);
    const nextChoices = isSwitch || !this.saver.isSavingChoices() ? choices : this.choices;
    const isUnchanged =
      !isSwitch &&
      all === this.rendered &&
      systemPrompt === this.systemPrompt &&
      isSameChoices(nextChoices, this.choices);
    if (isUnchanged) return;
    this.systemPrompt = systemPrompt;
    this.conversationId = conversationId;
    this.all = all;
    this.choices = nextChoices;
    this.render();
  }

  /** The assistant messages shown as streaming that this tab is not streaming. */
  foreignStreamingIds(): string[] {
    const liveId = this.runner.live?.id;
    return this.all
      .filter((m) => m.role === 'assistant' && isStreaming(m.state.status) && m.id !== liveId)
      .map((m) => m.id);
  }

  /**
   * Sends a user message after the last visible one and streams the reply. Resolves when the reply
   * has ended, however it ended; never rejects (failures become the message's `error` state).
   * Does nothing while another reply is streaming or when `content` is blank.
   */
  async send(content: string, settings: ProviderSettings): Promise<void> {
    if (this.getSnapshot().isStreaming || content.trim() === '') return;
    const parent = this.getSnapshot().messages.at(-1);
    await this.ask(content, parent?.id ?? null, settings);
  }

  /** Sends an edited version of a user message as a new branch; the old branch stays reachable. */
  async edit(userId: string, content: string, settings: ProviderSettings): Promise<void> {
    const original = this.all.find((m) => m.id === userId);
    if (this.getSnapshot().isStreaming || original === undefined || content.trim() === '') return;
    await this.ask(content, original.parentId, settings);
  }

  /**
   * Asks again for the question `assistantId` answered, as a new version of the reply (stopping
   * that reply first if it is still streaming). Earlier versions stay.
   */
  async regenerate(assistantId: string, settings: ProviderSettings): Promise<void> {
    if (this.runner.live?.id === assistantId) this.stop();
    const reply = this.all.find((m) => m.id === assistantId);
    const question = this.all.find((m) => m.id === reply?.parentId);
    if (this.getSnapshot().isStreaming || question?.role !== 'user') return;
    await this.reply(question, settings);
  }

  /** Continues an answer cut off at max tokens, appending to the same message. */
  async continueReply(assistantId: string, settings: ProviderSettings): Promise<void> {
    const reply = this.all.find((m) => m.id === assistantId);
    if (this.getSnapshot().isStreaming || reply?.role !== 'assistant') return;
    // Cut off while still thinking, there is no answer to continue: ask again instead.
    if (reply.state.answer === '') return this.regenerate(assistantId, settings);
    const messages = requestHistory(this.all, this.choices, reply.id, this.target(settings), true);
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
    this.saver.saveChoices(this.choices);
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
    for (const message of this.getSnapshot().messages) {
      if (message.role === 'assistant') this.updateMessage(message.id, { isReasoningOpen: isOpen });
    }
  }

  /** Stops the streaming reply, keeping what arrived. The message ends as `stopped`. */
  stop(): void {
    this.runner.stop();
  }

  /**
   * Saves the streaming reply now, whatever the timer says: for a page going hidden or away, which
   * may be gone before the next timed save. With `isUnloading` (on `pagehide`) a copy of every
   * message whose save has not finished (the reply, a question just sent) is also kept
   * synchronously, since the page may close before the saves do.
   */
  flush(isUnloading = false): void {
    this.runner.saveLive(true);
    if (isUnloading) this.saver.keepUnloadCopies();
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
    // Saved first, so the snapshot shows the raised revision that the save's echo will carry.
    void this.saver.save(changed);
    this.render();
  }

  private async ask(
    content: string,
    parentId: string | null,
    settings: ProviderSettings,
  ): Promise<void> {
    const now = this.deps.now();
    const question = newQuestion(content, parentId, now);
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
    void this.saver.save(question);
    this.saver.saveChoices(this.choices);
    await this.reply(question, settings);
  }

  private target({ family, model }: ProviderSettings): HistoryTarget {
    return { family, model, systemPrompt: this.systemPrompt };
  }

  private async reply(question: UserMessage, settings: ProviderSettings): Promise<void> {
    const now = this.deps.now();
    const assistant = newReply(question.id, settings, now);
    const messages = requestHistory(this.all, this.choices, question.id, this.target(settings));
    await this.stream(assistant, messages, settings);
  }

  /** Streams a reply into `assistant`; `continued` holds the texts a continuation is joined to. */
  private async stream(
    assistant: AssistantMessage,
    messages: RequestMessage[],
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
    const spec = { spec: request, apiStyle: settings.apiStyle, continued };
    await this.runner.run(started, now, spec, () => this.saver.saveChoices(this.choices));
  }

  private render(isStreamingNow = this.runner.isStreaming()): void {
    this.rendered = this.all;
    this.publisher.publish({
      conversationId: this.conversationId,
      all: this.all,
      choices: this.choices,
      isStreaming: isStreamingNow,
      systemPrompt: this.systemPrompt,
    });
  }
}
