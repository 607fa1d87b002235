import { useCallback, useEffect, useState } from 'react';
import { SHARE_FRAGMENT_PREFIXES } from '../core/share/share-fragment-prefixes';

function readFragment(): string | undefined {
  const fragment = window.location.hash.slice(1);
  const isShare = Object.values(SHARE_FRAGMENT_PREFIXES).some((p) => fragment.startsWith(p));
  // Any `s<digits>` prefix is treated as a share link, so a link from a newer version gets a clear
  // "unsupported version" page instead of the chat.
  return isShare || /^s\d+e?\./.test(fragment) ? fragment : undefined;
}

/**
 * The share-link fragment of the current URL (`#s1.…`), if any. The fragment never reaches a
 * server: browsers do not send it.
 */
export function useShareFragment(): [string | undefined, () => void] {
  const [fragment, setFragment] = useState(readFragment);
  useEffect(() => {
    const onHashChange = () => setFragment(readFragment());
    window.addEventListener('hashchange', onHashChange);
    return () => window.removeEventListener('hashchange', onHashChange);
  }, []);
  const clear = useCallback(() => {
    const url = new URL(window.location.href);
    url.hash = '';
    window.history.pushState(null, '', url);
    setFragment(undefined);
  }, []);
  return [fragment, clear];
}
