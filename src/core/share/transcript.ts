/**
 * The shared transcript: the part of a conversation that a share link or an export file carries.
 *
 * It holds the words and end states only: never the API key, the base URL, the request or any
 * setting. One valibot schema validates it everywhere it comes back in (links, JSON imports).
 */
import * as v from 'valibot';
import type { AssistantMessage, ChatMessage } from '../chat/chat-message';
import { MAX_CHECKPOINTS } from '../reasoning/arrival-checkpoints';
import { isArrivalCheckpoints } from '../reasoning/arrival-time';

/** Most messages one transcript may hold. */
export const MAX_SHARED_MESSAGES = 2_000;

/** Longest title, in UTF-16 code units. */
export const MAX_TITLE_LENGTH = 500;

/**
 * Every message status a transcript may carry. A message shared while still streaming keeps its
 * status (`waiting`, `reasoning`, `answering`) and is shown as it was at that moment.
 */
export const SHARED_STATUSES = [
  'waiting',
  'reasoning',
  'answering',
  'done',
  'stopped',
  'truncated',
  'error',
  'interrupted',
] as const;

const count = v.pipe(v.number(), v.finite(), v.minValue(0));
const epochMs = v.pipe(v.number(), v.finite());

const userSchema = v.strictObject({ role: v.literal('user'), content: v.string() });

const assistantSchema = v.strictObject({
  role: v.literal('assistant'),
  reasoning: v.string(),
  answer: v.string(),
  status: v.picklist(SHARED_STATUSES),
  finishReason: v.optional(v.string()),
  timing: v.optional(
    v.strictObject({
      requestSentAt: v.optional(epochMs),
      firstReasoningAt: v.optional(epochMs),
      firstAnswerAt: v.optional(epochMs),
      endedAt: v.optional(epochMs),
    }),
  ),
  usage: v.optional(
    v.strictObject({
      promptTokens: v.optional(count),
      completionTokens: v.optional(count),
      reasoningTokens: v.optional(count),
      totalTokens: v.optional(count),
    }),
  ),
  model: v.optional(v.string()),
  /** When the reasoning arrived, for step timings (`core/reasoning/arrival-checkpoints.ts`). */
  reasoningArrivals: v.optional(
    v.pipe(
      v.array(v.number()),
      v.maxLength(2 * MAX_CHECKPOINTS),
      v.check(
        (list: number[]) => isArrivalCheckpoints(list),
        'Arrival checkpoints must be pairs of non-decreasing numbers.',
      ),
    ),
  ),
  error: v.optional(
    v.strictObject({
      kind: v.picklist(['http', 'provider', 'network']),
      message: v.string(),
      status: v.optional(v.pipe(v.number(), v.integer())),
      code: v.optional(v.string()),
    }),
  ),
});

/** Schema of one {@link SharedMessage}. Unknown keys (`__proto__` included) are rejected. */
export const sharedMessageSchema = v.variant('role', [userSchema, assistantSchema]);

/** Schema of a {@link SharedTranscript}: at most 2,000 messages, a title of at most 500 chars. */
export const sharedTranscriptSchema = v.strictObject({
  title: v.pipe(v.string(), v.maxLength(MAX_TITLE_LENGTH)),
  messages: v.pipe(v.array(sharedMessageSchema), v.maxLength(MAX_SHARED_MESSAGES)),
});

/** A message status as a transcript carries it. */
export type SharedStatus = (typeof SHARED_STATUSES)[number];

/** One message of a shared transcript: a question, or a reply with its reasoning and end state. */
export type SharedMessage = v.InferOutput<typeof sharedMessageSchema>;

/** A shared reply. */
export type SharedAssistantMessage = Extract<SharedMessage, { role: 'assistant' }>;

/** What a share link or an export file carries. */
export type SharedTranscript = v.InferOutput<typeof sharedTranscriptSchema>;

/** What to put in a transcript. */
export interface ToSharedOptions {
  /** When false, every reply's reasoning is left out (shared as an empty string). */
  includeReasoning: boolean;
  /**
   * Keep the messages up to and including this one. When no message has this id the transcript
   * is empty rather than the whole conversation, so nothing is shared by mistake.
   */
  upToMessageId?: string;
}

/** Copies the defined fields of `value` only, so transcripts hold no `undefined` entries. */
function defined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, x]) => x !== undefined)) as T;
}

function toSharedAssistant(
  message: AssistantMessage,
  includeReasoning: boolean,
): SharedAssistantMessage {
  const { state } = message;
  const timing = defined({ ...state.timing });
  const shared: SharedAssistantMessage = {
    role: 'assistant',
    reasoning: includeReasoning ? state.reasoning : '',
    answer: state.answer,
    status: state.status,
    finishReason: state.finishReason,
    timing: Object.keys(timing).length > 0 ? timing : undefined,
    usage: state.usage === undefined ? undefined : defined({ ...state.usage }),
    model: message.model === '' ? undefined : message.model,
    reasoningArrivals: includeReasoning ? state.reasoningArrivals?.slice() : undefined,
    error: state.error === undefined ? undefined : defined({ ...state.error }),
  };
  return defined(shared);
}

/** Cuts a title to {@link MAX_TITLE_LENGTH} without splitting a surrogate pair. */
function clipTitle(title: string): string {
  if (title.length <= MAX_TITLE_LENGTH) return title;
  let clipped = title.slice(0, MAX_TITLE_LENGTH);
  if (/[\ud800-\udbff]$/.test(clipped)) clipped = clipped.slice(0, -1);
  return clipped;
}

/**
 * Builds the transcript to share or export from a conversation's visible messages (oldest first).
 * Only words, end states, timing, usage and model names are copied; ids, provider names and the
 * request (which could reveal a base URL) are not. Titles longer than 500 chars are cut.
 */
export function toSharedTranscript(
  title: string,
  messages: readonly ChatMessage[],
  options: ToSharedOptions,
): SharedTranscript {
  let kept = messages;
  if (options.upToMessageId !== undefined) {
    const end = messages.findIndex((m) => m.id === options.upToMessageId);
    kept = end === -1 ? [] : messages.slice(0, end + 1);
  }
  return {
    title: clipTitle(title),
    messages: kept.map((m): SharedMessage =>
      m.role === 'user'
        ? { role: 'user', content: m.content }
        : toSharedAssistant(m, options.includeReasoning),
    ),
  };
}

/**
 * One turn, for "share this turn": the question and the given reply, in that order. The question
 * is the reply's parent, or else the nearest user message before it. Returns `[]` when no
 * assistant message has this id, and the reply alone when it has no question.
 */
export function turnOf(messages: readonly ChatMessage[], assistantId: string): ChatMessage[] {
  const index = messages.findIndex((m) => m.id === assistantId && m.role === 'assistant');
  const reply = messages[index];
  if (reply === undefined) return [];
  const parent = messages.find((m) => m.id === reply.parentId && m.role === 'user');
  const question = parent ?? messages.slice(0, index).findLast((m) => m.role === 'user');
  return question === undefined ? [reply] : [question, reply];
}

/**
 * Plain words for the first problem valibot found: where it is (`messages.3.role`) and what was
 * wrong, for error messages that say which part of a link or file is broken.
 */
export function describeIssues(issues: readonly v.BaseIssue<unknown>[]): string {
  const issue = issues[0];
  if (issue === undefined) return 'The content does not have the expected shape.';
  const where = v.getDotPath(issue);
  return where === null ? issue.message : `${where}: ${issue.message}`;
}
