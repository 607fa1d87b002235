import { useSyncExternalStore } from 'react';

const PARAM = 'c';

/** Called when this page changes the URL itself (`pushState` fires no event). */
const listeners = new Set<() => void>();

function readId(): string | undefined {
  return new URLSearchParams(window.location.search).get(PARAM) ?? undefined;
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  window.addEventListener('popstate', listener);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('popstate', listener);
  };
}

/**
 * Opens a conversation (or none) by writing its id to the URL as a new history entry, and tells
 * every reader of {@link useConversationUrl}.
 */
export function openConversationUrl(id: string | undefined): void {
  const url = new URL(window.location.href);
  if (id === undefined) url.searchParams.delete(PARAM);
  else url.searchParams.set(PARAM, id);
  if (url.href === window.location.href) return;
  window.history.pushState(null, '', url);
  for (const listener of listeners) listener();
}

/**
 * The open conversation, kept in the URL (`?c=<id>`) so a reload reopens it and two tabs can show
 * the same one. The URL is the only copy: every component that calls this reads the same value.
 * Back and forward move between conversations.
 */
export function useConversationUrl(): [string | undefined, (id: string | undefined) => void] {
  const id = useSyncExternalStore(subscribe, readId);
  return [id, openConversationUrl];
}
