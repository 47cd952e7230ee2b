import { existsSync } from 'node:fs';
import puppeteer from 'puppeteer';

/** The system Chromium the CI script installs through apt-get. */
export const SYSTEM_CHROMIUM = '/usr/bin/chromium';

/**
 * The browser the tests drive: PUPPETEER_EXECUTABLE_PATH when set, else
 * puppeteer's own download when it was made, else the system Chromium.
 */
export function chromiumPath(): string {
  const fromEnv = process.env.PUPPETEER_EXECUTABLE_PATH;
  if (fromEnv) return fromEnv;

  const downloaded = puppeteer.executablePath();
  return existsSync(downloaded) ? downloaded : SYSTEM_CHROMIUM;
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
