/**
 * Token counts and speed of a reply, from the provider's usage when it has arrived and estimated
 * from the text before that.
 */
import type { AssistantMessageState } from './assistant-message';

/** What the message footer and the thinking panel header show. */
export interface ReplyStats {
  /** Reasoning tokens. */
  reasoningTokens?: number;
  /** Answer tokens (completion tokens without the reasoning). */
  answerTokens?: number;
  /** True when any count above is estimated from the text rather than reported by the provider. */
  isEstimated: boolean;
  /**
   * From sending the latest request to its first reasoning or answer token, in ms; never negative.
   * Absent until that token arrives.
   */
  timeToFirstTokenMs?: number;
  /** Generated tokens per second, from the latest request's first token to its end (or now). */
  tokensPerSecond?: number;
}

const CJK = /[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af\uf900-\ufaff]/g;

/**
 * CJK counts of recent texts. A streaming text is shown every frame and only grows, so when it
 * extends a text seen before, only the new part is scanned (counts add up over a prefix and the
 * rest, so any earlier text that is a prefix will do).
 */
const cjkCounts: { text: string; cjk: number }[] = [];
const CJK_COUNTS_KEPT = 4;

function countCjk(text: string): number {
  let known = cjkCounts.find((entry) => text.startsWith(entry.text));
  if (known === undefined) {
    known = { text: '', cjk: 0 };
    if (cjkCounts.unshift(known) > CJK_COUNTS_KEPT) cjkCounts.pop();
  }
  if (known.text.length < text.length) {
    known.cjk += text.slice(known.text.length).match(CJK)?.length ?? 0;
    known.text = text;
  }
  return known.cjk;
}

/**
 * A rough token count for text a tokenizer hasn't seen: one per CJK character, one per four other
 * characters (the usual English average for BPE tokenizers). Cheap for a text that grows between
 * calls: only the part not seen before is scanned.
 */
export function estimateTokens(text: string): number {
  if (text === '') return 0;
  const cjk = countCjk(text);
  return cjk + Math.ceil((text.length - cjk) / 4);
}

/**
 * Splits reported usage into reasoning and answer tokens. DeepSeek, OpenAI and most others count
 * reasoning inside `completion_tokens`; xAI does not (its `total_tokens` = prompt + completion +
 * reasoning), which the totals reveal.
 */
function fromUsage(
  state: AssistantMessageState,
): Omit<ReplyStats, 'timeToFirstTokenMs' | 'tokensPerSecond'> {
  const usage = state.usage ?? {};
  const completion = usage.completionTokens;
  const reported = usage.reasoningTokens;
  const hasReasoning = state.reasoning !== '';
  const reasoning = reported ?? (hasReasoning ? estimateTokens(state.reasoning) : 0);
  const isReasoningEstimated = reported === undefined && hasReasoning;
  if (completion === undefined) {
    return {
      reasoningTokens: hasReasoning || reported !== undefined ? reasoning : undefined,
      answerTokens: estimateTokens(state.answer),
      isEstimated: true,
    };
  }
  const excludesReasoning =
    reported !== undefined &&
    usage.promptTokens !== undefined &&
    usage.totalTokens === usage.promptTokens + completion + reported &&
    reported > 0;
  const answer = excludesReasoning ? completion : Math.max(0, completion - reasoning);
  return {
    reasoningTokens: hasReasoning || reported !== undefined ? reasoning : undefined,
    answerTokens: answer,
    isEstimated: isReasoningEstimated,
  };
}

/**
 * The latest request's first token. Messages saved before `firstTokenAt` existed have only the
 * message's first reasoning and answer times; those count only when they come after the request
 * (a continued message's are older than its latest request).
 */
function requestFirstTokenAt(timing: AssistantMessageState['timing']): number | undefined {
  if (timing.firstTokenAt !== undefined) return timing.firstTokenAt;
  const first = Math.min(timing.firstReasoningAt ?? Infinity, timing.firstAnswerAt ?? Infinity);
  if (!Number.isFinite(first)) return undefined;
  return timing.requestSentAt === undefined || first >= timing.requestSentAt ? first : undefined;
}

/**
 * Counts and speed for a message.
 *
 * @param now - current time in epoch ms, for a reply still streaming.
 */
export function replyStats(state: AssistantMessageState, now: number): ReplyStats {
  const counts = fromUsage(state);
  const { requestSentAt, endedAt } = state.timing;
  const firstTokenAt = requestFirstTokenAt(state.timing);
  const stats: ReplyStats = { ...counts };
  if (requestSentAt !== undefined && firstTokenAt !== undefined) {
    stats.timeToFirstTokenMs = Math.max(0, firstTokenAt - requestSentAt);
    const seconds = ((endedAt ?? now) - firstTokenAt) / 1000;
    const tokens = (counts.reasoningTokens ?? 0) + (counts.answerTokens ?? 0);
    if (seconds >= 0.25 && tokens > 0) stats.tokensPerSecond = tokens / seconds;
  }
  return stats;
}
