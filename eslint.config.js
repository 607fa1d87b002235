import js from '@eslint/js';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';
import reactRefresh from 'eslint-plugin-react-refresh';
import tseslint from 'typescript-eslint';
import { defineConfig, globalIgnores } from 'eslint/config';

export default defineConfig([
  globalIgnores([
    'dist',
    'bench/dist',
    'reports',
    'test-results',
    'playwright-report',
    'node_modules',
    '.stryker-tmp',
  ]),
  {
    files: ['src/**/*.{ts,tsx}'],
    extends: [
      js.configs.recommended,
      tseslint.configs.recommended,
      reactHooks.configs.flat.recommended,
      reactRefresh.configs.vite,
    ],
    languageOptions: { ecmaVersion: 2022, globals: globals.browser },
  },
  {
    // The core is plain TypeScript: no React, no DOM, no fetch, no storage.
    files: ['src/core/**/*.ts'],
    languageOptions: {
      globals: { ...globals.es2021, TextDecoder: 'readonly', console: 'readonly' },
    },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['react', 'react-*', 'react/*', '@tanstack/*'],
              message: 'src/core stays framework-free.',
            },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        'window',
        'document',
        'fetch',
        'localStorage',
        'indexedDB',
        'navigator',
      ],
    },
  },
  {
    files: [
      '*.{js,ts}',
      'e2e/**/*.{ts,mjs}',
      'server/**/*.mjs',
      'scripts/**/*.mjs',
      'bench/**/*.{mjs,ts}',
    ],
    extends: [js.configs.recommended, tseslint.configs.recommended],
    languageOptions: { globals: globals.node },
  },
]);
