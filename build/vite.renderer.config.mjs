// Vite configuration of the renderer (kept in build/ so the renderer folder stays browser-only).
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';

export default defineConfig({
  root: fileURLToPath(new URL('../renderer', import.meta.url)),
  base: './',
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('../dist/renderer', import.meta.url)),
    emptyOutDir: true,
    sourcemap: true,
    // ZERODRAFT_NO_MINIFY=1 keeps function names readable in CPU profiles.
    minify: process.env.ZERODRAFT_NO_MINIFY !== '1',
    chunkSizeWarningLimit: 2000,
  },
});
