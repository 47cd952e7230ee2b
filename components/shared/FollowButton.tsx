/** Props of FollowButton. */
export interface FollowButtonProps {
  /** The person's or topic's name, as the reader knows it. */
  label: string;
  following: boolean;
  /** True while the request is on its way; the button waits for it. */
  busy?: boolean;
  onToggle(): void;
}

/**
 * Follows or unfollows a person or a topic. The name says what a click
 * does ("Unfollow Health & Safety") rather than a pressed state, the way
 * the Endorse button does, and keeps the visible word inside it.
 */
export function FollowButton(props: FollowButtonProps) {
  const { label, following, busy = false, onToggle } = props;
  const action = following ? 'Unfollow' : 'Follow';

  return (
    <button
      type="button"
      class={following ? 'follow follow--on' : 'follow'}
      aria-label={`${action} ${label}`}
      aria-busy={busy}
      disabled={busy}
      onClick={onToggle}
    >
      {action}
    </button>
  );
}
