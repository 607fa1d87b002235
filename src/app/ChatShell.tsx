import { useCallback, useState, useSyncExternalStore } from 'react';
import * as v from 'valibot';
import type { ChatMessage } from '../core/chat/chat-message';
import { ChatPage } from '../features/chat/ChatPage';
import { SettingsDialog } from '../features/settings/SettingsDialog';
import { preferencesStore } from '../features/settings/settings-store';
import { ThinkToggle } from '../features/settings/ThinkToggle';
import { useProviderSettings } from '../features/settings/use-provider-settings';
import { useThinkChoice } from '../features/settings/use-think-choice';
import { ShareDialog, type ShareTarget } from '../features/share/ShareDialog';
import { createLocalStore } from '../lib/local-store';
import { titleFrom } from '../storage/conversation-title';
import { DialogPart } from './DialogPart';
import type { ImportOutcome } from '../features/history/import-outcome';
import { LazyPart } from './LazyPart';
import { PartLoadError, preload } from './on-demand';
import { PartLoadFailure, PartLoading } from './PartStates';
import { importPart, settingsPart, sharePart, sidebarPart } from './parts';
import { useConversationUrl } from './use-conversation-url';
import type { StorageState } from './use-storage';

/** Whether the person dismissed the Demo notice (remembered in this browser). */
const demoNoticeStore = createLocalStore('ruminate.demoNoticeDismissed.v1', v.boolean(), false);

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

