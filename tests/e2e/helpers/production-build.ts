import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

/** Where `wxt build` writes the Chrome build users install. */
export const PRODUCTION_DIR = resolve(
  import.meta.dirname,
  '../../../.output/chrome-mv3',
);

/**
 * Builds the production extension, so the manifest and bundle checks see
 * the code as it is now, not an old build left in `.output/`.
 */
export function buildProduction(): void {
  const result = spawnSync('npx', ['wxt', 'build'], {
    cwd: resolve(PRODUCTION_DIR, '../..'),
    encoding: 'utf8',
  });
  if (result.status !== 0) {
    throw new Error(`wxt build failed:\n${result.stdout}${result.stderr}`);
  }
}

/** The built manifest.json, parsed. */
export function readManifest(): Record<string, unknown> {
  return JSON.parse(
    readFileSync(join(PRODUCTION_DIR, 'manifest.json'), 'utf8'),
  );
}

/**
 * Every JavaScript file an extension page loads: its module scripts and
 * preloads, then what those import, file by file.
 */
export function scriptsOfPage(html: string): string[] {
  const page = readFileSync(join(PRODUCTION_DIR, html), 'utf8');
  const entries = [...page.matchAll(/(?:src|href)="([^"]+\.js)"/g)].map(
    (match) => join(PRODUCTION_DIR, match[1] ?? ''),
  );
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file) || !existsSync(file)) return;
    seen.add(file);
    const code = readFileSync(file, 'utf8');
    for (const match of code.matchAll(
      /(?:from|import)\s*"(\.{1,2}\/[^"]+)"/g,
    )) {
      visit(resolve(dirname(file), match[1] ?? ''));
    }
  };
  entries.forEach(visit);
  return [...seen];
}

/** Gzipped size in bytes of the files together. */
export function gzipBytes(files: string[]): number {
  return files.reduce(
    (total, file) => total + gzipSync(readFileSync(file)).length,
    0,
  );
}
