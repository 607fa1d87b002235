import { useCallback, useEffect, useRef } from 'react';
import type { ProviderSettings } from '../../providers/provider-presets';
import { Composer } from './Composer';
import { MessageList } from './MessageList';
import { useChatSession } from './use-chat-session';

const EXAMPLES = [
  'Is 1,000,003 a prime number?',
  'Write a function that merges two sorted lists.',
  'Compare SQLite and PostgreSQL for a small web app.',
];

interface ChatPageProps {
  /** The provider to send to; `undefined` asks the person to open Settings. */
  settings: ProviderSettings | undefined;
  onOpenSettings: () => void;
}

/** The conversation and its composer. */
export function ChatPage({ settings, onOpenSettings }: ChatPageProps) {
  const { snapshot, session } = useChatSession();
  const composerRef = useRef<HTMLTextAreaElement>(null);
  // Message actions read the newest settings without changing identity, so memoized messages
  // don't re-render when settings are recomputed.
  const settingsRef = useRef(settings);
  useEffect(() => {
    settingsRef.current = settings;
  }, [settings]);
  const handleRetry = useCallback(
    (assistantId: string) => {
      const current = settingsRef.current;
      if (current !== undefined) void session.retry(assistantId, current);
    },
    [session],
  );
  const handleStop = useCallback(() => session.stop(), [session]);

  function send(text: string) {
    if (settings === undefined || settings.baseUrl === '' || settings.model === '') {
      onOpenSettings();
      return;
    }
    void session.send(text, settings);
    composerRef.current?.focus();
  }

  const status =
    settings === undefined
      ? 'No provider connected'
      : `${settings.providerName} · ${settings.model || 'no model chosen'}`;

  const empty = (
    <div className="flex flex-col items-center gap-4 pt-[12vh] text-center">
      <h2 className="text-2xl font-semibold tracking-tight">What should the model think about?</h2>
      <p className="max-w-md text-sm text-zinc-500 dark:text-zinc-400">
        Watch its reasoning stream into the Thinking panel, then read the answer below it.
      </p>
      <ul className="flex flex-wrap justify-center gap-2">
        {EXAMPLES.map((example) => (
          <li key={example}>
            <button
              type="button"
              onClick={() => send(example)}
              className="rounded-full border border-zinc-300 px-3 py-1.5 text-sm hover:border-brand hover:text-brand focus-visible:outline-2 focus-visible:outline-brand dark:border-zinc-700"
            >
              {example}
            </button>
          </li>
        ))}
      </ul>
    </div>
  );

  return (
    <>
      <MessageList
        messages={snapshot.messages}
        empty={empty}
        onRetry={handleRetry}
        onStop={handleStop}
      />
      <Composer
        ref={composerRef}
        isStreaming={snapshot.isStreaming}
        onSend={send}
        onStop={handleStop}
        status={status}
      />
    </>
  );
}
