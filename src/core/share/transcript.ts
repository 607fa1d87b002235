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

/**
 * Latest moment a transcript's timing may name: 2100-01-01T00:00:00Z, epoch ms. Timing is read
 * back as durations (`endedAt - firstReasoningAt`), so a value beyond this is damage, not data.
 */
export const MAX_EPOCH_MS = 4_102_444_800_000;

/** A token count: a whole number from 0 to 2^53 − 1. */
const tokenCount = v.pipe(v.number(), v.safeInteger(), v.minValue(0));
/**
 * A moment as epoch ms, a whole number from 0 to {@link MAX_EPOCH_MS} (0 included: old links hold
 * times counted from the start of the reply).
 */
export const epochMsSchema = v.pipe(
  v.number(),
  v.safeInteger(),
  v.minValue(0),
  v.maxValue(MAX_EPOCH_MS),
);

/** Schema of a shared question. */
export const sharedUserSchema = v.strictObject({ role: v.literal('user'), content: v.string() });

/** Schema of a shared reply. */
export const sharedAssistantSchema = v.strictObject({
  role: v.literal('assistant'),
  reasoning: v.string(),
  answer: v.string(),
  status: v.picklist(SHARED_STATUSES),
  finishReason: v.optional(v.string()),
  timing: v.optional(
    v.strictObject({
      requestSentAt: v.optional(epochMsSchema),
      firstReasoningAt: v.optional(epochMsSchema),
      firstAnswerAt: v.optional(epochMsSchema),
      endedAt: v.optional(epochMsSchema),
    }),
  ),
  usage: v.optional(
    v.strictObject({
      promptTokens: v.optional(tokenCount),
      completionTokens: v.optional(tokenCount),
      reasoningTokens: v.optional(tokenCount),
      totalTokens: v.optional(tokenCount),
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
      status: v.optional(v.pipe(v.number(), v.integer(), v.minValue(100), v.maxValue(599))),
      code: v.optional(v.string()),
    }),
  ),
});

/** Schema of one {@link SharedMessage}. Unknown keys (`__proto__` included) are rejected. */
export const sharedMessageSchema = v.variant('role', [sharedUserSchema, sharedAssistantSchema]);

/** Schema of a {@link SharedTranscript}: at most 2,000 messages, a title of at most 500 chars. */
export const sharedTranscriptSchema = v.strictObject({
  title: v.pipe(v.string(), v.maxLength(MAX_TITLE_LENGTH)),
  messages: v.pipe(v.array(sharedMessageSchema), v.maxLength(MAX_SHARED_MESSAGES)),
});

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

/** The entries of `record` that `schema` accepts. */
function keepValid<T extends object>(schema: v.GenericSchema, record: T): T {
  return Object.fromEntries(Object.entries(record).filter(([, x]) => v.is(schema, x))) as T;
}

/**
 * A reply as a transcript carries it: words, end state, timing, usage and model; never the
 * request or the provider. Values the schema would refuse are left out.
 */
export function toSharedAssistant(
  message: AssistantMessage,
  includeReasoning: boolean,
): SharedAssistantMessage {
  const { state } = message;
  // Only the v1 schema's timing fields go into a transcript (not `firstTokenAt`), and values the
  // schema would refuse (a provider's fractional count, a clock far off) are left out, so every
  // transcript made here opens again.
  const { requestSentAt, firstReasoningAt, firstAnswerAt, endedAt } = state.timing;
  const timing = keepValid(epochMsSchema, {
    requestSentAt,
    firstReasoningAt,
    firstAnswerAt,
    endedAt,
  });
  const usage = state.usage === undefined ? undefined : keepValid(tokenCount, state.usage);
  const shared: SharedAssistantMessage = {
    role: 'assistant',
    reasoning: includeReasoning ? state.reasoning : '',
    answer: state.answer,
    status: state.status,
    finishReason: state.finishReason,
    timing: Object.keys(timing).length > 0 ? timing : undefined,
    usage,
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
