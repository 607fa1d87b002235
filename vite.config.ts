/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import tailwindcss from '@tailwindcss/vite';
import type { Plugin } from 'vite';
import { fileURLToPath } from 'node:url';
import { CONTENT_SECURITY_POLICY } from './server/content-security-policy.mjs';

/**
 * Writes the app's Content-Security-Policy into `index.html` as a meta tag. Added at build time
 * only: the dev server needs an inline script for hot reload.
 */
function contentSecurityPolicy(): Plugin {
  return {
    name: 'ruminate-content-security-policy',
    apply: 'build',
    transformIndexHtml: () => [
      {
        tag: 'meta',
        attrs: { 'http-equiv': 'Content-Security-Policy', content: CONTENT_SECURITY_POLICY },
        injectTo: 'head-prepend',
      },
    ],
  };
}

export default defineConfig({
  plugins: [react(), tailwindcss(), contentSecurityPolicy()],
  build: {
    target: 'es2022',
    // The first download is budgeted at 150 KB gzip (`npm run bench` checks it); the entry chunk
    // that holds the chat and the markdown renderer is about 500 KB minified within that budget.
    chunkSizeWarningLimit: 640,
    // Rolldown's note on slow plugins fires whenever the machine is busy; it is no fault of the build.
    rolldownOptions: { checks: { pluginTimings: false } },
  },
  resolve: {
    alias: {
      '@ungap/structured-clone': fileURLToPath(
        new URL('./src/lib/native-structured-clone.ts', import.meta.url),
      ),
    },
  },
  test: {
    // Whole-document DOM comparisons in jsdom take seconds when the 2-core machine is busy.
    testTimeout: 20_000,
    projects: [
      {
        // The pure core runs in Node: a core file that needs a DOM is in the wrong folder.
        extends: true,
        test: { name: 'core', include: ['src/core/**/*.test.ts'], environment: 'node' },
      },
      {
        extends: true,
        test: { name: 'server', include: ['server/**/*.test.mjs'], environment: 'node' },
      },
      {
        extends: true,
        test: {
          name: 'ui',
          include: ['src/**/*.test.{ts,tsx}'],
          exclude: ['src/core/**'],
          environment: 'jsdom',
          setupFiles: ['./src/test-setup.ts'],
        },
      },
    ],
  },
});
