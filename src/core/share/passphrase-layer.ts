/**
 * The passphrase layer of share links: `I ‖ S ‖ N ‖ X`, where `I` is the PBKDF2 iteration count
 * (uint32, big-endian), `S` a 16-byte random salt, `N` a 12-byte random IV and `X` AES-256-GCM
 * (NIST SP 800-38D) of the data under the key PBKDF2-HMAC-SHA-256(passphrase as NFC UTF-8, `S`,
 * `I`) with IV `N`, no additional data, the 16-byte tag appended as WebCrypto does.
 */
import { fail } from './share-link-error';

/**
 * PBKDF2-HMAC-SHA-256 iterations for every real link: OWASP's Password Storage Cheat Sheet asks
 * for at least 600,000.
 */
export const PBKDF2_ITERATIONS = 600_000;

/** Most iterations a decoder runs, so a crafted link cannot freeze the page. */
export const MAX_ITERATIONS = 5_000_000;

const SALT_BYTES = 16;
const IV_BYTES = 12;
/** Bytes before the ciphertext: `I ‖ S ‖ N`. */
export const PASSPHRASE_HEADER_BYTES = 4 + SALT_BYTES + IV_BYTES;
const TAG_BYTES = 16;

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
 * Encrypts `data` under a passphrase, with a fresh random salt and IV.
 * @param iterations - PBKDF2 iterations, 1 to {@link MAX_ITERATIONS}; tests pass a small count.
 * @throws {RangeError} For an iteration count out of range.
 */
export async function sealWithPassphrase(
  data: Uint8Array<ArrayBuffer>,
  passphrase: string,
  iterations: number = PBKDF2_ITERATIONS,
): Promise<Uint8Array<ArrayBuffer>> {
  if (!Number.isInteger(iterations) || iterations < 1 || iterations > MAX_ITERATIONS) {
    throw new RangeError(`Iterations must be 1 to ${MAX_ITERATIONS}.`);
  }
  const header = new Uint8Array(PASSPHRASE_HEADER_BYTES);
  new DataView(header.buffer).setUint32(0, iterations);
  const salt = crypto.getRandomValues(header.subarray(4, 4 + SALT_BYTES));
  const iv = crypto.getRandomValues(header.subarray(4 + SALT_BYTES));
  const key = await deriveKey(passphrase, salt.slice(), iterations);
  const sealed = new Uint8Array(
    await crypto.subtle.encrypt({ name: 'AES-GCM', iv: iv.slice() }, key, data),
  );
  const body = new Uint8Array(PASSPHRASE_HEADER_BYTES + sealed.length);
  body.set(header);
  body.set(sealed, PASSPHRASE_HEADER_BYTES);
  return body;
}

/**
 * Opens `I ‖ S ‖ N ‖ X` with a passphrase.
 * @throws {import('./share-link-error').DecodeFailure} `malformed` (too short, zero iterations),
 *   `unsupported-version` (more than {@link MAX_ITERATIONS}), `needs-passphrase` (none given),
 *   `wrong-passphrase` (GCM refused: a wrong passphrase or altered bytes, which GCM cannot tell
 *   apart).
 */
export async function openWithPassphrase(
  body: Uint8Array<ArrayBuffer>,
  passphrase: string | undefined,
): Promise<Uint8Array<ArrayBuffer>> {
  if (body.length < PASSPHRASE_HEADER_BYTES + TAG_BYTES) fail('malformed');
  const iterations = new DataView(body.buffer, body.byteOffset).getUint32(0);
  if (iterations === 0) fail('malformed');
  if (iterations > MAX_ITERATIONS) fail('unsupported-version');
  if (passphrase === undefined || passphrase === '') fail('needs-passphrase');
  const salt = body.slice(4, 4 + SALT_BYTES);
  const key = await deriveKey(passphrase, salt, iterations);
  const iv = body.slice(4 + SALT_BYTES, PASSPHRASE_HEADER_BYTES);
  try {
    const sealed = body.slice(PASSPHRASE_HEADER_BYTES);
    return new Uint8Array(await crypto.subtle.decrypt({ name: 'AES-GCM', iv }, key, sealed));
  } catch {
    return fail('wrong-passphrase');
  }
}
