import type { BadgeService } from '@/utils/browser/badge';
import type { PageToast } from '@/utils/browser/page-toast';
import type { ClipFailure } from '@/utils/messages/protocol';

/** Tells the user, on the page, how a clip ended. */
export interface ClipFeedback {
  saved(tabId: number): Promise<void>;
  failed(tabId: number, failure: ClipFailure): Promise<void>;
}

/**
 * Feedback by badge and toast. The draft is already saved when this runs,
 * so trouble here is logged and never undoes the clip.
 */
export function badgeAndToast(
  badge: BadgeService,
  toast: PageToast,
): ClipFeedback {
  return {
    async saved(tabId) {
      await Promise.all([
        quietly(badge.flash(tabId, '✓', '#1d5c3a')),
        quietly(toast.show(tabId, 'Saved to your Peerclip drafts.', 'saved')),
      ]);
    },
    async failed(tabId, failure) {
      await Promise.all([
        quietly(badge.flash(tabId, '!', '#8a1c1c')),
        // Pages that refuse scripts refuse the toast too; the badge remains.
        failure.code === 'unclippable-page'
          ? Promise.resolve()
          : quietly(toast.show(tabId, failure.message, 'failed')),
      ]);
    },
  };
}

async function quietly(effect: Promise<void>): Promise<void> {
  try {
    await effect;
  } catch (error) {
    console.warn('[peerclip] Could not show the clip confirmation.', error);
  }
}
