import fc from 'fast-check';
import { Deflate, deflateSync } from 'fflate';
import { describe, expect, it, vi } from 'vitest';
import { MAX_ITERATIONS } from './passphrase-layer';
import {
  MAX_DECOMPRESSED_BYTES,
  SHARE_FRAGMENT_PREFIXES,
  ShareLinkEncodeError,
  decodeShareFragment,
  encodeShareFragment,
  type DecodeResult,
} from './share-link-codec';
import { SHARED_STATUSES, type SharedMessage, type SharedTranscript } from './transcript';

/** Counts every byte the codec's inflater lets out, to show a bomb stops early. */
const inflated = vi.hoisted(() => ({ bytes: 0 }));
vi.mock('fflate', async (importOriginal) => {
  const fflate = await importOriginal<typeof import('fflate')>();
  class CountingInflate extends fflate.Inflate {
    constructor(ondata: import('fflate').FlateStreamHandler) {
      super((data, final) => {
        inflated.bytes += data.length;
        ondata(data, final);
      });
    }
  }
  return { ...fflate, Inflate: CountingInflate };
});

/** Few PBKDF2 iterations keep tests fast; the decoder reads the count from the link. */
const FAST = { iterations: 1_000 };

// An independent CRC-32 and Node's own base64url, to build raw links byte by byte.
function crc32(bytes: Uint8Array): number {
  let crc = ~0;
  for (const byte of bytes) {
    crc ^= byte;
    for (let k = 0; k < 8; k += 1) crc = crc & 1 ? 0xedb88320 ^ (crc >>> 1) : crc >>> 1;
  }
  return ~crc >>> 0;
}

function seal(prefix: string, body: Uint8Array): string {
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return prefix + Buffer.concat([body, crc]).toString('base64url');
}

function unseal(fragment: string): Buffer {
  const payload = Buffer.from(fragment.slice(fragment.indexOf('.') + 1), 'base64url');
  return payload.subarray(0, -4);
}

/** A plain v1 link around any JSON text or bytes. */
function rawLink(json: string | Uint8Array): string {
  const bytes = typeof json === 'string' ? new TextEncoder().encode(json) : json;
  return seal('s1.', deflateSync(bytes));
}

function errorKind(result: DecodeResult): string {
  return result.ok ? 'ok' : result.error.kind;
}

const text = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.string({ unit: 'grapheme', maxLength: 50 }),
  // Raw UTF-16 code units, lone surrogates included.
  fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)) }),
);
const count = fc.nat({ max: 10_000_000 });
const time = fc.integer({ min: 0, max: 4_000_000_000_000 });

const assistantArb = fc.record(
  {
    role: fc.constant('assistant' as const),
    reasoning: text,
    answer: text,
    status: fc.constantFrom(...SHARED_STATUSES),
    finishReason: text,
    timing: fc.record(
      { requestSentAt: time, firstReasoningAt: time, firstAnswerAt: time, endedAt: time },
      { requiredKeys: [] },
    ),
    usage: fc.record(
      { promptTokens: count, completionTokens: count, reasoningTokens: count, totalTokens: count },
      { requiredKeys: [] },
    ),
    model: text,
    error: fc.record(
      {
        kind: fc.constantFrom('http' as const, 'provider' as const, 'network' as const),
        message: text,
        status: fc.integer({ min: 100, max: 599 }),
        code: text,
      },
      { requiredKeys: ['kind', 'message'] },
    ),
  },
  { requiredKeys: ['role', 'reasoning', 'answer', 'status'] },
);
const messageArb: fc.Arbitrary<SharedMessage> = fc.oneof(
  fc.record({ role: fc.constant('user' as const), content: text }),
  assistantArb,
);
const transcriptArb: fc.Arbitrary<SharedTranscript> = fc.record({
  title: fc.string({ unit: 'binary', maxLength: 200 }),
  messages: fc.array(messageArb, { maxLength: 8 }),
});

/** ~200 KB of varied reasoning (ASCII, CJK, emoji), which compresses only partly. */
function longReasoning(): string {
  let seed = 7;
  const pieces = ['思考', '🤔', 'step ', '∑', 'é', '\n', '𝔘', '한국어 ', 'x'];
  let out = '';
  while (out.length < 200_000) {
    seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
    out += pieces[seed % pieces.length] + String(seed % 97);
  }
  return out;
}

const bigTranscript: SharedTranscript = {
  title: 'Long thoughts',
  messages: [
    { role: 'user', content: 'Think hard.' },
    { role: 'assistant', reasoning: longReasoning(), answer: '42', status: 'done' },
  ],
};

