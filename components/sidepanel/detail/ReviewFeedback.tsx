import type { LocalReview } from '@/utils/store/discussion-types';
import { FeedbackFields } from './FeedbackFields';
import { TimeAgo } from './TimeAgo';

/** Props of ReviewFeedback. */
export interface ReviewFeedbackProps {
  /** The draft's reviews, any verdict: only requests for changes show. */
  reviews: LocalReview[];
  now: Date;
  /** The reviewer's name, when the caller knows it. */
  nameOf?(reviewerId: string): string | null;
}

/**
 * What reviewers asked the author to change, shown on the draft the
 * review sent back, newest first.
 */
export function ReviewFeedback({ reviews, now, nameOf }: ReviewFeedbackProps) {
  const requests = reviews
    .filter((review) => review.verdict === 'changes')
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  if (requests.length === 0) return null;

  return (
    <section class="review-feedback" aria-labelledby="review-feedback-title">
      <h3 id="review-feedback-title">Changes asked for</h3>
      <ul class="review-history">
        {requests.map((review) => (
          <li key={review.id} class="review review--changes">
            <p>
              <strong>{nameOf?.(review.reviewerId) ?? 'A reviewer'}</strong>{' '}
              asked for changes <TimeAgo iso={review.createdAt} now={now} />
            </p>
            <FeedbackFields
              helps={review.helps}
              improve={review.improve}
              accuracyConcern={review.accuracyConcern}
            />
          </li>
        ))}
      </ul>
    </section>
  );
}
