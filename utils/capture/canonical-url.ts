/**
 * Query parameters that only say how a visitor arrived (campaign, click and
 * analytics ids). Two links to one page that differ only in these are the
 * same page.
 */
const TRACKING_PARAMETERS = new Set([
  'gclid',
  'gclsrc',
  'dclid',
  'gbraid',
  'wbraid',
  'fbclid',
  'msclkid',
  'mc_cid',
  'mc_eid',
  '_ga',
  '_gl',
  '_hsenc',
  '_hsmi',
  'igshid',
  'ref_src',
  'ref_url',
  'yclid',
  'twclid',
  'ttclid',
  'li_fat_id',
  'mkt_tok',
  'oly_anon_id',
  'oly_enc_id',
  'vero_id',
  'wickedid',
  's_cid',
]);

function isTracking(name: string): boolean {
  const lower = name.toLowerCase();

  return lower.startsWith('utm_') || TRACKING_PARAMETERS.has(lower);
}

/**
 * The form of a URL that clips of the same page share: no fragment, no
 * tracking parameters, the host in lower case and no default port. Other
 * parameters keep their order, since some tools read them by position.
 * A string that is not a URL is returned as it is.
 */
export function canonicalUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return url;
  }

  // URL already lower-cases the host and drops a default port. The query
  // is filtered as raw text so the kept parameters keep their encoding.
  parsed.hash = '';
  const kept = parsed.search
    .slice(1)
    .split('&')
    .filter((pair) => pair !== '' && !isTracking(nameOf(pair)));
  parsed.search = kept.join('&');
  return parsed.href;
}

function nameOf(pair: string): string {
  const name = pair.split('=')[0] ?? '';
  try {
    return decodeURIComponent(name.replace(/\+/g, ' '));
  } catch {
    return name;
  }
}

/**
 * The host name a clip came from, e.g. `wiki.northwind.example`, or an
 * empty string for a URL without one.
 */
export function siteOf(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return '';
  }
}
