import { httpHref } from '@/utils/markdown/parse-inline';
import type { ReviewQueueItem } from '@/utils/remote/peer-wire';
import { NoteMarkdown } from '../../shared/NoteMarkdown';
import { TagList } from '../../shared/TagList';

/** Props of ReviewedClip. */
export interface ReviewedClipProps {
  item: ReviewQueueItem;
  titleId: string;
}

/** The clip under review: what the reviewer judges. */
export function ReviewedClip({ item, titleId }: ReviewedClipProps) {
  const href = httpHref(item.source_url);

  return (
    <>
      <h2 id={titleId}>{item.title || 'Untitled page'}</h2>
      <p class="clip-byline">
        By <strong>{item.author_name ?? 'A colleague'}</strong>
        {item.author_team_name && ` · ${item.author_team_name}`}
        {item.topic_name &&
          ` · Topic: ${item.topic_name}${item.topic_regulated ? ' (regulated)' : ''}`}
      </p>
      <p class="source">
        {href ? (
          <a href={href} target="_blank" rel="noopener noreferrer">
            {item.site || item.source_url}
          </a>
        ) : (
          item.site || item.source_url
        )}
      </p>
      <h3>Quote</h3>
      <blockquote class="quote">{item.quote}</blockquote>
      <h3>Note</h3>
      {item.note.trim() ? (
        <NoteMarkdown class="note-markdown" text={item.note} />
      ) : (
        <p class="hint">No note.</p>
      )}
      <TagList tags={item.tags} />
    </>
  );
}
