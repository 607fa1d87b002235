import type { DecodeResult } from '../../core/share/share-link-codec';
import { SHARE_LINK_WORDS } from '../../core/share/share-link-error';
import { fetchSealedShare } from './share-api';

/** Where a shared transcript comes from: the link's own fragment, or this server's store. */
export type SharedSource =
  { kind: 'fragment'; fragment: string } | { kind: 'stored'; id: string; key: string };

/** Opens a source with an optional passphrase; `load-failed` when the decoder could not load. */
export type OpenShared = (passphrase?: string) => Promise<DecodeResult | 'load-failed'>;

/**
 * Makes the opener of a shared source. The decoders are downloaded on first use (most visits
 * never open a link), and a stored share is fetched once, then reopened from memory for each
 * passphrase tried; a failed fetch is tried again on the next call.
 */
export function openerFor(source: SharedSource): OpenShared {
  let body: Promise<Uint8Array | 'not-found' | 'unreachable'> | undefined;
  return async (passphrase) => {
    try {
      if (source.kind === 'fragment') {
        const codec = await import('../../core/share/share-link-codec');
        return codec.decodeShareFragment(source.fragment, { passphrase });
      }
      const sealed = await import('../../core/share/sealed-share');
      body ??= fetchSealedShare(source.id);
      const bytes = await body;
      if (bytes === 'not-found' || bytes === 'unreachable') {
        if (bytes === 'unreachable') body = undefined;
        return { ok: false, error: { kind: bytes, message: SHARE_LINK_WORDS[bytes] } };
      }
      return sealed.openSealedShare(bytes, source.key, { passphrase });
    } catch (error) {
      console.warn('Ruminate could not load the share-link decoder:', error);
      return 'load-failed';
    }
  };
}
