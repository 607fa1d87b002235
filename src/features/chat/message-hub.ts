/**
 * The newest version of each message of a chat session, one {@link MessageSource} per message id,
 * so a view can follow one message (the streaming reply) without the list around it rendering.
 */
import type { ChatMessage } from '../../core/chat/chat-message';
import type { MessageSource } from './message-source';

interface Entry {
  message: ChatMessage;
  listeners: Set<() => void>;
  source: MessageSource;
}

/** Message sources by id, told of every change `update` finds. */
export class MessageHub {
  private readonly entries = new Map<string, Entry>();

  /**
   * Takes the session's messages (every version): each message whose object changed tells its
   * listeners; messages no longer there are dropped (a source already handed out keeps its last
   * message). Linear in the number of messages.
   */
  update(all: readonly ChatMessage[]): void {
    const changed: Entry[] = [];
    const ids = new Set<string>();
    for (const message of all) {
      ids.add(message.id);
      const entry = this.entries.get(message.id);
      if (entry === undefined) this.entries.set(message.id, createEntry(message));
      else if (entry.message !== message) {
        entry.message = message;
        changed.push(entry);
      }
    }
    if (ids.size !== this.entries.size) {
      for (const id of this.entries.keys()) if (!ids.has(id)) this.entries.delete(id);
    }
    for (const entry of changed) for (const listener of [...entry.listeners]) listener();
  }

  /**
   * The source of message `id`; the same object for as long as the message is kept.
   *
   * @throws Error when no message `id` was given to `update`.
   */
  source = (id: string): MessageSource => {
    const entry = this.entries.get(id);
    if (entry === undefined) throw new Error(`No message ${id} in this conversation.`);
    return entry.source;
  };
}

function createEntry(message: ChatMessage): Entry {
  const entry: Entry = {
    message,
    listeners: new Set(),
    source: {
      get: () => entry.message,
      subscribe: (listener) => {
        entry.listeners.add(listener);
        return () => entry.listeners.delete(listener);
      },
    },
  };
  return entry;
}