/** The chat screen: header, banners, conversation list, the chat itself and its dialogs. */
export function ChatShell({ storage }: { storage: StorageState }) {
  const { settings, presets, save } = useProviderSettings();
  const think = useThinkChoice(settings);
  const preferences = useSyncExternalStore(preferencesStore.subscribe, preferencesStore.load);
  const [conversationId, openConversation] = useConversationUrl();
  const [shareTarget, setShareTarget] = useState<ShareTarget>();
  const store = storage.store;
  const openShare = useCallback(
    async (target: {
      conversationId: string | undefined;
      messages: readonly ChatMessage[];
      messageId?: string;
    }) => {
      preload(sharePart);
      const saved =
        target.conversationId === undefined ? undefined : await store?.load(target.conversationId);
      const first = target.messages.find((m) => m.role === 'user');
      const title = saved?.record.title ?? titleFrom(first?.role === 'user' ? first.content : '');
      // The saved tree, with this tab's copies of the visible messages (a streaming reply is
      // saved only now and then).
      const all = new Map([...(saved?.messages ?? []), ...target.messages].map((m) => [m.id, m]));
      const tree = {
        id: saved?.record.id,
        title,
        systemPrompt: saved?.record.systemPrompt ?? '',
        versionChoices: saved?.record.versionChoices ?? {},
        messages: [...all.values()],
      };
      setShareTarget({
        title,
        messages: target.messages,
        messageId: target.messageId,
        conversationId: target.conversationId,
        tree,
      });
    },
    [store],
  );
  const handleShare = useCallback(
    (target: Parameters<typeof openShare>[0]) => void openShare(target),
    [openShare],
  );
  const handleImport = useCallback(
    async (text: string): Promise<ImportOutcome> => {
      // An earlier failed download is tried again.
      importPart.reset();
      const importer = await importPart.load().catch((error: PartLoadError) => error);
      if (importer instanceof PartLoadError) return { note: importer.message };
      const parsed = importer.parseJsonImport(text);
      if (!parsed.ok) return { note: parsed.error };
      if (store === undefined) return { note: 'Storage is not open yet.' };
      const plan = await importer
        .planImport(store, parsed.conversations)
        .catch((error: unknown) => {
          console.warn('Ruminate could not read the history to import:', error);
          return undefined;
        });
      if (plan === undefined)
        return { note: 'Nothing was imported: the history could not be read.' };
      const finish = async (conversations: typeof plan.fresh, skipped: number) => {
        const saved = await importer.saveImport(store, conversations);
        if (!saved.ok) return saved.error;
        if (saved.ids[0] !== undefined) openConversation(saved.ids[0]);
        const kept = `${plural(skipped, 'conversation')} already in your history`;
        if (saved.ids.length === 0) return `Nothing new to import: skipped ${kept}.`;
        const imported = `Imported ${plural(saved.ids.length, 'conversation')}.`;
        return skipped === 0 ? imported : `${imported} Skipped ${kept}.`;
      };
      const held = plan.duplicates.length;
      if (held === 0) return { note: await finish(plan.fresh, 0) };
      const title = plan.duplicates[0]?.record.title ?? '';
      return {
        question:
          held === 1
            ? `“${title}” is already in your history. Keep both copies, or skip it?`
            : `${held} of these conversations are already in your history. Keep both copies, or skip them?`,
        keepBoth: () => finish([...plan.fresh, ...plan.duplicates], 0),
        skip: () => finish(plan.fresh, held),
      };
    },
    [store, openConversation],
  );
  const [isSettingsOpen, setSettingsOpen] = useState(false);
  const [isSidebarOpen, setSidebarOpen] = useState(false);
  const isDemoNoticeDismissed = useSyncExternalStore(
    demoNoticeStore.subscribe,
    demoNoticeStore.load,
  );
  // Dismissed for this page even where storage refuses to remember it.
  const [isDemoNoticeClosed, setDemoNoticeClosed] = useState(false);
  const isDemo = settings?.presetId === 'demo' && !isDemoNoticeDismissed && !isDemoNoticeClosed;
  const dismissDemoNotice = () => {
    setDemoNoticeClosed(true);
    try {
      demoNoticeStore.save(true);
    } catch (error) {
      console.warn('Could not remember that the Demo notice was dismissed:', error);
    }
  };
  const [focusRequest, setFocusRequest] = useState(0);
  const openSettings = useCallback(() => setSettingsOpen(true), []);
  const preloadSettings = useCallback(() => preload(settingsPart), []);

  const open = (id: string | undefined) => {
    openConversation(id);
    setSidebarOpen(false);
    setFocusRequest((n) => n + 1);
  };

  return (
    <div className="flex h-dvh flex-col">
      <header className="paint-layer flex items-center gap-3 border-b border-zinc-200 px-4 py-2.5 dark:border-zinc-800">
        <button
          type="button"
          onClick={() => setSidebarOpen(!isSidebarOpen)}
          aria-expanded={isSidebarOpen}
          aria-controls="sidebar"
          className="rounded-lg border border-zinc-300 px-2.5 py-1.5 text-sm md:hidden dark:border-zinc-700"
        >
          History
        </button>
        <h1 className="flex items-center gap-2 text-base font-semibold tracking-tight">
          <img src="/favicon.svg" alt="" className="h-6 w-6" />
          Ruminate
        </h1>
        <span className="hidden truncate text-sm text-zinc-500 sm:inline dark:text-zinc-400">
          {settings === undefined ? 'No provider' : `${settings.providerName} · ${settings.model}`}
        </span>
        <button
          type="button"
          onClick={openSettings}
          onPointerEnter={preloadSettings}
          onFocus={preloadSettings}
          className="ml-auto rounded-lg border border-zinc-300 px-3 py-1.5 text-sm font-medium hover:bg-zinc-100 focus-visible:outline-2 focus-visible:outline-brand dark:border-zinc-700 dark:hover:bg-zinc-800"
        >
          Settings
        </button>
      </header>
      {isDemo && (
        <div
          role="note"
          className="flex items-start gap-2 border-b border-amber-200 bg-amber-50 px-4 py-1.5 text-xs text-amber-900 sm:items-center sm:justify-center sm:text-sm dark:border-amber-900 dark:bg-amber-950/40 dark:text-amber-200"
        >
          <p className="min-w-0 flex-1 sm:flex-none">
            Demo provider: scripted replies to show how Ruminate works.{' '}
            <button type="button" className="font-semibold underline" onClick={openSettings}>
              Connect a real model
            </button>{' '}
            in Settings.
          </p>
          <button
            type="button"
            aria-label="Dismiss the Demo notice"
            onClick={dismissDemoNotice}
            className="-my-1 shrink-0 rounded-md px-2 py-1 text-base leading-none hover:bg-amber-100 focus-visible:outline-2 focus-visible:outline-brand dark:hover:bg-amber-900/60"
          >
            ×
          </button>
        </div>
      )}
      {storage.problem !== undefined && (
        <div
          role="alert"
          data-testid="storage-banner"
          className="flex items-center justify-center gap-3 border-b border-red-200 bg-red-50 px-4 py-2 text-sm text-red-900 dark:border-red-900 dark:bg-red-950/40 dark:text-red-200"
        >
          <span>{storage.problem}</span>
          <button
            type="button"
            className="font-semibold underline"
            onClick={storage.dismissProblem}
          >
            Dismiss
          </button>
        </div>
      )}
      <div className="flex min-h-0 flex-1">
        <aside
          id="sidebar"
          className={`paint-layer ${isSidebarOpen ? 'block' : 'hidden'} w-full shrink-0 border-r border-zinc-200 md:block md:w-64 dark:border-zinc-800`}
        >
          {/* Rendered before storage opens, so the list's code downloads alongside it. */}
          <LazyPart
            part={sidebarPart}
            fallback={
              store === undefined ? null : <PartLoading part={sidebarPart} className="p-3" />
            }
            renderError={(error, retry) => (
              <PartLoadFailure message={error.message} onRetry={retry} className="p-3" />
            )}
          >
            {({ Sidebar }) =>
              store !== undefined && (
                <Sidebar
                  store={store}
                  currentId={conversationId}
                  onOpen={open}
                  onImport={handleImport}
                />
              )
            }
          </LazyPart>
        </aside>
        <main
          className={`${isSidebarOpen ? 'hidden md:flex' : 'flex'} min-h-0 min-w-0 flex-1 flex-col`}
        >
          {store !== undefined && storage.persistence !== undefined ? (
            <ChatPage
              key={store.db.name}
              settings={think.settings}
              onOpenSettings={openSettings}
              store={store}
              persistence={storage.persistence}
              conversationId={conversationId}
              onConversationCreated={openConversation}
              reasoningPolicy={preferences.reasoningPanel}
              onShare={handleShare}
              composerTools={<ThinkToggle choice={think} />}
              focusRequest={focusRequest}
            />
          ) : storage.failure !== undefined ? (
            <PartLoadFailure
              message={storage.failure}
              onRetry={storage.retry}
              className="m-auto max-w-md p-4"
            />
          ) : (
            <p className="m-auto text-sm text-zinc-500">Opening your conversations…</p>
          )}
        </main>
      </div>
      <ShareDialog target={shareTarget} onClose={() => setShareTarget(undefined)}>
        <DialogPart part={sharePart}>
          {({ ShareForm }) =>
            shareTarget !== undefined && (
              <ShareForm target={shareTarget} onClose={() => setShareTarget(undefined)} />
            )
          }
        </DialogPart>
      </ShareDialog>
      <SettingsDialog isOpen={isSettingsOpen} onClose={() => setSettingsOpen(false)}>
        <DialogPart part={settingsPart}>
          {({ SettingsFormPart }) => (
            <SettingsFormPart
              settings={settings}
              presets={presets}
              preferences={preferences}
              onSave={(next, nextPreferences) => {
                save(next);
                preferencesStore.save(nextPreferences);
                setSettingsOpen(false);
              }}
              onClose={() => setSettingsOpen(false)}
            />
          )}
        </DialogPart>
      </SettingsDialog>
    </div>
  );
}
