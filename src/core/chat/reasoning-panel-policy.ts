import type { AssistantMessageState } from '../stream/assistant-message';
import { isStreaming } from '../stream/assistant-message';

/**
 * When a thinking panel is open before the person touches it:
 * - `auto`: open while the model thinks, folded from the first answer token (and left open when
 *   reasoning is all the message has);
 * - `open`: always open;
 * - `folded`: always folded.
 * A person's own toggle on a message always wins over the policy.
 */
export type ReasoningPanelPolicy = 'auto' | 'open' | 'folded';

/** Whether the panel of a message is open by default under `policy`. */
export function isReasoningOpenByDefault(
  policy: ReasoningPanelPolicy,
  state: AssistantMessageState,
): boolean {
  if (policy === 'open') return true;
  if (policy === 'folded') return false;
  return state.status === 'reasoning' || (!isStreaming(state.status) && state.answer === '');
}
