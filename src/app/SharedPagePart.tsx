import { createId } from '../core/chat/create-id';
import type { SharedTranscript } from '../core/share/transcript';
import { toChatMessages } from '../core/share/to-chat-messages';
import { ReadOnlyMessages } from '../features/chat/ReadOnlyMessages';
import { SharedTranscriptPage } from '../features/share/SharedTranscriptPage';

/** The shared-transcript page with its read-only messages: the part a share link downloads. */
export function SharedPage({
  fragment,
  onContinue,
  onLeave,
}: {
  /** The URL fragment, without `#`. */
  fragment: string;
  /** Imports the transcript into local history and opens it. */
  onContinue: (transcript: SharedTranscript) => void;
  /** Leaves the shared view for the app. */
  onLeave: () => void;
}) {
  return (
    <SharedTranscriptPage
      fragment={fragment}
      renderTranscript={(transcript) => (
        <ReadOnlyMessages messages={toChatMessages(transcript, () => createId(), 0)} />
      )}
      onContinue={onContinue}
      onLeave={onLeave}
    />
  );
}
