import { fileURLToPath } from 'node:url';
import preact from '@preact/preset-vite';
import { defineConfig } from 'vite';

// The feed benchmark page mounts the extension's own PeerFeed and cache,
// which name the repository root `@/` as the extension build does.
export default defineConfig({
  root: fileURLToPath(new URL('feed-page', import.meta.url)),
  base: './',
  plugins: [preact()],
  resolve: {
    alias: { '@': fileURLToPath(new URL('..', import.meta.url)) },
  },
  build: {
    outDir: fileURLToPath(new URL('../.bench/feed-page', import.meta.url)),
    emptyOutDir: true,
    // As in the extension: no minification tricks the real build lacks.
    target: 'chrome120',
  },
  logLevel: 'warn',
});
