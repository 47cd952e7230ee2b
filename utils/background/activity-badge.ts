/** The global badge call of `action`, typed loosely enough for fakes. */
export interface GlobalBadgeApi {
  setBadgeText(details: { text: string }): Promise<void>;
  setBadgeBackgroundColor(details: { color: string }): Promise<void>;
}

/** What the activity badge reads: news on the reader's clips. */
export interface ActivityBadgeDeps {
  action: GlobalBadgeApi;
  /** Comments, reviews and endorsements by others since last looked. */
  unseen(): Promise<number>;
  /** Stores now as the moment the reader last looked. */
  markSeen(): Promise<void>;
}

const ACTIVITY_COLOR = '#1f6feb';

/**
 * The toolbar badge saying someone commented on, reviewed or endorsed the
 * reader's clips since they last looked. The clip confirmation flashes
 * per tab on top of it and falls back to it.
 */
export function createActivityBadge(deps: ActivityBadgeDeps) {
  async function show(count: number): Promise<void> {
    const text = count === 0 ? '' : count > 99 ? '99+' : String(count);
    await deps.action.setBadgeBackgroundColor({ color: ACTIVITY_COLOR });
    await deps.action.setBadgeText({ text });
  }

  return {
    /** Counts again and shows the count; never rejects. */
    async refresh(): Promise<void> {
      try {
        await show(await deps.unseen());
      } catch (error) {
        console.warn('[peerclip] Could not update the activity badge.', error);
      }
    },

    /** The reader looked: forget the count. */
    async seen(): Promise<{ ok: true }> {
      await deps.markSeen();
      await show(0).catch(() => {});
      return { ok: true };
    },
  };
}

/** The activity badge the background keeps. */
export type ActivityBadge = ReturnType<typeof createActivityBadge>;
