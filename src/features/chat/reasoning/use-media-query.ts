import { useSyncExternalStore } from 'react';

/** One list per query, so reading it on every render creates nothing. */
const lists = new Map<string, MediaQueryList>();

function listOf(query: string): MediaQueryList | undefined {
  if (typeof window.matchMedia !== 'function') return undefined;
  let list = lists.get(query);
  if (list === undefined) lists.set(query, (list = window.matchMedia(query)));
  return list;
}

/** Whether a CSS media query matches now, following changes (false where `matchMedia` is missing). */
export function useMediaQuery(query: string): boolean {
  return useSyncExternalStore(
    (onChange) => {
      const list = listOf(query);
      list?.addEventListener('change', onChange);
      return () => list?.removeEventListener('change', onChange);
    },
    () => listOf(query)?.matches ?? false,
    () => false,
  );
}
