/**
 * Share links that need no server: the transcript travels compressed in the URL fragment (the
 * part after `#`, which browsers never send to a server), optionally encrypted with a passphrase.
 *
 * Format version 1. Every byte string below is written as base64url without padding
 * (RFC 4648 §5); `‖` is concatenation, integers are big-endian.
 *
 * - Plain: `s1.` + base64url(`D ‖ C`)
 * - Encrypted: `s1e.` + base64url(`I ‖ S ‖ N ‖ X ‖ C`)
 *
 * where
 * - `D` = deflate-raw (RFC 1951, no zlib or gzip header) of the UTF-8 JSON
 *   `{"v":1,"t":title,"m":messages}`: `v` the format version, `t` the title, `m` the
 *   messages exactly as `SharedMessage` in `transcript.ts` (full key names, no short keys);
 * - `I` = PBKDF2 iteration count, uint32 (600,000 for every real link);
 * - `S` = 16-byte random salt; `N` = 12-byte random IV;
 * - `X` = AES-256-GCM (NIST SP 800-38D) of `D` under the key PBKDF2-HMAC-SHA-256(passphrase as
 *   NFC UTF-8, `S`, `I`) with IV `N`, no additional data; the 16-byte tag is appended, as
 *   WebCrypto does;
 * - `C` = CRC-32 (IEEE 802.3, as in zlib) of every byte before it, so a damaged link reads as
 *   damaged rather than as a wrong passphrase.
 *
 * Decoding stops with `too-large` once more than {@link MAX_DECOMPRESSED_BYTES} come out of the
 * inflater, so a small link cannot expand into gigabytes. Golden v1 links live in `__golden__/`:
 * every later decoder must still open them.
 */
import { Inflate, deflateSync } from 'fflate';
import * as v from 'valibot';
import { SHARE_FRAGMENT_PREFIXES } from './share-fragment-prefixes';
import { describeIssues, sharedTranscriptSchema, type SharedTranscript } from './transcript';

export { SHARE_FRAGMENT_PREFIXES };

/** Most bytes a link's transcript may take once decompressed: 5 MiB. */
export const MAX_DECOMPRESSED_BYTES = 5 * 1024 * 1024;

/** Longest fragment accepted, in characters: 8 MiB. */
export const MAX_FRAGMENT_CHARS = 8 * 1024 * 1024;

/**
 * PBKDF2-HMAC-SHA-256 iterations for every real link: OWASP's Password Storage Cheat Sheet asks
 * for at least 600,000.
 */
export const PBKDF2_ITERATIONS = 600_000;

/** Most iterations a decoder runs, so a crafted link cannot freeze the page. */
const MAX_ITERATIONS = 5_000_000;
const SALT_BYTES = 16;
const IV_BYTES = 12;
const HEADER_BYTES = 4 + SALT_BYTES + IV_BYTES;
/** Compressed bytes fed to the inflater at a time: at most ~1,032× that comes out per step. */
const INFLATE_STEP = 4 * 1024;

/** Why a link could not be opened. `message` says what the person can do about it. */
export interface ShareLinkError {
  kind:
    | 'malformed'
    | 'unsupported-version'
    | 'too-large'
    | 'invalid'
    | 'needs-passphrase'
    | 'wrong-passphrase';
  message: string;
}

/** The outcome of {@link decodeShareFragment}. */
export type DecodeResult =
  { ok: true; transcript: SharedTranscript } | { ok: false; error: ShareLinkError };

/** Options of {@link encodeShareFragment}. */
export interface EncodeOptions {
  /** Encrypts the link when set and not empty. */
  passphrase?: string;
  /**
   * PBKDF2 iterations. For tests only, to keep them fast: real links always use the default,
   * {@link PBKDF2_ITERATIONS}. Decoders read the count from the link.
   */
  iterations?: number;
}

/** Thrown by {@link encodeShareFragment} for a transcript no decoder would accept. */
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

