/**
 * Export files: Markdown to read (the visible branch, reasoning in collapsible `<details>` blocks,
 * with its duration) and versioned JSON that imports back without loss (every version and branch).
 */
import * as v from 'valibot';
import { isFenceClosing, readFenceOpening, type FenceOpening } from '../markdown/code-fence';
import { formatDuration } from '../stream/thinking-label';
import { escapeHtmlOutsideCode } from './escape-html-outside-code';
import {
  exportedConversationSchema,
  fromTranscript,
  type ExportedConversation,
} from './conversation-export';
import {
  describeIssues,
  sharedTranscriptSchema,
  type SharedAssistantMessage,
  type SharedMessage,
  type SharedTranscript,
} from './transcript';
import { outlineMarkdown } from '../reasoning/step-outline';
import { formatCount } from '../stream/format-count';

/** The `format` field of every Ruminate JSON export. */
export const JSON_EXPORT_FORMAT = 'ruminate-transcript';

/** The JSON export version this code writes. It reads this one and every earlier one. */
export const JSON_EXPORT_VERSION = 2;

/** Most conversations one file may hold. */
export const MAX_IMPORT_CONVERSATIONS = 1_000;

/**
 * The result of {@link parseJsonImport}: the conversations (version 1 files read as one chain
 * each), or what is wrong in plain words.
 */
export type JsonImportResult =
  | { ok: true; version: 1 | 2; conversations: ExportedConversation[] }
  | { ok: false; error: string };

function reasoningSummary(message: SharedAssistantMessage): string {
  const { firstReasoningAt, firstAnswerAt, endedAt } = message.timing ?? {};
  const end = firstAnswerAt ?? endedAt;
  if (firstReasoningAt === undefined || end === undefined) return 'Reasoning';
  return `Thought for ${formatDuration(Math.max(0, end - firstReasoningAt))}`;
}

/**
 * Closes a code fence the text leaves open (CommonMark §4.5), so it cannot swallow the
 * `</details>` and the messages after it.
 */
function closeOpenFence(text: string): string {
  let open: FenceOpening | undefined;
  for (const line of text.split('\n')) {
    if (open === undefined) open = readFenceOpening(line);
    else if (isFenceClosing(line, open)) open = undefined;
  }
  return open === undefined ? text : `${text}\n${open.marker.repeat(open.length)}`;
}

