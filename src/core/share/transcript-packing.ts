/**
 * The compressed transcript both kinds of share link carry (`D` in `share-link-codec.ts`):
 * deflate-raw (RFC 1951, no zlib or gzip header) of the UTF-8 JSON `{"v":1,"t":title,"m":messages}`,
 * `m` holding the messages exactly as `SharedMessage` in `transcript.ts`.
 */
import { Inflate, deflateSync } from 'fflate';
import * as v from 'valibot';
import { fail, SHARE_LINK_WORDS } from './share-link-error';
import { describeIssues, sharedTranscriptSchema, type SharedTranscript } from './transcript';

/** Most bytes a link's transcript may take once decompressed: 5 MiB. */
export const MAX_DECOMPRESSED_BYTES = 5 * 1024 * 1024;

/** Compressed bytes fed to the inflater at a time: at most ~1,032× that comes out per step. */
const INFLATE_STEP = 4 * 1024;

/** Thrown by the encoders for a transcript no decoder would accept. */
export class ShareLinkEncodeError extends Error {
  constructor(
    readonly kind: 'invalid' | 'too-large',
    message: string,
  ) {
    super(message);
    this.name = 'ShareLinkEncodeError';
  }
}

const envelopeSchema = v.strictObject({
  v: v.literal(1),
  t: sharedTranscriptSchema.entries.title,
  m: sharedTranscriptSchema.entries.messages,
});

/**
 * Validates, serialises and deflates a transcript.
 * @throws {ShareLinkEncodeError} `invalid` when the transcript fails its schema, `too-large` when
 *   its JSON is over {@link MAX_DECOMPRESSED_BYTES} (such a link would not open).
 */
export function packTranscript(transcript: SharedTranscript): Uint8Array<ArrayBuffer> {
  const checked = v.safeParse(sharedTranscriptSchema, transcript);
  if (!checked.success) throw new ShareLinkEncodeError('invalid', describeIssues(checked.issues));
  const json = JSON.stringify({ v: 1, t: checked.output.title, m: checked.output.messages });
  const utf8 = new TextEncoder().encode(json);
  if (utf8.length > MAX_DECOMPRESSED_BYTES) {
    throw new ShareLinkEncodeError(
      'too-large',
      'This conversation is over 5 MB: export it as a file.',
    );
  }
  return deflateSync(utf8, { level: 9 }) as Uint8Array<ArrayBuffer>;
}

/** Inflates at most {@link MAX_DECOMPRESSED_BYTES}, feeding small steps so a bomb stops early. */
function inflateCapped(compressed: Uint8Array): Uint8Array {
  const chunks: Uint8Array[] = [];
  let total = 0;
  const inflater = new Inflate((data) => {
    total += data.length;
    if (total > MAX_DECOMPRESSED_BYTES) fail('too-large');
    chunks.push(data);
  });
  for (let i = 0; i < compressed.length; i += INFLATE_STEP) {
    const end = Math.min(i + INFLATE_STEP, compressed.length);
    inflater.push(compressed.subarray(i, end), end === compressed.length);
  }
  const out = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) out.set(chunk, (offset += chunk.length) - chunk.length);
  return out;
}

/**
 * Inflates (capped at {@link MAX_DECOMPRESSED_BYTES}) and validates a packed transcript.
 * @throws {import('./share-link-error').DecodeFailure} `too-large` or `invalid`; other errors
 *   (bad deflate data, invalid UTF-8 or JSON) mean damaged bytes.
 */
export function unpackTranscript(compressed: Uint8Array): SharedTranscript {
  const json = new TextDecoder('utf-8', { fatal: true }).decode(inflateCapped(compressed));
  const parsed = v.safeParse(envelopeSchema, JSON.parse(json));
  if (!parsed.success) {
    fail('invalid', `${SHARE_LINK_WORDS.invalid} (${describeIssues(parsed.issues)})`);
  }
  return { title: parsed.output.t, messages: parsed.output.m };
}
