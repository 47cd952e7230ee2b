import { exactTime, timeAgo } from '@/utils/models/relative-time';
import type { FeedItem } from '@/utils/remote/sync-wire';
import { FollowButton } from '@/components/shared/FollowButton';
import { TagList } from '@/components/shared/TagList';
import { FeedBadges } from './FeedBadges';
import { notePreview } from './note-preview';

/** Props of FeedCard. */
export interface FeedCardProps {
  item: FeedItem;
  /** The moment the relative times are counted from. */
  now: Date;
  /** A clip still waiting for review; never so in the published feed. */
  inReview?: boolean;
  /** The source page no longer holds the quote as clipped. */
  sourceChanged?: boolean;
  /** Where the card sits in the feed, counted from 1, for screen readers. */
  position?: number;
  /** How many cards the feed has; -1 while more may come. */
  setSize?: number;
  onOpen(clipId: string): void;
  /**
   * Whether the reader follows the author; null on the reader's own clip.
   * No follow button is shown without it and `onFollowAuthor`.
   */
  followingAuthor?: boolean | null;
  /** True while a follow of the author is on its way. */
  followBusy?: boolean;
  onFollowAuthor?(authorId: string, follow: boolean): void;
}

const plural = (count: number, one: string, many: string) =>
  `${count} ${count === 1 ? one : many}`;

function countsOf(item: FeedItem): string {
  const endorsements =
    item.peer_endorsement_count + item.official_endorsement_count;
  return [
    plural(item.comment_count, 'comment', 'comments'),
    plural(endorsements, 'endorsement', 'endorsements'),
  ].join(' · ');
}

/**
 * One published clip in the peer feed: who clipped what from where, the
 * quote and the start of the note, and how peers received it. Every
 * string of the clip is rendered as text, never as markup.
 */
export function FeedCard({
  item,
  now,
  inReview = false,
  sourceChanged = false,
  position,
  setSize,
  onOpen,
  followingAuthor,
  followBusy = false,
  onFollowAuthor,
}: FeedCardProps) {
  const author = item.author_name || 'A colleague';
  const titleId = `feed-card-title-${item.id}`;
  const note = notePreview(item.note);

  return (
    <article
      class="feed-card"
      // The ARIA feed pattern makes each article focusable, so Page Down
      // can move from card to card.
      // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex
      tabIndex={0}
      aria-labelledby={titleId}
      aria-posinset={position}
      aria-setsize={setSize}
      data-clip-id={item.id}
    >
      <p class="feed-card__byline">
        <span class="feed-card__author">{author}</span>
        {item.author_team_name && (
          <span class="feed-card__team">{item.author_team_name}</span>
        )}
        <time
          dateTime={item.published_at}
          title={exactTime.format(new Date(item.published_at))}
        >
          {timeAgo(item.published_at, now)}
        </time>
      </p>
      <h3 class="feed-card__title" id={titleId}>
        <button type="button" class="link" onClick={() => onOpen(item.id)}>
          {item.title || 'Untitled page'}
        </button>
      </h3>
      <p class="feed-card__site">{item.site}</p>
      <blockquote class="feed-card__quote">{item.quote}</blockquote>
      {note && <p class="feed-card__note">{note}</p>}
      <FeedBadges
        item={item}
        inReview={inReview}
        sourceChanged={sourceChanged}
      />
      {item.topic_name && (
        <p class="feed-card__topic">Topic: {item.topic_name}</p>
      )}
      <TagList tags={item.tags} />
      <div class="feed-card__footer">
        <span class="feed-card__counts">{countsOf(item)}</span>
        {onFollowAuthor && followingAuthor != null && (
          <FollowButton
            label={author}
            following={followingAuthor}
            busy={followBusy}
            onToggle={() => onFollowAuthor(item.author_id, !followingAuthor)}
          />
        )}
      </div>
    </article>
  );
}
