import type { Clip } from '@/utils/models/clip';
import { conflictOf } from '@/utils/models/conflict-of';
import { ConflictMark } from './ConflictMark';

/** Clips already sent on say where they are; drafts say nothing. */
const STATE_LABELS: Partial<Record<Clip['state'], string>> = {
  in_review: 'In review',
  published: 'Published',
};

/** Props of DraftList. */
export interface DraftListProps {
  drafts: Clip[];
  searching: boolean;
  onOpen(id: string): void;
  /** Opens a conflict copy's original, wherever the search has narrowed. */
  onOpenOriginal(id: string): void;
}

const dateFormat = new Intl.DateTimeFormat('en', {
  dateStyle: 'medium',
  timeStyle: 'short',
});

/** My drafts, newest first; each opens its detail. */
export function DraftList({
  drafts,
  searching,
  onOpen,
  onOpenOriginal,
}: DraftListProps) {
  if (drafts.length === 0) {
    return (
      <p class="hint" role="status">
        {searching
          ? 'No draft matches this search.'
          : 'No drafts yet. Select text on a page and clip it.'}
      </p>
    );
  }

  const titles = new Map(drafts.map((draft) => [draft.id, draft.title]));

  return (
    <ul class="draft-list" aria-label="My drafts">
      {drafts.map((draft) => {
        const original = conflictOf(draft);
        return (
          <li key={draft.id} class={original ? 'draft--conflict' : undefined}>
            <button
              type="button"
              class="draft-card"
              onClick={() => onOpen(draft.id)}
            >
              <span class="draft-card__title">
                {draft.title || 'Untitled page'}
              </span>
              <span class="draft-card__quote">{draft.quote.slice(0, 160)}</span>
              <span class="draft-card__meta">
                {STATE_LABELS[draft.state] && (
                  <strong>{STATE_LABELS[draft.state]} · </strong>
                )}
                {draft.site} ·{' '}
                <time dateTime={draft.updatedAt}>
                  {dateFormat.format(new Date(draft.updatedAt))}
                </time>
              </span>
            </button>
            {original && (
              <ConflictMark
                originalTitle={titles.get(original)}
                onOpenOriginal={() => onOpenOriginal(original)}
              />
            )}
          </li>
        );
      })}
    </ul>
  );
}
