const { existsSync } = require('node:fs');

/**
 * Puppeteer downloads its own Chrome on install. Where a system Chromium
 * exists (CI and the development machines), skip that download: the test
 * harness uses the system browser instead.
 */
module.exports = {
  skipDownload:
    existsSync('/usr/bin/chromium') || !!process.env.PUPPETEER_EXECUTABLE_PATH,
};
