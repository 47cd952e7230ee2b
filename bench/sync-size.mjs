/**
 * Budget check of the sync code's weight (issue budget: at most 60 KB gzip
 * added to background.js beyond supabase-js). Bundles what the background
 * will import for sync, minified, with supabase-js and Dexie left out (the
 * first is outside the budget, the second is already there for the store),
 * and prints its gzip size.
 *
 * Usage: node bench/sync-size.mjs
 */
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
const entry = `
  export { runSync } from '@/utils/sync/run-sync';
  export { observeSyncState } from '@/utils/sync/sync-state';
  export { rejections } from '@/utils/sync/rejections';
  export { createSupabaseRemote } from '@/utils/remote/supabase-remote';
  export { createPeerclipSupabase } from '@/utils/remote/supabase-client';
  export { createAuthStorage } from '@/utils/remote/auth-storage';
`;

const result = await build({
  stdin: { contents: entry, resolveDir: root, loader: 'ts' },
  bundle: true,
  minify: true,
  format: 'esm',
  write: false,
  alias: { '@': root },
  external: ['@supabase/*', 'dexie'],
});
const code = result.outputFiles[0].contents;
const kb = (bytes) => (bytes / 1024).toFixed(1);
console.log(
  `sync code: ${kb(code.length)} KB minified, ` +
    `${kb(gzipSync(code).length)} KB gzip (budget 60 KB gzip)`,
);
