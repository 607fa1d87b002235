/**
 * The languages Ruminate highlights and the fence labels that name them. A label not listed here
 * (or `text`, `plaintext`) is shown as plain text: highlight.js is never asked to guess.
 */

/** A highlight.js grammar Ruminate can load: the file name under `highlight.js/lib/languages/`. */
export type HighlightLanguage =
  | 'bash'
  | 'c'
  | 'cpp'
  | 'csharp'
  | 'css'
  | 'diff'
  | 'dockerfile'
  | 'go'
  | 'graphql'
  | 'haskell'
  | 'ini'
  | 'java'
  | 'javascript'
  | 'json'
  | 'kotlin'
  | 'latex'
  | 'less'
  | 'lua'
  | 'makefile'
  | 'markdown'
  | 'php'
  | 'powershell'
  | 'python'
  | 'r'
  | 'ruby'
  | 'rust'
  | 'scala'
  | 'scss'
  | 'shell'
  | 'sql'
  | 'swift'
  | 'typescript'
  | 'xml'
  | 'yaml';

/** Fence labels (lower case) that are not a grammar's own name, and the grammar they mean. */
const ALIASES: Readonly<Record<string, HighlightLanguage>> = {
  sh: 'bash',
  zsh: 'bash',
  'c++': 'cpp',
  cc: 'cpp',
  cxx: 'cpp',
  hpp: 'cpp',
  h: 'c',
  cs: 'csharp',
  'c#': 'csharp',
  patch: 'diff',
  docker: 'dockerfile',
  golang: 'go',
  gql: 'graphql',
  hs: 'haskell',
  toml: 'ini',
  js: 'javascript',
  jsx: 'javascript',
  mjs: 'javascript',
  cjs: 'javascript',
  node: 'javascript',
  jsonc: 'json',
  json5: 'json',
  kt: 'kotlin',
  kts: 'kotlin',
  tex: 'latex',
  make: 'makefile',
  mk: 'makefile',
  md: 'markdown',
  mdx: 'markdown',
  ps1: 'powershell',
  pwsh: 'powershell',
  ps: 'powershell',
  py: 'python',
  py3: 'python',
  python3: 'python',
  rb: 'ruby',
  rs: 'rust',
  console: 'shell',
  shellsession: 'shell',
  terminal: 'shell',
  mysql: 'sql',
  postgres: 'sql',
  postgresql: 'sql',
  psql: 'sql',
  sqlite: 'sql',
  plsql: 'sql',
  ts: 'typescript',
  tsx: 'typescript',
  mts: 'typescript',
  cts: 'typescript',
  html: 'xml',
  htm: 'xml',
  xhtml: 'xml',
  svg: 'xml',
  vue: 'xml',
  yml: 'yaml',
};

const NAMES: ReadonlySet<string> = new Set<HighlightLanguage>([
  'bash',
  'c',
  'cpp',
  'csharp',
  'css',
  'diff',
  'dockerfile',
  'go',
  'graphql',
  'haskell',
  'ini',
  'java',
  'javascript',
  'json',
  'kotlin',
  'latex',
  'less',
  'lua',
  'makefile',
  'markdown',
  'php',
  'powershell',
  'python',
  'r',
  'ruby',
  'rust',
  'scala',
  'scss',
  'shell',
  'sql',
  'swift',
  'typescript',
  'xml',
  'yaml',
]);

/**
 * The grammar for a fence's language label (`ts`, `Python`, `c++`), ignoring case; `undefined`
 * for no label or one Ruminate does not highlight.
 */
export function resolveLanguage(label: string | undefined): HighlightLanguage | undefined {
  if (label === undefined) return undefined;
  const key = label.toLowerCase();
  if (NAMES.has(key)) return key as HighlightLanguage;
  return Object.hasOwn(ALIASES, key) ? ALIASES[key] : undefined;
}

/** Every grammar name Ruminate can load. */
export function highlightLanguages(): HighlightLanguage[] {
  return [...NAMES] as HighlightLanguage[];
}
