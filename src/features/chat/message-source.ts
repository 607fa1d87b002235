/**
 * One message that may change while it is shown: read with `get`, told of changes through
 * `subscribe` (the shape `useSyncExternalStore` takes). A streaming reply's views subscribe to the
 * fields they show (see `use-message-field.ts`), so a frame of new tokens renders only what shows
 * those tokens.
 */
import type { ChatMessage } from '../../core/chat/chat-message';

/** A message and its changes. */
export interface MessageSource<M extends ChatMessage = ChatMessage> {
  /** The message as it is now; the same object until it changes. */
  get: () => M;
  /** Calls `listener` after each change; returns the unsubscribe function. */
  subscribe: (listener: () => void) => () => void;
}

const unsubscribed = () => undefined;

/** A source of a message that never changes (a shared transcript, a message passed as a prop). */
export function staticMessageSource<M extends ChatMessage>(message: M): MessageSource<M> {
  return { get: () => message, subscribe: () => unsubscribed };
}
