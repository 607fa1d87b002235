/**
 * A conversation with every version and branch (its tree), as a JSON export of format version 2
 * carries it: each message with its id, its parent's id and when it was made, plus which version
 * is shown at each fork. Version 1 files held the visible branch only; {@link fromTranscript} reads
 * them into the same shape.
 */
import * as v from 'valibot';
import type { ChatMessage } from '../chat/chat-message';
import { ROOT, type VersionChoices } from '../chat/conversation-tree';
import {
  MAX_TITLE_LENGTH,
  epochMsSchema,
  sharedAssistantSchema,
  sharedUserSchema,
  toSharedAssistant,
  type SharedTranscript,
} from './transcript';
import { toAssistantState } from './to-chat-messages';

/** Most messages (every version counted) one exported conversation may hold. */
export const MAX_TREE_MESSAGES = 10_000;

/** The provider name given to imported replies whose file names none (version 1 files). */
export const IMPORTED_PROVIDER_NAME = 'Imported';

const idSchema = v.pipe(
  v.string(),
  v.minLength(1),
  v.maxLength(100),
  v.check((id) => id !== ROOT, `An id cannot be "${ROOT}".`),
);
const node = { id: idSchema, parentId: v.nullable(idSchema), createdAt: epochMsSchema };

/** Schema of one message of an exported tree: a shared message plus its place in the tree. */
export const exportedMessageSchema = v.variant('role', [
  v.strictObject({ ...node, ...sharedUserSchema.entries }),
  v.strictObject({
    ...node,
    ...sharedAssistantSchema.entries,
    providerName: v.optional(v.pipe(v.string(), v.maxLength(200))),
  }),
]);

/** One message of an {@link ExportedConversation}. */
export type ExportedMessage = v.InferOutput<typeof exportedMessageSchema>;

/**
 * Whether the messages form trees hanging from the first level: ids unique, every parent present,
 * no loops. Linear in the number of messages.
 */
function isConnectedTree(messages: readonly { id: string; parentId: string | null }[]): boolean {
  const children = new Map<string | null, string[]>();
  const ids = new Set<string>();
  for (const message of messages) {
    if (ids.has(message.id)) return false;
    ids.add(message.id);
  }
  for (const { id, parentId } of messages) {
    if (parentId !== null && !ids.has(parentId)) return false;
    const siblings = children.get(parentId);
    if (siblings === undefined) children.set(parentId, [id]);
    else siblings.push(id);
  }
  let reached = 0;
  const stack: (string | null)[] = [null];
  for (let key = stack.pop(); key !== undefined; key = stack.pop()) {
    for (const child of children.get(key) ?? []) {
      reached += 1;
      stack.push(child);
    }
  }
  return reached === messages.length;
}

/**
 * Schema of an {@link ExportedConversation}: at most {@link MAX_TREE_MESSAGES} messages forming a
 * tree (unique ids, parents present, no loops), a title of at most 500 chars.
 */
export const exportedConversationSchema = v.pipe(
  v.strictObject({
    id: v.optional(idSchema),
    title: v.pipe(v.string(), v.maxLength(MAX_TITLE_LENGTH)),
    systemPrompt: v.string(),
    versionChoices: v.record(v.string(), idSchema),
    messages: v.pipe(v.array(exportedMessageSchema), v.maxLength(MAX_TREE_MESSAGES)),
  }),
  v.check(
    (conversation) => isConnectedTree(conversation.messages),
    'The messages do not form one conversation: an id repeats, a parent is missing, or they loop.',
  ),
);

/** A conversation with every version and branch, as a version 2 export holds it. */
export type ExportedConversation = v.InferOutput<typeof exportedConversationSchema>;

/** What {@link toExportedConversation} reads: a saved conversation and all its messages. */
export interface ConversationToExport {
  /** Its id, so an import can recognise it; absent for one never saved. */
  id?: string;
  title: string;
  systemPrompt: string;
  versionChoices: VersionChoices;
  /** Every message, every version and branch, in any order. */
  messages: readonly ChatMessage[];
}

/**
 * A conversation's whole tree for a JSON export. Messages are written oldest first; a reply keeps
 * its provider name, but never its request (which could reveal a base URL). Choices that name no
 * message are dropped.
 *
 * @param includeReasoning - when false, every reply's reasoning is written as an empty string.
 */
export function toExportedConversation(
  conversation: ConversationToExport,
  { includeReasoning }: { includeReasoning: boolean },
): ExportedConversation {
  const messages = [...conversation.messages].sort(
    (a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1),
  );
  const ids = new Set(messages.map((m) => m.id));
  const versionChoices = Object.fromEntries(
    Object.entries(conversation.versionChoices).filter(
      ([parent, child]) => (parent === ROOT || ids.has(parent)) && ids.has(child),
    ),
  );
  const exported: ExportedConversation = {
    title: conversation.title.slice(0, MAX_TITLE_LENGTH),
    systemPrompt: conversation.systemPrompt,
    versionChoices,
    messages: messages.map((m): ExportedMessage => {
      const node = { id: m.id, parentId: m.parentId, createdAt: m.createdAt };
      if (m.role === 'user') return { ...node, role: 'user', content: m.content };
      const providerName = m.providerName === '' ? {} : { providerName: m.providerName };
      return { ...node, ...toSharedAssistant(m, includeReasoning), ...providerName };
    }),
  };
  return conversation.id === undefined ? exported : { id: conversation.id, ...exported };
}

/**
 * A version 1 transcript (the visible branch only) as a tree: one chain, ids `m1`, `m2`, … and
 * `createdAt` 0, 1, …, no conversation id and no system prompt.
 */
export function fromTranscript(transcript: SharedTranscript): ExportedConversation {
  return {
    title: transcript.title,
    systemPrompt: '',
    versionChoices: {},
    messages: transcript.messages.map((message, index) => ({
      ...message,
      id: `m${index + 1}`,
      parentId: index === 0 ? null : `m${index}`,
      createdAt: index,
    })),
  };
}

/**
 * An exported tree back as chat messages and choices, every id passed through `rename` (which
 * must map distinct ids to distinct ids). Replies with no provider name get
 * {@link IMPORTED_PROVIDER_NAME}.
 */
export function toChatTree(
  conversation: ExportedConversation,
  rename: (id: string) => string = (id) => id,
): { messages: ChatMessage[]; versionChoices: VersionChoices } {
  const messages = conversation.messages.map((shared): ChatMessage => {
    const base = {
      id: rename(shared.id),
      parentId: shared.parentId === null ? null : rename(shared.parentId),
      createdAt: shared.createdAt,
    };
    if (shared.role === 'user') return { ...base, role: 'user', content: shared.content };
    return {
      ...base,
      role: 'assistant',
      model: shared.model ?? '',
      providerName: shared.providerName ?? IMPORTED_PROVIDER_NAME,
      state: toAssistantState(shared),
    };
  });
  const versionChoices = Object.fromEntries(
    Object.entries(conversation.versionChoices).map(([parent, child]) => [
      parent === ROOT ? ROOT : rename(parent),
      rename(child),
    ]),
  );
  return { messages, versionChoices };
}
