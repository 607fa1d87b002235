import type { AssistantMessage } from '../../../core/chat/chat-message';
import { reasoningBudget, type ReasoningBudget } from '../../../core/reasoning/reasoning-budget';
import type { Repetition } from '../../../core/reasoning/repetition-detector';
import type { ReasoningStep } from '../../../core/reasoning/step-timing';
import type { ReplyStats } from '../../../core/stream/reply-stats';
import type { StepsCache } from './steps-cache';

/** What the Thinking panel shows to navigate a message's reasoning. */
export interface NavigationState {
  steps: readonly ReasoningStep[];
  /** Reasoning text is still arriving. */
  isThinking: boolean;
  /** The title of the step being written, while reasoning streams. */
  currentTitle: string | undefined;
  repetition: Repetition | undefined;
  /** The request's token budget and how much of it is used, while the reply streams. */
  budget: { budget: ReasoningBudget; used: number } | undefined;
  /** Stops the reply; only while it streams. */
  onStop: (() => void) | undefined;
}

/**
 * Steps, the loop alarm and the budget of one message, read through its steps cache (only text
 * added since the last read is processed).
 *
 * @param onStop - stops the reply, when it is streaming in this tab.
 * @public loaded on demand through `navigation-runtime.ts`
 */
export function readNavigation(
  cache: StepsCache,
  message: AssistantMessage,
  stats: ReplyStats,
  onStop: (() => void) | undefined,
): NavigationState {
  const { state } = message;
  const isThinking = state.status === 'reasoning';
  const { steps, repetition } = cache.read(state.reasoning, state.reasoningArrivals, !isThinking);
  const found = onStop === undefined ? undefined : reasoningBudget(message.request?.body);
  const reasoning = stats.reasoningTokens ?? 0;
  return {
    steps,
    isThinking,
    currentTitle: isThinking ? steps.at(-1)?.title : undefined,
    repetition,
    budget:
      found === undefined
        ? undefined
        : {
            budget: found,
            used: found.kind === 'thinking' ? reasoning : reasoning + (stats.answerTokens ?? 0),
          },
    onStop,
  };
}
