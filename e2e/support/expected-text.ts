import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** `../shared/streams`, beside the repository. */
export const RECORDINGS_DIR = fileURLToPath(new URL('../../../shared/streams/', import.meta.url));

/**
 * The reasoning and answer a chat completions recording carries, by plain concatenation of its
 * `reasoning_content` / `reasoning` and `content` string deltas: the expectation the app must meet.
 */
export function expectedText(name: string): { reasoning: string; answer: string } {
  const text = readFileSync(`${RECORDINGS_DIR}${name}.sse`, 'utf8');
  let reasoning = '';
  let answer = '';
  for (const line of text.split(/\r\n|\r|\n/)) {
    if (!line.startsWith('data:')) continue;
    const data = line.slice(5).trim();
    if (data === '' || data === '[DONE]') continue;
    const delta = JSON.parse(data)?.choices?.[0]?.delta;
    if (delta === undefined) continue;
    const piece = delta.reasoning_content || delta.reasoning || '';
    reasoning += typeof piece === 'string' ? piece : '';
    if (typeof delta.content === 'string') answer += delta.content;
  }
  return { reasoning, answer };
}

/** Text as the browser shows it: whitespace runs folded, trimmed. */
export function folded(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * The letters and digits of a text, for comparing markdown source with what the browser rendered
 * from it (list numbers, emphasis markers and whitespace do not survive rendering).
 */
export function lettersOf(markdownOrText: string): string {
  return markdownOrText.replace(/^\s*(\d+[.)]|[-*+])\s+/gm, '').replace(/[^\p{L}\p{N}]/gu, '');
}
