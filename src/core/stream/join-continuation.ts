/**
 * Joins a continuation (the reply to "Continue" after a cut at max tokens) onto the message it
 * continues: the continuation's text is kept exactly as streamed, and a separator is added only
 * where the two texts would otherwise run together.
 */
import type { StreamEvent } from './stream-event';

/** Punctuation that attaches to the word before it, so no space goes in front of it. */
const ATTACHES_LEFT = /^[,.;:!?%)\]}»”’…]/u;
const ENDS_WITH_SPACE = /\s$/u;
const STARTS_WITH_SPACE = /^\s/u;

/**
 * What goes between an answer and its continuation: `' '` when neither side has whitespace at the
 * join and the continuation doesn't open with punctuation that attaches to the word before it
 * (`"root,"` + `"and when"`), `''` otherwise (`"root,"` + `" and when"`, `"root"` + `", and"`, or
 * either text empty). The continuation's own leading whitespace is never removed.
 */
export function answerSeparator(before: string, continuation: string): '' | ' ' {
  if (before === '' || continuation === '') return '';
  if (ENDS_WITH_SPACE.test(before) || STARTS_WITH_SPACE.test(continuation)) return '';
  return ATTACHES_LEFT.test(continuation) ? '' : ' ';
}

/**
 * What goes between earlier reasoning and the continuation's reasoning: a paragraph break
 * (`'\n\n'`) unless either side already has a line break at the join, so the new thoughts start
 * a paragraph of their own.
 */
export function reasoningSeparator(before: string, continuation: string): '' | '\n\n' {
  if (before === '' || continuation === '') return '';
  return before.endsWith('\n') || continuation.startsWith('\n') ? '' : '\n\n';
}

/** The texts a continuation is appended to. */
export interface ContinuedTexts {
  reasoning: string;
  answer: string;
}

/**
 * A stage for a continuation's events: the first `answer-delta` and the first `reasoning-delta`
 * get the separator {@link answerSeparator} or {@link reasoningSeparator} chooses against the
 * message's texts before the continuation; every other event passes through unchanged. Empty
 * deltas pass through without deciding anything. Create one per continuation request.
 */
export function createContinuationJoiner(
  before: ContinuedTexts,
): (event: StreamEvent) => StreamEvent {
  let isAnswerJoined = false;
  let isReasoningJoined = false;
  return (event) => {
    if (event.type === 'answer-delta' && !isAnswerJoined && event.text !== '') {
      isAnswerJoined = true;
      return { ...event, text: answerSeparator(before.answer, event.text) + event.text };
    }
    if (event.type === 'reasoning-delta' && !isReasoningJoined && event.text !== '') {
      isReasoningJoined = true;
      return { ...event, text: reasoningSeparator(before.reasoning, event.text) + event.text };
    }
    return event;
  };
}
