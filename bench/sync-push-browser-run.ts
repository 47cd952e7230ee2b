// The work of bench/sync-push-browser.mjs: the page bundle, a server for
// it on 127.0.0.1, the local stack, and Chromium to run the measurements.
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import puppeteer from 'puppeteer';
import { startLocalStack } from '../local-stack/stack.ts';
import {
  CHROMIUM_FLAGS,
  chromiumPath,
} from '../tests/e2e/helpers/chromium-path';
import { describeFigures, roundsArgument } from './sync-push-measure';

const rttArg = process.argv.indexOf('--rtt');
const rttMs = rttArg > 0 ? Number(process.argv[rttArg + 1]) : 0;

/** The page's script, with the extension's code bundled in. */
async function pageBundle(): Promise<string> {
  const result = await build({
    entryPoints: [resolve(import.meta.dirname, 'sync-push-page.ts')],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: 'chrome120',
    tsconfig: resolve(import.meta.dirname, '../tsconfig.json'),
    logLevel: 'silent',
  });
  return result.outputFiles[0]?.text ?? '';
}

/** Serves the page: IndexedDB needs a real origin, not about:blank. */
async function servePage(script: string): Promise<Server> {
  const server = createServer((request, response) => {
    if (request.url === '/bench.js') {
      response.writeHead(200, { 'content-type': 'text/javascript' });
      response.end(script);
      return;
    }
    response.writeHead(200, { 'content-type': 'text/html' });
    response.end('<!doctype html><script src="/bench.js"></script>');
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return server;
}

async function main() {
  // Before anything that keeps the process alive: no browser, no run.
  const executablePath = chromiumPath();
  const script = await pageBundle();
  const server = await servePage(script);
  const stack = await startLocalStack({ port: 0, printEmails: false });
  const userDataDir = await mkdtemp(join(tmpdir(), 'peerclip-bench-'));
  const browser = await puppeteer.launch({
    executablePath,
    headless: true,
    pipe: true,
    userDataDir,
    args: CHROMIUM_FLAGS,
  });
  console.log(`in Chromium; added round trip per request: ${rttMs} ms`);
  try {
    const page = await browser.newPage();
    const { port } = server.address() as AddressInfo;
    await page.goto(`http://127.0.0.1:${port}/`);
    const figures = await page.evaluate(
      (url, anonKey, options) =>
        window.peerclipSyncBench(url, anonKey, options),
      stack.url,
      stack.anonKey,
      {
        rttMs,
        rounds: roundsArgument(process.argv),
        steps: process.argv.includes('--steps'),
      },
    );
    for (const line of describeFigures(figures)) console.log(line);
  } finally {
    await browser.close();
    await stack.stop();
    server.close();
    await rm(userDataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error('[peerclip] The browser sync benchmark failed.', error);
  process.exitCode = 1;
});
