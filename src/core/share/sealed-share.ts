/**
 * Short share links: the transcript is sealed in the browser and uploaded; the server stores the
 * sealed bytes and never sees the key, which travels in the link's fragment (the part after `#`,
 * which browsers never send to a server). The link is `<origin>/s/<id>#<key>`.
 *
 * Sealed share, format version 1 (`‖` is concatenation, integers big-endian):
 *
 * - body `B` = `V ‖ K ‖ N ‖ X`, the only bytes uploaded;
 * - `V` = the version byte, `0x01`;
 * - `K` = the first 16 bytes of HMAC-SHA-256(`k`, UTF-8 "ruminate share key check"): the reader
 *   tells a wrong key from an altered body by it, and it commits the body to one key;
 * - `N` = a 12-byte random IV;
 * - `X` = AES-256-GCM (NIST SP 800-38D) of `P` under the 256-bit random key `k`, IV `N`,
 *   additional data `V`, the 16-byte tag appended as WebCrypto does;
 * - `P` = `0x00 ‖ D` without a passphrase, or `0x01 ‖ L` with one, where `D` is the packed
 *   transcript of `transcript-packing.ts` (as in fragment links) and `L` is `D` under the
 *   passphrase layer of `passphrase-layer.ts` (PBKDF2, as in fragment links). Whether a link has
 *   a passphrase is inside `X`, so the server cannot tell;
 * - the key in the link is base64url(`k`) without padding (RFC 4648 §5): 43 characters.
 */
import { fromBase64Url, toBase64Url } from './base64url';
import {
  MAX_ITERATIONS,
  openWithPassphrase,
  PBKDF2_ITERATIONS,
  sealWithPassphrase,
} from './passphrase-layer';
import { DecodeFailure, fail, SHARE_LINK_WORDS, type ShareLinkError } from './share-link-error';
import type { SharedTranscript } from './transcript';
import { packTranscript, ShareLinkEncodeError, unpackTranscript } from './transcript-packing';

/** The version byte of bodies this code writes. */
export const SEALED_SHARE_VERSION = 1;

/** Most bytes a sealed body may take: 5 MiB, what the server accepts. */
export const MAX_SEALED_BYTES = 5 * 1024 * 1024;

/** Characters of a key in a link: base64url of 32 bytes. */
export const SHARE_KEY_CHARS = 43;

const KEY_BYTES = 32;
const CHECK_BYTES = 16;
const IV_BYTES = 12;
const TAG_BYTES = 16;
const HEADER_BYTES = 1 + CHECK_BYTES + IV_BYTES;
const CHECK_LABEL = new TextEncoder().encode('ruminate share key check');
const NO_PASSPHRASE = 0;
const WITH_PASSPHRASE = 1;

/** A sealed transcript: what to upload, and the key for the link's fragment. */
export interface SealedShare {
  /** `B` above: upload exactly these bytes. */
  body: Uint8Array<ArrayBuffer>;
  /** base64url of the 256-bit key, {@link SHARE_KEY_CHARS} characters; never uploaded. */
  key: string;
}

/** The outcome of {@link openSealedShare}. */
export type OpenSealedResult =
  { ok: true; transcript: SharedTranscript } | { ok: false; error: ShareLinkError };

/** Options of {@link sealShare}. */
export interface SealOptions {
  /** Adds the passphrase layer when set and not empty. */
  passphrase?: string;
  /** PBKDF2 iterations, for tests only; real links use {@link PBKDF2_ITERATIONS}. */
  iterations?: number;
}

async function keyCheck(raw: Uint8Array<ArrayBuffer>): Promise<Uint8Array> {
  const hmacKey = await crypto.subtle.importKey(
    'raw',
    raw,
    { name: 'HMAC', hash: 'SHA-256' },
    false,
    ['sign'],
  );
  const mac = await crypto.subtle.sign('HMAC', hmacKey, CHECK_LABEL);
  return new Uint8Array(mac, 0, CHECK_BYTES);
}

function aesKey(raw: Uint8Array<ArrayBuffer>, usage: 'encrypt' | 'decrypt') {
  return crypto.subtle.importKey('raw', raw, 'AES-GCM', false, [usage]);
}

/**
 * Seals a transcript with a fresh random 256-bit key and 96-bit IV.
 * @throws {ShareLinkEncodeError} `invalid` when the transcript fails its schema or the iteration
 *   count is out of range; `too-large` when its JSON is over 5 MiB or the body would be over
 *   {@link MAX_SEALED_BYTES}.
 */
