import { describe, expect, it } from 'vitest';
import { MAX_ITERATIONS, openWithPassphrase, sealWithPassphrase } from './passphrase-layer';
import { SHARE_LINK_WORDS } from './share-link-error';

const data = new TextEncoder().encode('Trial division up to 1000.');

/** The share-link error `promise` rejects with. */
async function failure(promise: Promise<unknown>) {
  return promise.then(
    () => undefined,
    (caught: unknown) => (caught as { error?: unknown }).error,
  );
}

describe('passphrase layer', () => {
  it('round-trips data with the passphrase, and refuses a wrong or missing one', async () => {
    const sealed = await sealWithPassphrase(data.slice(), 'correct horse', 1_000);
    expect(await openWithPassphrase(sealed, 'correct horse')).toEqual(data);
    expect(await failure(openWithPassphrase(sealed, 'wrong horse'))).toEqual({
      kind: 'wrong-passphrase',
      message: SHARE_LINK_WORDS['wrong-passphrase'],
    });
    expect(await failure(openWithPassphrase(sealed, ''))).toMatchObject({
      kind: 'needs-passphrase',
    });
  });

  it('refuses an iteration count out of range before deriving anything', async () => {
    for (const iterations of [0, 1.5, MAX_ITERATIONS + 1]) {
      await expect(sealWithPassphrase(data.slice(), 'p', iterations)).rejects.toThrow(
        new RangeError(`Iterations must be 1 to ${MAX_ITERATIONS}.`),
      );
    }
  });

  it('calls a body too short or with zero iterations malformed, and too many a newer version', async () => {
    const sealed = await sealWithPassphrase(data.slice(), 'p', 1_000);
    expect(await failure(openWithPassphrase(sealed.slice(0, 40), 'p'))).toEqual({
      kind: 'malformed',
      message: SHARE_LINK_WORDS.malformed,
    });
    const zero = sealed.slice();
    new DataView(zero.buffer).setUint32(0, 0);
    expect(await failure(openWithPassphrase(zero, 'p'))).toEqual({
      kind: 'malformed',
      message: SHARE_LINK_WORDS.malformed,
    });
    const many = sealed.slice();
    new DataView(many.buffer).setUint32(0, MAX_ITERATIONS + 1);
    expect(await failure(openWithPassphrase(many, 'p'))).toMatchObject({
      kind: 'unsupported-version',
    });
  });

  it('takes a single iteration, and seals empty data into a body of header and tag only', async () => {
    const once = await sealWithPassphrase(data.slice(), 'p', 1);
    expect(await openWithPassphrase(once, 'p')).toEqual(data);
    const empty = await sealWithPassphrase(new Uint8Array(0), 'p', 1_000);
    expect(empty).toHaveLength(4 + 16 + 12 + 16);
    expect(await openWithPassphrase(empty, 'p')).toEqual(new Uint8Array(0));
  });
});
