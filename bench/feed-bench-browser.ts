import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import {
  launchExtensionBrowser,
  type ExtensionBrowser,
} from '../tests/e2e/helpers/extension-browser';

const root = resolve(import.meta.dirname, '..');
const TEST_BUILD = join(root, '.output/chrome-mv3-e2e');

/** Chromium with a private copy of the extension's test build loaded. */
export interface BenchBrowser extends ExtensionBrowser {
  /** Closes the browser and deletes the copy of the build. */
  close(): Promise<void>;
}

/**
 * Launches Chromium with the test build (`npx wxt build --mode e2e`,
 * built first when missing). The build is copied, so a rebuild by
 * someone else during the run cannot change the pages being timed.
 */
export async function launchBenchBrowser(): Promise<BenchBrowser> {
  if (!existsSync(join(TEST_BUILD, 'manifest.json'))) {
    const built = spawnSync('npx', ['wxt', 'build', '--mode', 'e2e'], {
      cwd: root,
      stdio: 'inherit',
    });
    if (built.status !== 0) throw new Error('The test build failed.');
  }
  const copy = mkdtempSync(join(tmpdir(), 'peerclip-bench-ext-'));
  cpSync(TEST_BUILD, copy, { recursive: true });
  const extension = await launchExtensionBrowser(copy);
  return {
    ...extension,
    async close() {
      await extension.close();
      rmSync(copy, { recursive: true, force: true });
    },
  };
}

/** The middle value; the mean of the two middle ones for an even count. */
export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

/** `median 12.3 ms (min 10.1, max 20.4)` for a list of timings. */
export function spread(values: number[]): string {
  const fixed = (value: number) => value.toFixed(1);
  return (
    `median ${fixed(median(values))} ms ` +
    `(min ${fixed(Math.min(...values))}, max ${fixed(Math.max(...values))})`
  );
}

/** The machine's load, as `uptime` prints it, for the figures' context. */
export function loadLine(): string {
  const uptime = spawnSync('uptime', { encoding: 'utf8' }).stdout?.trim();
  const averages = loadavg().map((load) => load.toFixed(2));
  return `uptime: ${uptime || `load average: ${averages.join(', ')}`}`;
}