describe('round trip', () => {
  it('decodes every plain link to an equal transcript', async () => {
    await fc.assert(
      fc.asyncProperty(transcriptArb, async (transcript) => {
        const fragment = await encodeShareFragment(transcript);
        expect(fragment.startsWith(SHARE_FRAGMENT_PREFIXES.plain)).toBe(true);
        expect(fragment).toMatch(/^s1\.[A-Za-z0-9_-]+$/);
        expect(await decodeShareFragment(fragment)).toEqual({ ok: true, transcript });
      }),
      { numRuns: 150, examples: [[bigTranscript], [{ title: '', messages: [] }]] },
    );
  });

  it('decodes every encrypted link with its passphrase', async () => {
    await fc.assert(
      fc.asyncProperty(
        transcriptArb,
        fc.string({ unit: 'binary', minLength: 1, maxLength: 40 }),
        async (transcript, passphrase) => {
          const fragment = await encodeShareFragment(transcript, { passphrase, ...FAST });
          expect(fragment).toMatch(/^s1e\.[A-Za-z0-9_-]+$/);
          expect(await decodeShareFragment(fragment, { passphrase })).toEqual({
            ok: true,
            transcript,
          });
        },
      ),
      { numRuns: 8, examples: [[bigTranscript, 'correct horse battery staple']] },
    );
  });

  it('keeps hostile but valid content exactly as written (rendering safety is the UI’s job)', async () => {
    const transcript: SharedTranscript = {
      title: '<img src=x onerror=alert(1)>',
      messages: [
        { role: 'user', content: '<script>alert(1)</script> [click](javascript:alert(1))' },
        {
          role: 'assistant',
          reasoning: 'x'.repeat(1_000_000),
          answer: '</details>',
          status: 'done',
        },
      ],
    };
    const result = await decodeShareFragment(await encodeShareFragment(transcript));
    expect(result).toEqual({ ok: true, transcript });
  });

  it('accepts the fragment with its leading # and with line breaks', async () => {
    const transcript: SharedTranscript = {
      title: 't',
      messages: [{ role: 'user', content: 'hi' }],
    };
    const fragment = await encodeShareFragment(transcript);
    const wrapped = `#${fragment.slice(0, 5)}\n${fragment.slice(5)}`;
    expect(await decodeShareFragment(wrapped)).toEqual({ ok: true, transcript });
  });
});

const sample: SharedTranscript = {
  title: 'Sample',
  messages: [
    { role: 'user', content: 'Why is the sky blue?' },
    { role: 'assistant', reasoning: 'Rayleigh…', answer: 'Scattering.', status: 'done' },
  ],
};

describe('passphrases', () => {
  it('asks for a passphrase, and tells a wrong one apart from a damaged link', async () => {
    const fragment = await encodeShareFragment(sample, { passphrase: 'right', ...FAST });
    expect(errorKind(await decodeShareFragment(fragment))).toBe('needs-passphrase');
    expect(errorKind(await decodeShareFragment(fragment, { passphrase: '' }))).toBe(
      'needs-passphrase',
    );
    const wrong = await decodeShareFragment(fragment, { passphrase: 'wrong' });
    expect(wrong).toEqual({
      ok: false,
      error: { kind: 'wrong-passphrase', message: expect.stringMatching(/typos/) },
    });
    const cut = fragment.slice(0, -3);
    expect(errorKind(await decodeShareFragment(cut, { passphrase: 'right' }))).toBe('malformed');
  });

  it('salts every link, matches passphrases in any Unicode normal form, ignores one on plain links', async () => {
    const a = await encodeShareFragment(sample, { passphrase: 'café', ...FAST });
    const b = await encodeShareFragment(sample, { passphrase: 'café', ...FAST });
    expect(a).not.toBe(b);
    const nfd = 'café'.normalize('NFD');
    expect((await decodeShareFragment(a, { passphrase: nfd })).ok).toBe(true);
    const plain = await encodeShareFragment(sample, { passphrase: '' });
    expect(await decodeShareFragment(plain, { passphrase: 'x' })).toEqual({
      ok: true,
      transcript: sample,
    });
  });

  it('refuses to encode with an iteration count out of range, saying the range', async () => {
    for (const options of [
      { passphrase: 'p', iterations: 0 },
      { iterations: 0 },
      { iterations: 1.5 },
      { iterations: MAX_ITERATIONS + 1 },
    ]) {
      await expect(encodeShareFragment(sample, options)).rejects.toThrow(
        new ShareLinkEncodeError('invalid', `Iterations must be 1 to ${MAX_ITERATIONS}.`),
      );
    }
  });

  it('refuses a link that asks for an absurd number of iterations, without running them', async () => {
    const body = unseal(await encodeShareFragment(sample, { passphrase: 'p', ...FAST }));
    body.writeUInt32BE(0xffffffff, 0);
    expect(errorKind(await decodeShareFragment(seal('s1e.', body), { passphrase: 'p' }))).toBe(
      'unsupported-version',
    );
  });
});

