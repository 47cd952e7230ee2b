import type { DetailReview } from '@/utils/remote/peer-wire';
import { FeedbackFields } from './FeedbackFields';
import { TimeAgo } from './TimeAgo';

/** Props of ReviewHistory. */
export interface ReviewHistoryProps {
  reviews: DetailReview[];
  readerId: string | null;
  now: Date;
}

/** Every review of the clip, newest first, with its feedback. */
export function ReviewHistory({ reviews, readerId, now }: ReviewHistoryProps) {
  if (reviews.length === 0) return <p class="hint">No reviews yet.</p>;

  return (
    <ul class="review-history">
      {reviews.map((review) => (
        <li key={review.id} class={`review review--${review.verdict}`}>
          <p>
            <strong>
              {review.reviewer_id === readerId
                ? 'You'
                : (review.reviewer_name ?? 'A reviewer')}
            </strong>{' '}
            {review.verdict === 'approve' ? 'approved' : 'asked for changes'}{' '}
            <TimeAgo iso={review.created_at} now={now} />
            {!review.current && (
              <span class="badge">On an earlier version of the text</span>
            )}
          </p>
          <FeedbackFields
            helps={review.helps}
            improve={review.improve}
            accuracyConcern={review.accuracy_concern}
          />
        </li>
      ))}
    </ul>
  );
}
