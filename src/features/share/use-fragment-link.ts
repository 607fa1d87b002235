import { useEffect, useState } from 'react';
import { encodeShareFragment, ShareLinkEncodeError } from '../../core/share/share-link-codec';
import type { SharedTranscript } from '../../core/share/transcript';

/** A self-contained link, or why it could not be made; `key` names the choices it was made for. */
export type FragmentLink = ({ url: string } | { error: string }) & { key: string };

/**
 * Encodes the transcript into a self-contained link whenever `inputKey` changes (a passphrase once
 * typing pauses: key derivation takes a moment). Does nothing while `isEnabled` is false.
 * Each result remembers the choices it was made for, so a link made before a change (say, before a
 * passphrase was typed) is never shown as the current one.
 */
export function useFragmentLink(
  transcript: SharedTranscript,
  passphrase: string,
  inputKey: string,
  isEnabled: boolean,
): FragmentLink | undefined {
  const [link, setLink] = useState<FragmentLink>();
  useEffect(() => {
    if (!isEnabled) return;
    let isCurrent = true;
    const encode = () =>
      encodeShareFragment(transcript, passphrase === '' ? {} : { passphrase })
        .then((fragment) => {
          const url = new URL(window.location.href);
          url.pathname = '/';
          url.search = '';
          url.hash = fragment;
          if (isCurrent) setLink({ url: url.href, key: inputKey });
        })
        .catch((error: unknown) => {
          const message =
            error instanceof ShareLinkEncodeError
              ? error.message
              : 'The link could not be made in this browser.';
          if (isCurrent) setLink({ error: message, key: inputKey });
        });
    const timer = setTimeout(() => void encode(), passphrase === '' ? 0 : 400);
    return () => {
      isCurrent = false;
      clearTimeout(timer);
    };
    // The transcript and passphrase are part of the key; re-encode only when it changes.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [inputKey, isEnabled]);
  return link?.key === inputKey ? link : undefined;
}