describe('bad links', () => {
  it('reads the prefix only at the start of the fragment', async () => {
    const fragment = await encodeShareFragment(sample);
    expect(errorKind(await decodeShareFragment(`x${fragment}`))).toBe('malformed');
  });

  it('reports every truncation as malformed', async () => {
    const fragment = await encodeShareFragment(sample);
    for (let end = 0; end < fragment.length; end += 1) {
      expect(errorKind(await decodeShareFragment(fragment.slice(0, end)))).toBe('malformed');
    }
  });

  it('reports every changed character of the payload as malformed', async () => {
    const fragment = await encodeShareFragment(sample);
    const alphabet = 'AZaz09-_Q';
    for (let i = 3; i < fragment.length; i += 1) {
      const other = alphabet.split('').find((c) => c !== fragment[i]) ?? 'A';
      const flipped = fragment.slice(0, i) + other + fragment.slice(i + 1);
      expect(errorKind(await decodeShareFragment(flipped))).toBe('malformed');
    }
  });

  it.each(['+', '/', '=', '%', '!', 'é', '\u0000'])(
    'reports %j in the payload as malformed',
    async (c) => {
      const fragment = await encodeShareFragment(sample);
      const bad = fragment.slice(0, 10) + c + fragment.slice(11);
      expect(errorKind(await decodeShareFragment(bad))).toBe('malformed');
    },
  );

  it.each(['', 's1.', 'hello', 's1', 's1x.AAAA', 'S1.AAAA'])(
    'reports %j as malformed',
    async (fragment) => {
      expect(errorKind(await decodeShareFragment(fragment))).toBe('malformed');
    },
  );

  it.each(['s9.', 's9e.', 's2.', 's10.', 's0.'])(
    'reports a %s link as an unsupported version',
    async (prefix) => {
      const fragment = (await encodeShareFragment(sample)).replace('s1.', prefix);
      const result = await decodeShareFragment(fragment);
      expect(errorKind(result)).toBe('unsupported-version');
    },
  );

  it('stops a decompression bomb (50 MB of zeros) at 5 MB', async () => {
    const chunks: Uint8Array[] = [];
    const deflate = new Deflate({ level: 9 }, (chunk) => chunks.push(chunk));
    const zeros = new Uint8Array(1024 * 1024);
    for (let i = 0; i < 50; i += 1) deflate.push(zeros, i === 49);
    const bomb = seal('s1.', Buffer.concat(chunks));
    expect(bomb.length).toBeLessThan(100_000);
    inflated.bytes = 0;
    const result = await decodeShareFragment(bomb);
    expect(inflated.bytes).toBeLessThan(MAX_DECOMPRESSED_BYTES + 5 * 1024 * 1024);
    expect(result).toEqual({
      ok: false,
      error: { kind: 'too-large', message: expect.stringMatching(/5 MB/) },
    });
  });

  it('refuses a fragment over 8 MB before decoding it', async () => {
    const result = await decodeShareFragment(`s1.${'A'.repeat(8 * 1024 * 1024 + 1)}`);
    expect(errorKind(result)).toBe('too-large');
  });

  it.each([
    ['not JSON', '{"v":1,'],
    ['invalid UTF-8', new Uint8Array([0x22, 0xff, 0x22])],
  ])('reports %s inside a sound link as malformed', async (_, json) => {
    expect(errorKind(await decodeShareFragment(rawLink(json)))).toBe('malformed');
  });

  const user = { role: 'user', content: 'hi' };
  it.each([
    ['a system message', { v: 1, t: '', m: [{ role: 'system', content: 'x' }] }],
    ['a number for a string', { v: 1, t: '', m: [{ role: 'user', content: 42 }] }],
    [
      'an unknown status',
      { v: 1, t: '', m: [{ role: 'assistant', reasoning: '', answer: '', status: 'x' }] },
    ],
    ['a wrong inner version', { v: 2, t: '', m: [] }],
    ['a missing title', { v: 1, m: [] }],
    ['a title over 500 chars', { v: 1, t: 'x'.repeat(501), m: [] }],
    ['over 2,000 messages', { v: 1, t: '', m: Array.from({ length: 2_001 }, () => user) }],
    ['an API key field', { v: 1, t: '', m: [{ ...user, apiKey: 'sk-1' }] }],
    ['not an object', 'hello'],
  ])('reports %s as invalid', async (_, value) => {
    const result = await decodeShareFragment(rawLink(JSON.stringify(value)));
    expect(errorKind(result)).toBe('invalid');
  });

  it('reports __proto__ keys as invalid, and pollutes nothing', async () => {
    const json =
      '{"v":1,"t":"","m":[{"role":"user","content":"x","__proto__":{"polluted":true}}],"__proto__":{"polluted":true}}';
    const result = await decodeShareFragment(rawLink(json));
    expect(result).toEqual({
      ok: false,
      error: { kind: 'invalid', message: expect.stringMatching(/__proto__/) },
    });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('encodeShareFragment', () => {
  it('refuses transcripts no decoder would open', async () => {
    const invalid = { title: 'x'.repeat(501), messages: [] };
    await expect(encodeShareFragment(invalid)).rejects.toThrow(ShareLinkEncodeError);
    const huge = {
      title: '',
      messages: [{ role: 'user' as const, content: 'x'.repeat(MAX_DECOMPRESSED_BYTES) }],
    };
    await expect(encodeShareFragment(huge)).rejects.toMatchObject({ kind: 'too-large' });
  });
});