const WORDS: Record<ShareLinkError['kind'] | 'too-long', string> = {
  malformed:
    'This link is damaged or incomplete. Copy the whole link again: some apps cut long links or change characters in them.',
  'unsupported-version':
    'This link was made by a newer version of Ruminate. Open it there, or ask for a new link.',
  'too-long': 'This link is too long to open (over 8 MB). Ask the sender for an exported file.',
  'too-large':
    'This link unpacks to more than 5 MB, more than Ruminate opens from a link. Ask the sender for an exported file.',
  invalid:
    'This link opened but does not hold a valid conversation. Ask the sender for a new link.',
  'needs-passphrase':
    'This link is protected with a passphrase. Enter the passphrase the sender gave you.',
  'wrong-passphrase': 'That passphrase does not open this link. Check it for typos and try again.',
};

class DecodeFailure extends Error {
  constructor(readonly error: ShareLinkError) {
    super(error.message);
  }
}

function fail(kind: ShareLinkError['kind'], message: string = WORDS[kind]): never {
  throw new DecodeFailure({ kind, message });
}

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const LOOKUP = new Int8Array(128).fill(-1);
for (let i = 0; i < ALPHABET.length; i += 1) LOOKUP[ALPHABET.charCodeAt(i)] = i;

function toBase64Url(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const n = ((bytes[i] ?? 0) << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    const chars = Math.min(4, Math.ceil(((bytes.length - i) * 4) / 3));
    for (let k = 0; k < chars; k += 1) out += ALPHABET[(n >> (18 - 6 * k)) & 63];
  }
  return out;
}

/** Strict base64url: only the RFC 4648 §5 alphabet, no padding, zero unused trailing bits. */
function fromBase64Url(text: string): Uint8Array<ArrayBuffer> {
  if (text.length % 4 === 1) fail('malformed');
  const out = new Uint8Array(Math.floor((text.length * 3) / 4));
  let bits = 0;
  let buffer = 0;
  let o = 0;
  for (let i = 0; i < text.length; i += 1) {
    const value = LOOKUP[text.charCodeAt(i)] ?? -1;
    if (value < 0) fail('malformed');
    buffer = ((buffer << 6) | value) & 0xffffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[o++] = (buffer >> bits) & 0xff;
    }
  }
  if ((buffer & ((1 << bits) - 1)) !== 0) fail('malformed');
  return out;
}

