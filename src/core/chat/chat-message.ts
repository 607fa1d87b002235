/**
 * The messages of a conversation, as the app keeps them.
 */
import type { HttpRequestSpec } from '../requests/request-spec';
import type { AssistantMessageState } from '../stream/assistant-message';

/** Fields every message has: where it sits in its conversation's tree of versions. */
export interface MessageNode {
  id: string;
  /** The message this one answers or follows; `null` for the first message. */
  parentId: string | null;
  /** When it was created, epoch ms. Siblings (versions) are ordered by it. */
  createdAt: number;
  /**
   * How many times it was saved; tabs merging each other's saves keep the higher revision, so a
   * late echo of an older save never undoes a newer change.
   */
  revision?: number;
}

/** A message the person wrote. */
export interface UserMessage extends MessageNode {
  role: 'user';
  content: string;
}

/** A reply from a model, with its reasoning, answer and end state. */
export interface AssistantMessage extends MessageNode {
  role: 'assistant';
  /** The model that was asked, as sent in the request. */
  model: string;
  /** The provider's display name (`DeepSeek`, `Demo`, …). */
  providerName: string;
  state: AssistantMessageState;
  /** The request that produced this reply, secrets masked, for "View request". */
  request?: HttpRequestSpec;
  /** The person's own open/fold choice for the thinking panel; it wins over every default. */
  isReasoningOpen?: boolean;
}

/** Any message in a conversation. */
export type ChatMessage = UserMessage | AssistantMessage;
