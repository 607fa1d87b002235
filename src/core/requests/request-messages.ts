/**
 * The `messages` of a chat completions request, built from a conversation and the provider's
 * history rules.
 */
import type { AssistantMessage, ChatMessage } from '../chat/chat-message';
import { historyReasoning } from './history-rules';
import type { ProviderFamily } from './provider-options';
import type { RequestMessage } from './request-spec';

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
  });
  if (rule === 'reasoning-content' && reply.state.reasoning !== '') {
    turn.reasoning_content = reply.state.reasoning;
  }
  return turn;
}
