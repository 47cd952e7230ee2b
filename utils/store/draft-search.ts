import type { Clip } from '@/utils/models/clip';

/**
 * True when every word of the search occurs, case-insensitively, in the
 * clip's quote, note, title or tags. An empty search matches every clip.
 */
export function matchesSearch(clip: Clip, search: string): boolean {
  const words = search.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return true;

  const haystack = [clip.quote, clip.note, clip.title, ...clip.tags]
    .join('\n')
    .toLowerCase();

  return words.every((word) => haystack.includes(word));
}
