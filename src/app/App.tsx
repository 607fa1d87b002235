import { QueryClientProvider } from '@tanstack/react-query';
import { useState } from 'react';
import { ChatPage } from '../features/chat/ChatPage';
import { SettingsDialog } from '../features/settings/SettingsDialog';
import { useProviderSettings } from '../features/settings/use-provider-settings';
import { queryClient } from '../lib/query-client';

function Shell() {
  const { settings, presets, save } = useProviderSettings();
  const [isSettingsOpen, setSettingsOpen] = useState(false);
  const isDemo = settings?.presetId === 'demo';

  return (
    <div className="flex h-dvh flex-col">
      <header className="flex items-center gap-3 border-b border-zinc-200 px-4 py-2.5 dark:border-zinc-800">
        <h1 className="flex items-center gap-2 text-base font-semibold tracking-tight">
          <img src="/favicon.svg" alt="" className="h-6 w-6" />
          Ruminate
        </h1>
        <span className="hidden truncate text-sm text-zinc-500 sm:inline dark:text-zinc-400">
          {settings === undefined ? 'No provider' : `${settings.providerName} · ${settings.model}`}
        </span>
        <button
          type="button"
          onClick={() => setSettingsOpen(true)}
          className="ml-auto rounded-lg border border-zinc-300 px-3 py-1.5 text-sm font-medium hover:bg-zinc-100 focus-visible:outline-2 focus-visible:outline-brand dark:border-zinc-700 dark:hover:bg-zinc-800"
        >
          Settings
        </button>
      </header>
      {isDemo && (
        <p
          role="note"
          className="border-b border-amber-200 bg-amber-50 px-4 py-2 text-center text-sm text-amber-900 dark:border-amber-900 dark:bg-amber-950/40 dark:text-amber-200"
        >
          Demo provider: scripted replies to show how Ruminate works.{' '}
          <button
            type="button"
            className="font-semibold underline"
            onClick={() => setSettingsOpen(true)}
          >
            Connect a real model
          </button>{' '}
          in Settings.
        </p>
      )}
      <main className="flex min-h-0 flex-1 flex-col">
        <ChatPage settings={settings} onOpenSettings={() => setSettingsOpen(true)} />
      </main>
      <SettingsDialog
        isOpen={isSettingsOpen}
        settings={settings}
        presets={presets}
        onSave={(next) => {
          save(next);
          setSettingsOpen(false);
        }}
        onClose={() => setSettingsOpen(false)}
      />
    </div>
  );
}

/** The composition root: providers and layout. */
export function App() {
  return (
    <QueryClientProvider client={queryClient}>
      <Shell />
    </QueryClientProvider>
  );
}
