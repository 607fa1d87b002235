import { useState } from 'react';
import { sealShare } from '../../core/share/sealed-share';
import type { SharedTranscript } from '../../core/share/transcript';
import { ShareLinkEncodeError } from '../../core/share/transcript-packing';
import { shortLinkDb, type ShortLinkRecord } from '../../storage/short-link-db';
import { deleteShare, ShareUploadError, uploadShare, type ShareExpiry } from './share-api';

/** The short link of the dialog; `key` names the choices it was made for. */
export type ShortLinkState =
  | { kind: 'idle' }
  | { kind: 'making'; key: string }
  | { kind: 'made'; key: string; link: ShortLinkRecord; isTokenKept: boolean; problem?: string }
  | { kind: 'error'; key: string; message: string }
  | { kind: 'deleted'; key: string };

/** What {@link useShortLink}'s `create` needs. */
export interface ShortLinkRequest {
  transcript: SharedTranscript;
  passphrase: string;
  expiry: ShareExpiry;
  conversationId: string;
  /** The choices the link is made for (see `ShareForm`). */
  key: string;
}

/**
 * Deletes a short link on the server and forgets its token here.
 * @returns `undefined` when it is gone, otherwise what went wrong, in words.
 */
export async function deleteShortLink(link: ShortLinkRecord): Promise<string | undefined> {
  const outcome = await deleteShare(link.id, link.deleteToken);
  if (outcome === 'unreachable')
    return 'Could not reach this server to delete the link. Try again.';
  if (outcome === 'forbidden')
    return 'The server refused: this browser’s delete token is not the link’s.';
  await shortLinkDb()
    .links.delete(link.id)
    .catch(() => undefined);
  return undefined;
}

/**
 * Makes short links: seals the transcript here, uploads only the sealed bytes, keeps the delete
 * token in this browser, and deletes the link again on request.
 */
export function useShortLink() {
  const [state, setState] = useState<ShortLinkState>({ kind: 'idle' });

  async function create(request: ShortLinkRequest) {
    const { key } = request;
    setState({ kind: 'making', key });
    try {
      const sealed = await sealShare(
        request.transcript,
        request.passphrase === '' ? {} : { passphrase: request.passphrase },
      );
      const created = await uploadShare(sealed.body, request.expiry);
      const link: ShortLinkRecord = {
        id: created.id,
        url: `${window.location.origin}/s/${created.id}#${sealed.key}`,
        deleteToken: created.deleteToken,
        conversationId: request.conversationId,
        title: request.transcript.title,
        createdAt: Date.now(),
        expiresAt: created.expiresAt,
      };
      const isTokenKept = await shortLinkDb()
        .links.put(link)
        .then(() => true)
        .catch(() => false);
      setState({ kind: 'made', key, link, isTokenKept });
    } catch (error) {
      const message =
        error instanceof ShareUploadError || error instanceof ShareLinkEncodeError
          ? error.message
          : 'The link could not be sealed in this browser.';
      setState({ kind: 'error', key, message });
    }
  }

  async function remove() {
    if (state.kind !== 'made') return;
    const problem = await deleteShortLink(state.link);
    setState(problem === undefined ? { kind: 'deleted', key: state.key } : { ...state, problem });
  }

  return { state, create, remove };
}