export async function sealShare(
  transcript: SharedTranscript,
  options: SealOptions = {},
): Promise<SealedShare> {
  const packed = packTranscript(transcript);
  const { passphrase, iterations = PBKDF2_ITERATIONS } = options;
  if (!Number.isInteger(iterations) || iterations < 1 || iterations > MAX_ITERATIONS) {
    throw new ShareLinkEncodeError('invalid', `Iterations must be 1 to ${MAX_ITERATIONS}.`);
  }
  const hasPassphrase = passphrase !== undefined && passphrase !== '';
  const inner = hasPassphrase ? await sealWithPassphrase(packed, passphrase, iterations) : packed;
  const plain = new Uint8Array(1 + inner.length);
  plain[0] = hasPassphrase ? WITH_PASSPHRASE : NO_PASSPHRASE;
  plain.set(inner, 1);

  const raw = crypto.getRandomValues(new Uint8Array(KEY_BYTES));
  const body = new Uint8Array(HEADER_BYTES + plain.length + TAG_BYTES);
  body[0] = SEALED_SHARE_VERSION;
  body.set(await keyCheck(raw), 1);
  const iv = crypto.getRandomValues(body.subarray(1 + CHECK_BYTES, HEADER_BYTES));
  const sealed = await crypto.subtle.encrypt(
    { name: 'AES-GCM', iv: iv.slice(), additionalData: body.slice(0, 1) },
    await aesKey(raw, 'encrypt'),
    plain,
  );
  body.set(new Uint8Array(sealed), HEADER_BYTES);
  if (body.length > MAX_SEALED_BYTES) {
    throw new ShareLinkEncodeError(
      'too-large',
      'This conversation is over 5 MB once sealed: export it as a file.',
    );
  }
  return { body, key: toBase64Url(raw) };
}

function parseKey(key: string | undefined): Uint8Array<ArrayBuffer> {
  const text = (key ?? '').replace(/^#/, '').trim();
  if (text === '') fail('missing-key');
  const raw = text.length === SHARE_KEY_CHARS ? fromBase64Url(text) : undefined;
  if (raw === undefined || raw.length !== KEY_BYTES) fail('wrong-key');
  return raw;
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i += 1) diff |= a[i]! ^ b[i]!;
  return diff === 0;
}

async function openOrThrow(body: Uint8Array, key: string | undefined, passphrase?: string) {
  if (body.length < 1) fail('malformed');
  if (body[0] !== SEALED_SHARE_VERSION) {
    fail(body[0] === 0 ? 'malformed' : 'unsupported-version');
  }
  const raw = parseKey(key);
  if (body.length < HEADER_BYTES + TAG_BYTES + 1) fail('tampered');
  if (!sameBytes(await keyCheck(raw), body.subarray(1, 1 + CHECK_BYTES))) fail('wrong-key');
  let plain: Uint8Array<ArrayBuffer>;
  try {
    const decrypted = await crypto.subtle.decrypt(
      {
        name: 'AES-GCM',
        iv: body.slice(1 + CHECK_BYTES, HEADER_BYTES),
        additionalData: body.slice(0, 1),
      },
      await aesKey(raw, 'decrypt'),
      body.slice(HEADER_BYTES),
    );
    plain = new Uint8Array(decrypted);
  } catch {
    return fail('tampered');
  }
  const inner = plain.slice(1);
  if (plain[0] === NO_PASSPHRASE) return unpackTranscript(inner);
  if (plain[0] === WITH_PASSPHRASE)
    return unpackTranscript(await openWithPassphrase(inner, passphrase));
  return fail('unsupported-version');
}

/**
 * Opens a sealed body with the key from the link's fragment (with or without its `#`), and the
 * passphrase when the link has one. Never throws: `missing-key` and `wrong-key` for the key,
 * `tampered` when the key is right but the body was altered or cut, `unsupported-version` for a
 * version byte from a newer Ruminate, `needs-passphrase` / `wrong-passphrase`, and `too-large` /
 * `invalid` / `malformed` for what is inside, each with words saying what to do.
 */
export async function openSealedShare(
  body: Uint8Array,
  key: string | undefined,
  options: { passphrase?: string } = {},
): Promise<OpenSealedResult> {
  try {
    return { ok: true, transcript: await openOrThrow(body, key, options.passphrase) };
  } catch (caught) {
    if (caught instanceof DecodeFailure) return { ok: false, error: caught.error };
    // Inside a body that authenticated: damaged deflate data, UTF-8 or JSON.
    return { ok: false, error: { kind: 'malformed', message: SHARE_LINK_WORDS.malformed } };
  }
}
