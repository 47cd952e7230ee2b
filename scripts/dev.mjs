/**
 * `npm run dev`: starts the local stack (data in .local-stack/, as
 * `npm run backend`), builds Peerclip with that stack as its workspace, and
 * opens Chromium with it loaded in a persistent profile (.dev-profile/),
 * signed in as the demo account alice@example.com, so the demo
 * organisation's clips are there at once. Without a display the script runs
 * itself again under `xvfb-run`.
 *
 * Chromium comes from PUPPETEER_EXECUTABLE_PATH, /usr/bin/chromium or
 * puppeteer's download. Closing the browser or Ctrl+C stops both.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import puppeteer from 'puppeteer';
import { startDevStack, takenStackPorts } from './dev-stack.mjs';

const root = resolve(import.meta.dirname, '..');
// A build of its own, so the shipped build never carries the local default.
const extensionDir = join(root, '.output/chrome-mv3-dev');
const profileDir = join(root, '.dev-profile');
const demo = { email: 'alice@example.com', password: 'peerclip-demo' };

function chromiumPath() {
  const candidates = [
    process.env.PUPPETEER_EXECUTABLE_PATH,
    '/usr/bin/chromium',
    puppeteer.executablePath(),
  ];
  const found = candidates.find((path) => path && existsSync(path));
  if (!found) {
    console.error(
      'No Chromium found: install it or set PUPPETEER_EXECUTABLE_PATH.',
    );
    process.exit(1);
  }
  return found;
}

/** Runs this script under xvfb-run and passes Ctrl+C on to it. */
function rerunUnderXvfb() {
  const script = import.meta.filename;
  const child = spawn('xvfb-run', ['-a', process.execPath, script], {
    stdio: 'inherit',
    detached: true,
  });
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.on(signal, () => process.kill(-child.pid, signal));
  }
  child.on('exit', (code) => process.exit(code ?? 0));
}

/** Builds the extension with the stack as its default workspace. */
function buildFor(stack) {
  const build = spawnSync('npx', ['wxt', 'build', '--mode', 'dev'], {
    cwd: root,
    stdio: 'inherit',
    env: {
      ...process.env,
      WXT_PEERCLIP_SUPABASE_URL: stack.url,
      WXT_PEERCLIP_SUPABASE_ANON_KEY: stack.anonKey,
    },
  });
  return build.status === 0;
}

async function openBrowser() {
  mkdirSync(profileDir, { recursive: true });
  const browser = await puppeteer.launch({
    executablePath: chromiumPath(),
    headless: false,
    pipe: true,
    enableExtensions: [extensionDir],
    userDataDir: profileDir,
    defaultViewport: null,
    handleSIGINT: false,
    handleSIGTERM: false,
    args: [
      '--no-first-run',
      '--disable-sync',
      ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
    ],
  });
  const worker = await browser.waitForTarget(
    (target) =>
      target.type() === 'service_worker' &&
      target.url().endsWith('/background.js'),
  );
  return { browser, extensionId: new URL(worker.url()).host };
}

/** How many clips the extension's IndexedDB holds, read from its page. */
function storedClipCount(page) {
  return page.evaluate(
    () =>
      new Promise((resolve, reject) => {
        const opening = indexedDB.open('peerclip');
        opening.onerror = () => reject(opening.error);
        opening.onsuccess = () => {
          const counting = opening.result
            .transaction('clips')
            .objectStore('clips')
            .count();
          counting.onsuccess = () => resolve(counting.result);
          counting.onerror = () => reject(counting.error);
        };
      }),
  );
}

function send(page, message) {
  return page.evaluate(
    (body) => globalThis.chrome.runtime.sendMessage(body),
    message,
  );
}

/**
 * Connects the profile to the stack and signs in as the demo account,
 * unless someone is signed in already, then syncs once. Answers who is
 * signed in.
 */
async function signInDemo(page, stack) {
  const status = await send(page, { type: 'account-status' });
  if (status.workspace?.url !== stack.url) {
    await send(page, { type: 'workspace-connect', ...stack });
  }
  if (!status.user || status.workspace?.url !== stack.url) {
    const reply = await send(page, { type: 'sign-in-password', ...demo });
    if (!reply.ok) throw new Error(`Sign-in refused: ${reply.message}`);
  }

  const sync = await send(page, { type: 'sync-now' });
  if (sync.problem) console.warn('First sync:', sync.problem);
  const after = await send(page, { type: 'account-status' });
  return after.user?.email ?? 'nobody';
}

async function main() {
  const taken = await takenStackPorts();
  if (taken.length > 0) {
    console.error(
      `Port ${taken.join(' and ')} on 127.0.0.1 is taken: the local stack ` +
        'needs it. Stop whatever holds it (another `npm run backend` or ' +
        '`npm run dev`?) and try again.',
    );
    process.exit(1);
  }

  const stack = await startDevStack(root);
  const running = { browser: undefined, stopping: false };
  const stopAll = async (code) => {
    if (running.stopping) return;
    running.stopping = true;
    await running.browser?.close().catch(() => undefined);
    await stack.stop();
    process.exit(code);
  };
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.once(signal, () => void stopAll(0));
  }
  void stack.exited.then(() => stopAll(1));
  if (!buildFor(stack)) await stopAll(1);

  try {
    running.browser = await openBrowserFor(stack);
  } catch (error) {
    console.error('[peerclip] Could not open Peerclip in Chromium:', error);
    await stopAll(1);
  }
  running.browser.on('disconnected', () => void stopAll(0));
}

async function openBrowserFor(stack) {
  const { browser, extensionId } = await openBrowser();
  const page = await browser.newPage();
  await page.goto(`chrome-extension://${extensionId}/options.html`);
  const signedInAs = await signInDemo(page, {
    url: stack.url,
    anonKey: stack.anonKey,
  });
  const clipCount = await storedClipCount(page);
  await page.reload();
  const sidePanel = await browser.newPage();
  await sidePanel.goto(`chrome-extension://${extensionId}/sidepanel.html`);

  console.log(`\nPeerclip is running in Chromium (${chromiumPath()})`);
  console.log(`  local stack  ${stack.url}`);
  console.log(`  signed in as ${signedInAs} (password ${demo.password})`);
  console.log(`  in browser   ${clipCount} clip(s) after the first sync`);
  console.log(`  profile      ${profileDir}`);
  console.log('Close the browser or press Ctrl+C to stop.');
  return browser;
}

if (!process.env.DISPLAY) rerunUnderXvfb();
else await main();
