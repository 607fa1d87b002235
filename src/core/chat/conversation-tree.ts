/**
 * A conversation as a tree: regenerating a reply adds a sibling version under the same question,
 * and editing a question adds a sibling question (a branch). The visible conversation is one path
 * from the first message down, following the chosen version at every fork (the newest by default).
 */
import type { ChatMessage } from './chat-message';

/** Key of the first level of the tree (messages with no parent). */
export const ROOT = 'root';

/** For each parent id (or {@link ROOT}), the id of the chosen child version. */
export type VersionChoices = Readonly<Record<string, string>>;

/** Whether two sets of choices choose the same version at every fork (key by key). */
export function isSameChoices(a: VersionChoices, b: VersionChoices): boolean {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((key) => a[key] === b[key]);
}

/** One visible message and where it stands among its versions. */
export interface PathEntry {
  message: ChatMessage;
  /** Ids of this message and its sibling versions, oldest first. */
  versionIds: readonly string[];
  /** Position of `message` in `versionIds`. */
  versionIndex: number;
}

/** The key under which a message's siblings are grouped. */
export function parentKey(message: Pick<ChatMessage, 'parentId'>): string {
  return message.parentId ?? ROOT;
}

function childrenByParent(messages: readonly ChatMessage[]): Map<string, ChatMessage[]> {
  const children = new Map<string, ChatMessage[]>();
  for (const message of messages) {
    const key = parentKey(message);
    const list = children.get(key);
    if (list === undefined) children.set(key, [message]);
    else list.push(message);
  }
  for (const list of children.values()) {
    // Stryker disable next-line EqualityOperator: ids are unique, so `<=` orders them the same.
    list.sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1));
  }
  return children;
}

/**
 * The visible conversation: from the first message down, the chosen child at each fork, or the
 * newest child when none was chosen (or the choice no longer exists).
 */
export function visiblePath(
  messages: readonly ChatMessage[],
  choices: VersionChoices = {},
): PathEntry[] {
  const children = childrenByParent(messages);
  const path: PathEntry[] = [];
  let key = ROOT;
  const seen = new Set<string>();
  for (;;) {
    const siblings = children.get(key);
    // Stryker disable next-line ConditionalExpression: childrenByParent holds no empty list.
    if (siblings === undefined || siblings.length === 0) return path;
    const chosen = siblings.find((m) => m.id === choices[key]) ?? siblings[siblings.length - 1];
    // Stryker disable next-line ConditionalExpression: siblings is not empty, so chosen is defined.
    if (chosen === undefined || seen.has(chosen.id)) return path;
    seen.add(chosen.id);
    const versionIds = siblings.map((m) => m.id);
    path.push({ message: chosen, versionIds, versionIndex: versionIds.indexOf(chosen.id) });
    key = chosen.id;
  }
}

/** The choices that make `messageId` and all its ancestors visible. */
export function chooseVersion(
  messages: readonly ChatMessage[],
  choices: VersionChoices,
  messageId: string,
): VersionChoices {
  const byId = new Map(messages.map((m) => [m.id, m]));
  const next: Record<string, string> = { ...choices };
  let current = byId.get(messageId);
  const seen = new Set<string>();
  while (current !== undefined && !seen.has(current.id)) {
    seen.add(current.id);
    next[parentKey(current)] = current.id;
    // Stryker disable next-line ConditionalExpression: no message has the id null either.
    current = current.parentId === null ? undefined : byId.get(current.parentId);
  }
  return next;
}

/** The visible messages only, oldest first. */
export function visibleMessages(
  messages: readonly ChatMessage[],
  choices: VersionChoices = {},
): ChatMessage[] {
  return visiblePath(messages, choices).map((entry) => entry.message);
}
