/**
 * What a chat session tells its views, on three channels of different rates: the snapshot (every
 * change), the structure (only when `isSameStructure` says ids, versions or statuses changed) and
 * one source per message (only when that message's object changed).
 */
import {
  chatSnapshot,
  isSameStructure,
  type ChatSnapshot,
  type ChatSnapshotInput,
} from './chat-snapshot';
import { MessageHub } from './message-hub';
import type { MessageSource } from './message-source';

/** Publishes a chat session's state to `useSyncExternalStore` subscribers. */
export class SessionPublisher {
  private snapshot: ChatSnapshot = chatSnapshot({
    conversationId: undefined,
    all: [],
    choices: {},
    isStreaming: false,
    systemPrompt: '',
  });
  private readonly listeners = new Set<() => void>();
  /** The last snapshot with a new structure (see `isSameStructure`), and who follows it. */
  private structure: ChatSnapshot = this.snapshot;
  private readonly structureListeners = new Set<() => void>();
  private readonly hub = new MessageHub();

  /** For `useSyncExternalStore`: told of every published change. */
  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** For `useSyncExternalStore`: the newest snapshot. */
  getSnapshot = (): ChatSnapshot => this.snapshot;

  /**
   * For `useSyncExternalStore`, for the views of the list: told only when the structure changed
   * (not for the frames of a streaming reply, whose views follow {@link messageSource}).
   */
  subscribeStructure = (listener: () => void): (() => void) => {
    this.structureListeners.add(listener);
    return () => this.structureListeners.delete(listener);
  };

  /**
   * The last snapshot with a new structure: its messages' ids, versions and statuses are current,
   * their text may not be (read that through {@link messageSource}, or {@link getSnapshot}).
   */
  getStructure = (): ChatSnapshot => this.structure;

  /**
   * The newest version of message `id`, and its changes (every frame while it streams).
   *
   * @throws Error when no published snapshot held message `id`.
   */
  messageSource = (id: string): MessageSource => this.hub.source(id);

  /** Makes a snapshot of `input` and tells each channel whose part of it changed. */
  publish(input: ChatSnapshotInput): void {
    this.snapshot = chatSnapshot(input);
    this.hub.update(input.all);
    for (const listener of this.listeners) listener();
    if (isSameStructure(this.structure, this.snapshot)) return;
    this.structure = this.snapshot;
    for (const listener of this.structureListeners) listener();
  }
}
