/**
 * Builds the hostile-markdown benchmark page (`bench/hostile/`) into `bench/dist/hostile/`:
 * `node_modules/.bin/vite build --config bench/vite.hostile.config.ts` (run by `run-hostile.mjs`).
 */
import { fileURLToPath } from 'node:url';
import tailwindcss from '@tailwindcss/vite';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  root: fileURLToPath(new URL('./hostile', import.meta.url)),
  base: './',
  plugins: [react(), tailwindcss()],
  build: {
    outDir: fileURLToPath(new URL('./dist/hostile', import.meta.url)),
    emptyOutDir: true,
    target: 'es2022',
  },
});
