import { describe, expect, it } from 'vitest';
import { passphraseStrength } from './passphrase-strength';

describe('passphrase strength hint', () => {
  it.each([
    ['', 'empty'],
    ['hunter2', 'weak'],
    ['aaaaaaaaaaaaaaaaaaaaaa', 'weak'],
    ['correct horse', 'weak'],
    ['correct horse battery', 'weak'],
    ['correct horse battery staple', 'fair'],
    ['abcdefghij', 'fair'],
    ['correct horse battery staple orbit', 'strong'],
    ['xK9#mP2$vL5@', 'strong'],
  ] as const)('rates %j as %s', (passphrase, level) => {
    expect(passphraseStrength(passphrase).level).toBe(level);
  });

  it('counts words, not letters, in a phrase with spaces', () => {
    expect(passphraseStrength('one two three four').bits).toBe(52);
    expect(passphraseStrength('onetwosixfour').bits).toBe(Math.round(13 * Math.log2(26)));
  });

  it.each([
    ['aaaa', 5],
    ['abc', 14],
    ['ABC', 14],
    ['123', 10],
    ['!?#', 15],
    ['aB1!', 26],
    ['a b c d e', 53],
  ] as const)(
    'gives %j %i bits: repeats count once, character classes set the alphabet',
    (text, bits) => {
      expect(passphraseStrength(text).bits).toBe(bits);
    },
  );

  it('is fair from 40 bits and strong from 60', () => {
    expect(passphraseStrength('12'.repeat(6))).toMatchObject({ bits: 40, level: 'fair' });
    expect(passphraseStrength('12'.repeat(9))).toMatchObject({ bits: 60, level: 'strong' });
  });
});
