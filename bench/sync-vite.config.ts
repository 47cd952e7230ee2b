import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

// The sync benchmark imports the extension's code, which names the
// repository root `@/` as the extension build does.
export default defineConfig({
  resolve: {
    alias: { '@': fileURLToPath(new URL('..', import.meta.url)) },
  },
});
