import { useCallback, useEffect, useState } from 'react';

const PARAM = 'c';

function readId(): string | undefined {
  return new URLSearchParams(window.location.search).get(PARAM) ?? undefined;
}

/**
 * The open conversation, kept in the URL (`?c=<id>`) so a reload reopens it and two tabs can show
 * the same one. Back and forward move between conversations.
 */
export function useConversationUrl(): [string | undefined, (id: string | undefined) => void] {
  const [id, setId] = useState(readId);

  useEffect(() => {
    const onPopState = () => setId(readId());
    window.addEventListener('popstate', onPopState);
    return () => window.removeEventListener('popstate', onPopState);
  }, []);

  const open = useCallback((next: string | undefined) => {
    const url = new URL(window.location.href);
    if (next === undefined) url.searchParams.delete(PARAM);
    else url.searchParams.set(PARAM, next);
    if (url.href !== window.location.href) window.history.pushState(null, '', url);
    setId(next);
  }, []);

  return [id, open];
}
