// The work of bench/sync-push-browser.mjs: the page bundle, a server for
// it on 127.0.0.1, the local stack, and Chromium to run the measurements.
//
// Chromium runs as a plain process with no DevTools session: a page that
// DevTools watches copies every request and its body (650 KB a batch) to
// the client, which cost more than the push itself. The page reads its
// settings from the server and posts its figures back.
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import {
  createServer,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import { startLocalStack } from '../local-stack/stack.ts';
import {
  CHROMIUM_FLAGS,
  chromiumPath,
} from '../tests/e2e/helpers/chromium-path';
import {
  describeFigures,
  roundsArgument,
  type PushFigures,
} from './sync-push-measure';
import type { PageSettings } from './sync-push-page';

const rttArg = process.argv.indexOf('--rtt');
const rttMs = rttArg > 0 ? Number(process.argv[rttArg + 1]) : 0;

/** A run that takes longer has stopped somewhere. */
const RUN_TIMEOUT_MS = 10 * 60 * 1000;

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

/** The page's server, and what the page answers once it is done. */
interface BenchPage {
  server: Server;
  figures: Promise<PushFigures>;
}

/** Serves the page: IndexedDB needs a real origin, not about:blank. */
async function servePage(
  script: string,
  settings: PageSettings,
): Promise<BenchPage> {
  let answered!: (figures: PushFigures) => void;
  let failed!: (error: Error) => void;
  const figures = new Promise<PushFigures>((resolve, reject) => {
    [answered, failed] = [resolve, reject];
  });

  const server = createServer((request, response) => {
    route(request, response, script, settings).then(
      (posted) => posted && answer(posted),
      (error: unknown) => failed(error as Error),
    );
  });
  const answer = ({ path, body }: { path: string; body: string }) => {
    if (path === '/figures') answered(JSON.parse(body) as PushFigures);
    else failed(new Error(`The page failed: ${body}`));
  };
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return { server, figures };
}

/** Answers one request; a posted result comes back with its path. */
async function route(
  request: IncomingMessage,
  response: ServerResponse,
  script: string,
  settings: PageSettings,
): Promise<{ path: string; body: string } | undefined> {
  const path = request.url ?? '/';
  if (request.method === 'POST') {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    response.end();
    return { path, body: Buffer.concat(chunks).toString('utf8') };
  }

  const [type, body] =
    path === '/bench.js'
      ? ['text/javascript', script]
      : path === '/settings'
        ? ['application/json', JSON.stringify(settings)]
        : ['text/html', '<!doctype html><script src="/bench.js"></script>'];
  response.writeHead(200, { 'content-type': type });
  response.end(body);
  return undefined;
}

/** Rejects once `ms` passed, so that a stuck page ends the run. */
function deadline(ms: number): Promise<never> {
  return new Promise((_, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`No figures after ${ms / 1000} s.`)),
      ms,
    );
    timer.unref();
  });
}

async function main() {
  // Before anything that keeps the process alive: no browser, no run.
  const executablePath = chromiumPath();
  const script = await pageBundle();
  const stack = await startLocalStack({ port: 0, printEmails: false });
  const page = await servePage(script, {
    url: stack.url,
    anonKey: stack.anonKey,
    rttMs,
    rounds: roundsArgument(process.argv),
    steps: process.argv.includes('--steps'),
  });
  const userDataDir = await mkdtemp(join(tmpdir(), 'peerclip-bench-'));
  const { port } = page.server.address() as AddressInfo;
  const browser = spawn(
    executablePath,
    [
      ...CHROMIUM_FLAGS,
      '--headless',
      `--user-data-dir=${userDataDir}`,
      `http://127.0.0.1:${port}/`,
    ],
    { stdio: 'ignore' },
  );
  const exited = new Promise<never>((_, reject) => {
    browser.on('exit', (code) =>
      reject(new Error(`Chromium stopped (exit code ${code}).`)),
    );
  });
  console.log(`in Chromium; added round trip per request: ${rttMs} ms`);
  try {
    const figures = await Promise.race([
      page.figures,
      exited,
      deadline(RUN_TIMEOUT_MS),
    ]);
    for (const line of describeFigures(figures)) console.log(line);
  } finally {
    browser.kill();
    await stack.stop();
    page.server.close();
    await rm(userDataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error('[peerclip] The browser sync benchmark failed.', error);
  process.exitCode = 1;
});
