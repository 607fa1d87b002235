/**
 * The highlighter, loaded on demand: highlight.js's core (no grammars) in this chunk and each
 * grammar in a chunk of its own, fetched the first time a code block in that language appears.
 */
import type { LanguageFn } from 'highlight.js';
import hljs from 'highlight.js/lib/core';
import { createElement, type ReactNode } from 'react';
import { parseHighlightHtml, textOfHighlight, type HighlightNode } from './highlight-html';
import type { HighlightLanguage } from './languages';

type GrammarModule = { default: LanguageFn };

const GRAMMARS: Record<HighlightLanguage, () => Promise<GrammarModule>> = {
  bash: () => import('highlight.js/lib/languages/bash'),
  c: () => import('highlight.js/lib/languages/c'),
  cpp: () => import('highlight.js/lib/languages/cpp'),
  csharp: () => import('highlight.js/lib/languages/csharp'),
  css: () => import('highlight.js/lib/languages/css'),
  diff: () => import('highlight.js/lib/languages/diff'),
  dockerfile: () => import('highlight.js/lib/languages/dockerfile'),
  go: () => import('highlight.js/lib/languages/go'),
  graphql: () => import('highlight.js/lib/languages/graphql'),
  haskell: () => import('highlight.js/lib/languages/haskell'),
  ini: () => import('highlight.js/lib/languages/ini'),
  java: () => import('highlight.js/lib/languages/java'),
  javascript: () => import('highlight.js/lib/languages/javascript'),
  json: () => import('highlight.js/lib/languages/json'),
  kotlin: () => import('highlight.js/lib/languages/kotlin'),
  latex: () => import('highlight.js/lib/languages/latex'),
  less: () => import('highlight.js/lib/languages/less'),
  lua: () => import('highlight.js/lib/languages/lua'),
  makefile: () => import('highlight.js/lib/languages/makefile'),
  markdown: () => import('highlight.js/lib/languages/markdown'),
  php: () => import('highlight.js/lib/languages/php'),
  powershell: () => import('highlight.js/lib/languages/powershell'),
  python: () => import('highlight.js/lib/languages/python'),
  r: () => import('highlight.js/lib/languages/r'),
  ruby: () => import('highlight.js/lib/languages/ruby'),
  rust: () => import('highlight.js/lib/languages/rust'),
  scala: () => import('highlight.js/lib/languages/scala'),
  scss: () => import('highlight.js/lib/languages/scss'),
  shell: () => import('highlight.js/lib/languages/shell'),
  sql: () => import('highlight.js/lib/languages/sql'),
  swift: () => import('highlight.js/lib/languages/swift'),
  typescript: () => import('highlight.js/lib/languages/typescript'),
  xml: () => import('highlight.js/lib/languages/xml'),
  yaml: () => import('highlight.js/lib/languages/yaml'),
};

/** Grammars a grammar hands parts to (`<style>` in HTML, commands in a shell session). */
const EMBEDDED: Partial<Record<HighlightLanguage, readonly HighlightLanguage[]>> = {
  xml: ['css', 'javascript'],
  shell: ['bash'],
  dockerfile: ['bash'],
};

/** Code longer than this (in UTF-16 code units) stays plain: highlighting it would stall a frame. */
export const MAX_HIGHLIGHT_LENGTH = 100_000;

/**
 * Loads and registers `language` and the grammars it embeds. Rejects when a grammar's chunk
 * cannot be loaded.
 */
export async function registerLanguage(language: HighlightLanguage): Promise<void> {
  const names = [language, ...(EMBEDDED[language] ?? [])];
  const modules = await Promise.all(names.map((name) => GRAMMARS[name]()));
  names.forEach((name, index) => {
    const grammar = modules[index]?.default;
    if (grammar !== undefined && hljs.getLanguage(name) === undefined) {
      hljs.registerLanguage(name, grammar);
    }
  });
}

/** Whether `language` is registered, so {@link highlightToReact} can use it right away. */
export function isLanguageRegistered(language: HighlightLanguage): boolean {
  return hljs.getLanguage(language) !== undefined;
}

/**
 * `code` highlighted as `language` (registered first), as React nodes: `<span className="hljs-…">`
 * elements around text nodes, whose text is exactly `code`. `undefined` when the code is too long
 * ({@link MAX_HIGHLIGHT_LENGTH}) or highlighting fails in any way; the caller shows plain text.
 *
 * Why not `dangerouslySetInnerHTML`: highlight.js returns HTML (`HighlightResult.value`). It is
 * escaped, but injecting it would still trust its escaping forever. Its emitter tree
 * (`_emitter`) would avoid the HTML, but is private and changed shape in 11.x. So the public HTML
 * is parsed back with a strict reader that accepts only class-only spans and the five entities
 * highlight.js emits (`parseHighlightHtml`), the resulting text is checked to equal `code`
 * character for character, and React renders it as ordinary elements and escaped text.
 */
export function highlightToReact(
  code: string,
  language: HighlightLanguage,
): ReactNode[] | undefined {
  if (code.length > MAX_HIGHLIGHT_LENGTH || !isLanguageRegistered(language)) return undefined;
  let html: string;
  try {
    html = hljs.highlight(code, { language, ignoreIllegals: true }).value;
  } catch {
    return undefined;
  }
  const nodes = parseHighlightHtml(html);
  if (nodes === undefined || textOfHighlight(nodes) !== code) return undefined;
  return nodes.map(toReact);
}

function toReact(node: HighlightNode, index: number): ReactNode {
  if (typeof node === 'string') return node;
  return createElement(
    'span',
    { key: index, className: node.className },
    node.children.map(toReact),
  );
}
