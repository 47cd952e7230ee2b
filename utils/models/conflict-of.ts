import type { StoredClip } from '@/utils/store/database';
import type { Clip } from './clip';

/**
 * The id of the clip a conflict copy was kept from, or undefined for an
 * ordinary clip. The repository lists drafts as plain Clips, but each is
 * the stored row, which carries the conflict link.
 */
export function conflictOf(clip: Clip): string | undefined {
  return (clip as StoredClip).conflictOf || undefined;
}
