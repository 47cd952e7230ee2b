import type { ReviewQueueModel } from '@/utils/models/review-queue-model';
import { timeAgo } from '@/utils/models/relative-time';
import type { ReviewQueueItem } from '@/utils/remote/peer-wire';
import { ReviewedClip } from './ReviewedClip';
import { ReviewForm } from './ReviewForm';
import '../detail/detail.css';

/** Props of ReviewQueue. */
export interface ReviewQueueProps {
  model: ReviewQueueModel;
  now?: Date;
}

const VERDICTS = {
  approve: 'You approved it',
  changes: 'You asked for changes',
} as const;

function QueueEntry(props: {
  item: ReviewQueueItem;
  now: Date;
  onOpen(id: string): void;
}) {
  const { item, now } = props;

  return (
    <li>
      <button
        type="button"
        class="draft-card"
        onClick={() => props.onOpen(item.id)}
      >
        <span class="draft-card__title">{item.title || 'Untitled page'}</span>
        <span class="draft-card__meta">
          {item.author_name ?? 'A colleague'}
          {item.author_team_name && ` · ${item.author_team_name}`}
          {item.topic_name &&
            ` · ${item.topic_name}${item.topic_regulated ? ' (regulated)' : ''}`}
          {item.submitted_at && ` · sent ${timeAgo(item.submitted_at, now)}`}
        </span>
        {item.my_verdict && (
          <span class="badge">{VERDICTS[item.my_verdict]}</span>
        )}
      </button>
    </li>
  );
}

/** Loading, failed, stale or sent: the line above the list. */
function QueueStatusLine({ model }: { model: ReviewQueueModel }) {
  const sent = model.sent.value;
  if (model.status.value === 'loading') {
    return (
      <p class="hint" role="status">
        Loading the review queue…
      </p>
    );
  }
  if (model.status.value === 'failed') {
    return (
      <div class="notice notice--problem" role="alert">
        <p>{model.failure.value}</p>
        <button type="button" onClick={() => void model.load()}>
          Try again
        </button>
      </div>
    );
  }
  return (
    <>
      {model.stale.value && (
        <p class="notice" role="status">
          Offline: this is the queue as last seen. Reviews you give now are sent
          once you are back online.
        </p>
      )}
      {sent && (
        <p class="notice" role="status">
          {sent === 'approve'
            ? 'Your approval is recorded.'
            : 'Your request for changes is recorded; the author sees your feedback.'}
        </p>
      )}
    </>
  );
}

/**
 * The clips waiting for the reader's review: a list, and one clip opened
 * with the review form under it.
 */
export function ReviewQueue({ model, now = new Date() }: ReviewQueueProps) {
  const opened = model.opened.value;
  if (opened) {
    return (
      <section class="review-queue" aria-labelledby="review-clip-title">
        <ReviewedClip item={opened} titleId="review-clip-title" />
        <ReviewForm
          key={opened.id}
          problem={model.problem.value}
          onSubmit={model.review}
          onCancel={model.close}
        />
      </section>
    );
  }

  const items = model.items.value;
  const ready = model.status.value === 'ready';
  return (
    <section class="review-queue" aria-labelledby="review-queue-title">
      <h2 id="review-queue-title">Review queue</h2>
      <QueueStatusLine model={model} />
      {ready && items.length === 0 && (
        <p class="hint">Nothing is waiting for your review.</p>
      )}
      {items.length > 0 && (
        <ul class="draft-list" aria-label="Clips waiting for your review">
          {items.map((item) => (
            <QueueEntry
              key={item.id}
              item={item}
              now={now}
              onOpen={model.open}
            />
          ))}
        </ul>
      )}
    </section>
  );
}
