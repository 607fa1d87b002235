import { useCallback, useEffect, useState } from 'react';
import { SHARE_FRAGMENT_PREFIXES } from '../core/share/share-fragment-prefixes';
import type { SharedSource } from '../features/share/open-shared-source';

/** The path of a short link: `/s/<id>`. */
const SHORT_LINK_PATH = /^\/s\/([^/]+)\/?$/;

function readSource(): SharedSource | undefined {
  const fragment = window.location.hash.slice(1);
  const short = SHORT_LINK_PATH.exec(window.location.pathname);
  if (short !== null) return { kind: 'stored', id: short[1] ?? '', key: fragment };
  const isShare = Object.values(SHARE_FRAGMENT_PREFIXES).some((p) => fragment.startsWith(p));
  // Any `s<digits>` prefix is treated as a share link, so a link from a newer version gets a clear
  // "unsupported version" page instead of the chat.
  return isShare || /^s\d+e?\./.test(fragment) ? { kind: 'fragment', fragment } : undefined;
}

/**
 * The shared transcript the current URL points at, if any: a self-contained link (`#s1.…`) or a
 * short link (`/s/<id>#<key>`). Fragments never reach a server: browsers do not send them. The
 * second value leaves the shared view for the chat at `/`.
 */
export function useSharedSource(): [SharedSource | undefined, () => void] {
  const [source, setSource] = useState(readSource);
  useEffect(() => {
    const onChange = () => setSource(readSource());
    window.addEventListener('hashchange', onChange);
    window.addEventListener('popstate', onChange);
    return () => {
      window.removeEventListener('hashchange', onChange);
      window.removeEventListener('popstate', onChange);
    };
  }, []);
  const leave = useCallback(() => {
    const url = new URL(window.location.href);
    url.hash = '';
    if (SHORT_LINK_PATH.test(url.pathname)) url.pathname = '/';
    window.history.pushState(null, '', url);
    setSource(undefined);
  }, []);
  return [source, leave];
}
