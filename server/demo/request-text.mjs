/** The text of the messages of a chat completions request (OpenAI's `messages` shape). */

/**
 * The text of a chat message's content: a string, or an array of `{ type: 'text', text }` parts.
 * @param {unknown} content
 * @returns {string}
 */
export function contentText(content) {
  if (typeof content === 'string') return content;
  if (!Array.isArray(content)) return '';
  return content
    .map((part) =>
      part && typeof part === 'object' && typeof part.text === 'string' ? part.text : '',
    )
    .join(' ');
}

/**
 * The text of the last user message of a request's `messages`.
 * @param {unknown} messages
 * @returns {string}
 */
export function lastUserText(messages) {
  if (!Array.isArray(messages)) return '';
  for (let i = messages.length - 1; i >= 0; i -= 1) {
    const message = messages[i];
    if (message && typeof message === 'object' && message.role === 'user') {
      return contentText(message.content);
    }
  }
  return '';
}
