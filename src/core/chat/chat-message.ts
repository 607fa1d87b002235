/**
 * The messages of a conversation, as the app keeps them.
 */
import { historyReasoning } from '../requests/history-rules';
import type { HttpRequestSpec, ProviderFamily } from '../requests/provider-request';
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

/** One message of an OpenAI-compatible chat completions request. */
export interface RequestMessage {
  role: 'system' | 'user' | 'assistant';
  content: string;
  /** An earlier turn's reasoning, only where the provider's history rules ask for it. */
  reasoning_content?: string;
}

/** Who the request goes to, for the history rules. */
export interface HistoryTarget {
  family: ProviderFamily;
  model: string;
  /** An optional system prompt, sent first when not blank. */
  systemPrompt?: string;
}

/**
 * Builds the `messages` array of a request from a conversation.
 *
 * Earlier assistant turns are sent as their answer text; their reasoning goes back only where the
 * provider's history rules ask for it (`core/requests/history-rules.ts`). Ruminate keeps reasoning
 * as text, so rules that need structured reasoning (OpenRouter `reasoning_details`, Anthropic
 * signed thinking) fall back to the answer alone. A question whose replies have no answer (stopped
 * while reasoning, failed) is left out with them, so user and assistant turns alternate as most
 * providers require; of several replies to one question, the last one with an answer is sent.
 *
 * @param messages - the conversation so far, oldest first, ending with the user message to answer.
 */
export function buildRequestMessages(
  messages: readonly ChatMessage[],
  target: HistoryTarget = { family: 'generic', model: '' },
): RequestMessage[] {
  const out: RequestMessage[] = [];
  if (target.systemPrompt !== undefined && target.systemPrompt.trim() !== '') {
    out.push({ role: 'system', content: target.systemPrompt });
  }
  messages.forEach((message, index) => {
    if (message.role !== 'user') return;
    if (index === messages.length - 1) {
      out.push({ role: 'user', content: message.content });
      return;
    }
    const replies: AssistantMessage[] = [];
    for (const next of messages.slice(index + 1)) {
      if (next.role !== 'assistant') break;
      replies.push(next);
    }
    const reply = replies.findLast((candidate) => candidate.state.answer !== '');
    if (reply === undefined) return;
    out.push({ role: 'user', content: message.content });
    out.push(assistantTurn(reply, target));
  });
  return out;
}

function assistantTurn(reply: AssistantMessage, target: HistoryTarget): RequestMessage {
  const turn: RequestMessage = { role: 'assistant', content: reply.state.answer };
  const rule = historyReasoning({
    family: target.family,
    model: target.model,
    madeToolCalls: reply.state.finishReason === 'tool_calls',
    isCurrentToolTurn: false,
  });
  if (rule === 'reasoning-content' && reply.state.reasoning !== '') {
    turn.reasoning_content = reply.state.reasoning;
  }
  return turn;
}
