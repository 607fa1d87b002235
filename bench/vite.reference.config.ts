/**
 * Builds the benchmark's reference page (`bench/reference/`) into `bench/dist/reference/`:
 * `node_modules/.bin/vite build --config bench/vite.reference.config.ts`.
 */
import { fileURLToPath } from 'node:url';
import tailwindcss from '@tailwindcss/vite';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  root: fileURLToPath(new URL('./reference', import.meta.url)),
  base: './',
  plugins: [react(), tailwindcss()],
  build: {
    outDir: fileURLToPath(new URL('./dist/reference', import.meta.url)),
    emptyOutDir: true,
    target: 'es2022',
  },
});
