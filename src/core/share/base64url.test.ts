import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromBase64Url, toBase64Url } from './base64url';

describe('base64url', () => {
  it('matches Node’s base64url for any bytes, and reads it back', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), (bytes) => {
        const text = toBase64Url(bytes);
        expect(text).toBe(Buffer.from(bytes).toString('base64url'));
        expect(fromBase64Url(text)).toEqual(bytes);
      }),
    );
  });

  it('refuses padding, other alphabets, impossible lengths and stray trailing bits', () => {
    expect(fromBase64Url('AA==')).toBeUndefined();
    expect(fromBase64Url('A+/A')).toBeUndefined();
    expect(fromBase64Url('AAAAA')).toBeUndefined();
    expect(fromBase64Url('AB')).toBeUndefined();
    expect(fromBase64Url('AA')).toEqual(new Uint8Array([0]));
  });
});
