/**
 * The on-demand loader of the highlighter (`highlight-runtime`, a chunk of its own) and its
 * grammars, announcing each grammar's arrival to the code blocks waiting for one.
 */
import type { ReactNode } from 'react';
import { StaggeredRelease } from '../staggered-release';
import type { HighlightLanguage } from './languages';

type HighlightRuntime = typeof import('./highlight-runtime');

let runtime: HighlightRuntime | undefined;
let runtimeLoading: Promise<HighlightRuntime> | undefined;
const languageLoading = new Map<HighlightLanguage, Promise<boolean>>();

/**
 * Announced each time a grammar becomes ready: code blocks waiting for one re-render a few per
 * task, newest first (see `StaggeredRelease`).
 */
export const languageArrival = new StaggeredRelease();

/** Loads the highlighter chunk once; later calls get the same promise. Rejects if it fails. */
export function loadHighlighter(): Promise<HighlightRuntime> {
  runtimeLoading ??= import('./highlight-runtime').then((module) => {
    runtime = module;
    return module;
  });
  return runtimeLoading;
}

/**
 * Loads the highlighter and the grammar for `language`, once per language, and tells subscribers.
 * Resolves to `false` (and is not retried) when a chunk cannot be loaded: that code stays plain.
 */
export function loadLanguage(language: HighlightLanguage): Promise<boolean> {
  let loading = languageLoading.get(language);
  if (loading === undefined) {
    loading = loadHighlighter()
      .then((module) => module.registerLanguage(language))
      .then(
        () => {
          languageArrival.announce();
          return true;
        },
        (error: unknown) => {
          console.warn(`Highlighting for ${language} is unavailable.`, error);
          return false;
        },
      );
    languageLoading.set(language, loading);
  }
  return loading;
}

/** Whether `language` can be highlighted right now, without waiting. */
export function isLanguageReady(language: HighlightLanguage): boolean {
  return runtime?.isLanguageRegistered(language) ?? false;
}

/** Recently highlighted code, so the same block rendered again (the final render) is free. */
const cache = new Map<string, ReactNode[] | undefined>();
const CACHE_ENTRIES = 200;
const CACHED_LENGTH = 20_000;

/**
 * `code` highlighted as `language`, as React nodes with exactly the text of `code`; `undefined`
 * when the language is not ready (see {@link loadLanguage}) or highlighting fails.
 */
export function highlightCode(code: string, language: HighlightLanguage): ReactNode[] | undefined {
  if (runtime === undefined || !runtime.isLanguageRegistered(language)) return undefined;
  if (code.length > CACHED_LENGTH) return runtime.highlightToReact(code, language);
  const key = `${language}\n${code}`;
  if (cache.has(key)) {
    const nodes = cache.get(key);
    cache.delete(key);
    cache.set(key, nodes);
    return nodes;
  }
  const nodes = runtime.highlightToReact(code, language);
  cache.set(key, nodes);
  if (cache.size > CACHE_ENTRIES) cache.delete(cache.keys().next().value ?? key);
  return nodes;
}
