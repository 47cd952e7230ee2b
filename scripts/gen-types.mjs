/**
 * `npm run gen:types`: writes utils/remote/database.types.ts from the
 * migrations. The work is in local-stack/types.ts; Node 20 cannot import
 * TypeScript, so it runs through vite-node (which WXT already ships).
 */
import { spawnSync } from 'node:child_process';

const result = spawnSync(
  'node_modules/.bin/vite-node',
  ['local-stack/write-types.ts'],
  { stdio: 'inherit' },
);
process.exit(result.status ?? 1);
