import { deflateSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { DecodeFailure } from './share-link-error';
import type { SharedTranscript } from './transcript';
import {
  MAX_DECOMPRESSED_BYTES,
  packTranscript,
  ShareLinkEncodeError,
  unpackTranscript,
} from './transcript-packing';

/** A transcript whose packed JSON is exactly `bytes` long (one user message of `x`s). */
function transcriptOfBytes(bytes: number): SharedTranscript {
  const overhead = JSON.stringify({ v: 1, t: '', m: [{ role: 'user', content: '' }] }).length;
  return { title: '', messages: [{ role: 'user', content: 'x'.repeat(bytes - overhead) }] };
}

function decodeKind(compressed: Uint8Array): string {
  try {
    unpackTranscript(compressed);
    return 'ok';
  } catch (error) {
    if (error instanceof DecodeFailure) return error.error.kind;
    throw error;
  }
}

describe('packTranscript and unpackTranscript at the 5 MiB edge', () => {
  it('packs a transcript of exactly 5 MiB, and unpacks it to the same transcript', () => {
    const transcript = transcriptOfBytes(MAX_DECOMPRESSED_BYTES);
    const packed = packTranscript(transcript);
    expect(unpackTranscript(packed)).toEqual(transcript);
  });

  it('refuses one byte more on both sides', () => {
    const transcript = transcriptOfBytes(MAX_DECOMPRESSED_BYTES + 1);
    expect(() => packTranscript(transcript)).toThrow(ShareLinkEncodeError);
    try {
      packTranscript(transcript);
    } catch (error) {
      expect(error).toMatchObject({ kind: 'too-large', message: expect.stringMatching(/5 MB/) });
    }
    const json = JSON.stringify({ v: 1, t: '', m: transcript.messages });
    expect(json.length).toBe(MAX_DECOMPRESSED_BYTES + 1);
    expect(decodeKind(deflateSync(new TextEncoder().encode(json)))).toBe('too-large');
  });

  it('counts UTF-8 bytes, not UTF-16 code units', () => {
    // 'é' is 1 code unit and 2 bytes: half as many characters reach the same byte count.
    const overhead = JSON.stringify({ v: 1, t: '', m: [{ role: 'user', content: '' }] }).length;
    const content = 'é'.repeat((MAX_DECOMPRESSED_BYTES - overhead) / 2);
    const fits: SharedTranscript = { title: '', messages: [{ role: 'user', content }] };
    expect(unpackTranscript(packTranscript(fits))).toEqual(fits);
    const over: SharedTranscript = {
      title: '',
      messages: [{ role: 'user', content: `${content}é` }],
    };
    expect(() => packTranscript(over)).toThrow(ShareLinkEncodeError);
  });

  it('reports a transcript of the wrong shape as invalid on both sides', () => {
    const bad = { title: 'x'.repeat(501), messages: [] };
    expect(() => packTranscript(bad)).toThrow(expect.objectContaining({ kind: 'invalid' }));
    const json = JSON.stringify({ v: 1, t: bad.title, m: [] });
    expect(decodeKind(deflateSync(new TextEncoder().encode(json)))).toBe('invalid');
  });
});
