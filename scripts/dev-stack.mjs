/**
 * The local stack for `npm run dev`: what `npm run backend` starts, with
 * its data kept in .local-stack/, run as a child process so its TypeScript
 * runs through vite-node, and read back from its startup lines.
 */
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';

/** The ports `npm run backend` uses: the API and PostgreSQL. */
export const STACK_PORTS = { api: 54321, database: 54322 };

/** Resolves to whether nothing listens on `port` of 127.0.0.1. */
function portIsFree(port) {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once('error', () => resolve(false));
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)));
  });
}

/** The ports of the stack that something else already holds. */
export async function takenStackPorts() {
  const ports = Object.values(STACK_PORTS);
  const free = await Promise.all(ports.map(portIsFree));
  return ports.filter((_, index) => !free[index]);
}

/**
 * Starts the stack and resolves once it printed its URL and anon key. The
 * child runs in its own process group, so a Ctrl-C at the terminal reaches
 * it once, through `stop`, and never kills it halfway through stopping.
 */
export function startDevStack(root) {
  const viteNode = join(root, 'node_modules/.bin/vite-node');
  const child = spawn(viteNode, ['local-stack/cli.ts'], {
    cwd: root,
    detached: true,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const stop = async () => {
    if (child.exitCode === null) child.kill('SIGINT');
    await exited;
  };

  return new Promise((resolve, reject) => {
    const found = {};
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (text) => {
      process.stdout.write(text);
      found.url ??= /API URL\s+(\S+)/.exec(text)?.[1];
      found.anonKey ??= /anon key\s+(\S+)/.exec(text)?.[1];
      if (found.url && found.anonKey) resolve({ ...found, stop, exited });
    });
    child.once('exit', (code) =>
      reject(new Error(`The local stack stopped (exit code ${code}).`)),
    );
  });
}
