import { useEffect, useState } from 'preact/hooks';
import type { LiveSource } from '@/utils/models/drafts-model';
import type { PublishModel } from '@/utils/models/publish-model';
import type { StoredClip } from '@/utils/store/database';
import type { LocalReview } from '@/utils/store/discussion-types';
import { PublishChecklist } from './detail/PublishChecklist';
import { ReviewFeedback } from './detail/ReviewFeedback';

/** Props of DraftPublishing. */
export interface DraftPublishingProps {
  draft: StoredClip;
  publish: PublishModel;
  /** The draft's reviews as the last pull left them, live. */
  observeReviews(clipId: string): LiveSource<LocalReview[]>;
  /** False in local-only mode or signed out: nothing to publish to. */
  signedIn: boolean;
  now: Date;
}

function useReviews(
  clipId: string,
  observe: DraftPublishingProps['observeReviews'],
): LocalReview[] {
  const [reviews, setReviews] = useState<LocalReview[]>([]);

  useEffect(() => {
    const subscription = observe(clipId).subscribe({
      next: setReviews,
      error: (error) =>
        console.warn('[peerclip] Reviews could not be read.', error),
    });
    return () => subscription.unsubscribe();
  }, [clipId, observe]);
  return reviews;
}

/** Where the clip stands on its way to peers, or its Publish action. */
function PublishingStep(props: DraftPublishingProps) {
  const { draft, publish, signedIn } = props;

  // A clip already sent on is never offered for publishing again.
  if (draft.state === 'in_review') {
    return <p class="hint">In review: peers see it once it is approved.</p>;
  }
  if (draft.state !== 'draft') return null;
  if (!signedIn) {
    return <p class="hint">Sign in to a workspace to publish this draft.</p>;
  }
  if (draft.submitting) {
    return (
      <p class="notice" role="status">
        Sending for publishing: peers see it once the workspace has it.
      </p>
    );
  }

  return (
    <PublishChecklist
      model={publish}
      draft={{ clipId: draft.id, topicId: draft.topicId }}
    />
  );
}

/**
 * The author's side of publishing, on a draft: what reviewers asked to
 * change, and the Publish action with the organisation's checklist.
 */
export function DraftPublishing(props: DraftPublishingProps) {
  const { draft, observeReviews, now } = props;
  const reviews = useReviews(draft.id, observeReviews);

  return (
    <section class="draft-publishing" aria-label="Publishing">
      <ReviewFeedback reviews={reviews} now={now} />
      <PublishingStep {...props} />
    </section>
  );
}
