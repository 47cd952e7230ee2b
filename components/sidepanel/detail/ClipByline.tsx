import type { ClipDetail, FollowTarget } from '@/utils/remote/peer-wire';

/** Props of ClipByline. */
export interface ClipBylineProps {
  detail: ClipDetail;
  readerId: string | null;
  /** Absent where following is not offered, e.g. offline. */
  onFollow?(target: FollowTarget, follow: boolean): void;
}

function FollowToggle(props: {
  following: boolean;
  name: string;
  onToggle(): void;
}) {
  return (
    <button
      type="button"
      class="follow-toggle"
      aria-pressed={props.following}
      onClick={props.onToggle}
    >
      {props.following ? `Following ${props.name}` : `Follow ${props.name}`}
    </button>
  );
}

/** Who wrote the clip, their team and its topic, each followable. */
export function ClipByline({ detail, readerId, onFollow }: ClipBylineProps) {
  const { clip } = detail;
  const author = clip.author_name ?? 'A colleague';
  const own = clip.author_id === readerId;

  return (
    <div class="clip-byline">
      <p>
        By <strong>{own ? 'you' : author}</strong>
        {clip.author_team_name && <> · {clip.author_team_name}</>}
        {clip.topic_name && (
          <>
            {' '}
            · Topic: {clip.topic_name}
            {clip.topic_regulated && ' (regulated)'}
          </>
        )}
      </p>
      {onFollow && (
        <div class="actions">
          {!own && (
            <FollowToggle
              following={detail.following_author}
              name={author}
              onToggle={() =>
                onFollow(
                  { kind: 'person', id: clip.author_id },
                  !detail.following_author,
                )
              }
            />
          )}
          {clip.topic_id && clip.topic_name && (
            <FollowToggle
              following={detail.following_topic}
              name={clip.topic_name}
              onToggle={() =>
                onFollow(
                  { kind: 'topic', id: clip.topic_id ?? '' },
                  !detail.following_topic,
                )
              }
            />
          )}
        </div>
      )}
    </div>
  );
}
