/**
 * A rough strength hint for a share passphrase. Links protected by a passphrase can be attacked
 * offline by whoever holds the link (each guess costs one PBKDF2 run of 600,000 iterations), so
 * the hint asks for about 60 bits: five or more random words, or 10+ mixed characters.
 *
 * The estimate: a passphrase with spaces counts 13 bits per word of 3+ letters (a word drawn from
 * a Diceware-sized list of 7,776); otherwise, length × log2 of the character classes it uses (lower 26,
 * upper 26, digits 10, other 33). A run of one repeated character counts once.
 */

/** The hint's level and words. */
export interface PassphraseStrength {
  level: 'empty' | 'weak' | 'fair' | 'strong';
  /** Estimated bits (see the module doc); 0 when empty. */
  bits: number;
  message: string;
}

const MESSAGES: Record<PassphraseStrength['level'], string> = {
  empty: 'Choose a passphrase, and tell it to your readers apart from the link.',
  weak: 'Weak: whoever gets the link could guess it. Use five or more random words.',
  fair: 'Fair: a random word or two more would make it strong.',
  strong: 'Strong.',
};

/** Estimates a passphrase's strength; linear in its length. */
export function passphraseStrength(passphrase: string): PassphraseStrength {
  const text = passphrase.normalize('NFC').replace(/(.)\1+/gu, '$1');
  if (passphrase === '') return { level: 'empty', bits: 0, message: MESSAGES.empty };
  let bits: number;
  const words = text.split(/\s+/u).filter((word) => [...word].length >= 3);
  if (words.length >= 2) {
    bits = words.length * 13;
  } else {
    let classes = 0;
    if (/\p{Ll}/u.test(text)) classes += 26;
    if (/\p{Lu}/u.test(text)) classes += 26;
    if (/\p{N}/u.test(text)) classes += 10;
    if (/[^\p{Ll}\p{Lu}\p{N}]/u.test(text)) classes += 33;
    bits = Math.round([...text].length * Math.log2(Math.max(classes, 2)));
  }
  const level = bits >= 60 ? 'strong' : bits >= 40 ? 'fair' : 'weak';
  return { level, bits, message: MESSAGES[level] };
}
