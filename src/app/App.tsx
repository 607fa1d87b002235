import { createId } from '../core/chat/create-id';
import { toChatMessages } from '../core/share/to-chat-messages';
import { ReadOnlyMessages } from '../features/chat/ReadOnlyMessages';
import { SharedTranscriptPage } from '../features/share/SharedTranscriptPage';
import { ChatShell } from './ChatShell';
import { importTranscripts } from './import-transcripts';
import { useConversationUrl } from './use-conversation-url';
import { useShareFragment } from './use-share-fragment';
import { useStorage } from './use-storage';

function Shell() {
  const [fragment, leaveShared] = useShareFragment();
  const storage = useStorage();
  const [, openConversation] = useConversationUrl();
  if (fragment !== undefined) {
    return (
      <SharedTranscriptPage
        fragment={fragment}
        renderTranscript={(transcript) => (
          <ReadOnlyMessages messages={toChatMessages(transcript, () => createId(), 0)} />
        )}
        onContinue={(transcript) => {
          if (storage.store === undefined) return;
          void importTranscripts(storage.store, [transcript]).then(([id]) => {
            leaveShared();
            openConversation(id);
          });
        }}
        onLeave={leaveShared}
      />
    );
  }
  return <ChatShell storage={storage} />;
}

/** The composition root: the shared-transcript page or the chat. */
export function App() {
  return <Shell />;
}
