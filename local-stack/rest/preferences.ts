import type { IncomingMessage } from 'node:http';
import { unsupported } from './errors.ts';
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
    single: String(request.headers.accept ?? '').includes(
      'application/vnd.pgrst.object+json',
    ),
  };
}
