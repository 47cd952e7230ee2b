import type { ComponentChildren } from 'preact';
import { httpHref } from '@/utils/markdown/parse-inline';
import type { DetailModel, ShownNote } from '@/utils/models/detail-model';
import { timeAgo } from '@/utils/models/relative-time';
import type { ClipDetail, FollowTarget } from '@/utils/remote/peer-wire';
import { NoteMarkdown } from '../../shared/NoteMarkdown';
import { SafeHtml } from '../../shared/SafeHtml';
import { TagList } from '../../shared/TagList';
import { ClipBadges } from './ClipBadges';
import { ClipByline } from './ClipByline';
import { CommentThread } from './CommentThread';
import { EndorsementList } from './EndorsementList';
import { ReviewHistory } from './ReviewHistory';
import './detail.css';

/** Props of ClipDetailView. */
export interface ClipDetailViewProps {
  model: DetailModel;
  now?: Date;
  onBack?(): void;
  /** The Endorse or Withdraw button, built by its own component. */
  renderEndorse?(detail: ClipDetail): ComponentChildren;
  /** The publishing action, offered on the reader's own draft only. */
  renderPublish?(detail: ClipDetail): ComponentChildren;
  /** Under the note: what its author may do with it. */
  renderNoteActions?(detail: ClipDetail): ComponentChildren;
  onFollow?(target: FollowTarget, follow: boolean): void;
}

/** The link to the source, and whether a reader found the quote gone. */
function SourceLink({ detail }: { detail: ClipDetail }) {
  const { clip } = detail;
  const href = httpHref(clip.source_url);
  const label = clip.site || clip.source_url;

  return (
    <>
      <p class="source">
        {href ? (
          <a href={href} target="_blank" rel="noopener noreferrer">
            {label}
          </a>
        ) : (
          label
        )}
      </p>
      {clip.source_changed_at && (
        <p class="source-changed">
          The source page changed since this was clipped.
        </p>
      )}
    </>
  );
}

/** The clip's own content: quote, snippet, note and tags. */
function ClipContent(props: { detail: ClipDetail; note: ShownNote | null }) {
  const { clip } = props.detail;
  const note = props.note ?? { text: clip.note, unsent: false };

  return (
    <>
      <h3>Quote</h3>
      <blockquote class="quote quote--full">{clip.quote}</blockquote>
      {clip.quote_truncated && (
        <p class="hint">The selection was long: only its start was kept.</p>
      )}
      {clip.snippet && (
        <>
          <h3>As on the page</h3>
          <SafeHtml
            class="snippet"
            html={clip.snippet}
            baseUrl={clip.source_url}
          />
        </>
      )}
      <h3>Note</h3>
      {note.text.trim() ? (
        <NoteMarkdown class="note-markdown" text={note.text} />
      ) : (
        <p class="hint">No note.</p>
      )}
      {note.unsent && (
        <p class="hint">Saved here; peers see it after the next sync.</p>
      )}
      <TagList tags={clip.tags} />
    </>
  );
}

/** Loading, gone or failed: one sentence, and a retry where it helps. */
function DetailStatusLine({ model }: { model: DetailModel }) {
  switch (model.status.value) {
    case 'loading':
      return (
        <p class="hint" role="status">
          Loading the clip…
        </p>
      );
    case 'not-found':
      return (
        <p class="notice" role="alert">
          This clip is not there any more: it was deleted, archived or is no
          longer shared with you.
        </p>
      );
    case 'failed':
      return (
        <div class="notice notice--problem" role="alert">
          <p>{model.failure.value ?? 'The clip could not be opened.'}</p>
          <button type="button" onClick={() => void model.refresh()}>
            Try again
          </button>
        </div>
      );
    default:
      return null;
  }
}

function StaleNotice({ model, now }: { model: DetailModel; now: Date }) {
  const fetchedAt = model.fetchedAt.value;
  if (!model.stale.value) return null;

  return (
    <p class="notice" role="status">
      Offline: this is the clip as it was
      {fetchedAt ? ` ${timeAgo(fetchedAt, now)}` : ' last seen'}. Comments you
      write now are sent once you are back online.
    </p>
  );
}

/**
 * One clip in full, as peers see it: its content, who wrote it, how far it
 * is trusted, its endorsements, review history and discussion.
 */
export function ClipDetailView(props: ClipDetailViewProps) {
  const { model, onBack, renderEndorse, renderPublish, onFollow } = props;
  const { renderNoteActions } = props;
  const now = props.now ?? new Date();
  const detail = model.detail.value;
  const readerId = model.readerId.value;

  return (
    <article class="clip-detail" aria-labelledby="clip-detail-title">
      {onBack && (
        <button type="button" class="link" onClick={onBack}>
          ← Back
        </button>
      )}
      <DetailStatusLine model={model} />
      {detail && (
        <>
          <h2 id="clip-detail-title">{detail.clip.title || 'Untitled page'}</h2>
          <StaleNotice model={model} now={now} />
          <ClipBadges
            state={detail.clip.state}
            trust={detail.trust}
            regulated={detail.clip.topic_regulated}
          />
          <ClipByline detail={detail} readerId={readerId} onFollow={onFollow} />
          <SourceLink detail={detail} />
          {model.isOwnDraft.value && renderPublish?.(detail)}
          <ClipContent detail={detail} note={model.note.value} />
          {renderNoteActions?.(detail)}
          <section aria-labelledby="endorsements-title">
            <h3 id="endorsements-title">Endorsements</h3>
            {renderEndorse?.(detail)}
            <EndorsementList
              endorsements={model.endorsements.value}
              readerId={readerId}
              now={now}
            />
          </section>
          <section aria-labelledby="reviews-title">
            <h3 id="reviews-title">Reviews</h3>
            <ReviewHistory
              reviews={detail.reviews}
              readerId={readerId}
              now={now}
            />
          </section>
          {model.problem.value && (
            <p class="notice notice--problem" role="alert">
              {model.problem.value}
            </p>
          )}
          <CommentThread
            comments={model.comments.value}
            readerId={readerId}
            canComment={detail.clip.state === 'published'}
            now={now}
            onAdd={model.addComment}
            onEdit={model.editComment}
            onDelete={model.deleteComment}
          />
        </>
      )}
    </article>
  );
}
