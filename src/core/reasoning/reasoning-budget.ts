/**
 * The token budget a request set for a reply, read from the request body as sent.
 */

/** A budget: Anthropic's thinking budget (reasoning only), or max tokens (the whole reply). */
export interface ReasoningBudget {
  /** `thinking`: `thinking.budget_tokens` (Anthropic Messages); `reply`: a max-tokens field. */
  kind: 'thinking' | 'reply';
  /** The budget, in tokens. */
  tokens: number;
}

function positive(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : undefined;
}

/**
 * The budget of a request body: `thinking.budget_tokens` first (Anthropic Messages API, extended
 * thinking), else `max_completion_tokens` or `max_tokens` (Chat Completions) or `max_output_tokens`
 * (OpenAI Responses API). `undefined` when none is set.
 */
export function reasoningBudget(
  body: Readonly<Record<string, unknown>> | undefined,
): ReasoningBudget | undefined {
  if (body === undefined) return undefined;
  const thinking = body.thinking;
  const budget =
    typeof thinking === 'object' && thinking !== null
      ? positive((thinking as Record<string, unknown>).budget_tokens)
      : undefined;
  if (budget !== undefined) return { kind: 'thinking', tokens: budget };
  const max =
    positive(body.max_completion_tokens) ??
    positive(body.max_tokens) ??
    positive(body.max_output_tokens);
  return max === undefined ? undefined : { kind: 'reply', tokens: max };
}