const CRC_TABLE = Uint32Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Uint8Array): number {
  let crc = 0xffffffff;
  for (const byte of bytes) crc = CRC_TABLE[(crc ^ byte) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function withCrc(body: Uint8Array): Uint8Array {
  const out = new Uint8Array(body.length + 4);
  out.set(body);
  new DataView(out.buffer).setUint32(body.length, crc32(body));
  return out;
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

async function deriveKey(passphrase: string, salt: Uint8Array<ArrayBuffer>, iterations: number) {
  const secret = new TextEncoder().encode(passphrase.normalize('NFC'));
  const base = await crypto.subtle.importKey('raw', secret, 'PBKDF2', false, ['deriveKey']);
  return crypto.subtle.deriveKey(
    { name: 'PBKDF2', hash: 'SHA-256', salt, iterations },
    base,
    { name: 'AES-GCM', length: 256 },
    false,
    ['encrypt', 'decrypt'],
  );
}

/**
 * Encodes a transcript as a URL fragment (without the `#`), in the v1 layout described above.
 *
 * @throws {ShareLinkEncodeError} `invalid` when the transcript fails its schema, `too-large` when
 *   its JSON is over {@link MAX_DECOMPRESSED_BYTES}: such links would not open. The UI should then
 *   offer a file export instead.
 */
export async function encodeShareFragment(
  transcript: SharedTranscript,
  options: EncodeOptions = {},
): Promise<string> {
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
  const compressed = deflateSync(utf8, { level: 9 });
  const { passphrase, iterations = PBKDF2_ITERATIONS } = options;
  if (!Number.isInteger(iterations) || iterations < 1 || iterations > MAX_ITERATIONS) {
    throw new ShareLinkEncodeError('invalid', `Iterations must be 1 to ${MAX_ITERATIONS}.`);
  }
  if (passphrase === undefined || passphrase === '') {
    return SHARE_FRAGMENT_PREFIXES.plain + toBase64Url(withCrc(compressed));
  }
  const header = new Uint8Array(HEADER_BYTES);
  new DataView(header.buffer).setUint32(0, iterations);
  const salt = crypto.getRandomValues(header.subarray(4, 4 + SALT_BYTES));
  const iv = crypto.getRandomValues(header.subarray(4 + SALT_BYTES));
  const key = await deriveKey(passphrase, salt.slice(), iterations);
  const sealed = new Uint8Array(
    await crypto.subtle.encrypt({ name: 'AES-GCM', iv: iv.slice() }, key, compressed),
  );
  const body = new Uint8Array(HEADER_BYTES + sealed.length);
  body.set(header);
  body.set(sealed, HEADER_BYTES);
  return SHARE_FRAGMENT_PREFIXES.encrypted + toBase64Url(withCrc(body));
}

async function openEncrypted(body: Uint8Array<ArrayBuffer>, passphrase: string | undefined) {
  if (body.length < HEADER_BYTES + 16) fail('malformed');
  const iterations = new DataView(body.buffer).getUint32(0);
  if (iterations === 0) fail('malformed');
  if (iterations > MAX_ITERATIONS) fail('unsupported-version');
  if (passphrase === undefined || passphrase === '') fail('needs-passphrase');
  const salt = body.slice(4, 4 + SALT_BYTES);
  const key = await deriveKey(passphrase, salt, iterations);
  const iv = body.slice(4 + SALT_BYTES, HEADER_BYTES);
  try {
    const sealed = body.slice(HEADER_BYTES);
    return new Uint8Array(await crypto.subtle.decrypt({ name: 'AES-GCM', iv }, key, sealed));
  } catch {
    return fail('wrong-passphrase');
  }
}

async function decodeOrThrow(fragment: string, passphrase: string | undefined) {
  if (fragment.length > MAX_FRAGMENT_CHARS) fail('too-large', WORDS['too-long']);
  const text = fragment.replace(/^#/, '').replace(/\s+/g, '');
  const prefix = /^s(\d+)(e?)\./.exec(text);
  if (prefix === null) fail('malformed');
  if (prefix[1] !== '1') fail('unsupported-version');
  const payload = fromBase64Url(text.slice(prefix[0].length));
  if (payload.length < 5) fail('malformed');
  const body = payload.slice(0, -4);
  if (new DataView(payload.buffer).getUint32(body.length) !== crc32(body)) fail('malformed');
  const compressed = prefix[2] === 'e' ? await openEncrypted(body, passphrase) : body;
  const json = new TextDecoder('utf-8', { fatal: true }).decode(inflateCapped(compressed));
  const parsed = v.safeParse(envelopeSchema, JSON.parse(json));
  if (!parsed.success) fail('invalid', `${WORDS.invalid} (${describeIssues(parsed.issues)})`);
  return { title: parsed.output.t, messages: parsed.output.m };
}

/**
 * Opens a share fragment (with or without the leading `#`; whitespace is ignored). Never throws:
 * every failure comes back as a {@link ShareLinkError} whose message says what to do. A plain
 * link ignores the passphrase; an empty passphrase counts as none. An encrypted link whose bytes
 * were altered and whose CRC was then fixed up reads as `wrong-passphrase`: GCM cannot tell the
 * two apart.
 */
export async function decodeShareFragment(
  fragment: string,
  options: { passphrase?: string } = {},
): Promise<DecodeResult> {
  try {
    return { ok: true, transcript: await decodeOrThrow(fragment, options.passphrase) };
  } catch (caught) {
    if (caught instanceof DecodeFailure) return { ok: false, error: caught.error };
    // Anything else (bad deflate data, invalid UTF-8 or JSON) means the bytes were damaged.
    return { ok: false, error: { kind: 'malformed', message: WORDS.malformed } };
  }
}
