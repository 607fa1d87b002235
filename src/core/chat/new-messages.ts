/**
 * The messages a chat creates: a question the person asks and the reply that answers it.
 */
import { createAssistantMessage } from '../stream/assistant-message';
import type { AssistantMessage, UserMessage } from './chat-message';
import { createId } from './create-id';

/** A question `content` after message `parentId` (`null` for the first), created at `now` (epoch ms). */
export function newQuestion(content: string, parentId: string | null, now: number): UserMessage {
  return { id: createId(now), parentId, createdAt: now, role: 'user', content };
}

/**
 * An empty reply to question `questionId` from `model` of the provider `providerName`, created at
 * `now` (epoch ms), waiting for its request to be sent.
 */
export function newReply(
  questionId: string,
  { model, providerName }: Pick<AssistantMessage, 'model' | 'providerName'>,
  now: number,
): AssistantMessage {
  return {
    id: createId(now),
    parentId: questionId,
    createdAt: now,
    role: 'assistant',
    model,
    providerName,
    state: createAssistantMessage(),
  };
}
