import type { IncomingMessage } from 'node:http';
import { postgrestError, unsupported } from './errors.ts';
import type { ReturnPreference } from './tables.ts';

/** The parts of the Prefer header that the stand-in honours. */
export interface Preferences {
  returning: ReturnPreference;
  countExact: boolean;
  resolution?: 'merge-duplicates' | 'ignore-duplicates';
  /** `application/vnd.pgrst.object+json`: exactly one row, as an object. */
  single: boolean;
}

/** Reads Prefer and Accept; preferences that would change answers fail. */
export function preferencesOf(request: IncomingMessage): Preferences {
  const prefer = new Map(
    String(request.headers.prefer ?? '')
      .split(',')
      .map((item): [string, string] => {
        const [key = '', value = ''] = item.trim().split('=');
        return [key, value];
      })
      .filter(([key]) => key !== ''),
  );
  if (prefer.get('missing') === 'default') {
    throw unsupported("'Prefer: missing=default'");
  }
  const resolution = prefer.get('resolution');
  return {
    returning:
      prefer.get('return') === 'representation' ? 'representation' : 'minimal',
    countExact: prefer.has('count'),
    resolution:
      resolution === 'merge-duplicates' || resolution === 'ignore-duplicates'
        ? resolution
        : undefined,
    single: acceptsSingleObject(String(request.headers.accept ?? '')),
  };
}

const servedMediaTypes = [
  '*/*',
  'application/*',
  'application/json',
  'application/vnd.pgrst.object+json',
  'application/vnd.pgrst.object',
];

/**
 * Whether Accept asks for one object; media types the stand-in cannot
 * produce (CSV, plans, GeoJSON) are refused like PostgREST's PGRST107.
 */
function acceptsSingleObject(accept: string): boolean {
  const types = accept
    .split(',')
    .map((type) => type.split(';')[0]!.trim().toLowerCase())
    .filter((type) => type !== '');
  const unserved = types.filter((type) => !servedMediaTypes.includes(type));
  if (types.length > 0 && unserved.length === types.length) {
    throw postgrestError(
      406,
      'PGRST107',
      `None of these media types are available: ${unserved.join(', ')}`,
    );
  }
  return types.some((type) => type.startsWith('application/vnd.pgrst.object'));
}
