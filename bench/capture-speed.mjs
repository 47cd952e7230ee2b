// Times the built capture scripts inside Chromium on the long policy page
// (about 45 KB of HTML): each run evaluates the script the way
// `scripting.executeScript` does and reads the value it returns. Prints the
// median and the slowest of 20 runs. Run `npx wxt build` first.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import puppeteer from 'puppeteer';

const ROOT = resolve(import.meta.dirname, '..');
const BUILD_DIR = join(ROOT, '.output/chrome-mv3');
const PAGE = readFileSync(join(ROOT, 'tests/fixtures/policy-remote-work.html'));
const RUNS = 20;

const server = createServer((_request, response) => {
  response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
  response.end(PAGE);
});
await new Promise((done) => server.listen(0, '127.0.0.1', done));
const userDataDir = mkdtempSync(join(tmpdir(), 'peerclip-bench-'));
const browser = await puppeteer.launch({
  executablePath: process.env.PUPPETEER_EXECUTABLE_PATH ?? '/usr/bin/chromium',
  headless: true,
  pipe: true,
  userDataDir,
  args: ['--no-sandbox', '--disable-gpu', '--no-first-run'],
});

/** Milliseconds per run of `file`, with the selection set before each. */
async function time(file) {
  const script = readFileSync(join(BUILD_DIR, file), 'utf8');
  const page = await browser.newPage();
  await page.goto(`http://127.0.0.1:${server.address().port}/`);
  const times = [];
  for (let run = 0; run < RUNS; run++) {
    times.push(
      await page.evaluate(async (code) => {
        const clause = document.querySelector('#clause-9-3 p');
        getSelection().selectAllChildren(clause);
        const started = performance.now();
        const result = await (0, eval)(code);
        if (!result?.ok) throw new Error(JSON.stringify(result));
        return performance.now() - started;
      }, script),
    );
  }
  await page.close();
  return times.sort((a, b) => a - b);
}

try {
  for (const file of ['capture.js', 'article.js']) {
    const times = await time(file);
    const median = times[Math.floor(times.length / 2)];
    console.log(
      `${file.padEnd(11)} median ${median.toFixed(1)} ms, ` +
        `slowest ${times[times.length - 1].toFixed(1)} ms (${RUNS} runs)`,
    );
  }
} finally {
  await browser.close();
  server.close();
  rmSync(userDataDir, { recursive: true, force: true });
}
