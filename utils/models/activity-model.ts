import { signal } from '@preact/signals';
import type { ActivityItem } from '@/utils/store/activity';
import { problemFrom, type Problem } from './clip-problem';

/** What happened to one of the reader's clips, gathered for one line. */
export interface ClipActivity {
  clipId: string;
  title: string;
  comments: number;
  endorsements: number;
  reviews: number;
  latestAt: string;
  /** Anything in it came after the reader last looked. */
  unseen: boolean;
}

/** What the activity view reads through. */
export interface ActivityServices {
  /** The latest comments, endorsements and reviews by others, newest first. */
  recent(): Promise<ActivityItem[]>;
  /** When the reader last looked (ISO 8601). */
  seenAt(): Promise<string>;
  /** The titles of the reader's clips, by id. */
  titles(clipIds: string[]): Promise<Map<string, string>>;
  /** Records that the reader looked, which clears the toolbar badge. */
  markSeen(): Promise<void>;
}

function gather(
  items: ActivityItem[],
  titles: Map<string, string>,
  seenAt: string,
): ClipActivity[] {
  const byClip = new Map<string, ClipActivity>();
  const seen = Date.parse(seenAt);
  for (const item of items) {
    const entry = byClip.get(item.clipId) ?? {
      clipId: item.clipId,
      title: titles.get(item.clipId) || 'Untitled clip',
      comments: 0,
      endorsements: 0,
      reviews: 0,
      latestAt: item.createdAt,
      unseen: false,
    };
    entry[`${item.kind}s`] += 1;
    entry.unseen ||= Date.parse(item.createdAt) > seen;
    if (Date.parse(item.createdAt) > Date.parse(entry.latestAt)) {
      entry.latestAt = item.createdAt;
    }
    byClip.set(item.clipId, entry);
  }
  return [...byClip.values()].sort(
    (a, b) => Date.parse(b.latestAt) - Date.parse(a.latestAt),
  );
}

/** Clears the badge; the list is read, so failing here only warns. */
async function markSeen(services: ActivityServices): Promise<void> {
  try {
    await services.markSeen();
  } catch (error) {
    console.warn('[peerclip] Activity could not be marked seen.', error);
  }
}

/**
 * What peers did on the reader's clips, one line per clip, newest first.
 * Opening the view counts as looking: the badge clears, and what was new
 * stays marked new until the view is left.
 */
export function createActivityModel(services: ActivityServices) {
  const clips = signal<ClipActivity[] | null>(null);
  const problem = signal<Problem | null>(null);

  return {
    clips,
    problem,
    async load(): Promise<void> {
      try {
        const [items, seenAt] = await Promise.all([
          services.recent(),
          services.seenAt(),
        ]);
        const titles = await services.titles([
          ...new Set(items.map((item) => item.clipId)),
        ]);
        clips.value = gather(items, titles, seenAt);
        problem.value = null;
      } catch (error) {
        problem.value = problemFrom(error, 'Activity could not be read.');
        return;
      }
      await markSeen(services);
    },
  };
}

/** The activity view's state. */
export type ActivityModel = ReturnType<typeof createActivityModel>;
