/**
 * The messages of a conversation, as the app keeps them.
 */
import type { AssistantMessageState } from '../stream/assistant-message';

/** A message the person wrote. */
export interface UserMessage {
  id: string;
  role: 'user';
  content: string;
  /** When it was sent, epoch ms. */
  createdAt: number;
}

/** A reply from a model, with its reasoning, answer and end state. */
export interface AssistantMessage {
  id: string;
  role: 'assistant';
  /** The model that was asked, as sent in the request. */
  model: string;
  /** The provider's display name (`DeepSeek`, `Demo`, …). */
  providerName: string;
  state: AssistantMessageState;
}

/** Any message in a conversation. */
export type ChatMessage = UserMessage | AssistantMessage;

/** One message of an OpenAI-compatible chat completions request. */
export interface RequestMessage {
  role: 'system' | 'user' | 'assistant';
  content: string;
}

/**
 * Builds the `messages` array of a chat completions request from a conversation.
 *
 * Earlier assistant turns are sent as their answer text only: reasoning is never sent back, and a
 * turn with no answer (stopped while reasoning, failed) is left out together with the question that
 * produced it, so the request alternates user and assistant turns as most providers require.
 *
 * @param messages - the conversation so far, oldest first, ending with the new user message.
 * @param systemPrompt - an optional system prompt, sent first when not blank.
 */
export function buildRequestMessages(
  messages: readonly ChatMessage[],
  systemPrompt?: string,
): RequestMessage[] {
  const out: RequestMessage[] = [];
  if (systemPrompt !== undefined && systemPrompt.trim() !== '') {
    out.push({ role: 'system', content: systemPrompt });
  }
  messages.forEach((message, index) => {
    if (message.role === 'user') {
      const reply = messages[index + 1];
      const isLast = index === messages.length - 1;
      const hasAnswer = reply?.role === 'assistant' && reply.state.answer !== '';
      if (isLast || hasAnswer) out.push({ role: 'user', content: message.content });
    } else if (message.state.answer !== '') {
      out.push({ role: 'assistant', content: message.state.answer });
    }
  });
  return out;
}
