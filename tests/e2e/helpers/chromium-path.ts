import { existsSync } from 'node:fs';
import puppeteer from 'puppeteer';

/** The system Chromium the CI script installs through apt-get. */
export const SYSTEM_CHROMIUM = '/usr/bin/chromium';

/**
 * The browser the tests drive: PUPPETEER_EXECUTABLE_PATH when set, else
 * puppeteer's own download when it was made, else the system Chromium.
 * Throws, naming the fix, when there is no browser at that path.
 */
export function chromiumPath(): string {
  const downloaded = puppeteer.executablePath();
  const path =
    process.env.PUPPETEER_EXECUTABLE_PATH ||
    (existsSync(downloaded) ? downloaded : SYSTEM_CHROMIUM);

  if (!existsSync(path)) {
    throw new Error(
      `No Chromium at ${path}: install it (apt-get install -y chromium) ` +
        'or set PUPPETEER_EXECUTABLE_PATH to a Chromium binary.',
    );
  }
  return path;
}

/** Flags for a closed network and a machine without a sandbox user. */
export const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
