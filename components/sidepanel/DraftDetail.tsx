import type { ComponentChildren } from 'preact';
import type { Clip } from '@/utils/models/clip';
import { conflictOf } from '@/utils/models/conflict-of';
import { SafeHtml } from '../shared/SafeHtml';
import { TagList } from '../shared/TagList';
import { ConflictMark } from './ConflictMark';

/** Props of DraftDetail. */
export interface DraftDetailProps {
  draft: Clip;
  onBack(): void;
  onOpenOriginal(id: string): void;
  /** What the author does next with the draft: publishing, feedback. */
  children?: ComponentChildren;
}

/** Only web and file addresses become links; anything else stays text. */
function isLinkable(url: string): boolean {
  return /^(https?|file):\/\//i.test(url);
}

/** One draft in full: quote, snippet, note, tags and its source. */
export function DraftDetail({
  draft,
  onBack,
  onOpenOriginal,
  children,
}: DraftDetailProps) {
  const original = conflictOf(draft);

  return (
    <article class="draft-detail" aria-labelledby="detail-title">
      <button type="button" class="link" onClick={onBack}>
        ← All drafts
      </button>
      <h2 id="detail-title">{draft.title || 'Untitled page'}</h2>
      {original && (
        <>
          <ConflictMark onOpenOriginal={() => onOpenOriginal(original)} />
          <p class="hint">
            The workspace kept another version of this draft; this copy holds
            what was written here. Compare the two and keep what you need.
          </p>
        </>
      )}
      <p class="source">
        {isLinkable(draft.sourceUrl) ? (
          <a href={draft.sourceUrl} target="_blank" rel="noopener noreferrer">
            {draft.site || draft.sourceUrl}
          </a>
        ) : (
          draft.sourceUrl
        )}
      </p>
      {children}
      <h3>Quote</h3>
      <blockquote class="quote">{draft.quote}</blockquote>
      {draft.quoteTruncated && (
        <p class="hint">The selection was long: only its start was kept.</p>
      )}
      {draft.snippet && (
        <>
          <h3>As on the page</h3>
          <SafeHtml
            class="snippet"
            html={draft.snippet}
            baseUrl={draft.sourceUrl}
          />
        </>
      )}
      <h3>Note</h3>
      <p class="note">{draft.note || 'No note yet.'}</p>
      <TagList tags={draft.tags} />
    </article>
  );
}
