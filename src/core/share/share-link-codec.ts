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
import { fromBase64Url, toBase64Url } from './base64url';
import {
  MAX_ITERATIONS,
  openWithPassphrase,
  PBKDF2_ITERATIONS,
  sealWithPassphrase,
} from './passphrase-layer';
import { SHARE_FRAGMENT_PREFIXES } from './share-fragment-prefixes';
import { DecodeFailure, fail, SHARE_LINK_WORDS, type ShareLinkError } from './share-link-error';
import type { SharedTranscript } from './transcript';
import {
  MAX_DECOMPRESSED_BYTES,
  packTranscript,
  ShareLinkEncodeError,
  unpackTranscript,
} from './transcript-packing';

export { SHARE_FRAGMENT_PREFIXES, MAX_DECOMPRESSED_BYTES, PBKDF2_ITERATIONS, ShareLinkEncodeError };
export type { ShareLinkError };

/** Longest fragment accepted, in characters: 8 MiB. */
export const MAX_FRAGMENT_CHARS = 8 * 1024 * 1024;

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
  const compressed = packTranscript(transcript);
  const { passphrase, iterations = PBKDF2_ITERATIONS } = options;
  if (!Number.isInteger(iterations) || iterations < 1 || iterations > MAX_ITERATIONS) {
    throw new ShareLinkEncodeError('invalid', `Iterations must be 1 to ${MAX_ITERATIONS}.`);
  }
  if (passphrase === undefined || passphrase === '') {
    return SHARE_FRAGMENT_PREFIXES.plain + toBase64Url(withCrc(compressed));
  }
  const body = await sealWithPassphrase(compressed, passphrase, iterations);
  return SHARE_FRAGMENT_PREFIXES.encrypted + toBase64Url(withCrc(body));
}

async function decodeOrThrow(fragment: string, passphrase: string | undefined) {
  if (fragment.length > MAX_FRAGMENT_CHARS) fail('too-large', SHARE_LINK_WORDS['too-long']);
  const text = fragment.replace(/^#/, '').replace(/\s+/g, '');
  const prefix = /^s(\d+)(e?)\./.exec(text);
  if (prefix === null) fail('malformed');
  if (prefix[1] !== '1') fail('unsupported-version');
  const payload = fromBase64Url(text.slice(prefix[0].length));
  if (payload === undefined || payload.length < 5) fail('malformed');
  const body = payload.slice(0, -4);
  if (new DataView(payload.buffer).getUint32(body.length) !== crc32(body)) fail('malformed');
  const compressed = prefix[2] === 'e' ? await openWithPassphrase(body, passphrase) : body;
  return unpackTranscript(compressed);
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
    return { ok: false, error: { kind: 'malformed', message: SHARE_LINK_WORDS.malformed } };
  }
}
