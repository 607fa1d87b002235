/**
 * The `messages` a chat session sends: the visible conversation down to one message, under the
 * provider's history rules.
 */
import type { ChatMessage } from '../../core/chat/chat-message';
import { chooseVersion, visiblePath, type VersionChoices } from '../../core/chat/conversation-tree';
import type { RequestMessage } from '../../core/requests/request-spec';
import { buildRequestMessages, type HistoryTarget } from '../../core/requests/request-messages';

/** The instruction sent to continue an answer that was cut off at max tokens. */
export const CONTINUE_PROMPT =
  'Continue exactly where your previous answer stopped. Do not repeat anything you already wrote.';

/**
 * The request `messages` for the versions in `all` that lead to message `id` (as `choices` shows
 * them, with `id` made visible): a question to answer, or with `isContinuation` a cut-off answer
 * followed by {@link CONTINUE_PROMPT}.
 */
export function requestHistory(
  all: readonly ChatMessage[],
  choices: VersionChoices,
  id: string,
  target: HistoryTarget,
  isContinuation = false,
): RequestMessage[] {
  const path = visiblePath(all, chooseVersion(all, choices, id));
  const end = path.findIndex((entry) => entry.message.id === id);
  const history = path.slice(0, end + 1).map((entry) => entry.message);
  const messages = buildRequestMessages(history, target);
  if (isContinuation) messages.push({ role: 'user', content: CONTINUE_PROMPT });
  return messages;
}
