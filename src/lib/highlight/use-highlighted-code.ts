import { useEffect, useMemo, useSyncExternalStore, type ReactNode } from 'react';
import { highlightCode, isLanguageReady, loadLanguage, subscribeToLanguages } from './highlighter';
import { resolveLanguage } from './languages';

/**
 * `code` highlighted for the fence label `language` (`ts`, `python`…), as React nodes with exactly
 * the text of `code`, or `undefined` to show it plain: while `enabled` is false (an unfinished
 * fence), for an unknown label, and until the grammar has loaded. The first block in a language
 * loads its grammar; the block then re-renders with colours, same text, so nothing moves. Once a
 * grammar is loaded, blocks in that language are highlighted in their first render.
 */
export function useHighlightedCode(
  code: string,
  language: string | undefined,
  enabled: boolean,
): ReactNode[] | undefined {
  const grammar = enabled ? resolveLanguage(language) : undefined;
  const isReady = useSyncExternalStore(
    subscribeToLanguages,
    () => grammar !== undefined && isLanguageReady(grammar),
  );
  useEffect(() => {
    if (grammar !== undefined && !isReady) void loadLanguage(grammar);
  }, [grammar, isReady]);
  return useMemo(
    () => (grammar !== undefined && isReady ? highlightCode(code, grammar) : undefined),
    [code, grammar, isReady],
  );
}
