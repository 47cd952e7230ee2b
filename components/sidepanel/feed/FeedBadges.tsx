import type { FeedItem } from '@/utils/remote/sync-wire';

/** Props of FeedBadges. */
export interface FeedBadgesProps {
  item: FeedItem;
  inReview: boolean;
  sourceChanged: boolean;
}

/** The words of each badge a clip earns, most telling first. */
export function badgesOf({
  item,
  inReview,
  sourceChanged,
}: FeedBadgesProps): { text: string; tone: string }[] {
  const badges: { text: string; tone: string }[] = [];
  if (item.trust === 'trusted') {
    badges.push({ text: 'Endorsed', tone: 'endorsed' });
  }
  if (item.trust === 'awaiting_endorsement') {
    badges.push({ text: 'Awaiting endorsement', tone: 'awaiting' });
  }
  if (item.peer_endorsement_count > 0) {
    const text = `Peer endorsed ${item.peer_endorsement_count}`;
    badges.push({ text, tone: 'peer' });
  }
  if (inReview) badges.push({ text: 'In review', tone: 'review' });
  if (sourceChanged) {
    badges.push({ text: 'Source changed', tone: 'changed' });
  }
  return badges;
}

/** The trust and state badges of a feed card, or nothing. */
export function FeedBadges(props: FeedBadgesProps) {
  const badges = badgesOf(props);
  if (badges.length === 0) return null;

  return (
    <ul class="feed-badges" aria-label="Badges">
      {badges.map(({ text, tone }) => (
        <li key={tone} class={`feed-badge feed-badge--${tone}`}>
          {text}
        </li>
      ))}
    </ul>
  );
}
