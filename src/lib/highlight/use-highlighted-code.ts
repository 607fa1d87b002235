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
  const isReady = grammar !== undefined && isLanguageReady(grammar);
  // Re-renders this block at its turn after a grammar arrives, while it waits for one.
  useStaggeredRelease(languageArrival, grammar !== undefined && !isReady);
  useEffect(() => {
    if (grammar !== undefined && !isReady) void loadLanguage(grammar);
  }, [grammar, isReady]);
  return useMemo(
    () => (grammar !== undefined && isReady ? highlightCode(code, grammar) : undefined),
    [code, grammar, isReady],
  );
}
