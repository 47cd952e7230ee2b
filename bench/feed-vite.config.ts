import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

// The feed and popup benchmarks import the test helpers and the
// extension's types, which name the repository root `@/`.
export default defineConfig({
  resolve: {
    alias: { '@': fileURLToPath(new URL('..', import.meta.url)) },
  },
  logLevel: 'warn',
});
