/**
 * Export files: Markdown to read (reasoning in collapsible `<details>` blocks, with its duration)
 * and versioned JSON that imports back without loss.
 */
import * as v from 'valibot';
import { formatDuration } from '../stream/thinking-label';
import {
  describeIssues,
  sharedTranscriptSchema,
  type SharedAssistantMessage,
  type SharedMessage,
  type SharedTranscript,
} from './transcript';
import { outlineMarkdown } from '../reasoning/step-outline';

/** The `format` field of every Ruminate JSON export. */
export const JSON_EXPORT_FORMAT = 'ruminate-transcript';

/** The JSON export version this code writes and reads. */
export const JSON_EXPORT_VERSION = 1;

/** The result of {@link parseJsonImport}: the conversations, or what is wrong in plain words. */
export type JsonImportResult =
  { ok: true; transcripts: SharedTranscript[] } | { ok: false; error: string };

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
  let open: string | undefined;
  for (const line of text.split('\n')) {
    const fence = /^ {0,3}(`{3,}|~{3,})(.*)$/.exec(line);
    if (fence === null) continue;
    const [, marks = '', rest = ''] = fence;
    if (open === undefined) {
      if (!(marks[0] === '`' && rest.includes('`'))) open = marks;
    } else if (marks[0] === open[0] && marks.length >= open.length && rest.trim() === '') {
      open = undefined;
    }
  }
  return open === undefined ? text : `${text}\n${open}`;
}

/** Makes `<details>` and `</details>` literal text, so no message can open or close a block. */
function escapeDetails(text: string): string {
  return text.replace(/<(\/?details)/gi, '&lt;$1');
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
  if (message.role === 'user') return ['**You:**', closeOpenFence(escapeDetails(message.content))];
  const model = message.model === undefined ? '' : ` (${escapeInline(message.model)})`;
  const blocks = [`**Assistant${model}:**`];
  if (message.reasoning !== '') {
    const reasoning = closeOpenFence(escapeDetails(message.reasoning));
    const outline = outlineMarkdown(message.reasoning, message.reasoningArrivals, escapeInline);
    if (outline !== '') blocks.push(outline);
    blocks.push(
      `<details><summary>${reasoningSummary(message)}</summary>`,
      reasoning,
      '</details>',
    );
  }
  if (message.answer !== '') blocks.push(closeOpenFence(escapeDetails(message.answer)));
  const note = endNote(message);
  if (note !== undefined) blocks.push(note);
  return blocks;
}

/**
 * The transcript as Markdown (CommonMark + GFM): the title as `# …`, each question under
 * `**You:**`, each reply under `**Assistant (model):**` with its reasoning in a
 * `<details><summary>Thought for N seconds</summary>` block ("Reasoning" when the timing is
 * unknown), the answer as written, then a note when the reply did not finish (`_Stopped by you._`,
 * `_Cut off at max tokens._`, `_Error: …_`). `<details>` and `</details>` in any message are escaped
 * (`&lt;/details>`) and an unclosed code fence is closed, so no message can break out of its block
 * or swallow the ones after it.
 */
export function toMarkdown(transcript: SharedTranscript): string {
  const title = transcript.title.replace(/\s+/g, ' ').trim() || 'Untitled conversation';
  const blocks = [`# ${title}`, ...transcript.messages.flatMap(messageBlocks)];
  return `${blocks.join('\n\n')}\n`;
}

function fileHeader(exportedAt: Date) {
  const exported = exportedAt.toISOString();
  return { format: JSON_EXPORT_FORMAT, version: JSON_EXPORT_VERSION, exportedAt: exported };
}

/**
 * One conversation as JSON that {@link parseJsonImport} reads back equal:
 * `{ "format": "ruminate-transcript", "version": 1, "exportedAt": ISO 8601, "transcript": … }`.
 *
 * @param exportedAt - when the export was made (injected so output is reproducible).
 */
export function toJsonExport(transcript: SharedTranscript, exportedAt: Date = new Date()): string {
  return JSON.stringify({ ...fileHeader(exportedAt), transcript }, null, 2);
}

/**
 * The whole history as JSON: like {@link toJsonExport} with `"conversations": [ … ]` in place of
 * `"transcript"`.
 */
export function toJsonHistoryExport(
  transcripts: readonly SharedTranscript[],
  exportedAt: Date = new Date(),
): string {
  return JSON.stringify({ ...fileHeader(exportedAt), conversations: transcripts }, null, 2);
}

const header = {
  format: v.literal(JSON_EXPORT_FORMAT),
  version: v.literal(JSON_EXPORT_VERSION),
  exportedAt: v.optional(v.string()),
};
const singleSchema = v.strictObject({ ...header, transcript: sharedTranscriptSchema });
const historySchema = v.strictObject({ ...header, conversations: v.array(sharedTranscriptSchema) });

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
 * Reads a file made by {@link toJsonExport} or {@link toJsonHistoryExport}, validated with the
 * same schema as share links. Never throws; each error says what is wrong with the file.
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
  if (file.version !== JSON_EXPORT_VERSION) {
    const newer = typeof file.version === 'number' && file.version > JSON_EXPORT_VERSION;
    const error = newer
      ? `This file was exported by a newer Ruminate (format version ${file.version}). Update Ruminate to import it.`
      : `This file has an unknown format version (${JSON.stringify(file.version)}); Ruminate reads version 1.`;
    return { ok: false, error };
  }
  const isHistory = 'conversations' in file;
  if (!isHistory && !('transcript' in file)) {
    return {
      ok: false,
      error: 'This Ruminate export holds no conversation ("transcript" or "conversations").',
    };
  }
  const parsed = isHistory ? v.safeParse(historySchema, file) : v.safeParse(singleSchema, file);
  if (!parsed.success) {
    const where = describeIssues(parsed.issues);
    return { ok: false, error: `This Ruminate export is damaged and was not imported (${where}).` };
  }
  const output = parsed.output;
  return {
    ok: true,
    transcripts: 'conversations' in output ? output.conversations : [output.transcript],
  };
}
