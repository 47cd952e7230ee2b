import { useEffect } from 'preact/hooks';
import type {
  ActivityModel,
  ClipActivity,
} from '@/utils/models/activity-model';
import { ProblemNotice } from '../shared/ProblemNotice';

/** Props of ActivityView. */
export interface ActivityViewProps {
  model: ActivityModel;
  onOpen(clipId: string): void;
}

function plural(count: number, one: string, many: string): string | null {
  if (count === 0) return null;
  return `${count} ${count === 1 ? one : many}`;
}

function summary(entry: ClipActivity): string {
  return [
    plural(entry.comments, 'comment', 'comments'),
    plural(entry.endorsements, 'endorsement', 'endorsements'),
    plural(entry.reviews, 'review', 'reviews'),
  ]
    .filter(Boolean)
    .join(', ');
}

/** What peers did on the reader's clips; opening it clears the badge. */
export function ActivityView({ model, onOpen }: ActivityViewProps) {
  useEffect(() => void model.load(), [model]);

  const clips = model.clips.value;
  const problem = model.problem.value;
  if (clips === null) {
    // A failed first read says why instead of loading for ever.
    return problem ? (
      <ProblemNotice problem={problem} />
    ) : (
      <p class="hint" role="status">
        Loading activity…
      </p>
    );
  }
  if (clips.length === 0) {
    return (
      <p class="hint">
        Nobody has commented on, reviewed or endorsed your clips yet.
      </p>
    );
  }

  return (
    <ul class="activity-list">
      {clips.map((entry) => (
        <li key={entry.clipId} class={entry.unseen ? 'unseen' : undefined}>
          <button
            type="button"
            class="link"
            onClick={() => onOpen(entry.clipId)}
          >
            {entry.title}
          </button>
          <br />
          {summary(entry)}
          {entry.unseen && <span> · new</span>}
        </li>
      ))}
    </ul>
  );
}
