/**
 * Chooses the Demo's scripted reply for a request: the script of a suggested question when the
 * last user message is that question (or names its subject), the welcome reply otherwise.
 */

import { DATABASES_SCRIPT } from './replies/databases.mjs';
import { MERGE_SCRIPT } from './replies/merge.mjs';
import { PRIME_SCRIPT } from './replies/prime.mjs';
import { WELCOME_SCRIPT } from './replies/welcome.mjs';
import { lastUserText } from './request-text.mjs';
import { SUGGESTED_QUESTIONS } from './shared-lists.mjs';

/**
 * A prepared reply.
 * @typedef {object} DemoScript
 * @property {string} id The suggested question's `id` (`src/features/chat/suggested-questions.json`),
 *   or `welcome` for the reply to anything else.
 * @property {string[][]} phrases Key phrases: the script fits a message when every word start of
 *   one phrase begins a word of the normalised message (`['merg', 'sort', 'list']` fits "Merging
 *   sorted lists?"). Words are matched after {@link normaliseQuestion}.
 * @property {string} reasoning The reasoning trace; a `{{opening}}` in it becomes a sentence that
 *   quotes the message.
 * @property {string} answer The markdown answer.
 */

/** The scripts of the suggested questions. */
export const QUESTION_SCRIPTS = /** @type {readonly DemoScript[]} */ ([
  PRIME_SCRIPT,
  MERGE_SCRIPT,
  DATABASES_SCRIPT,
]);

export { WELCOME_SCRIPT };

/**
 * A message reduced to what matching needs: Unicode-compatible lower case, digit groups joined
 * (`1,000,003`, `1 000 003`, `1_000_003` → `1000003`), every other run of non-letters and
 * non-digits one space, no space at either end. Linear in the text.
 * @param {string} text
 * @returns {string}
 */
export function normaliseQuestion(text) {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/(?<=\d)[,._'\u00a0\u202f ](?=\d{3}(?!\d))/gu, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/**
 * Whether every word start of `phrase` begins some word of `words`.
 * @param {readonly string[]} phrase
 * @param {readonly string[]} words
 */
function fitsPhrase(phrase, words) {
  return phrase.every((start) => words.some((word) => word.startsWith(start)));
}

const BY_QUESTION = new Map(
  SUGGESTED_QUESTIONS.map(({ id, question }) => [
    normaliseQuestion(question),
    QUESTION_SCRIPTS.find((script) => script.id === id),
  ]),
);

/**
 * The script for a message: the one whose suggested question it is (after normalising), else the
 * first whose key phrases it contains, else {@link WELCOME_SCRIPT}.
 * @param {string} text The last user message.
 * @returns {DemoScript}
 */
export function pickScript(text) {
  const normalised = normaliseQuestion(text);
  const exact = BY_QUESTION.get(normalised);
  if (exact !== undefined) return exact;
  const words = normalised.split(' ');
  return (
    QUESTION_SCRIPTS.find((script) => script.phrases.some((phrase) => fitsPhrase(phrase, words))) ??
    WELCOME_SCRIPT
  );
}

/**
 * The first sentence of the welcome reasoning, quoting (a shortened copy of) the message.
 * @param {string} question
 * @returns {string}
 */
function openingSentence(question) {
  let quoted = question.replace(/\s+/g, ' ').trim().replaceAll('"', "'");
  if (quoted === '') return 'The user sent an empty message.';
  const chars = Array.from(quoted);
  if (chars.length > 80) quoted = `${chars.slice(0, 79).join('').trimEnd()}…`;
  return `The user asks: "${quoted}"${/[.?!…]$/.test(quoted) ? '' : '.'}`;
}

/**
 * The reply the Demo gives to a request's messages.
 * @param {unknown} messages The request's `messages`.
 * @returns {{ script: DemoScript, reasoning: string, answer: string }}
 */
export function demoReply(messages) {
  const question = lastUserText(messages);
  const script = pickScript(question);
  const reasoning = script.reasoning.replace('{{opening}}', () => openingSentence(question));
  return { script, reasoning, answer: script.answer };
}

for (const { id, question } of SUGGESTED_QUESTIONS) {
  if (pickScript(question).id !== id) {
    throw new Error(`The Demo has no script for the suggested question "${question}" (${id}).`);
  }
}