/** One line of plain text inside italics: Markdown and HTML characters are escaped. */
function escapeInline(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[\\`*_[\]<>&~|#]/g, '\\$&');
}

function endNote(message: SharedAssistantMessage): string | undefined {
  switch (message.status) {
    case 'done':
      return undefined;
    case 'stopped':
      return '_Stopped by you._';
    case 'truncated':
      return '_Cut off at max tokens._';
    case 'error': {
      const text = escapeInline(message.error?.message ?? '');
      return text === '' ? '_Error._' : `_Error: ${text}_`;
    }
    case 'interrupted':
      return '_Interrupted: the page closed before the reply finished._';
    default:
      return '_Still being written when this was shared._';
  }
}

function messageBlocks(message: SharedMessage): string[] {
  if (message.role === 'user')
    return ['**You:**', closeOpenFence(escapeHtmlOutsideCode(message.content))];
  const model = message.model === undefined ? '' : ` (${escapeInline(message.model)})`;
  const blocks = [`**Assistant${model}:**`];
  if (message.reasoning !== '') {
    const reasoning = closeOpenFence(escapeHtmlOutsideCode(message.reasoning));
    const outline = outlineMarkdown(message.reasoning, message.reasoningArrivals, escapeInline);
    if (outline !== '') blocks.push(outline);
    blocks.push(
      `<details><summary>${reasoningSummary(message)}</summary>`,
      reasoning,
      '</details>',
    );
  }
  if (message.answer !== '') blocks.push(closeOpenFence(escapeHtmlOutsideCode(message.answer)));
  const note = endNote(message);
  if (note !== undefined) blocks.push(note);
  return blocks;
}

/**
 * The transcript as Markdown (CommonMark + GFM): the title as `# …`, each question under
 * `**You:**`, each reply under `**Assistant (model):**` with its reasoning in a
 * `<details><summary>Thought for N seconds</summary>` block ("Reasoning" when the timing is
 * unknown), the answer as written, then a note when the reply did not finish (`_Stopped by you._`,
 * `_Cut off at max tokens._`, `_Error: …_`). The only HTML in the file is the `<details>` blocks it
 * writes: every `<` of a title or message outside code is written `&lt;` (see
 * `escape-html-outside-code.ts`), and an unclosed code fence is closed, so no message can run HTML,
 * break out of its block or swallow the ones after it.
 */
export function toMarkdown(transcript: SharedTranscript): string {
  const title =
    transcript.title.replace(/\s+/g, ' ').trim().replace(/</g, '&lt;') || 'Untitled conversation';
  const blocks = [`# ${title}`, ...transcript.messages.flatMap(messageBlocks)];
  return `${blocks.join('\n\n')}\n`;
}

/** What a version 2 file says it holds, in its `contents` field. */
export const JSON_EXPORT_CONTENTS =
  'Every version and branch of each conversation: each message names its parent (parentId), and versionChoices says which version is shown at each fork.';

/**
 * Conversations as a JSON export (format version 2) that {@link parseJsonImport} reads back equal:
 * `{ "format": "ruminate-transcript", "version": 2, "exportedAt": ISO 8601, "contents": …,
 * "conversations": [ExportedConversation, …] }`. Each conversation holds its whole tree (see
 * `conversation-export.ts`), not just the visible branch.
 *
 * @param exportedAt - when the export was made (injected so output is reproducible).
 */
export function toJsonExport(
  conversations: readonly ExportedConversation[],
  exportedAt: Date = new Date(),
): string {
  return JSON.stringify(
    {
      format: JSON_EXPORT_FORMAT,
      version: JSON_EXPORT_VERSION,
      exportedAt: exportedAt.toISOString(),
      contents: JSON_EXPORT_CONTENTS,
      conversations,
    },
    null,
    2,
  );
}

const header = {
  format: v.literal(JSON_EXPORT_FORMAT),
  exportedAt: v.optional(v.string()),
};
const tooMany = `A file may hold at most ${formatCount(MAX_IMPORT_CONVERSATIONS)} conversations.`;
/** Version 1: the visible branch of one conversation (`transcript`) or of several. */
const v1SingleSchema = v.strictObject({
  ...header,
  version: v.literal(1),
  transcript: sharedTranscriptSchema,
});
const v1HistorySchema = v.strictObject({
  ...header,
  version: v.literal(1),
  conversations: v.pipe(
    v.array(sharedTranscriptSchema),
    v.maxLength(MAX_IMPORT_CONVERSATIONS, tooMany),
  ),
});
/** Version 2: whole conversation trees. */
const v2Schema = v.strictObject({
  ...header,
  version: v.literal(2),
  contents: v.optional(v.string()),
  conversations: v.pipe(
    v.array(exportedConversationSchema),
    v.maxLength(MAX_IMPORT_CONVERSATIONS, tooMany),
  ),
});

function parseJson(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false };
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Reads a Ruminate JSON export: version 2 (whole trees, {@link toJsonExport}) or version 1 (the
 * visible branch of one conversation, `transcript`, or of several, `conversations`), each
 * validated with the same schemas as share links. Never throws; each error says what is wrong
 * with the file.
 */
export function parseJsonImport(text: string): JsonImportResult {
  const json = parseJson(text.replace(/^\uFEFF/, ''));
  if (!json.ok)
    return { ok: false, error: 'This file is not valid JSON, so it is not a Ruminate export.' };
  const file = json.value;
  if (!isRecord(file) || file.format !== JSON_EXPORT_FORMAT) {
    return {
      ok: false,
      error: 'This file is not a Ruminate export (it has no "format": "ruminate-transcript").',
    };
  }
  if (file.version !== 1 && file.version !== 2) {
    const newer = typeof file.version === 'number' && file.version > JSON_EXPORT_VERSION;
    const error = newer
      ? `This file was exported by a newer Ruminate (format version ${file.version}). Update Ruminate to import it.`
      : `This file has an unknown format version (${JSON.stringify(file.version)}); Ruminate reads versions 1 and 2.`;
    return { ok: false, error };
  }
  const isHistory = 'conversations' in file;
  if (!isHistory && (file.version === 2 || !('transcript' in file))) {
    return {
      ok: false,
      error: 'This Ruminate export holds no conversation ("transcript" or "conversations").',
    };
  }
  const parsed =
    file.version === 2
      ? v.safeParse(v2Schema, file)
      : isHistory
        ? v.safeParse(v1HistorySchema, file)
        : v.safeParse(v1SingleSchema, file);
  if (!parsed.success) {
    const where = describeIssues(parsed.issues);
    return { ok: false, error: `This Ruminate export is damaged and was not imported (${where}).` };
  }
  const output = parsed.output;
  if (output.version === 2) return { ok: true, version: 2, conversations: output.conversations };
  const transcripts = 'conversations' in output ? output.conversations : [output.transcript];
  return { ok: true, version: 1, conversations: transcripts.map(fromTranscript) };
}
