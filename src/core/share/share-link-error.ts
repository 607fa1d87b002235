/**
 * Why a share link could not be opened, for both kinds of link: the self-contained fragment link
 * (`share-link-codec.ts`) and the short link to a stored sealed copy (`sealed-share.ts`).
 */

/** Why a link could not be opened. `message` says what the person can do about it. */
export interface ShareLinkError {
  kind:
    | 'malformed'
    | 'unsupported-version'
    | 'too-large'
    | 'invalid'
    | 'needs-passphrase'
    | 'wrong-passphrase'
    | 'missing-key'
    | 'wrong-key'
    | 'tampered'
    | 'not-found'
    | 'unreachable';
  message: string;
}

/** The words for each kind, plus `too-long` (a `too-large` fragment). */
export const SHARE_LINK_WORDS: Record<ShareLinkError['kind'] | 'too-long', string> = {
  malformed:
    'This link is damaged or incomplete. Copy the whole link again: some apps cut long links or change characters in them.',
  'unsupported-version':
    'This link was made by a newer version of Ruminate. Open it there, or ask for a new link.',
  'too-long': 'This link is too long to open (over 8 MB). Ask the sender for an exported file.',
  'too-large':
    'This link unpacks to more than 5 MB, more than Ruminate opens from a link. Ask the sender for an exported file.',
  invalid:
    'This link opened but does not hold a valid conversation. Ask the sender for a new link.',
  'needs-passphrase':
    'This link is protected with a passphrase. Enter the passphrase the sender gave you.',
  'wrong-passphrase': 'That passphrase does not open this link. Check it for typos and try again.',
  'missing-key':
    'This link has lost its key (the part after #). Copy the whole link again: some apps drop that part.',
  'wrong-key':
    'The key in this link does not open this conversation. Copy the whole link again: a character may have changed.',
  tampered:
    'The stored copy of this conversation was altered, so Ruminate will not show it. Ask the sender for a new link.',
  'not-found':
    'This conversation is no longer on this server: its link was deleted or has expired. Ask the sender for a new link.',
  unreachable:
    'Ruminate could not reach this server to fetch the conversation. Check your connection and try again.',
};

/** Thrown inside decoders and turned into a result at their edge. */
export class DecodeFailure extends Error {
  constructor(readonly error: ShareLinkError) {
    super(error.message);
    this.name = 'DecodeFailure';
  }
}

/** Stops decoding with the given kind (and its standard words unless `message` is given). */
export function fail(
  kind: ShareLinkError['kind'],
  message: string = SHARE_LINK_WORDS[kind],
): never {
  throw new DecodeFailure({ kind, message });
}
