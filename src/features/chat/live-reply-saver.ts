/**
 * Saving a chat session's messages: each change with its revision raised, the streaming reply at
 * most once a second (and at every status change), the version choices, and synchronous copies of
 * unfinished saves for a page that is closing.
 */
import type { AssistantMessage, ChatMessage } from '../../core/chat/chat-message';
import type { VersionChoices } from '../../core/chat/conversation-tree';
import type { ConversationPersistence } from './conversation-persistence';

/** A streaming message is saved at least this often, in ms (and at every status change). */
export const SAVE_EVERY_MS = 1000;

/** What a {@link LiveReplySaver} needs from its session. */
export interface LiveReplySaverDeps {
  /** Where conversations are saved; without it nothing is saved. */
  persistence?: ConversationPersistence;
  /** Current time, epoch ms. */
  now: () => number;
  /** The conversation saved to; `undefined` while it has no message (nothing is saved then). */
  conversationId: () => string | undefined;
  /** Gives this tab's copy of message `messageId` the revision just saved. */
  keepRevision: (messageId: string, revision: number) => void;
}

/** A save not finished yet. */
interface UnconfirmedWrite {
  conversationId: string;
  message: ChatMessage;
}

/**
 * Saves a session's messages through its `ConversationPersistence` (whose save queue keeps and
 * retries failed writes), and times the saves of the one reply streaming at a time.
 */
export class LiveReplySaver {
  /** When the live reply was last saved, epoch ms, and with which status. */
  private liveSavedAt = 0;
  private liveSavedStatus = '';
  private lastLiveSave: Promise<void> = Promise.resolve();
  private pendingChoiceSaves = 0;
  /** Saves not finished yet, by message id: what a closing page keeps copies of. */
  private readonly unconfirmed = new Map<string, UnconfirmedWrite>();

  constructor(private readonly deps: LiveReplySaverDeps) {}

  /** Starts timing the saves of a new live reply, which began at `now` (epoch ms). */
  beginLive(now: number): void {
    this.liveSavedAt = now;
    this.liveSavedStatus = '';
  }

  /** Whether the live reply, now in `status`, is due a save: a second has passed or its status changed. */
  isLiveSaveDue(status: string): boolean {
    return this.deps.now() - this.liveSavedAt >= SAVE_EVERY_MS || status !== this.liveSavedStatus;
  }

  /** Saves the live reply (`message` holds its current state) and restarts the save timing. */
  saveLive(message: AssistantMessage): void {
    this.liveSavedAt = this.deps.now();
    this.liveSavedStatus = message.state.status;
    this.lastLiveSave = this.save(message);
  }

  /** Resolves when the last save of the live reply has finished (it never rejects). */
  liveSaved(): Promise<void> {
    return this.lastLiveSave;
  }

  /**
   * Saves a message with its revision raised, and gives this tab's copy the raised revision (the
   * state shown stays the newest: a live reply's state is only copied in at publish). Resolves
   * when the write has finished, at once when there is nothing to save to.
   */
  save(message: ChatMessage): Promise<void> {
    const conversationId = this.deps.conversationId();
    const persistence = this.deps.persistence;
    if (conversationId === undefined || persistence === undefined) return Promise.resolve();
    const revision = (message.revision ?? 0) + 1;
    this.deps.keepRevision(message.id, revision);
    const saved = { ...message, revision };
    const write = { conversationId, message: saved };
    this.unconfirmed.set(saved.id, write);
    return persistence.saveMessage(conversationId, saved).finally(() => {
      if (this.unconfirmed.get(saved.id) === write) this.unconfirmed.delete(saved.id);
    });
  }

  /** Saves which version is shown at each fork. */
  saveChoices(choices: VersionChoices): void {
    const conversationId = this.deps.conversationId();
    const persistence = this.deps.persistence;
    if (conversationId === undefined || persistence === undefined) return;
    this.pendingChoiceSaves += 1;
    void persistence.setVersionChoices(conversationId, choices).finally(() => {
      this.pendingChoiceSaves -= 1;
    });
  }

  /** Whether a save of the version choices has not finished (a saved copy may be older). */
  isSavingChoices(): boolean {
    return this.pendingChoiceSaves > 0;
  }

  /**
   * Keeps a synchronous copy of every message whose save has not finished (the reply, a question
   * just sent), for a page that is closing before its saves do.
   */
  keepUnloadCopies(): void {
    for (const { conversationId, message } of this.unconfirmed.values()) {
      // A reply cut by a network failure was kept as it stood when the stream was cut: a page
      // that is closing cuts its streams first, and that reply was interrupted, not failed.
      if (message.role === 'assistant' && message.state.error?.kind === 'network') continue;
      this.deps.persistence?.keepUnloadCopy?.(conversationId, message);
    }
  }
}
