import type { ChangeType } from '@/utils/remote/sync-wire';
import type { RejectedChange } from '@/utils/sync/rejections';

/** Props of RejectedChanges. */
export interface RejectedChangesProps {
  rejected: RejectedChange[];
  /** The title of a clip still in this browser, to name what was refused. */
  titleOf(clipId: string): string | undefined;
  onDismiss(changeId: string): void;
}

const CHANGE_TEXT: Record<ChangeType, string> = {
  'clip.upsert': 'Saving the clip',
  'clip.delete': 'Deleting the clip',
  'clip.submit': 'Submitting the clip for review',
  'comment.upsert': 'A comment',
  'comment.delete': 'Deleting a comment',
  'endorsement.create': 'An endorsement',
  'endorsement.withdraw': 'Withdrawing an endorsement',
  'review.create': 'A review',
};

/**
 * The changes the server refused, each with the server's reason, until
 * the author dismisses them. The rest of the queue went on without them.
 */
export function RejectedChanges({
  rejected,
  titleOf,
  onDismiss,
}: RejectedChangesProps) {
  if (rejected.length === 0) return null;

  return (
    <section class="rejected" aria-labelledby="rejected-title">
      <h2 id="rejected-title">Changes the server refused</h2>
      <ul class="rejected-list">
        {rejected.map((change) => {
          const title = titleOf(change.clipId) ?? 'a clip no longer here';
          const what = CHANGE_TEXT[change.type] ?? 'A change';
          const reasonId = `refused-${change.changeId}`;
          return (
            <li key={change.changeId}>
              <p id={reasonId}>
                {what} on “{title}” was refused: {change.reason}
              </p>
              <button
                type="button"
                aria-describedby={reasonId}
                onClick={() => onDismiss(change.changeId)}
              >
                Dismiss
              </button>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
