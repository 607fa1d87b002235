/**
 * A conversation's words as one comparable string, to recognise the same conversation under other
 * ids (an import of an import, a version 1 file that carries no ids).
 */
import type { ChatMessage } from './chat-message';

/**
 * Every question and answer of a conversation, every version included, in a canonical order:
 * equal for two copies of the same conversation whatever their ids, order of storage or
 * reasoning (an export may leave reasoning out). Linear in the text plus a sort of the messages.
 */
export function contentKey(messages: readonly ChatMessage[]): string {
  const lines = messages
    .map((m) => JSON.stringify([m.role, m.role === 'user' ? m.content : m.state.answer]))
    .sort();
  // Stryker disable next-line StringLiteral: JSON arrays in a row read back the same with any separator.
  return lines.join('\n');
}
