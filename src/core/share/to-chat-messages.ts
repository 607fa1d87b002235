/**
 * A shared or imported transcript back as chat messages: one chain (each message the child of the
 * one before), with new ids, so an import never overwrites anything already saved.
 */
import type { ChatMessage } from '../chat/chat-message';
import { createAssistantMessage, type AssistantMessageState } from '../stream/assistant-message';
import type { SharedAssistantMessage, SharedTranscript } from './transcript';

/**
 * A reply's state as a transcript or an export carries it, back as the app keeps it: words, end
 * state, usage, timing and reasoning arrival times; everything else as a new reply has it.
 */
export function toAssistantState(shared: SharedAssistantMessage): AssistantMessageState {
  return {
    ...createAssistantMessage(),
    reasoning: shared.reasoning,
    answer: shared.answer,
    status: shared.status,
    finishReason: shared.finishReason,
    usage: shared.usage,
    error: shared.error,
    timing: shared.timing ?? {},
    reasoningArrivals: shared.reasoningArrivals,
    sawDone: shared.status === 'done',
  };
}

/**
 * Turns a transcript into chat messages.
 *
 * @param newId - makes a fresh id for each message.
 * @param now - epoch ms; messages get increasing `createdAt` from it, in transcript order.
 */
export function toChatMessages(
  transcript: SharedTranscript,
  newId: () => string,
  now: number,
): ChatMessage[] {
  let parentId: string | null = null;
  return transcript.messages.map((shared, index): ChatMessage => {
    const base = { id: newId(), parentId, createdAt: now + index };
    parentId = base.id;
    if (shared.role === 'user') return { ...base, role: 'user', content: shared.content };
    return {
      ...base,
      role: 'assistant',
      model: shared.model ?? '',
      providerName: 'Shared transcript',
      state: toAssistantState(shared),
    };
  });
}
