import type { ClipTrust, DetailClip } from '@/utils/remote/peer-wire';

/** Props of ClipBadges. */
export interface ClipBadgesProps {
  state: DetailClip['state'];
  trust: ClipTrust;
  regulated: boolean;
}

const STATE_LABELS: Record<DetailClip['state'], string> = {
  draft: 'Draft',
  in_review: 'In review',
  published: 'Published',
  archived: 'Archived',
};

/** Where the clip is in its life, and whether it can be trusted. */
export function ClipBadges({ state, trust, regulated }: ClipBadgesProps) {
  return (
    <ul class="clip-badges" aria-label="Status">
      <li class="badge">{STATE_LABELS[state]}</li>
      {trust === 'trusted' && (
        <li class="badge badge--trusted">
          {regulated ? 'Endorsed' : 'Trusted'}
        </li>
      )}
      {trust === 'awaiting_endorsement' && (
        <li class="badge badge--waiting">Awaiting official endorsement</li>
      )}
    </ul>
  );
}
