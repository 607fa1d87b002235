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
});
