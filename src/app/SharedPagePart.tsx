import { useMemo } from 'react';
import { createId } from '../core/chat/create-id';
import type { SharedTranscript } from '../core/share/transcript';
import { toChatMessages } from '../core/share/to-chat-messages';
import { ReadOnlyMessages } from '../features/chat/ReadOnlyMessages';
import { openerFor, type SharedSource } from '../features/share/open-shared-source';
import { SharedTranscriptPage } from '../features/share/SharedTranscriptPage';

/** The shared-transcript page with its read-only messages: the part a share link downloads. */
export function SharedPage({
  source,
  onContinue,
  onLeave,
}: {
  /** The link's fragment, or the id and key of a short link. */
  source: SharedSource;
  /** Imports the transcript into local history and opens it. */
  onContinue: (transcript: SharedTranscript) => void;
  /** Leaves the shared view for the app. */
  onLeave: () => void;
}) {
  const key = JSON.stringify(source);
  // A new opener (and so a new fetch) only when the link itself changes.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const open = useMemo(() => openerFor(source), [key]);
  return (
    <SharedTranscriptPage
      open={open}
      renderTranscript={(transcript) => (
        <ReadOnlyMessages messages={toChatMessages(transcript, () => createId(), 0)} />
      )}
      onContinue={onContinue}
      onLeave={onLeave}
    />
  );
}
