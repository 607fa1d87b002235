import { AppErrorBoundary } from '../components/ui/app-error-page';
import { ChatShell } from './ChatShell';
import { importTranscripts } from './import-transcripts';
import { LazyPart } from './LazyPart';
import { PartLoadFailure, PartLoading } from './PartStates';
import { sharedPagePart } from './parts';
import { openConversationUrl } from './use-conversation-url';
import { useSharedSource } from './use-shared-source';
import { useStorage } from './use-storage';

function Shell() {
  const [source, leaveShared] = useSharedSource();
  const storage = useStorage();
  if (source !== undefined) {
    return (
      <LazyPart
        part={sharedPagePart}
        fallback={<PartLoading part={sharedPagePart} className="p-6" />}
        renderError={(error, retry) => (
          <PartLoadFailure message={error.message} onRetry={retry} className="p-6" />
        )}
      >
        {({ SharedPage }) => (
          <SharedPage
            source={source}
            onContinue={(transcript) => {
              if (storage.store === undefined) return;
              void importTranscripts(storage.store, [transcript]).then(([id]) => {
                leaveShared();
                openConversationUrl(id);
              });
            }}
            onLeave={leaveShared}
          />
        )}
      </LazyPart>
    );
  }
  return <ChatShell storage={storage} />;
}

/** The composition root: the shared-transcript page or the chat. */
export function App() {
  return (
    <AppErrorBoundary>
      <Shell />
    </AppErrorBoundary>
  );
}
