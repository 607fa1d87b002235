import { useEffect, useMemo, type ReactNode } from 'react';
import { useStaggeredRelease } from '../staggered-release';
import { highlightCode, isLanguageReady, languageArrival, loadLanguage } from './highlighter';
import { resolveLanguage } from './languages';

/**
 * `code` highlighted for the fence label `language` (`ts`, `python`…), as React nodes with exactly
 * the text of `code`, or `undefined` to show it plain: while `enabled` is false (an unfinished
 * fence), for an unknown label, and until the grammar has loaded. The first block in a language
 * loads its grammar; the block then re-renders with colours, same text, so nothing moves. Once a
 * grammar is loaded, blocks in that language are highlighted in their first render. Blocks already
 * shown when a grammar arrives re-render a few per task (see `StaggeredRelease`).
 */
export function useHighlightedCode(
  code: string,
  language: string | undefined,
  enabled: boolean,
): ReactNode[] | undefined {
  const grammar = enabled ? resolveLanguage(language) : undefined;
  const version = useStaggeredRelease(languageArrival, grammar !== undefined);
  const isReady = useMemo(
    () => grammar !== undefined && isLanguageReady(grammar),
    // `version` changes at this block's turn after a grammar arrives: look again then.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [grammar, version],
  );
  useEffect(() => {
    if (grammar !== undefined && !isReady) void loadLanguage(grammar);
  }, [grammar, isReady]);
  return useMemo(
    () => (grammar !== undefined && isReady ? highlightCode(code, grammar) : undefined),
    [code, grammar, isReady],
  );
}
