// Prints the size of the scripts injected into pages, raw and gzipped at
// level 9, against the budget of the selection script. Builds the
// extension first unless called with --no-build.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

const ROOT = resolve(import.meta.dirname, '..');
const BUILD_DIR = join(ROOT, '.output/chrome-mv3');
const BUDGET_BYTES = 12 * 1024;

const scripts = [
  { file: 'capture.js', role: 'selection capture', budget: BUDGET_BYTES },
  { file: 'article.js', role: 'page capture (Readability)', budget: null },
];

if (!process.argv.includes('--no-build')) {
  execFileSync('npx', ['wxt', 'build'], { cwd: ROOT, stdio: 'ignore' });
}

const kilobytes = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;

for (const { file, role, budget } of scripts) {
  const code = readFileSync(join(BUILD_DIR, file));
  const gzipped = gzipSync(code, { level: 9 }).length;
  const verdict =
    budget === null
      ? 'no budget'
      : `budget ${kilobytes(budget)}: ${gzipped <= budget ? 'within' : 'OVER'}`;
  console.log(
    `${file.padEnd(11)} ${role.padEnd(27)} ${kilobytes(code.length)} raw, ` +
      `${kilobytes(gzipped)} gzip -9 (${verdict})`,
  );
}
