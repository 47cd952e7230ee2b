import type { Clip } from './clip';

/**
 * The id of the clip a conflict copy was kept from, or undefined for an
 * ordinary clip. Read defensively: stores before version 2 lack the field.
 */
export function conflictOf(clip: Clip): string | undefined {
  const marker = (clip as { conflictOf?: unknown }).conflictOf;
  return typeof marker === 'string' && marker !== '' ? marker : undefined;
}
