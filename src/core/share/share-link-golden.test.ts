/**
 * Format version 1 links, made once by the v1 encoder and kept forever: every later decoder must
 * still open them to exactly these transcripts.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeShareFragment } from './share-link-codec';
import type { SharedTranscript } from './transcript';

function golden(name: string): string {
  return readFileSync(new URL(`./__golden__/${name}`, import.meta.url), 'utf8');
}

const unicode: SharedTranscript = {
  title: '量子コンピュータ 🧠 — Ünïcödé test',
  messages: [
    { role: 'user', content: 'Explain 𝔮𝔲𝔞𝔫𝔱𝔲𝔪 in 中文 and 한국어, please 👋🏽 👨‍👩‍👧' },
    {
      role: 'assistant',
      reasoning:
        'The user wants 中文 and 한국어.\nLet me think… 🤔\n\n```js\nconst x = "</details>";\n```\nOK: Ω ≈ ∑ 𝑥ᵢ',
      answer: '**量子** (quantum) — 양자. 🚀\n\n- superposition\n- entanglement',
      status: 'done',
      finishReason: 'stop',
      timing: {
        requestSentAt: 1_700_000_000_000,
        firstReasoningAt: 1_700_000_000_400,
        firstAnswerAt: 1_700_000_012_900,
        endedAt: 1_700_000_015_000,
      },
      usage: { promptTokens: 21, completionTokens: 480, reasoningTokens: 350, totalTokens: 501 },
      model: 'deepseek-reasoner',
    },
    { role: 'user', content: 'And again, shorter?' },
    {
      role: 'assistant',
      reasoning: 'Shorter… ',
      answer: '',
      status: 'error',
      timing: {
        requestSentAt: 1_700_000_020_000,
        firstReasoningAt: 1_700_000_020_500,
        endedAt: 1_700_000_021_000,
      },
      model: 'deepseek-reasoner',
      error: {
        kind: 'http',
        message: 'Rate limit reached — retry in 20 s',
        status: 429,
        code: 'rate_limit_exceeded',
      },
    },
  ],
};
const noReasoning: SharedTranscript = {
  title: 'No reasoning shared',
  messages: [
    { role: 'user', content: 'Write a haiku about links.' },
    {
      role: 'assistant',
      reasoning: '',
      answer: 'A hash, then the words—\nno server keeps what you send,\nthe link is the page.',
      status: 'truncated',
      finishReason: 'length',
      model: 'qwen3-32b',
    },
    { role: 'user', content: '' },
    { role: 'assistant', reasoning: '', answer: 'Partial', status: 'interrupted' },
  ],
};
const encrypted: SharedTranscript = {
  title: 'Secret plans 🔐',
  messages: [
    { role: 'user', content: 'Is this private? 秘密' },
    {
      role: 'assistant',
      reasoning: 'Only someone with the passphrase can read it.',
      answer: 'Yes: AES-GCM with a PBKDF2 key.',
      status: 'stopped',
      timing: { firstReasoningAt: 10, firstAnswerAt: 2_010 },
    },
  ],
};

describe('format version 1 golden links', () => {
  it.each([
    ['v1-plain-unicode-reasoning.txt', unicode],
    ['v1-plain-no-reasoning.txt', noReasoning],
  ])('opens %s', async (name, transcript) => {
    expect(golden(name).startsWith('s1.')).toBe(true);
    expect(await decodeShareFragment(golden(name))).toEqual({ ok: true, transcript });
  });

  it('opens v1-encrypted.txt with its passphrase (600,000 PBKDF2 iterations), and only with it', async () => {
    const fragment = golden('v1-encrypted.txt');
    expect(fragment.startsWith('s1e.')).toBe(true);
    const passphrase = 'correct horse battery staple';
    expect(await decodeShareFragment(fragment, { passphrase })).toEqual({
      ok: true,
      transcript: encrypted,
    });
    const wrong = await decodeShareFragment(fragment, {
      passphrase: 'Correct horse battery staple',
    });
    expect(wrong.ok ? 'ok' : wrong.error.kind).toBe('wrong-passphrase');
  });

  it('stores the iteration count in the encrypted link', () => {
    const payload = Buffer.from(golden('v1-encrypted.txt').trim().slice(4), 'base64url');
    expect(payload.readUInt32BE(0)).toBe(600_000);
  });
});
