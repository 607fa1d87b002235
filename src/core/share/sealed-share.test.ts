import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromBase64Url } from './base64url';
import { MAX_ITERATIONS } from './passphrase-layer';
import { openSealedShare, sealShare, SEALED_SHARE_VERSION, SHARE_KEY_CHARS } from './sealed-share';
import { SHARE_LINK_WORDS } from './share-link-error';
import type { SharedTranscript } from './transcript';

const transcript: SharedTranscript = {
  title: 'Is 1,000,003 prime?',
  messages: [
    { role: 'user', content: 'Is 1,000,003 prime? Say marmalade.' },
    {
      role: 'assistant',
      reasoning: 'Trial division up to 1000: marmalade is the marker word here.',
      answer: 'Yes, **1,000,003** is prime.',
      status: 'done',
      usage: { reasoningTokens: 12 },
    },
  ],
};

const FAST = { iterations: 1_000 };

function flipped(body: Uint8Array, index: number): Uint8Array {
  const copy = body.slice();
  copy[index] = copy[index]! ^ 0x01;
  return copy;
}

describe('sealed share (short links)', () => {
  it('round-trips a transcript with the key from the link', async () => {
    const { body, key } = await sealShare(transcript);
    expect(key).toHaveLength(SHARE_KEY_CHARS);
    expect(fromBase64Url(key)).toHaveLength(32);
    expect(body[0]).toBe(SEALED_SHARE_VERSION);
    expect(await openSealedShare(body, key)).toEqual({ ok: true, transcript });
    expect(await openSealedShare(body, `#${key}`)).toEqual({ ok: true, transcript });
  });

  it('round-trips any title and text', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ maxLength: 40 }), fc.string(), async (title, content) => {
        const shared: SharedTranscript = { title, messages: [{ role: 'user', content }] };
        const { body, key } = await sealShare(shared);
        expect(await openSealedShare(body, key)).toEqual({ ok: true, transcript: shared });
      }),
      { numRuns: 30 },
    );
  });

  it('uploads no word of the transcript, and a fresh key and IV each time', async () => {
    const first = await sealShare(transcript);
    const second = await sealShare(transcript);
    const text = new TextDecoder('latin1').decode(first.body);
    expect(text).not.toContain('marmalade');
    expect(text).not.toContain('prime');
    expect(first.key).not.toBe(second.key);
    expect(first.body.slice(17, 29)).not.toEqual(second.body.slice(17, 29));
  });

  it('refuses a wrong or missing key, and tells the two apart', async () => {
    const { body, key } = await sealShare(transcript);
    const other = await sealShare(transcript);
    expect(await openSealedShare(body, other.key)).toMatchObject({
      ok: false,
      error: { kind: 'wrong-key' },
    });
    expect(await openSealedShare(body, '')).toMatchObject({ error: { kind: 'missing-key' } });
    expect(await openSealedShare(body, undefined)).toMatchObject({
      error: { kind: 'missing-key' },
    });
    expect(await openSealedShare(body, key.slice(0, 40))).toMatchObject({
      error: { kind: 'wrong-key' },
    });
    expect(await openSealedShare(body, `${key.slice(0, 42)}!`)).toMatchObject({
      error: { kind: 'wrong-key' },
    });
  });

  it('calls an altered or cut body tampered, at every byte of the ciphertext', async () => {
    const { body, key } = await sealShare(transcript);
    for (let i = 1 + 16; i < body.length; i += 1) {
      const result = await openSealedShare(flipped(body, i), key);
      expect(result, `byte ${i}`).toMatchObject({ ok: false, error: { kind: 'tampered' } });
    }
    expect(await openSealedShare(body.slice(0, -1), key)).toMatchObject({
      error: { kind: 'tampered' },
    });
    expect(await openSealedShare(body.slice(0, 20), key)).toMatchObject({
      error: { kind: 'tampered' },
    });
    // An altered key check reads as a wrong key: the key no longer matches the body.
    expect(await openSealedShare(flipped(body, 5), key)).toMatchObject({
      error: { kind: 'wrong-key' },
    });
  });

  it('reads the version byte first: newer versions are named, zero and empty are malformed', async () => {
    const { body, key } = await sealShare(transcript);
    const newer = body.slice();
    newer[0] = 2;
    expect(await openSealedShare(newer, key)).toMatchObject({
      error: { kind: 'unsupported-version' },
    });
    const zero = body.slice();
    zero[0] = 0;
    expect(await openSealedShare(zero, key)).toMatchObject({ error: { kind: 'malformed' } });
    expect(await openSealedShare(new Uint8Array(0), key)).toMatchObject({
      error: { kind: 'malformed' },
    });
  });

  it('adds a passphrase that the key alone does not open', async () => {
    const { body, key } = await sealShare(transcript, { passphrase: 'correct horse', ...FAST });
    expect(await openSealedShare(body, key)).toMatchObject({
      error: { kind: 'needs-passphrase' },
    });
    expect(await openSealedShare(body, key, { passphrase: 'wrong horse' })).toMatchObject({
      error: { kind: 'wrong-passphrase' },
    });
    expect(await openSealedShare(body, key, { passphrase: 'correct horse' })).toEqual({
      ok: true,
      transcript,
    });
  });

  it('refuses a transcript the schema rejects, before sealing anything', async () => {
    const bad = { title: 'x', messages: [{ role: 'robot' }] } as unknown as SharedTranscript;
    await expect(sealShare(bad)).rejects.toMatchObject({ kind: 'invalid' });
    for (const iterations of [0, 1.5, MAX_ITERATIONS + 1]) {
      await expect(sealShare(transcript, { iterations })).rejects.toMatchObject({
        kind: 'invalid',
        message: `Iterations must be 1 to ${MAX_ITERATIONS}.`,
      });
    }
  });

  it('takes one iteration, and an empty passphrase as none', async () => {
    const once = await sealShare(transcript, { passphrase: 'p', iterations: 1 });
    expect(await openSealedShare(once.body, once.key, { passphrase: 'p' })).toEqual({
      ok: true,
      transcript,
    });
    const open = await sealShare(transcript, { passphrase: '' });
    expect(await openSealedShare(open.body, open.key)).toEqual({ ok: true, transcript });
  });

  it('reads a key with spaces around it, and calls a body of the version byte alone tampered', async () => {
    const { body, key } = await sealShare(transcript);
    expect(await openSealedShare(body, ` ${key} `)).toEqual({ ok: true, transcript });
    expect(await openSealedShare(body.slice(0, 1), key)).toMatchObject({
      error: { kind: 'tampered' },
    });
  });

  it('names what is wrong inside a body that authenticates', async () => {
    const newer = await resealed((plain) => plain.fill(7, 0, 1));
    expect(await openSealedShare(newer.body, newer.key)).toEqual({
      ok: false,
      error: { kind: 'unsupported-version', message: SHARE_LINK_WORDS['unsupported-version'] },
    });
    const damaged = await resealed((plain) => plain.fill(0xff, 1));
    expect(await openSealedShare(damaged.body, damaged.key)).toEqual({
      ok: false,
      error: { kind: 'malformed', message: SHARE_LINK_WORDS.malformed },
    });
  });
});

/** A sealed share whose plaintext `edit` changed, sealed again with the same key and IV. */
async function resealed(
  edit: (plain: Uint8Array) => void,
): Promise<{ body: Uint8Array; key: string }> {
  const { body, key } = await sealShare(transcript);
  const aes = (usage: 'encrypt' | 'decrypt') =>
    crypto.subtle.importKey('raw', fromBase64Url(key)!.slice(), 'AES-GCM', false, [usage]);
  const params = { name: 'AES-GCM', iv: body.slice(17, 29), additionalData: body.slice(0, 1) };
  const plain = new Uint8Array(
    await crypto.subtle.decrypt(params, await aes('decrypt'), body.slice(29)),
  );
  edit(plain);
  const sealed = new Uint8Array(await crypto.subtle.encrypt(params, await aes('encrypt'), plain));
  const edited = new Uint8Array(29 + sealed.length);
  edited.set(body.subarray(0, 29));
  edited.set(sealed, 29);
  return { body: edited, key };
}
