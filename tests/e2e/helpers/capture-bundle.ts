import { resolve } from 'node:path';
import { build } from 'esbuild';

const ENTRY = resolve(import.meta.dirname, 'capture-bundle-entry.ts');

/**
 * Bundles the capture code and the passage helpers into one script to add
 * to a page, so the anchoring tests run the real code in Chromium. esbuild
 * resolves the `@/` alias through the project's tsconfig.
 */
export async function buildCaptureBundle(): Promise<string> {
  const result = await build({
    entryPoints: [ENTRY],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: 'chrome120',
    tsconfig: resolve(import.meta.dirname, '../../../tsconfig.json'),
    logLevel: 'silent',
  });
  return result.outputFiles[0]?.text ?? '';
}
