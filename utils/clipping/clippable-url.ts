/** Schemes whose pages belong to the browser or to an extension. */
const BROWSER_SCHEMES = new Set([
  'about:',
  'chrome:',
  'chrome-untrusted:',
  'chrome-search:',
  'chrome-extension:',
  'devtools:',
  'edge:',
  'brave:',
  'opera:',
  'vivaldi:',
  'moz-extension:',
  'resource:',
  'extension:',
]);

/** Extension stores: browsers forbid extensions to run on them. */
const STORE_PAGES = [
  { host: 'chromewebstore.google.com', path: '/' },
  { host: 'chrome.google.com', path: '/webstore' },
  { host: 'microsoftedge.microsoft.com', path: '/addons' },
  { host: 'addons.mozilla.org', path: '/' },
];

/**
 * Says why a tab's page cannot be clipped, or returns null when it can.
 * Checked before injecting anything, so the user hears the real reason
 * rather than the browser's error.
 */
export function whyUnclippable(
  url: string | undefined,
  fileAccessAllowed: boolean,
): string | null {
  const parsed = parseUrl(url);
  if (!parsed) return 'Peerclip has no access to this tab.';

  if (parsed.protocol === 'view-source:') {
    return 'source views belong to the browser.';
  }
  if (BROWSER_SCHEMES.has(parsed.protocol)) {
    return 'browser and extension pages do not allow extensions to run.';
  }
  if (parsed.protocol === 'file:') {
    return fileAccessAllowed
      ? null
      : 'turn on "Allow access to file URLs" for Peerclip first.';
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    return 'only web pages can be clipped.';
  }

  return whyUnclippableWebPage(parsed);
}

function whyUnclippableWebPage(url: URL): string | null {
  const onStore = STORE_PAGES.some(
    (store) =>
      url.hostname === store.host && url.pathname.startsWith(store.path),
  );
  if (onStore) return 'the extension store does not allow extensions to run.';

  // The browser shows PDFs in its own viewer, which extensions cannot read.
  if (url.pathname.toLowerCase().endsWith('.pdf')) {
    return 'PDF documents open in the browser’s viewer.';
  }

  return null;
}

function parseUrl(url: string | undefined): URL | null {
  if (!url) return null;
  try {
    return new URL(url);
  } catch {
    return null;
  }
}
