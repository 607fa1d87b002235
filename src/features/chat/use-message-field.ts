import { useSyncExternalStore } from 'react';
import type { ChatMessage } from '../../core/chat/chat-message';
import type { MessageSource } from './message-source';

/**
 * One field of a message, read through its source: the component renders again only when what
 * `select` returns changes (compared with `Object.is`), not at every change of the message.
 *
 * @param select - reads the field; must return a primitive or an object taken from the message
 *   (never a new object per call); it may read props of the calling component.
 */
export function useMessageField<M extends ChatMessage, T>(
  source: MessageSource<M>,
  select: (message: M) => T,
): T {
  return useSyncExternalStore(source.subscribe, () => select(source.get()));
}
